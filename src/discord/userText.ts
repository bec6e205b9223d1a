/**
 * Text someone typed, shown back in a message the bot writes (a queue item, a list for
 * moderators): markdown escaped so it shows as typed, and links broken so nothing in it is a live
 * link or an invite. Mentions need nothing here: every message is sent with mentions off.
 */
import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** `text` safe to show inside a message: as typed, with no formatting and no clickable link. */
export function escapeUserText(text: string): string {
  const escaped = escapeMarkdown(text, { bulletedList: true, heading: true, maskedLink: true, numberedList: true });
  // Discord links "scheme://…", "www.…" and "discord.gg/…"; a zero-width space keeps each one plain text.
  return escaped
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${ZERO_WIDTH_SPACE}.`)
    .replace(/\b(discord(?:app)?)\.(gg|com|io|me|li)\b/gi, (_, name: string, tld: string) => `${name}${ZERO_WIDTH_SPACE}.${tld}`);
}
