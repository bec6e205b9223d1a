/**
 * Clicks on the bot's own components: a follow-up button asks its question in the channel; the
 * "which brief did you mean" select re-asks the question with the chosen brief.
 */
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { deliverAnswer } from './answering.ts';
import type { CommandContext } from './command.ts';
import type { ComponentAction } from './customIds.ts';
import { renderNotice } from './render.ts';
import { sendReply } from './respond.ts';

const FORGOTTEN =
  'This button belongs to an answer I no longer remember (I was restarted since). Please ask again with /ask.';

/** Handles a button or select whose custom id the bot made. */
export async function handleComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  action: ComponentAction,
  ctx: CommandContext,
): Promise<void> {
  const send = sendReply.bind(null, interaction);
  const text = ctx.texts.recall(action.key);
  if (text === undefined) {
    await send({ payload: renderNotice(FORGOTTEN), ephemeral: true });
    return;
  }
  const asker = { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId };
  if (action.kind === 'followUp') {
    await deliverAnswer(text, { ...asker, via: 'button' }, ctx, send);
    return;
  }
  const doc = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  const brief = ctx.knowledge.sources().find((b) => b.doc === doc);
  if (brief === undefined) {
    await send({
      payload: renderNotice('That brief is no longer loaded — see /sources for the current ones.'),
      ephemeral: true,
    });
    return;
  }
  await deliverAnswer(text, { ...asker, via: 'select' }, ctx, send, { doc: brief.doc });
}
