/**
 * Clicks on the bot's own components: a question button (follow-up or suggestion) asks its question,
 * privately, or in the open inside the bot's thread; the brief picker answers the message's question
 * again from the chosen brief by editing that message; "More about NAME" answers from the chosen
 * brief what it says about the organisation. Every id carries what it needs (see customIds.ts), so
 * clicks keep working after a restart; one made from briefs that have changed since says so.
 */
import type { ButtonInteraction, Message, StringSelectMenuInteraction } from 'discord.js';
import { companyQuestion } from '../core/replyText.ts';
import { deliverAnswer, type Asker } from './answering.ts';
import type { CommandContext } from './command.ts';
import { questionFor, type ComponentAction } from './customIds.ts';
import { askedIn, renderNotice } from './render.ts';
import { messageOptions, sendReply } from './respond.ts';
import { isBotThread } from './threads.ts';

const EXPIRED = 'This button comes from an earlier version of me and no longer works. Please ask again with /ask.';
const CHANGED = 'The briefs have changed since this answer was given, so this button no longer fits them. Please ask again with /ask.';
const BRIEF_GONE = 'That brief is no longer loaded — see /sources for the current ones, or ask again with /ask.';

/** Handles a button or select whose custom id the bot made. */
export async function handleComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  action: ComponentAction,
  ctx: CommandContext,
): Promise<void> {
  const notice = async (text: string): Promise<void> => {
    await sendReply(interaction, { payload: renderNotice(text), ephemeral: true });
  };
  if (action.kind === 'expired') return notice(EXPIRED);
  const asker = (via: Asker['via']): Asker => ({ userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, via });
  // In the bot's thread the answer joins the conversation; elsewhere a click answers only the clicker.
  const ephemeral = !isBotThread(interaction.channel, interaction.client.user.id);
  const send = sendReply.bind(null, interaction);

  if (action.kind === 'ask') {
    const question = questionFor(ctx.knowledge, action.key);
    if (question === undefined) return notice(CHANGED);
    return deliverAnswer(question, asker('button'), ctx, send, { ephemeral });
  }

  const doc = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  if (doc === undefined || !ctx.knowledge.sources().some((b) => b.doc === doc)) return notice(action.corpus === ctx.knowledge.fingerprint() ? BRIEF_GONE : CHANGED);

  if (action.kind === 'company') {
    return deliverAnswer(companyQuestion(action.name), asker('select'), ctx, send, { doc, ephemeral });
  }
  const asked = askedIn(interaction.message.embeds[0]?.toJSON());
  if (asked === null) return notice(CHANGED);
  // The asker's pick edits their answer; anyone else gets the chosen brief's answer to themselves.
  const mine = askerOf(interaction.message) === null || askerOf(interaction.message) === interaction.user.id;
  await deliverAnswer(
    asked.question,
    asker('select'),
    ctx,
    async (reply, delivered) => {
      if (delivered === null || !mine) return sendReply(interaction, { ...reply, ephemeral: true });
      await interaction.update(messageOptions(reply.payload));
      return { id: interaction.message.id, channelId: interaction.message.channelId };
    },
    { doc, keepPicker: true, ephemeral: !mine },
  );
}

/** Who asked the question a bot message answers: the slash command's user, or the author of the message replied to. */
function askerOf(message: Message): string | null {
  return message.interactionMetadata?.user.id ?? message.mentions.repliedUser?.id ?? null;
}
