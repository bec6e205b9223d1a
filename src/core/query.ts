import synonymData from '../../data/synonyms.json' with { type: 'json' };
import type { SearchIndex, WeightedTerm } from './searchIndex.ts';
import type { Lexicon } from './types.ts';
import { analyze, isWeakStem, stem, stripOpening, words } from './text.ts';

/**
 * A question turned into terms the index knows: each word of the question stemmed, matched exactly
 * or, for a small typo, to the indexed terms within one or two edits (lunr's fuzzy token set).
 */

/** One term of a question. */
export interface QueryTerm {
  readonly stem: string;
  /** The word as the question had it (folded), for messages. */
  readonly word: string;
  /** Indexed stems this term stands for: itself, or its typo corrections; empty when unknown. */
  readonly matches: readonly string[];
  /** Indexed stems of words meaning much the same ("drop" for "end"): searched and covering, at less weight. */
  readonly synonyms: readonly string[];
  /** How much this term counts when judging whether a text covers the question. */
  readonly weight: number;
  /** A word that appears in any question ("say", "happen"): ranks, but does not decide coverage. */
  readonly weak: boolean;
  /** Written with a capital (a name such as "Tesla"): an unknown name means the briefs do not cover it. */
  readonly name: boolean;
  /** Matched through a typo correction rather than exactly. */
  readonly corrected: boolean;
}

/** Longest question text analysed: a pasted essay is cut, not rejected. */
export const MAX_QUESTION_CHARS = 2000;
/** Most distinct terms taken from one question. */
const MAX_TERMS = 48;
/** How much an English word counts, against a name or term of art, when judging coverage. */
const GENERIC_WORD_SHARE = 0.5;
/**
 * How much a word the briefs never use counts, as a share of the rarest term's weight: a name counts
 * fully (the briefs don't cover "Tesla"); a noun is likely the thing asked about ("population"); a
 * non-word is a typo nothing matched; a verb or adjective is most often just another wording.
 * Tuned on test/eval/questions.jsonl.
 */
const UNKNOWN_SHARE = { name: 1, noun: 0.7, nonWord: 0.5, other: 0.15 } as const;

/** A lexicon that knows no word: every unknown word is then treated as a possible typo. */
export const NO_LEXICON: Lexicon = { has: () => false, isNoun: () => false, nearWord: () => false };
const TYPO_WEIGHT = 0.8;
/**
 * Longest word checked for typos: lunr's fuzzy token set and the lexicon's one-edit neighbours grow
 * steeply with length (one 2,000-letter word exhausted the heap), and no word that long is a typo of one.
 */
const MAX_TYPO_WORD = 30;
const WEAK_WEIGHT = 0.3;
const SYNONYM_WEIGHT = 0.5;
const SYNONYM_COVERAGE = 0.6;

/** For each stem in a synonym group, the stems of the rest of its group. */
const SYNONYMS = new Map<string, string[]>();
for (const group of synonymData.groups) {
  const groupStems = [...new Set(group.map(stem))];
  for (const s of groupStems) SYNONYMS.set(s, [...new Set([...(SYNONYMS.get(s) ?? []), ...groupStems.filter((o) => o !== s)])]);
}

