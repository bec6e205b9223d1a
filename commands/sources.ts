import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { renderSources } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/respond.ts';

/** `/sources`: the loaded briefs with titles, check dates and section counts. */
export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The fact-check briefs I answer from, and when each was checked.'),
  async execute(interaction, ctx) {
    const payload = renderSources(ctx.knowledge.sources(), ctx.knowledge.skipped(), {
      now: ctx.now(),
      staleAfterDays: ctx.config.staleAfterDays,
    });
    await sendReply(interaction, { payload, ephemeral: false });
  },
} satisfies SlashCommand;
