import { citationsOf } from './sentences.ts';
import type { Sentence } from './types.ts';

/**
 * The spans of a sentence an answer may quote: the sentence itself, or, when it is long, runs of its
 * clauses, cut verbatim at clause boundaries ("; ", " — ", ", while ", ", but ", ": ", then ", ").
 */

/** A verbatim span of a sentence. */
export interface Span {
  readonly text: string;
  /** Offset of the span in its sentence. */
  readonly offset: number;
  readonly citations: readonly number[];
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  /** The sentence's clause pieces the span covers, first to last (see {@link clausePieces}); [0, 0] for the whole sentence. */
  readonly pieces: readonly [number, number];
  /** The span is the start of one clause, cut at a word: it says less than its piece. */
  readonly wordCut: boolean;
}

/** Where clauses meet: the separator is left out of both; a conjunction after it opens no clause of its own. */
const CLAUSE_BOUNDARY = /\s*(?:;|\s[—–]\s|\s--\s|:(?=\s))\s+|,\s+(?=(?:while|but|whereas|although|though|yet|even as|even though|because|since|so|and)\s)/g;
/** A comma inside a long clause, but not the one before a date's year ("February 28, 2025"). */
const COMMA = /,\s+(?!(?:1[5-9]|20)\d{2}\b)/g;
const OPENING_CONJUNCTION = /^(?:while|but|whereas|although|though|yet|even as|even though|and)\s+/i;
/** A span shorter than this says too little alone ("The claim is false" is fine; "however" is not). */
const MIN_SPAN_CHARS = 12;

/** A clause of a sentence, by offsets in it. */
export interface Piece {
  readonly start: number;
  readonly end: number;
}

/** Splits `text` (from `from` to `to`) at a boundary pattern into pieces, separators left out. */
function piecesOf(text: string, from: number, to: number, boundary: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let start = from;
  const part = text.slice(from, to);
  for (const m of part.matchAll(boundary)) {
    const end = from + m.index;
    if (end > start) pieces.push({ start, end });
    start = from + m.index + m[0].length;
  }
  if (to > start) pieces.push({ start, end: to });
  return pieces;
}

/** Clause pieces of a sentence, each no longer than `maxChars` where commas allow. */
function clauses(text: string, maxChars: number): Piece[] {
  return piecesOf(text, 0, text.length, CLAUSE_BOUNDARY).flatMap((p) =>
    p.end - p.start > maxChars ? piecesOf(text, p.start, p.end, COMMA) : [p],
  );
}

const cache = new WeakMap<Sentence, Map<number, { readonly spans: readonly Span[]; readonly pieces: readonly Piece[] }>>();

/** The clause pieces of a sentence that its spans (for `maxChars`) are made of: an answer's stems are counted a piece at a time. */
export function clausePieces(sentence: Sentence, maxChars: number): readonly Piece[] {
  spansOf(sentence, maxChars);
  return cache.get(sentence)?.get(maxChars)?.pieces ?? [];
}

/**
 * The spans of a sentence no longer than `maxChars`: the whole sentence when it fits, else every run
 * of consecutive clauses that fits; a clause longer than the limit on its own is offered cut at the
 * last word that fits, marked as cut.
 */
export function spansOf(sentence: Sentence, maxChars: number): readonly Span[] {
  let bySize = cache.get(sentence);
  const known = bySize?.get(maxChars);
  if (known) return known.spans;
  const made = makeSpans(sentence.text, maxChars);
  if (!bySize) {
    bySize = new Map();
    cache.set(sentence, bySize);
  }
  bySize.set(maxChars, made);
  return made.spans;
}

/** The spans and clause pieces of a sentence's text. */
function makeSpans(text: string, maxChars: number): { spans: Span[]; pieces: Piece[] } {
  const pieces = sentencePieces(text, maxChars);
  if (text.length <= maxChars) {
    return { spans: [{ text, offset: 0, citations: citationsOf(text), cutBefore: false, cutAfter: false, pieces: [0, 0], wordCut: false }], pieces };
  }
  const spans: Span[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const cut = cutAtWord(text, pieces, i, maxChars);
    if (cut) {
      spans.push({ ...cut, pieces: [i, i], wordCut: true });
      continue;
    }
    const first = pieces[i] as Piece;
    for (let j = i; j < pieces.length; j++) {
      const end = spanEnd(text, pieces, j);
      if (end - first.start > maxChars) break;
      const raw = text.slice(first.start, end);
      const opening = i > 0 ? (OPENING_CONJUNCTION.exec(raw)?.[0].length ?? 0) : 0;
      const spanText = raw.slice(opening).replace(/[,;:]$/, '').trim();
      if (spanText.length < MIN_SPAN_CHARS) continue;
      spans.push({
        text: spanText,
        offset: first.start + opening,
        citations: citationsOf(spanText),
        cutBefore: i > 0,
        cutAfter: j < pieces.length - 1,
        pieces: [i, j],
        wordCut: false,
      });
    }
  }
  return { spans, pieces };
}

/**
 * What a sentence's units are made of, without making every span: its clause pieces, and by piece
 * the text of the span cut from it at a word (ascending).
 */
export function clauseCuts(text: string, maxChars: number): { pieces: Piece[]; cuts: [number, string][] } {
  const pieces = sentencePieces(text, maxChars);
  const cuts: [number, string][] = [];
  pieces.forEach((_, i) => {
    const cut = cutAtWord(text, pieces, i, maxChars);
    if (cut) cuts.push([i, cut.text]);
  });
  return { pieces, cuts };
}

/** The clause pieces of a sentence's text: the whole of a text that fits `maxChars`. */
function sentencePieces(text: string, maxChars: number): Piece[] {
  return text.length <= maxChars ? [{ start: 0, end: text.length }] : clauses(text, maxChars);
}

/** Where a span whose last piece is `j` ends: the last clause keeps the sentence's end, its full stop and citation markers. */
function spanEnd(text: string, pieces: readonly Piece[], j: number): number {
  return j === pieces.length - 1 ? text.length : (pieces[j] as Piece).end;
}

/** Piece `i` cut at a word, when it is longer than `maxChars` alone (it is then in no other span). */
function cutAtWord(text: string, pieces: readonly Piece[], i: number, maxChars: number): Omit<Span, 'pieces' | 'wordCut'> | undefined {
  const { start } = pieces[i] as Piece;
  return spanEnd(text, pieces, i) - start > maxChars ? wordCut(text, start, maxChars, i > 0) : undefined;
}

/** The start of a long clause, cut after the last whole word within `maxChars`. */
function wordCut(text: string, start: number, maxChars: number, cutBefore: boolean): Omit<Span, 'pieces' | 'wordCut'> {
  const window = text.slice(start, start + maxChars);
  const space = window.lastIndexOf(' ');
  const cut = (space > maxChars / 2 ? window.slice(0, space) : window).replace(/[\s,;:–—-]+$/, '');
  return { text: cut, offset: start, citations: citationsOf(cut), cutBefore, cutAfter: true };
}
