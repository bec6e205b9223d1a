import type { Engine } from './engine.ts';
import { isStopWord, words } from './text.ts';
import type { Lexicon } from './types.ts';

/**
 * "What is the NWQA's budget?" of briefs that only ever write "the National Water Quality
 * Authority": an abbreviation the briefs never use, read as the name whose initials it is. The names
 * are those the briefs write in capitals where they first speak (titles and opening passages, where
 * a name is spelled out); `data/aliases.json` holds the abbreviations the briefs themselves use.
 */

/** A run of capitalised words, small joining words allowed inside ("Writers Guild of America"). */
const NAME = /\b[A-Z][\p{L}’'-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)?[A-Z][\p{L}’'-]*){1,5}/gu;
const JOINING = new Set(['of', 'for', 'and', 'on', 'the', '&']);
/** An abbreviation asked about: letters only, three to six (two-letter ones are too often words: "to", "eu"). */
const ABBREVIATION = /^[a-z]{3,6}$/;
/** How many opening passages of each brief are read for names (the first spells them out; at 10k sections it takes about 25 ms, once). */
const OPENING_PASSAGES = 1;

const cache = new WeakMap<Engine, ReadonlyMap<string, string>>();

/** Each set of initials (lowercase) with the name it most often abbreviates; a set two names share as often is left out. */
export function initialsOf(engine: Engine): ReadonlyMap<string, string> {
  const known = cache.get(engine);
  if (known) return known;
  const names = new Map<string, Map<string, number>>();
  for (const brief of engine.briefs.values()) {
    const texts = [brief.title, ...brief.passages.slice(0, OPENING_PASSAGES).flatMap((p) => p.sentences.map((s) => s.text))];
    for (const text of texts) {
      for (const m of text.matchAll(NAME)) {
        // A sentence's first word is capitalised whatever it is: "The", "In" are not part of a name.
        const words = m[0]
          .split(/\s+/)
          .map((w) => w.replace(/['’]s?$/, ''))
          .filter((w, i) => !(i === 0 && JOINING.has(w.toLowerCase())));
        const initials = words.filter((w) => !JOINING.has(w.toLowerCase())).map((w) => w[0]!.toLowerCase()).join('');
        if (initials.length < 2) continue;
        const name = words.join(' ');
        const seen = names.get(initials) ?? new Map<string, number>();
        seen.set(name, (seen.get(name) ?? 0) + 1);
        names.set(initials, seen);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [initials, seen] of names) {
    const [first, second] = [...seen.entries()].sort((a, b) => b[1] - a[1]);
    if (first && (!second || first[1] > second[1])) out.set(initials, first[0]);
  }
  cache.set(engine, out);
  return out;
}

/**
 * The question with each abbreviation the briefs never write spelled out as the name it stands for,
 * or null when there is none. `indexed` tells a word the briefs use; a dictionary word is no
 * abbreviation.
 */
export function spellOutAbbreviations(engine: Engine, question: string, indexed: (word: string) => boolean, lexicon: Lexicon): string | null {
  let changed = false;
  const out = question.replace(/[\p{L}]+/gu, (word) => {
    const folded = word.toLowerCase();
    // A word of the language, a stop word or a chat spelling ("wat", "hrs") is no abbreviation.
    if (!ABBREVIATION.test(folded) || indexed(folded) || lexicon.has(folded) || isStopWord(folded) || words(folded).join(' ') !== folded) return word;
    const name = initialsOf(engine).get(folded);
    if (name === undefined) return word;
    changed = true;
    return name;
  });
  return changed ? out : null;
}
