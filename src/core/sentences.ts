import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import abbreviationData from '../../data/abbreviations.json' with { type: 'json' };
import type { Sentence } from './types.ts';

/**
 * Collapses every run of whitespace (tabs, newlines, no-break spaces, BOMs) to one space and trims:
 * the form in which sentence texts are verbatim substrings of a brief.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Citation numbers of the `[1]`-style markers in a text, in order. */
export function citationsOf(text: string): number[] {
  return Array.from(text.matchAll(/\[(\d{1,6})\]/g), (m) => Number(m[1]));
}

/** True when the text holds at least one letter or digit. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Stands in for a delimiter that ends no sentence. One UTF-16 unit, like the characters it replaces,
 * so offsets found in the masked text are offsets in the original.
 */
const MASK = '\uE000';

// natural matches its own abbreviation list anywhere in a word and case-blind ("Co." would protect
// "Mexico."), so abbreviations are masked here instead, whole words only and case as listed.
const abbreviation = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...abbreviationData]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})`,
  'gu',
);

/** A middle initial ("George W. Bush", "John F. Kennedy") between capitalised names ends nothing. */
const initial = /(?<=\p{Lu}\p{Ll}+ \p{Lu})\.(?= \p{Lu}\p{Ll})/gu;

/** A delimiter glued to what follows ("U.S.–Mexico", "3.5", "example.com") ends nothing. */
const gluedDelimiter = /[.?!…](?=[\p{L}\p{N}\-‐‑–—])/gu;

/**
 * Periods that end no sentence though a space follows: before a lowercase word ("E. coli", "Apis m.
 * in 2025"; no sentence starts in lowercase), a case's "v." ("Biden v. Nebraska"), and "No." before
 * a number ("reactor No. 4", "patent No. 174,465").
 */
const unendingPeriod = /\.(?= \p{Ll})|(?<= v)\.(?= \p{Lu})|(?<=(?<![\p{L}\p{N}])No)\.(?= \d)/gu;

/** Where natural would split anyway: a delimiter, optional closing quote or bracket, then a space. */
const boundary = /[.?!…]["'”’)\]}]? /g;

// natural's tokenizer rescans the whole text once per delimiter it finds (quadratic), so it is fed
// windows cut at boundaries it would split at anyway, and never text that is not prose.
const WINDOW_CHARS = 2_000;
const WINDOW_BOUNDARIES = 32;
const MAX_TOKENIZED_CHARS = 20_000;
const MAX_TOKENIZED_DELIMITERS = 256;

const tokenizer = new SentenceTokenizer([], true);

function mask(text: string): string {
  return text
    .replace(abbreviation, (m) => m.replaceAll('.', MASK))
    .replace(initial, MASK)
    .replace(gluedDelimiter, MASK)
    .replace(unendingPeriod, MASK);
}

/** Start offsets of the windows the tokenizer is given. */
function windowStarts(masked: string): number[] {
  const starts = [0];
  let count = 0;
  for (const m of masked.matchAll(boundary)) {
    const end = m.index + m[0].length;
    count += 1;
    if (end - starts[starts.length - 1]! >= WINDOW_CHARS || count >= WINDOW_BOUNDARIES) {
      starts.push(end);
      count = 0;
    }
  }
  return starts;
}

/** Offsets in `window` where the tokenizer starts a sentence (the first one excluded). */
function tokenizerStarts(window: string): number[] {
  const delimiters = window.match(/[.?!…]/g)?.length ?? 0;
  if (window.length > MAX_TOKENIZED_CHARS || delimiters > MAX_TOKENIZED_DELIMITERS) return [];
  const starts: number[] = [];
  let cursor = 0;
  for (const sentence of tokenizer.tokenize(window)) {
    if (sentence === '') continue;
    // A sentence the tokenizer rewrote cannot be placed; the rest of the window stays one sentence.
    const at = window.indexOf(sentence, cursor);
    if (at < 0) break;
    if (at > 0) starts.push(at);
    cursor = at + sentence.length;
  }
  return starts;
}

const leadingMarkers = /^(?:\[\d+\]\s*)+/;

/**
 * Moves markers that follow a sentence's final period back onto that sentence, and folds fragments
 * with no letter or digit (a stray dash or quote) into a neighbour, so no sentence is empty.
 */
function repairStarts(text: string, starts: number[]): number[] {
  const repaired: number[] = [0];
  for (let i = 1; i < starts.length; i++) {
    let start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    const markers = leadingMarkers.exec(text.slice(start, end));
    if (markers) start += markers[0].length;
    if (start < end && hasWords(text.slice(start, end))) repaired.push(start);
  }
  // A wordless first fragment joins the sentence after it.
  if (repaired.length > 1 && !hasWords(text.slice(0, repaired[1]))) repaired.splice(1, 1);
  return repaired;
}

/**
 * Splits a paragraph into sentences with natural's SentenceTokenizer, protecting the abbreviations
 * listed in `data/abbreviations.json` ("U.S.", "Jan.") and delimiters glued to the next word.
 * Each sentence is a verbatim slice of the whitespace-collapsed paragraph, `at` its offset there,
 * citation markers kept with the sentence they follow. Returns no sentence for a paragraph without words.
 */
export function splitSentences(paragraph: string): Sentence[] {
  const text = collapseWhitespace(paragraph);
  if (!hasWords(text)) return [];
  const masked = mask(text);
  const windows = windowStarts(masked);
  const starts = windows.flatMap((start, i) => {
    const end = windows[i + 1] ?? masked.length;
    return [start, ...tokenizerStarts(masked.slice(start, end)).map((at) => start + at)];
  });
  const repaired = repairStarts(text, starts);
  return repaired.map((start, i) => {
    const slice = text.slice(start, repaired[i + 1] ?? text.length);
    const sentence = slice.trim();
    return { text: sentence, citations: citationsOf(sentence), at: start + (slice.length - slice.trimStart().length) };
  });
}
