/**
 * What Discord would render as markup in a piece of message text, for tests that check user text is
 * shown inert: masked links, clickable URLs, spoilers, bold, code, headings, mentions.
 */

const LIVE: readonly [name: string, pattern: RegExp][] = [
  ['masked link', /(?<!\\)\[[^\]]*\]\(/],
  ['url', /[a-z][a-z\d+.-]*:\/\//i],
  ['spoiler', /(?<!\\)\|\|/],
  ['bold', /(?<!\\)\*\*/],
  ['italic', /(?<![\\*])\*(?!\*)\S/],
  ['code', /(?<!\\)`/],
  ['heading', /^#{1,3} /m],
  ['subtext', /^-# /m],
  ['mass mention', /@(?:everyone|here)/i],
  ['mention', /<[@#]/],
];

/** The names of the live constructs in `text` (none for inert text). */
export function liveMarkup(text: string): string[] {
  return LIVE.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
