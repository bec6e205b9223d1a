/**
 * Threads mode (`ANSWER_IN_THREADS=true`): an answer to a channel message opens a thread named after
 * its topic, and every message in a thread the bot started is a follow-up of the conversation, the
 * thread's last answer being the previous turn.
 */
import type { Channel, Message } from 'discord.js';
import { wholeWords } from '../core/labels.ts';
import { topicLine } from '../core/replyText.ts';
import type { Topic } from '../core/types.ts';
import { askedIn } from './render.ts';

/** Discord's limit for a thread name. */
const THREAD_NAME = 100;
/** How far back a thread is read for its last answer. */
const THREAD_HISTORY = 25;

/** A thread named after what the answer is about: one line, at most 100 characters, cut on a word. */
export function threadName(topic: Topic): string {
  return wholeWords(topicLine(topic, THREAD_NAME).replace(/\s+/g, ' '), THREAD_NAME);
}

/** True in a thread the bot started. */
export function isBotThread(channel: Channel | null, botId: string): boolean {
  return channel !== null && channel.isThread() && channel.ownerId === botId;
}

/** The question of the bot's latest answer in a thread (and whether it gave further units), or null. */
export async function lastAnswerIn(message: Message, botId: string): Promise<{ question: string; gaveMore: boolean } | null> {
  const recent = await message.channel.messages.fetch({ limit: THREAD_HISTORY, before: message.id });
  const latest = [...recent.values()]
    .filter((m) => m.author.id === botId)
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0))
    .map((m) => askedIn(m.embeds[0]?.toJSON()))
    .find((asked) => asked !== null);
  return latest ?? null;
}
