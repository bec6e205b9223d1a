import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { renderDeskStats } from '../src/discord/deskRender.ts';
import { isDeskModerator, moderatorsOnly } from '../src/discord/modQueue.ts';
import { sendReply } from '../src/discord/respond.ts';

/**
 * `/stats` (moderators, private): questions and declines over the last day, week and all kept,
 * the most asked declined questions, votes per brief, corrections sent, and the desk's health.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('stats')
    .setDescription('What is asked, what is declined, votes and corrections (moderators only).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  async execute(interaction, ctx) {
    if (!isDeskModerator(interaction, ctx.config)) {
      await sendReply(interaction, { payload: moderatorsOnly(ctx.config), ephemeral: true });
      return;
    }
    const titles = new Map(ctx.knowledge.sources().map((brief) => [brief.doc, brief.title]));
    const payload = renderDeskStats(ctx.desk.report(), (doc) => titles.get(doc) ?? `${doc} (no longer loaded)`);
    await sendReply(interaction, { payload, ephemeral: true });
  },
} satisfies SlashCommand;
