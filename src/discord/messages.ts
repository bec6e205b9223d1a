/**
 * Questions in ordinary messages: an @mention of the bot in a guild channel, a direct message, or
 * any message in one of the configured answer channels. Bots (the bot itself included), webhooks
 * and system messages are never answered.
 */
import type { Message } from 'discord.js';
import { deliverAnswer, type QuestionSource } from './answering.ts';
import type { CommandContext } from './command.ts';
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

/** Answers `message` as a reply to it if it asks the bot something. */
export async function handleMessage(message: Message, ctx: CommandContext): Promise<void> {
  const botId = message.client.user.id;
  const addressed = addressedQuestion(
    {
      content: message.content,
      fromAutomation: message.author.bot || message.webhookId !== null || message.system,
      guildId: message.guildId,
      channelId: message.channelId,
    },
    {
      botId,
      botRoleId: message.guild?.members.me?.roles.botRole?.id ?? null,
      answerChannelIds: ctx.config.answerChannelIds,
    },
  );
  if (addressed === null) return;
  await deliverAnswer(
    addressed.question,
    { userId: message.author.id, guildId: message.guildId, channelId: message.channelId, via: addressed.via },
    ctx,
    // A channel message cannot be ephemeral, so notices are plain replies too; no one is pinged,
    // not even the asker.
    async (reply) => {
      const sent = await message.reply({ ...messageOptions(reply.payload), allowedMentions: { parse: [], repliedUser: false } });
      return { id: sent.id, channelId: sent.channelId };
    },
  );
}
