/**
 * Questions in ordinary messages: an @mention of the bot in a guild channel, a direct message, a
 * reply to one of the bot's messages, a message in a thread the bot started (threads mode), or any
 * message in one of the configured answer channels. A reply or a thread message follows on from the
 * answer it replies to, or the thread's last one. Bots (the bot itself included), webhooks and system
 * messages are never answered.
 */
import type { Message } from 'discord.js';
import type { Config } from '../config.ts';
import type { Turn } from '../core/conversation.ts';
import { overview } from '../core/overview.ts';
import { deliverAnswer, type QuestionSource } from './answering.ts';
import type { CommandContext } from './command.ts';
import { askedIn, renderHelp, type ReplyPayload } from './render.ts';
import { messageOptions } from './respond.ts';
import { isBotThread, lastAnswerIn, threadName } from './threads.ts';

/** The parts of a message that decide whether and what to answer. */
export interface IncomingMessage {
  readonly content: string;
  /** A bot, a webhook or a system message. */
  readonly fromAutomation: boolean;
  readonly guildId: string | null;
  readonly channelId: string;
  /** The message replies to one of the bot's messages. */
  readonly repliesToBot?: boolean;
  /** The message is in a thread the bot started, in threads mode. */
  readonly inBotThread?: boolean;
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
  readonly via: Extract<QuestionSource, 'mention' | 'dm' | 'channel' | 'reply' | 'thread'>;
}

/**
 * The question a message asks the bot, or null when the message is not for the bot. Mentions are
 * read from the content itself; a reply to one of the bot's messages, and a message in its thread,
 * are for the bot without one (an empty one is not a question).
 */
export function addressedQuestion(message: IncomingMessage, addressing: Addressing): AddressedQuestion | null {
  if (message.fromAutomation) return null;
  const ids = [`@!?${addressing.botId}`, ...(addressing.botRoleId === null ? [] : [`@&${addressing.botRoleId}`])];
  const mention = new RegExp(`<(?:${ids.join('|')})>`, 'g');
  const mentioned = message.content.search(mention) >= 0;
  const question = message.content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
  if (message.guildId === null) return { question, via: message.repliesToBot === true ? 'reply' : 'dm' };
  if (mentioned) return { question, via: message.repliesToBot === true ? 'reply' : message.inBotThread === true ? 'thread' : 'mention' };
  const silent = (via: AddressedQuestion['via']): AddressedQuestion | null => (question === '' ? null : { question, via });
  if (message.inBotThread === true) return silent('thread');
  if (message.repliesToBot === true) return silent('reply');
  // Attachments-only or sticker messages in an answer channel are not questions.
  if (addressing.answerChannelIds.includes(message.channelId)) return silent('channel');
  return null;
}

/** The question `message` asks the bot, or null when it is not for the bot. */
export function questionIn(message: Message, config: Pick<Config, 'answerChannelIds' | 'answerInThreads'>): AddressedQuestion | null {
  const botId = message.client.user.id;
  return addressedQuestion(
    {
      content: message.content,
      fromAutomation: message.author.bot || message.webhookId !== null || message.system,
      guildId: message.guildId,
      channelId: message.channelId,
      // The replied-to author comes with the message; whether it was an answer is read when answering.
      repliesToBot: message.reference?.messageId !== undefined && message.mentions.repliedUser?.id === botId,
      inBotThread: config.answerInThreads && isBotThread(message.channel, botId),
    },
    {
      botId,
      botRoleId: message.guild?.members.me?.roles.botRole?.id ?? null,
      answerChannelIds: config.answerChannelIds,
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

/**
 * Answers the question `message` asks (see {@link questionIn}) as a reply to it, following on from
 * the bot's answer it replies to or the last answer of the bot's thread; in threads mode an answer
 * to a channel message opens a thread named after its topic and is posted there.
 */
export async function answerMessage(message: Message, addressed: AddressedQuestion, ctx: CommandContext): Promise<void> {
  if (addressed.question === '') {
    // A bare mention is someone asking what the bot does.
    await replyTo(message, renderHelp(overview(ctx.knowledge), (name) => ctx.commands.mention(name)));
    return;
  }
  const botId = message.client.user.id;
  const asked =
    addressed.via === 'reply'
      ? await answerRepliedTo(message, botId)
      : addressed.via === 'thread'
        ? await lastAnswerIn(message, botId).catch(() => null)
        : null;
  const previous: Turn | null = asked === null ? null : { question: asked.question, answer: ctx.knowledge.answer(asked.question), gaveMore: asked.gaveMore };
  const opensThread = ctx.config.answerInThreads && message.guildId !== null && !message.channel.isThread() && !message.channel.isDMBased();
  await deliverAnswer(
    addressed.question,
    { userId: message.author.id, guildId: message.guildId, channelId: message.channelId, via: addressed.via },
    ctx,
    async (reply, delivered) => {
      const topic = delivered?.answer.answered === true ? delivered.answer.topic : null;
      if (opensThread && topic !== null) {
        try {
          const thread = await message.startThread({ name: threadName(topic), autoArchiveDuration: 1440 });
          const sent = await thread.send(messageOptions(reply.payload));
          return { id: sent.id, channelId: sent.channelId };
        } catch (error) {
          // Without the Create Public Threads permission the answer is a plain reply.
          ctx.logger.warn('could not open a thread for an answer', { err: error });
        }
      }
      return replyTo(message, reply.payload);
    },
    { previous },
  );
}

/** The question of the bot's answer that `message` replies to, or null when it replies to none. */
async function answerRepliedTo(message: Message, botId: string): Promise<{ question: string; gaveMore: boolean } | null> {
  try {
    const referenced = await message.fetchReference();
    return referenced.author.id === botId ? askedIn(referenced.embeds[0]?.toJSON()) : null;
  } catch {
    // A reply to a deleted message, or one in a channel the bot cannot read: a question on its own.
    return null;
  }
}
