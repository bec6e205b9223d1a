import type { Engine } from './engine.ts';
import { stemSet } from './stemCache.ts';

/**
 * Names by their initials, as the folder writes them: "PBA" for the "Premier Basketball
 * Association", "NWQA" for the "National Water Quality Authority". An asker abbreviates a name the
 * briefs spell out (or spell out in one brief and abbreviate in another) far more often than any list
 * in `data/aliases.json` can foresee.
 */

/** A name of this many capitalised words at least, and at most, is abbreviated by its initials. */
const MIN_WORDS = 2;
const MAX_WORDS = 6;
/** Small words a name keeps inside it without taking their initial ("Department of Justice"). */
const INNER = new Set(['of', 'and', 'for', 'the', 'on', '&']);
/** Capitalised words, with small words inside the name between them. */
const NAME_RUN = new RegExp(`[A-Z][\\p{L}'’-]*(?:\\s+(?:(?:${[...INNER].join('|')})\\s+)?[A-Z][\\p{L}'’-]*)+`, 'gu');
/** How many letters an abbreviation typed for a name has. */
const LETTERS = '{3,6}';
/** "The" opening a sentence is not part of the name after it. */
const OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'Under', 'After', 'Before', 'When', 'While', 'But', 'And', 'As']);

const byEngine = new WeakMap<Engine, ReadonlyMap<string, string>>();

/**
 * The names of two to six capitalised words that texts write ("Premier Basketball Association",
 * "Department of Justice"), each once, in the order first written: what a brief offers to be
 * abbreviated (`Brief.names`, read as the brief is parsed).
 */
export function capitalisedNames(texts: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(NAME_RUN)) {
      const ws = m[0].split(/\s+/);
      while (ws.length > 0 && OPENERS.has(ws[0]!)) ws.shift();
      const capitalised = ws.filter((w) => !INNER.has(w));
      if (capitalised.length < MIN_WORDS || capitalised.length > MAX_WORDS) continue;
      // "U.S. Department…", "NASA's budget office": a word that is itself an abbreviation, or a
      // possessive before the end, has no one initial in the name.
      if (capitalised.some((w, k) => /^[A-Z]{2,}/.test(w) || (/['’]s$/.test(w) && k < capitalised.length - 1))) continue;
      out.add(ws.join(' ').replace(/['’]s$/, ''));
    }
  }
  return [...out];
}

/**
 * The name most briefs write with these initials ("pba" → "Premier Basketball Association"), or
 * undefined. Gathered from the briefs' names once per engine, on first use.
 */
export function spelledByInitials(engine: Engine, acronym: string): string | undefined {
  let names = byEngine.get(engine);
  if (names === undefined) {
    names = namesByInitials(engine);
    byEngine.set(engine, names);
  }
  return names.get(acronym.toLowerCase());
}

function namesByInitials(engine: Engine): ReadonlyMap<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const brief of engine.briefs.values()) {
    for (const name of brief.names) {
      const key = initialsOf(name);
      const seen = counts.get(key) ?? new Map<string, number>();
      seen.set(name, (seen.get(name) ?? 0) + 1);
      counts.set(key, seen);
    }
  }
  const out = new Map<string, string>();
  for (const [key, seen] of counts) {
    let best: [string, number] | undefined;
    for (const entry of seen) if (best === undefined || entry[1] > best[1]) best = entry;
    out.set(key, best![0]);
  }
  return out;
}

function initialsOf(name: string): string {
  return name
    .split(' ')
    .filter((w) => !INNER.has(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
}

/** A word typed as an abbreviation may be: three to six letters, alone; and a term's word that is one. */
const TYPED = new RegExp(`(?<![\\p{L}\\p{N}'’.-])[A-Za-z]${LETTERS}(?![\\p{L}\\p{N}-])`, 'gu');
const ABBREVIATION = new RegExp(`^[a-z]${LETTERS}$`);

/**
 * The question with each abbreviation of a name the folder writes spelled out, and never as typed:
 * "the nwqa's budget" is read as "the National Water Quality Authority's budget"; and the names so
 * spelled out. (One some brief
 * writes stays as typed, and {@link spelledCovers} lets a brief that only spells it out answer.)
 * `known`: a stop word or a listed alias, never read so; `isWord`: a dictionary word or chat
 * spelling, no abbreviation unless typed in capitals; `indexed`: a word some brief writes.
 */
export function readInitials(
  engine: Engine,
  question: string,
  words: { readonly known: (w: string) => boolean; readonly isWord: (w: string) => boolean; readonly indexed: (w: string) => boolean },
): { readonly text: string; readonly spelled: readonly string[] } {
  // A question typed all in capitals says nothing by its capitals.
  const shouted = question === question.toUpperCase();
  const spelled: string[] = [];
  const text = question.replace(TYPED, (typed) => {
    const w = typed.toLowerCase();
    if (words.known(w) || words.indexed(w) || ((shouted || typed !== typed.toUpperCase()) && words.isWord(w))) return typed;
    const name = spelledByInitials(engine, w);
    if (name === undefined) return typed;
    spelled.push(name);
    return name;
  });
  return { text, spelled };
}

/** True when every word of the name the term abbreviates ("pba": "Premier Basketball Association") is one `has` holds. */
export function spelledCovers(engine: Engine, word: string, has: (stem: string) => boolean): boolean {
  if (!ABBREVIATION.test(word)) return false;
  const name = spelledByInitials(engine, word);
  return name !== undefined && [...stemSet(name)].every(has);
}
