import { SlashCommandBuilder } from 'discord.js';
import { deliverAnswer, MAX_QUESTION_LENGTH } from '../src/discord/answering.ts';
import type { SlashCommand } from '../src/discord/command.ts';
import { sendReply } from '../src/discord/respond.ts';

/** `/ask question:<text>`: answers from the briefs, with sources and follow-up buttons. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; the answer quotes the fact-check briefs with their sources.')
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, e.g. "Did Amazon end its contracts with ICE?"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH),
    ),
  async execute(interaction, ctx) {
    await deliverAnswer(
      interaction.options.getString('question', true),
      { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, via: 'slash' },
      ctx,
      (reply) => sendReply(interaction, reply),
    );
  },
} satisfies SlashCommand;
