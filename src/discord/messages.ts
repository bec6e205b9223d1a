/**
 * Questions in ordinary messages: an @mention of the bot in a guild channel, a direct message, or
 * any message in one of the configured answer channels. Bots (the bot itself included), webhooks
 * and system messages are never answered.
 */
import type { Message } from 'discord.js';
import { overview } from '../core/overview.ts';
import { deliverAnswer, type QuestionSource } from './answering.ts';
import type { CommandContext } from './command.ts';
import { renderHelp, type ReplyPayload } from './render.ts';
import { messageOptions } from './respond.ts';

/** The parts of a message that decide whether and what to answer. */
export interface IncomingMessage {
  readonly content: string;
  /** A bot, a webhook or a system message. */
  readonly fromAutomation: boolean;
  readonly guildId: string | null;
  readonly channelId: string;
}

/** Who the bot is and where it reads every message. */
export interface Addressing {
  readonly botId: string;
  /** The bot's managed role in this guild: Discord's client sometimes mentions it instead. */
  readonly botRoleId: string | null;
  readonly answerChannelIds: readonly string[];
}

/** A question addressed to the bot: its text with the bot's mentions removed. */
export interface AddressedQuestion {
  readonly question: string;
  readonly via: Extract<QuestionSource, 'mention' | 'dm' | 'channel'>;
}

/**
 * The question a message asks the bot, or null when the message is not for the bot. Mentions are
 * read from the content itself, so a reply that merely pings the bot's earlier message is not
 * taken for a question.
 */
export function addressedQuestion(message: IncomingMessage, addressing: Addressing): AddressedQuestion | null {
  if (message.fromAutomation) return null;
  const ids = [`@!?${addressing.botId}`, ...(addressing.botRoleId === null ? [] : [`@&${addressing.botRoleId}`])];
  const mention = new RegExp(`<(?:${ids.join('|')})>`, 'g');
  const mentioned = message.content.search(mention) >= 0;
  const question = message.content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
  if (message.guildId === null) return { question, via: 'dm' };
  if (mentioned) return { question, via: 'mention' };
  if (addressing.answerChannelIds.includes(message.channelId)) {
    // Attachments-only or sticker messages in an answer channel are not questions.
    return question === '' ? null : { question, via: 'channel' };
  }
  return null;
}

/** The question `message` asks the bot, or null when it is not for the bot. */
export function questionIn(message: Message, answerChannelIds: readonly string[]): AddressedQuestion | null {
  return addressedQuestion(
    {
      content: message.content,
      fromAutomation: message.author.bot || message.webhookId !== null || message.system,
      guildId: message.guildId,
      channelId: message.channelId,
    },
    {
      botId: message.client.user.id,
      botRoleId: message.guild?.members.me?.roles.botRole?.id ?? null,
      answerChannelIds,
    },
  );
}

/**
 * Replies to `message`. A channel message cannot be ephemeral, so notices are plain replies too; no
 * one is pinged, not even the asker.
 */
export async function replyTo(message: Message, payload: ReplyPayload): Promise<{ id: string; channelId: string }> {
  const sent = await message.reply({ ...messageOptions(payload), allowedMentions: { parse: [], repliedUser: false } });
  return { id: sent.id, channelId: sent.channelId };
}

/** Answers the question `message` asks (see {@link questionIn}) as a reply to it. */
export async function answerMessage(message: Message, addressed: AddressedQuestion, ctx: CommandContext): Promise<void> {
  if (addressed.question === '') {
    // A bare mention is someone asking what the bot does.
    await replyTo(message, renderHelp(overview(ctx.knowledge), (name) => ctx.commands.mention(name)));
    return;
  }
  await deliverAnswer(
    addressed.question,
    { userId: message.author.id, guildId: message.guildId, channelId: message.channelId, via: addressed.via },
    ctx,
    (reply) => replyTo(message, reply.payload),
  );
}
