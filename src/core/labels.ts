import { isStopWord, isWeakStem, stem } from './text.ts';

/**
 * Short labels for follow-up buttons, made from a prompt's own words: its names, then its first
 * content words ("What contracts have been publicly documented between Palantir and ICE since
 * 2018?" → "Palantir–ICE contracts"). Never cut mid-word.
 */

const MAX_NAMES = 2;
const MAX_WORDS = 3;
/** Prepositions the stop list keeps for search: in a label of three words they say nothing ("Palantir–ICE contracts since"). */
const LINKING = new Set(['about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'before', 'behind', 'below', 'beside', 'between', 'beyond', 'despite', 'during', 'except', 'inside', 'near', 'over', 'since', 'through', 'toward', 'towards', 'under', 'until', 'upon', 'versus', 'via', 'within', 'without']);

/** A label of at most `max` characters for a question, ending on a whole word: the question itself when it fits. */
export function followUpLabel(question: string, max: number): string {
  if (question.trim().length <= max) return question.trim();
  const tokens = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&.'’-]*/gu)].map((m) => m[0].replace(/['’]s$/, '').replace(/[.'’-]+$/, ''));
  const names: string[] = [];
  const content: string[] = [];
  tokens.forEach((token, i) => {
    const folded = token.toLowerCase();
    // A name is capitalised mid-sentence, or written in capitals (ICE, AWS).
    const name = (i > 0 && /^\p{Lu}/u.test(token)) || (token.length > 1 && token === token.toUpperCase() && /\p{L}/u.test(token));
    if (name) {
      if (!names.includes(token)) names.push(token);
      return;
    }
    if (i === 0 || isStopWord(folded) || LINKING.has(folded) || isWeakStem(stem(folded)) || /\d/.test(token)) return;
    // Adverbs and verb forms make long labels; the nouns and adjectives say what it is about.
    if (/(?:ly|ed|ing)$/.test(folded) && folded.length > 4) return;
    if (!content.includes(folded)) content.push(folded);
  });
  const words = content.slice(0, names.length > 0 ? MAX_WORDS - 1 : MAX_WORDS);
  for (let n = Math.min(names.length, MAX_NAMES); n >= 0; n--) {
    for (let w = words.length; w >= 0; w--) {
      const label = compose(names.slice(0, n), words.slice(0, w));
      if (label !== '' && label.length <= max) return label;
    }
  }
  return wholeWords(question, max);
}

function compose(names: readonly string[], words: readonly string[]): string {
  const label = [names.join('–'), words.join(' ')].filter((p) => p !== '').join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The first words of a text that fit in `max` characters, "…" marking the cut (a single long word is
 * cut): titles, menu options and thread names are cut this way too.
 */
export function wholeWords(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
