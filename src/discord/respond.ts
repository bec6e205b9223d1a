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

/**
 * Replies, edits the deferred reply, or adds a follow-up, whichever the interaction's state
 * allows.
 */
export async function sendReply(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const options = messageOptions(reply.payload);
  if (interaction.deferred) {
    await interaction.editReply(options);
    return;
  }
  const withFlags: InteractionReplyOptions = reply.ephemeral
    ? { ...options, flags: MessageFlags.Ephemeral }
    : options;
  if (interaction.replied) await interaction.followUp(withFlags);
  else await interaction.reply(withFlags);
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
