import { wordIsForm, type QueryTerm } from './query.ts';
import { wordStems } from './stemCache.ts';
import { isStopWord, words } from './text.ts';

/**
 * What a "how many" question counts, and whether a text gives that count. "How many employees does
 * Palantir have?" is not answered by a sentence about employee letters that holds some other number.
 */

/** How many words after "how many" the counted noun may come ("how many separated kids"). */
const COUNTED_WITHIN = 3;
/** Plurals without an -s, and plurals that ask how often or how long rather than how many things. */
const PLURALS = new Set(['people', 'children', 'men', 'women', 'staff', 'personnel']);
const NOT_COUNTED = new Set(['times', 'years', 'months', 'weeks', 'days', 'hours']);
/** Words that count without digits ("hundreds of workers"); numbers in words are read as digits. */
const COUNT_WORDS = new Set(['dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'several', 'scores']);
/** What after a number makes it no count of things. */
const NOT_COUNTS = new Set(['percent', 'dollars']);
/** How far before the counted word its number may stand ("500 Microsoft employees"), and after ("employees, 500 of them"). */
const COUNT_BEFORE = 4;
const COUNT_AFTER = 3;

/**
 * What "how many" or "number of" counts: the words up to the plural among the next few ("how many
 * separated kids", "how many plastic particles"), as terms of the question, names left out
 * ("how many Microsoft staffers" counts staffers). Empty when no plural follows ("how many times").
 */
export function countedTerms(asked: string, terms: readonly QueryTerm[]): readonly QueryTerm[] {
  const ws = words(asked);
  const at = ws.findIndex((w, i) => (w === 'many' && ws[i - 1] === 'how') || (w === 'of' && ws[i - 1] === 'number'));
  if (at < 0) return [];
  const run: string[] = [];
  for (const w of ws.slice(at + 1, at + 1 + COUNTED_WITHIN)) {
    if (isStopWord(w)) break;
    run.push(w);
    if (PLURALS.has(w) || (/[^s]s$/.test(w) && !NOT_COUNTED.has(w))) {
      const counted = terms.filter((t) => !t.weak && run.includes(t.word));
      return counted.some((t) => t.word === w) ? counted.filter((t) => !t.name) : [];
    }
  }
  return [];
}

/**
 * Whether a text that names what is counted gives a number for it ("240,000 plastic fragments"
 * counts "plastic particles"). A text that does not name it is left to the general test for a
 * count: the brief may count the same people in other words ("50 coffee drinkers" for "participants").
 */
export function countsOrOmits(counted: readonly QueryTerm[], text: string): 'counts' | 'names only' | 'omits' {
  const ws = wordStems(text);
  // "$8 million in contracts" is money and "93 percent of bottles" a share: neither counts them.
  const isCount = (i: number) =>
    i >= 0 && i < ws.length && (COUNT_WORDS.has(ws[i]![0]) || (/^\d/.test(ws[i]![0]) && ws[i - 1]?.[0] !== 'dollars' && !NOT_COUNTS.has(ws[i + 1]?.[0] ?? '')));
  let named = false;
  for (let i = 0; i < ws.length; i++) {
    const [w, x] = ws[i]!;
    if (!counted.some((t) => wordIsForm(t, w, x) || w === t.word)) continue;
    named = true;
    for (let j = i - COUNT_BEFORE; j <= i + COUNT_AFTER; j++) if (j !== i && isCount(j)) return 'counts';
  }
  return named ? 'names only' : 'omits';
}
