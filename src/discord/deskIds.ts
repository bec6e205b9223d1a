/**
 * Custom ids of the desk's buttons and modal. Each carries everything a click needs — the answer's
 * key (the id of the Discord event it answered) or the request group's id — so a click works
 * after any restart: the rest is read from the database.
 */

/** What a desk control asks for. */
export type DeskAction =
  | { readonly kind: 'vote'; readonly value: 1 | -1; readonly key: string }
  | { readonly kind: 'request'; readonly key: string }
  | { readonly kind: 'requestForm'; readonly key: string }
  | { readonly kind: 'askAgain'; readonly key: string }
  | { readonly kind: 'queue'; readonly status: 'covered' | 'dismissed'; readonly groupId: number };

/** The custom id of 👍 (1) or 👎 (-1) on the answer `key`. */
export function voteCustomId(key: string, value: 1 | -1): string {
  return `vote:${value === 1 ? 'up' : 'down'}:${key}`;
}

/** The custom id of "Request a fact-check" for the answer `key` (opens the form). */
export function requestCustomId(key: string): string {
  return `req:${key}`;
}

/** The custom id of the request form for the answer `key`. */
export function requestFormCustomId(key: string): string {
  return `reqform:${key}`;
}

/** The custom id of "Ask again" on a corrected answer. */
export function askAgainCustomId(key: string): string {
  return `again:${key}`;
}

/** The custom id of "Mark covered" or "Dismiss" on a queue item. */
export function queueCustomId(groupId: number, status: 'covered' | 'dismissed'): string {
  return `queue:${status}:${groupId}`;
}

/** Reads a desk custom id; null for anything else. */
export function parseDeskCustomId(customId: string): DeskAction | null {
  const vote = /^vote:(up|down):(\d{1,20})$/.exec(customId);
  if (vote?.[2] !== undefined) return { kind: 'vote', value: vote[1] === 'up' ? 1 : -1, key: vote[2] };
  const keyed = /^(req|reqform|again):(\d{1,20})$/.exec(customId);
  if (keyed?.[2] !== undefined) {
    const kind = keyed[1] === 'req' ? 'request' : keyed[1] === 'reqform' ? 'requestForm' : 'askAgain';
    return { kind, key: keyed[2] };
  }
  const queue = /^queue:(covered|dismissed):(\d{1,15})$/.exec(customId);
  if (queue?.[2] !== undefined) return { kind: 'queue', status: queue[1] === 'covered' ? 'covered' : 'dismissed', groupId: Number(queue[2]) };
  return null;
}
