import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { planCorrections } from '../src/discord/corrections.ts';
import { withCorrectionsNote } from '../src/discord/deskRender.ts';
import { renderNotice, renderRefresh } from '../src/discord/render.ts';
import { replyWhenReady, sendReply } from '../src/discord/respond.ts';

/**
 * `/refresh` (moderators): re-reads the briefs, swaps the new index in when it is complete,
 * reports what changed, and plans the corrections that reach earlier askers. Discord hides it from members without Manage Server, but server admins
 * can override that, so the permission is checked again here.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('refresh')
    .setDescription('Reload the fact-check briefs (moderators only).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, ctx) {
    if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true) {
      await sendReply(interaction, {
        payload: renderNotice('Only members with the Manage Server permission can refresh the briefs.'),
        ephemeral: true,
      });
      ctx.logger.info('refresh denied', { guild: interaction.guildId, user: interaction.user.id });
      return;
    }
    await replyWhenReady(
      interaction,
      async () => {
        const before = new Map(ctx.knowledge.sources().map((b) => [b.doc, b.title]));
        const outcome = await ctx.knowledge.refresh();
        const after = new Map(ctx.knowledge.sources().map((b) => [b.doc, b.title]));
        if (outcome.status === 'failed') {
          ctx.logger.error('refresh failed', { guild: interaction.guildId, error: outcome.error });
          return { payload: renderRefresh(outcome), ephemeral: true };
        }
        const { report } = outcome;
        ctx.logger.info('refreshed', {
          guild: interaction.guildId,
          user: interaction.user.id,
          briefs: report.briefs,
          added: report.added.length,
          changed: report.changed.length,
          removed: report.removed.length,
          skipped: report.skipped.length,
          ms: report.ms,
        });
        const plan = await planCorrections(ctx, report, ctx.now());
        const payload = renderRefresh(outcome, (doc) => after.get(doc) ?? before.get(doc));
        return { payload: plan === null ? payload : withCorrectionsNote(payload, plan), ephemeral: true };
      },
      // The report is for the moderator; the refresh reads files, so defer at once.
      { ephemeral: true, receivedAt: ctx.receivedAt, deferAfterMs: 0 },
    );
  },
} satisfies SlashCommand;
