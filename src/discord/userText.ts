/**
 * Text that came from a user, made safe to show inside the bot's own markdown: on one line, cut to
 * a length, with markdown, block syntax and mention syntax shown as typed instead of rendered.
 */
import { escapeMarkdown } from 'discord.js';
import { truncate } from './limits.ts';

/**
 * `text` as typed, on one line, at most `max` characters (cut with "…"), escaped so that Discord
 * renders it literally: no bold, links, headings, lists, quotes, spoilers, code or mention pills.
 */
export function quoteUserText(text: string, max: number): string {
  const line = truncate(text.replace(/\s+/g, ' ').trim(), max);
  const escaped = escapeMarkdown(line, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped
    .replace(/<(?=[@#/:]|a:|t:)/g, '\\<')
    .replace(/^>/, '\\>');
}
