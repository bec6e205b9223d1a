/**
 * Text a user typed, made safe to show back in a message the bot sends. Whatever a question holds,
 * the bot's reply must not turn it into bot-branded formatting: a masked link (`[verify](https://…)`),
 * a bare URL Discord would make clickable or preview, a spoiler, a heading, a code fence that
 * swallows the rest of the reply, or a mention that renders as a pill (no one is pinged anyway:
 * every message sets `allowedMentions: { parse: [] }`).
 */
import { escapeMarkdown } from 'discord.js';
import { truncate } from './limits.ts';

/**
 * Invisible, and enough to break what Discord recognises: it never links `https:\u200b//…` and
 * never resolves `<\u200b@id>` or `@\u200beveryone`.
 */
const ZERO_WIDTH_SPACE = '\u200b';

/** A URL scheme (`https:`, `http:`, `steam:` …) followed by `//`. */
const URL_SCHEME = /\b([a-z][a-z\d+.-]*:)(?=\/\/)/gi;
/** The start of a mention, channel link, slash-command link, custom emoji or timestamp: `<@`, `<#`, `</`, `<:`, `<a:`, `<t:`. */
const MARKUP_START = /<(?=[@#/:]|a:|t:)/g;
/** `@everyone` and `@here`, which Discord shows highlighted even when they ping no one. */
const MASS_MENTION = /@(?=everyone|here)/gi;
/** Subtext (`-# small print`), which escapeMarkdown's options do not cover. */
const SUBTEXT = /^-#/;

/**
 * `text` on one line, escaped with discord.js's own `escapeMarkdown` (headings and lists included),
 * every `[` escaped so no masked link forms, with URLs, mentions and `@everyone` broken by a zero-width space so
 * Discord neither links, previews nor highlights them, and cut to at most `max` characters (UTF-16
 * code units, as Discord's limits count) with "…" when it is longer. The reader sees the text as it
 * was typed.
 */
export function quoteUserText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const whole = neutralise(flat);
  if (whole.length <= max) return whole;
  // Escaping lengthens the text, so the longest prefix whose escaped form fits is searched for.
  let fits = '';
  let low = 0;
  let high = flat.length;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = neutralise(truncate(flat, middle));
    if (candidate.length <= max) {
      fits = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return fits;
}

function neutralise(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true });
  return escaped
    .replace(SUBTEXT, '\\-#')
    // escapeMarkdown's maskedLink option escapes only the first of several links on a line.
    .replaceAll('[', '\\[')
    .replace(URL_SCHEME, `$1${ZERO_WIDTH_SPACE}`)
    .replace(MARKUP_START, `<${ZERO_WIDTH_SPACE}`)
    .replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}`);
}
