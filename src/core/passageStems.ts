import type { SentenceStems } from './stemCache.ts';
import { aliasCrosses, analyzeWords, readWords, stems, tokenWords, type Term } from './text.ts';
import { TUNING } from './tuning.ts';
import { clauseCuts } from './units.ts';
import type { Sentence } from './types.ts';

/**
 * What an index build analyses of a passage's sentences, once: each sentence's clause stems, which
 * the saved index stores, and the body's stems, which the index is built from. The body is its
 * sentences' clause pieces and the marks between them, and no word spans a mark (see `tokenWords`),
 * so its analysis is its pieces' put end to end, unless a chat phrase, a number in words or an alias
 * runs across two of them: then the body's words are analysed afresh.
 */

/** A clause piece analysed: its token words, its words, and its terms. */
interface AnalysedPiece {
  readonly tokens: readonly string[];
  readonly words: readonly string[];
  readonly terms: readonly Term[];
}

/** A passage's analysis for an index build. */
export interface PassageStems {
  /** The stems of its body, in order: those `stems` gives of its sentences' texts joined by spaces. */
  readonly body: readonly string[];
  /** Per sentence, what `analyseClauses` gives. */
  readonly clauses: readonly SentenceStems[];
}

/** The stems a sentence's units are made of, by the analyzer: what a saved index stores. */
export function analyseClauses(sentence: Sentence): SentenceStems {
  return analyseSentence(sentence, []);
}

/** A passage's clause stems and body stems, from one analysis of its sentences. */
export function analysePassage(sentences: readonly Sentence[]): PassageStems {
  const pieces: AnalysedPiece[] = [];
  const clauses = sentences.map((sentence) => analyseSentence(sentence, pieces));
  return { body: bodyStems(pieces), clauses };
}

/** A sentence's clause stems; its pieces' analyses are added to `pieces`. */
function analyseSentence(sentence: Sentence, pieces: AnalysedPiece[]): SentenceStems {
  const { text } = sentence;
  const cut = clauseCuts(text, TUNING.select.maxUnitChars);
  return {
    pieces: cut.pieces.map((p) => {
      const tokens = tokenWords(text.slice(p.start, p.end));
      const words = readWords(tokens);
      const terms = analyzeWords(words);
      pieces.push({ tokens, words, terms });
      return new Set(terms.map((t) => t.stem));
    }),
    // A span cut at a word is a piece's start, whose last word may be cut too: analysed as it is.
    cuts: new Map(cut.cuts.map(([piece, cutText]) => [piece, new Set(stems(cutText))])),
  };
}

/** The stems of the pieces' texts joined: their terms end to end when nothing runs across two of them. */
function bodyStems(pieces: readonly AnalysedPiece[]): string[] {
  const tokens: string[] = [];
  for (const piece of pieces) for (const token of piece.tokens) tokens.push(token);
  const words = readWords(tokens);
  const afresh = () => analyzeWords(words).map((t) => t.stem);
  const out: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    if (aliasCrosses(words, at)) return afresh();
    for (const word of piece.words) if (words[at++] !== word) return afresh();
    for (const term of piece.terms) out.push(term.stem);
  }
  return at === words.length ? out : afresh();
}
