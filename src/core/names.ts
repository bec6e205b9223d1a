import { passageCasing } from './stemCache.ts';
import type { QueryTerm } from './query.ts';
import { isCalendarWord, isStopWord, stem } from './text.ts';
import type { Passage } from './types.ts';

/** Names by their capitals: how the briefs write a word, and whether a text names someone new. */

/**
 * True when the passages write the term only with a capital, never at a sentence's start: there it
 * is a name ("Amazon" the company, "Trump"), whatever the dictionary says the word means.
 */
export function writtenAsName(term: QueryTerm, passages: readonly Passage[]): boolean {
  if (!term.english) return false;
  let capital = 0;
  for (const passage of passages) {
    const casing = passageCasing(passage);
    for (const match of term.matches) {
      const c = casing.get(match);
      if (c === undefined) continue;
      if (c.lower > 0) return false;
      capital += c.capital;
    }
  }
  return capital > 0;
}

/** True when the text names (with a capital, mid-sentence) something the question's terms do not. */
export function namesOtherThan(text: string, terms: readonly QueryTerm[]): boolean {
  const asked = new Set(terms.flatMap((t) => [...t.matches, t.stem]));
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    if (m.index === 0 || !/^\p{Lu}/u.test(m[0])) continue;
    const folded = m[0].toLowerCase().replace(/['’]s$/, '');
    if (!asked.has(stem(folded)) && !isStopWord(folded) && !isCalendarWord(folded)) return true;
  }
  return false;
}
