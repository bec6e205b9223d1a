import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { renderQueue } from '../src/discord/deskRender.ts';
import { isDeskModerator, moderatorsOnly } from '../src/discord/modQueue.ts';
import { renderNotice } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/respond.ts';

/**
 * `/queue` (moderators, private): the open fact-check requests, grouped by much the same question,
 * most asked first. Hidden by default from members without Manage Server; members with MOD_ROLE_ID
 * are let in here too once a server admin allows them the command (Server Settings → Integrations).
 */
export default {
  data: new SlashCommandBuilder()
    .setName('queue')
    .setDescription('Open fact-check requests, most asked first (moderators only).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  async execute(interaction, ctx) {
    if (!isDeskModerator(interaction, ctx.config)) {
      await sendReply(interaction, { payload: moderatorsOnly(ctx.config), ephemeral: true });
      return;
    }
    const records = ctx.desk.records;
    const payload =
      records === null
        ? renderNotice(`The fact-check desk’s features are off: ${ctx.desk.health().reason ?? 'unknown reason'}.`)
        : renderQueue(records.requests.openGroups());
    await sendReply(interaction, { payload, ephemeral: true });
  },
} satisfies SlashCommand;
