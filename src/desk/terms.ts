/**
 * "Much the same question": questions are compared by their analysed terms (the answer core's own
 * analyzer: folding, aliases, stop words, stems), so "Did Amazon stop its ICE contracts?" and
 * "did amazon end contracts with ice" meet, and a one-word question does not swallow longer ones.
 */
import { isWeakStem, stems } from '../core/text.ts';

/** Two questions ask much the same when their terms' Dice coefficient reaches this. */
const SIMILARITY_THRESHOLD = 0.5;

/** The distinct content stems of `text`, sorted, as stored in the database (space-separated). */
export function termsOf(text: string): string {
  return [...new Set(stems(text).filter((s) => !isWeakStem(s)))].sort().join(' ');
}

/** The stored form back as a set. */
export function termSet(terms: string): ReadonlySet<string> {
  return new Set(terms === '' ? [] : terms.split(' '));
}

/** Dice coefficient of two term sets: 1 for the same terms, 0 for none in common. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Whether two term sets ask much the same. */
export function askMuchTheSame(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return similarity(a, b) >= SIMILARITY_THRESHOLD;
}

/** Items that ask much the same, with the total weight of the group. */
export interface TermGroup<T> {
  readonly items: readonly T[];
  readonly weight: number;
}

/**
 * Groups items greedily in the order given: each joins the first group one of whose members it
 * resembles, or starts a new one. Items without terms (only emoji, only stop words) stay alone.
 * Returned heaviest first; ties keep the order of their first item.
 */
export function groupByTerms<T>(items: readonly T[], terms: (item: T) => string, weight: (item: T) => number = () => 1): TermGroup<T>[] {
  const groups: { items: T[]; sets: ReadonlySet<string>[]; weight: number; order: number }[] = [];
  for (const item of items) {
    const set = termSet(terms(item));
    const home = set.size === 0 ? undefined : groups.find((group) => group.sets.some((other) => askMuchTheSame(set, other)));
    if (home === undefined) {
      groups.push({ items: [item], sets: [set], weight: weight(item), order: groups.length });
    } else {
      home.items.push(item);
      home.sets.push(set);
      home.weight += weight(item);
    }
  }
  return groups
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map(({ items: members, weight: total }) => ({ items: members, weight: total }));
}
