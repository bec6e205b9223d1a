/**
 * Sending replies to interactions: at once when the reply is ready, deferred when the work takes
 * longer, so no interaction ever shows "did not respond"; always with mentions off.
 */
import {
  MessageFlags,
  type InteractionReplyOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { ReplyPayload } from './render.ts';

/** A rendered reply and whether only the asker should see it. */
export interface Reply {
  readonly payload: ReplyPayload;
  readonly ephemeral: boolean;
}

/** A message the bot sent, as a correction later finds it. */
export interface SentMessage {
  readonly id: string;
  readonly channelId: string;
}

/** Past this long without a reply ready, the interaction is deferred (Discord allows 3 s). */
export const DEFER_AFTER_MS = 1_000;

/** Options accepted alike by reply, editReply, followUp and message.reply. */
export type MessageOptions = Pick<ReplyPayload, 'embeds' | 'components' | 'allowedMentions'> & {
  content?: string;
};

/** The payload as discord.js options; empty content is left out (Discord rejects it on create). */
export function messageOptions(payload: ReplyPayload): MessageOptions {
  return {
    ...(payload.content === '' ? {} : { content: payload.content }),
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { parse: [] },
  };
}

/** The payload as Discord's REST API takes it, for messages sent without an interaction. */
export function restBody(payload: ReplyPayload): Record<string, unknown> {
  return {
    ...(payload.content === '' ? {} : { content: payload.content }),
    embeds: payload.embeds,
    components: payload.components,
    allowed_mentions: { parse: [] },
  };
}

/**
 * Replies, edits the deferred reply, or adds a follow-up, whichever the interaction's state
 * allows; resolves with the message sent, when Discord says which.
 */
export async function sendReply(interaction: RepliableInteraction, reply: Reply): Promise<SentMessage | null> {
  const options = messageOptions(reply.payload);
  if (interaction.deferred) return sentMessage(await interaction.editReply(options));
  const withFlags: InteractionReplyOptions = reply.ephemeral
    ? { ...options, flags: MessageFlags.Ephemeral }
    : options;
  if (interaction.replied) return sentMessage(await interaction.followUp(withFlags));
  const response = await interaction.reply({ ...withFlags, withResponse: true });
  return sentMessage(response.resource?.message ?? null);
}

function sentMessage(message: { readonly id: string; readonly channelId: string } | null): SentMessage | null {
  return message === null ? null : { id: message.id, channelId: message.channelId };
}

/**
 * Runs `work` and replies with its result; if it is not done within `deferAfterMs` of the
 * interaction's arrival, defers first (ephemeral or not, as `ephemeral` says) and edits later.
 */
export async function replyWhenReady(
  interaction: RepliableInteraction,
  work: () => Promise<Reply>,
  options: { readonly ephemeral: boolean; readonly receivedAt: number; readonly deferAfterMs?: number },
): Promise<void> {
  const deferAfter = Math.max(0, (options.deferAfterMs ?? DEFER_AFTER_MS) - (Date.now() - options.receivedAt));
  const pending = work();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deferAfter);
  });
  const first = await Promise.race([pending, late]);
  clearTimeout(timer);
  if (first === 'late') {
    await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    await sendReply(interaction, await pending);
  } else {
    await sendReply(interaction, first);
  }
}
