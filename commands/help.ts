import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { renderHelp } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/respond.ts';

/** `/help`: what the bot does and how to ask. */
export default {
  data: new SlashCommandBuilder().setName('help').setDescription('How to ask me things.'),
  async execute(interaction) {
    await sendReply(interaction, { payload: renderHelp(), ephemeral: true });
  },
} satisfies SlashCommand;
