/**
 * Failures the bot cannot recover from by waiting or reconnecting: Discord refused its token, or
 * closed the gateway for a reason discord.js will not retry. The process must end, non-zero, with a
 * line saying which setting to fix, so a service manager restarts it or alerts someone.
 */

/** Why the bot cannot go on. */
export type FatalReason =
  /** Discord refused DISCORD_TOKEN (gateway close 4004, or HTTP 401 on an authenticated request). */
  | { readonly kind: 'token'; readonly detail: string }
  /** Discord closed the gateway for good for another reason (intents, sharding, API version). */
  | { readonly kind: 'gateway'; readonly code: number; readonly detail: string };

/** Thrown by `startBot` when the login fails for a {@link FatalReason}. */
export class FatalDiscordError extends Error {
  constructor(readonly reason: FatalReason) {
    super(fatalLine(reason));
    this.name = 'FatalDiscordError';
  }
}

/** What each close code discord.js does not reconnect after means, and what to change. */
const GATEWAY_CLOSES: Readonly<Record<number, string>> = {
  4010: 'invalid shard: DISCORD_SHARDS lists a shard outside DISCORD_SHARD_COUNT',
  4011: 'sharding required: the bot is in too many guilds for one shard; set DISCORD_SHARDS=auto',
  4012: 'invalid API version: update discord.js',
  4013: 'invalid intents: update discord.js',
  4014:
    'disallowed intents: ANSWER_CHANNEL_IDS and ANSWER_IN_THREADS=true need the Message Content Intent, enabled in the Developer Portal → Bot → Privileged Gateway Intents (or unset ANSWER_CHANNEL_IDS and ANSWER_IN_THREADS)',
};

/** The fatal reason of a gateway close code, or null when discord.js reconnects after it. */
export function gatewayCloseReason(code: number): FatalReason | null {
  if (code === 4004) return { kind: 'token', detail: 'the gateway closed with 4004, authentication failed' };
  const detail = GATEWAY_CLOSES[code];
  return detail === undefined ? null : { kind: 'gateway', code, detail: `the gateway closed with ${code}, ${detail}` };
}

/** One plain line for the operator, naming the setting to fix. */
export function fatalLine(reason: FatalReason): string {
  if (reason.kind === 'token') {
    return `Discord rejected DISCORD_TOKEN (${reason.detail}): the token was reset, revoked or mistyped. Copy a new one from the Developer Portal → Bot → Reset Token into DISCORD_TOKEN and start again.`;
  }
  return `Discord closed the connection for good (${reason.detail}).`;
}
