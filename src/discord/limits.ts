/**
 * Discord's size limits for message payloads, and cutting text to them without breaking a
 * character (an emoji or an accented letter made of several code points).
 */

/** Limits, in UTF-16 code units (JavaScript `length`), which is never less than Discord's count. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  authorName: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  actionRows: 5,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` if it fits in `max` code units; otherwise its longest prefix of whole graphemes that
 * fits together with a trailing "…".
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  const budget = max - ELLIPSIS.length;
  let cut = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > budget) break;
    cut = index + segment.length;
  }
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}
