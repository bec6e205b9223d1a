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

/**
 * A label for a button shown beside others, unlike theirs (`taken`, to which it is added): two
 * prompts on one strike ("How many flights did Corvane Air cancel during the pilots' strike?", "...
 * the 2025 pilots' strike?") would otherwise both read "Corvane Air flights cancel". Null where
 * every label the question may take is taken: a second button that reads like the first only confuses.
 */
export function freeLabel(question: string, max: number, taken: Set<string>): string | null {
  const label = labelChoices(question, max).find((c) => !taken.has(c)) ?? null;
  if (label !== null) taken.add(label);
  return label;
}

/** The labels of at most `max` characters a question may take, best first, each ending on a whole word: the question itself when it fits; the last its opening words. */
function labelChoices(question: string, max: number): string[] {
  if (question.trim().length <= max) return [question.trim()];
  const raw = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&.'’-]*/gu)].map((m) => m[0]);
  const tokens = raw.map((t) => t.replace(/['’]s$/, '').replace(/[.'’-]+$/, ''));
  // A name is capitalised mid-sentence, or written in capitals (ICE, AWS); "I" is the asker.
  const isName = (token: string, i: number) => token !== 'I' && ((i > 0 && /^\p{Lu}/u.test(token)) || (token.length > 1 && token === token.toUpperCase() && /\p{L}/u.test(token)));
  const names: string[] = [];
  const content: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    const name = run.join(' ');
    if (name !== '' && !names.includes(name)) names.push(name);
    run = [];
  };
  tokens.forEach((token, i) => {
    const folded = token.toLowerCase();
    // One name in several words ("Corvane Air", "Bramfield Metro Transit"), its first word also the
    // question's first ("Corvane Air cancelled …").
    const opensName = i === 0 && /^\p{Lu}/u.test(token) && !isStopWord(folded) && tokens[1] !== undefined && isName(tokens[1], 1);
    if (isName(token, i) || opensName) {
      run.push(token);
      // "Palantir's ICM" is two names.
      if (/['’]s$/.test(raw[i]!)) endRun();
      return;
    }
    endRun();
    if (i === 0 || isStopWord(folded) || LINKING.has(folded) || isWeakStem(stem(folded)) || /\d/.test(token)) return;
    // Adverbs and verb forms make long labels; the nouns and adjectives say what it is about.
    if (/(?:ly|ed|ing)$/.test(folded) && folded.length > 4) return;
    if (!content.includes(folded)) content.push(folded);
  });
  endRun();
  const fits = (label: string) => label !== '' && label.length <= max;
  const words = content.slice(0, names.length > 0 ? MAX_WORDS - 1 : MAX_WORDS);
  // A word of what it is about before a second name: "Corvane Air chief executive", not "Corvane
  // Air–Marisol Ekwueme chief".
  const shorter: string[] = [];
  const most = Math.min(names.length, MAX_NAMES);
  for (let w = words.length; w >= 0; w--) {
    for (let n = most; n >= 1; n--) shorter.push(compose(names.slice(0, n), words.slice(0, w)));
  }
  for (let w = words.length; w >= 0; w--) shorter.push(compose([], words.slice(0, w)));
  // Where the best is taken: more of its words, then fewer, then its opening words.
  const longer = content.slice(words.length).map((_, k) => compose(names.slice(0, MAX_NAMES), content.slice(0, words.length + k + 1)));
  const [best, ...rest] = shorter.filter(fits);
  return [...new Set([...(best ? [best] : []), ...longer.filter(fits), ...rest, wholeWords(question, max)])];
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
