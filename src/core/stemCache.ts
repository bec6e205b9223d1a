import type { Engine } from './engine.ts';
import { analyseClauses } from './passageStems.ts';
import { analyze, stems, words, stem } from './text.ts';
import type { Span } from './units.ts';
import type { Brief, Passage, Sentence } from './types.ts';

/**
 * Stems of the texts an answer looks at, computed on first use and kept with the immutable object
 * they belong to (a sentence's text, a passage's sentence list, a brief), so they go when it goes.
 */

const cache = new WeakMap<object, ReadonlySet<string>>();
/**
 * A bounded map that forgets in two generations: when the newer fills, the older is dropped and
 * the newer becomes it. The texts in use stay warm, where clearing everything at once would make
 * every answer after it cold together (a stall of a few hundred milliseconds on a large corpus).
 */
class TwoGenerations<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();
  constructor(private readonly perGeneration: number) {}

  get(key: string, make: () => V): V {
    let value = this.newer.get(key);
    if (value !== undefined) return value;
    value = this.older.get(key) ?? make();
    if (this.newer.size >= this.perGeneration) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
    return value;
  }
}

const CACHE_GENERATION = 25_000;
const wordCache = new TwoGenerations<readonly (readonly [string, string])[]>(CACHE_GENERATION);

function kept(key: object, make: () => ReadonlySet<string>): ReadonlySet<string> {
  let set = cache.get(key);
  if (!set) {
    set = make();
    cache.set(key, set);
  }
  return set;
}

const textStems = new TwoGenerations<ReadonlySet<string>>(CACHE_GENERATION);

/** The stems of a text (a unit's, a heading's), remembered for the texts seen lately (bounded). */
export function stemSet(text: string): ReadonlySet<string> {
  return textStems.get(text, () => new Set(stems(text)));
}

/**
 * How a passage writes the words of each stem: how often with a capital not at a sentence's start,
 * and how often in lowercase. Kept with the passage's sentences.
 */
export function passageCasing(passage: Passage): ReadonlyMap<string, { capital: number; lower: number }> {
  let casing = casings.get(passage.sentences);
  if (!casing) {
    const counts = new Map<string, { capital: number; lower: number }>();
    for (const text of [passage.heading, ...passage.sentences.map((s) => s.text)]) {
      for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const before = text.slice(0, m.index).trimEnd();
        const capital = /^\p{Lu}/u.test(m[0]);
        if (capital && (before === '' || /[.!?:"“]$/.test(before))) continue;
        const key = stem(m[0].toLowerCase());
        const c = counts.get(key) ?? { capital: 0, lower: 0 };
        if (capital) c.capital++;
        else c.lower++;
        counts.set(key, c);
      }
    }
    casing = counts;
    casings.set(passage.sentences, casing);
  }
  return casing;
}
const casings = new WeakMap<object, ReadonlyMap<string, { capital: number; lower: number }>>();

/**
 * Stems of a passage with its heading and brief title, kept with its list of sentences: a large
 * corpus's passages may let that list go between reads, and the stems go with it.
 */
export function passageStemSet(engine: Engine, passage: Passage): ReadonlySet<string> {
  return kept(passage.sentences, () => {
    const brief = engine.briefs.get(passage.doc) as Brief;
    const all = new Set([...stemSet(brief.title), ...stemSet(passage.heading)]);
    for (const { pieces } of clauseStems(passage)) for (const piece of pieces) for (const x of piece) all.add(x);
    return all;
  });
}

/** Stems of a brief's title and claim: what it sets out to answer. */
export function briefTopicStems(brief: Brief): ReadonlySet<string> {
  return kept(brief, () => new Set(stems(`${brief.title} ${brief.claim ?? ''}`)));
}

/**
 * Stems of what a brief is about: its title and claim, and its opening passage, which names whom it
 * is on ("the National Storm and Weather Administration" of a brief titled on "the weather service").
 */
export function briefSubjectStems(engine: Engine, brief: Brief): ReadonlySet<string> {
  return kept(brief.passages, () => new Set([...briefTopicStems(brief), ...(brief.passages[0] ? passageStemSet(engine, brief.passages[0]) : [])]));
}

/** The words of a text with their stems, for checks on the words themselves ("found" is not "founded"). */
export function wordStems(text: string): readonly (readonly [string, string])[] {
  return wordCache.get(text, () => words(text).map((w) => [w, stem(w)] as const));
}

/** The words of a text with their stems, and the short names its spelled-out names stand for ("electric cars" says "EV"). */
export function spokenStems(text: string): readonly (readonly [string, string])[] {
  return spokenCache.get(text, () => {
    const aliases = analyze(text).filter((t) => t.alias);
    return aliases.length === 0 ? wordStems(text) : [...wordStems(text), ...aliases.map((t) => [t.word, t.stem] as const)];
  });
}
const spokenCache = new TwoGenerations<readonly (readonly [string, string])[]>(CACHE_GENERATION);

/** The stems a sentence's units are made of (for `TUNING.select.maxUnitChars`). */
export interface SentenceStems {
  /** Each clause piece's (`clausePieces`): a unit's stems are the union of its pieces'. */
  readonly pieces: readonly ReadonlySet<string>[];
  /** By piece, the stems of the span cut from it at a word (`Span.wordCut`), which says less than its piece. */
  readonly cuts: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Per sentence of a passage, the stems its units are made of. */
export type ClauseStems = readonly SentenceStems[];

const clauseCache = new WeakMap<readonly Sentence[], ClauseStems>();
const storedClauses = new WeakMap<readonly Sentence[], () => ClauseStems>();

/**
 * The stems of each sentence's units of a passage, as units are cut. Kept with the passage's
 * sentences; read from the saved index when it holds them, since analysing every candidate
 * passage's sentences again was most of an answer's time.
 */
export function clauseStems(passage: Passage): ClauseStems {
  let known = clauseCache.get(passage.sentences);
  if (!known) {
    known = storedClauses.get(passage.sentences)?.() ?? passage.sentences.map(analyseClauses);
    clauseCache.set(passage.sentences, known);
  }
  return known;
}

/** A unit's stems: a clause cut at a word on what it shows, not on the words cut off; else its pieces'. */
export function spanStems(stems: SentenceStems, span: Span): ReadonlySet<string> {
  const [first, last] = span.pieces;
  if (span.wordCut) return stems.cuts.get(first) ?? new Set();
  if (first === last) return stems.pieces[first] ?? new Set();
  const out = new Set<string>();
  for (let i = first; i <= last; i++) for (const x of stems.pieces[i] ?? []) out.add(x);
  return out;
}

/** All the stems of a sentence, one set (kept with its clause stems). */
export function sentenceStemSet(stems: SentenceStems | undefined): ReadonlySet<string> {
  if (!stems) return NO_STEMS;
  let set = sentenceSets.get(stems);
  if (!set) {
    set = new Set(stems.pieces.flatMap((p) => [...p]));
    sentenceSets.set(stems, set);
  }
  return set;
}
const sentenceSets = new WeakMap<SentenceStems, ReadonlySet<string>>();
const NO_STEMS: ReadonlySet<string> = new Set();

/**
 * Gives the clause stems of a list of sentences made from a saved index: `read` decodes what
 * `analyseClauses` gave at build time, when they are first asked for.
 */
export function storeClauseStems(sentences: readonly Sentence[], read: () => ClauseStems): void {
  storedClauses.set(sentences, read);
}