/** Analyses a question against an index. */
export function parseQuery(question: string, index: SearchIndex, lexicon: Lexicon = NO_LEXICON): QueryTerm[] {
  const text = stripOpening(question.slice(0, MAX_QUESTION_CHARS));
  const names = capitalisedWords(question.slice(0, MAX_QUESTION_CHARS));
  const maxIdf = index.maxIdf();
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const term of analyze(text)) {
    if (seen.has(term.stem) || terms.length >= MAX_TERMS) continue;
    seen.add(term.stem);
    const weak = isWeakStem(term.stem);
    const exact = index.documentFrequency(term.stem) > 0;
    // A spelled-out name the briefs only abbreviate is found through its canonical term alone.
    if (term.spelled && !exact) continue;
    const english = !exact && lexicon.has(term.word);
    const matches = exact ? [term.stem] : english ? [] : typoMatches(term.stem, term.word, index);
    // A lowercase word that is no word, nor a typo of one, is a name all the same ("salesforce").
    const name = names.has(term.word) || (!exact && !english && matches.length === 0 && looksLikeName(term.word, lexicon));
    const synonyms = (SYNONYMS.get(matches[0] ?? term.stem) ?? []).filter((s) => index.documentFrequency(s) > 0);
    const known = matches.length > 0;
    const found = known || synonyms.length > 0;
    // In a small corpus a plain English word can be as rare as a name; the names and terms of art
    // (no dictionary word, or written with a capital) are what say what a question is about.
    const generic = !name && lexicon.has(term.word);
    const idf = found
      ? Math.max(0, ...[...matches, ...synonyms].map((m) => index.idf(m)))
      : maxIdf * unknownShare(term.word, name, english, lexicon);
    const weight = weak ? 0 : idf * (found && generic ? GENERIC_WORD_SHARE : 1);
    terms.push({ stem: term.stem, word: term.word, matches, synonyms, weight, weak, name, corrected: known && !exact });
  }
  return terms;
}

/** True when the index has the term, a typo correction of it, or a synonym. */
export function isKnown(term: QueryTerm): boolean {
  return term.matches.length > 0 || term.synonyms.length > 0;
}

/** The weighted index terms to search for. */
export function searchTerms(terms: readonly QueryTerm[]): WeightedTerm[] {
  return terms.flatMap((t) => [
    ...t.matches.map((s) => ({ stem: s, weight: t.weak ? WEAK_WEIGHT : t.corrected ? TYPO_WEIGHT : 1 })),
    ...t.synonyms.map((s) => ({ stem: s, weight: (t.weak ? WEAK_WEIGHT : 1) * SYNONYM_WEIGHT })),
  ]);
}

/**
 * Share (0..1) of the question's weight that a set of stems covers. Weak words do not count; a
 * question of weak words only is covered by nothing.
 */
export function coverage(terms: readonly QueryTerm[], has: (stem: string) => boolean): number {
  let total = 0;
  let covered = 0;
  for (const t of terms) {
    total += t.weight;
    if (t.matches.some(has)) covered += t.weight;
    else if (t.synonyms.some(has)) covered += t.weight * SYNONYM_COVERAGE;
  }
  return total === 0 ? 0 : covered / total;
}

function looksLikeName(word: string, lexicon: Lexicon): boolean {
  return lexicon !== NO_LEXICON && word.length >= 4 && !/\d/.test(word) && (word.length > MAX_TYPO_WORD || !lexicon.nearWord(word));
}

function unknownShare(word: string, name: boolean, english: boolean, lexicon: Lexicon): number {
  if (name) return UNKNOWN_SHARE.name;
  if (!english) return UNKNOWN_SHARE.nonWord;
  return lexicon.isNoun(word) ? UNKNOWN_SHARE.noun : UNKNOWN_SHARE.other;
}

function typoMatches(stem: string, word: string, index: SearchIndex): string[] {
  if (word.length < 4 || word.length > MAX_TYPO_WORD || /\d/.test(word)) return [];
  const distance = word.length >= 8 ? 2 : 1;
  const candidates = new Set([...index.similarTerms(stem, distance), ...index.similarTerms(word, distance)]);
  // The commonest corrections are the likeliest; a few keep a rare typo from fanning out.
  return [...candidates]
    .sort((a, b) => index.documentFrequency(b) - index.documentFrequency(a))
    .slice(0, 2);
}

/** Words written with a capital in the question, folded: candidate names. */
function capitalisedWords(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/[\p{Lu}][\p{L}\p{N}'’]*/gu)) {
    for (const w of words(m[0])) out.add(w);
  }
  return out;
}
