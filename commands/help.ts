import { SlashCommandBuilder } from 'discord.js';
import { overview } from '../src/core/overview.ts';
import type { SlashCommand } from '../src/discord/command.ts';
import { renderHelp } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/respond.ts';

/** `/help`: what the briefs cover, questions they answer, and the commands. */
export default {
  data: new SlashCommandBuilder().setName('help').setDescription('How to ask me things.'),
  async execute(interaction, ctx) {
    await sendReply(interaction, { payload: renderHelp(overview(ctx.knowledge), (name) => ctx.commands.mention(name)), ephemeral: true });
  },
} satisfies SlashCommand;
