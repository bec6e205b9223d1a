import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import aliasData from '../../data/aliases.json' with { type: 'json' };
import informalData from '../../data/informal.json' with { type: 'json' };
import stopwordData from '../../data/stopwords.json' with { type: 'json' };
import { readNumbers } from './numbers.ts';

/** Text with a character folding changes besides case: outside ASCII, or a backtick (read as an apostrophe). */
const NON_ASCII = /[^\x00-\x5f\x61-\x7f]/;
/** Negatives whose verb is not what is left without "n't". */
const NEGATIVES = new Map([
  ["can't", 'can'],
  ["won't", 'will'],
  ["shan't", 'shall'],
  ["ain't", 'is'],
]);

/** A word of folded text: `$`, `%`, a number with its separators, letters and digits, or `&`. */
const TOKEN = /\$|%|\p{N}+(?:[.,]\p{N}+)*\p{L}{1,2}(?![\p{L}\p{N}])|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:'[\p{L}]+)*|&/gu;
/** What after a number, with no space, is its unit or ending ("100m", "1990s", "2nd"), not part of a name ("5G", "3D"). */
const NUMBER_SUFFIXES = new Set(['m', 'b', 'k', 'bn', 'mn', 's', 'st', 'nd', 'rd', 'th', 'am', 'pm', 'x', 'km', 'kg', 'cm', 'mm', 'ft', 'lb', 'oz', 'gw', 'mw', 'kw', 'yr', 'hr']);

/** A number's scale or multiple written after it ("$1.4b", "100m", "50k", "2x"): the word the briefs write it with. */
const SCALES = new Map([
  ['x', 'times'],
  ['k', 'thousand'],
  ['m', 'million'],
  ['mn', 'million'],
  ['b', 'billion'],
  ['bn', 'billion'],
]);

/**
 * The one text normalizer: briefs and questions go through the same steps (fold, split into words,
 * expand aliases, drop stop words, stem), so a term means the same thing at index and query time.
 */

/** A term of analysed text: its stem and the word it came from. */
export interface Term {
  readonly stem: string;
  /** The folded word as typed (before stemming), for typo correction and display. */
  readonly word: string;
  /** True for a canonical term added by an alias ("ice" after "immigration and customs enforcement"). */
  readonly alias: boolean;
  /** True for a word of a spelled-out alias ("customs"): the canonical term after it carries its meaning. */
  readonly spelled?: boolean;
}

/** Chat spellings read as the words they stand for ("abt" → "about"); an empty value is a pure filler. */
const INFORMAL = new Map<string, readonly string[]>(
  Object.entries(informalData.words).map(([k, v]) => [k, spelledAs(v)]),
);
/** The words a chat spelling stands for: none for filler ("lol", "end up"). */
function spelledAs(v: string): readonly string[] {
  return v === '' ? [] : v.split(' ');
}
/** Chat phrases ("walk away", "per cent") by their first word: looked up for every word of every text. */
const INFORMAL_PHRASES = new Map<string, { readonly words: readonly string[]; readonly as: readonly string[] }[]>();
for (const [k, v] of Object.entries(informalData.phrases)) {
  const ws = k.split(' ');
  INFORMAL_PHRASES.set(ws[0] as string, [...(INFORMAL_PHRASES.get(ws[0] as string) ?? []), { words: ws, as: spelledAs(v) }]);
}
/** Words that are a chat spelling or open a chat phrase: one lookup tells most words of a text apart. */
const INFORMAL_STARTS = new Set([...INFORMAL.keys(), ...INFORMAL_PHRASES.keys()]);

// Stemming is most of the analyzer's cost, and a corpus of any size repeats a small vocabulary:
// stems are remembered (bounded, so a stream of odd words cannot grow it without end).
const STEM_MEMO = new Map<string, string>();
const STEM_MEMO_LIMIT = 200_000;

const STOP = new Set(stopwordData.stop);
const WEAK_STEMS = new Set(stopwordData.weak.map((w) => stem(w)));

interface AliasVariant {
  readonly words: readonly string[];
  readonly canonical: string;
}

/**
 * Alias variants keyed by their first word (the lookup runs for every word of the corpus), each list
 * longest first so "microsoft azure" wins over "microsoft".
 */
const ALIASES_BY_FIRST_WORD = new Map<string, AliasVariant[]>();
for (const [canonical, variants] of Object.entries(aliasData)) {
  if (canonical.startsWith('_')) continue;
  for (const variant of variants as string[]) {
    const ws = words(variant);
    const first = ws[0];
    if (first === undefined) continue;
    const list = ALIASES_BY_FIRST_WORD.get(first) ?? [];
    list.push({ words: ws, canonical });
    list.sort((a, b) => b.words.length - a.words.length);
    ALIASES_BY_FIRST_WORD.set(first, list);
  }
}

/** The most words of an alias variant. */
const LONGEST_ALIAS = Math.max(1, ...[...ALIASES_BY_FIRST_WORD.values()].flatMap((list) => list.map((v) => v.words.length)));

/** "ice" → "immigration and customs enforcement": the first variant of more than one word, as written in `data/aliases.json`. */
const SPELLED_OUT = new Map(
  Object.entries(aliasData)
    .filter(([canonical]) => !canonical.startsWith('_'))
    .flatMap(([canonical, variants]) => {
      const long = (variants as string[]).find((v) => v.includes(' '));
      return long === undefined ? [] : [[canonical, long] as const];
    }),
);

/** The name a term abbreviates, spelled out ("ice" → "immigration and customs enforcement"), if it is an alias. */
export function spelledOut(term: string): string | undefined {
  return SPELLED_OUT.get(term);
}

const OPENING_PHRASES: readonly (readonly string[])[] = stopwordData.phrases
  .map((p) => words(p))
  .sort((a, b) => b.length - a.length);

/**
 * Folds typography that differs between sources and users: compatibility forms, curly quotes,
 * the many dashes and hyphens, and citation markers, which are not words.
 */
export function fold(text: string): string {
  // Plain ASCII (most of any corpus) needs neither normalizing nor typographic folding.
  const lower = NON_ASCII.test(text)
    ? text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\u2018\u2019\u02bc`´]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
    : text.toLowerCase();
  return lower.includes('[') ? lower.replace(/\[\d+\]/g, ' ') : lower;
}

/**
 * Splits folded text into words: letters and digits, possessive `'s` dropped, `&` kept for
 * "mckinsey & company". A number stays one word ("77,284,118" → "77284118", "66.5"); `$` reads as
 * "dollars" and `%` as "percent", so "$400" and "400 dollars" are the same words; chat spellings
 * ("abt", "yrs", "govt") read as what they stand for.
 */
export function words(text: string): string[] {
  return readWords(tokenWords(text));
}

/**
 * The first step of `words`: the words each token of the folded text gives, before chat spellings
 * and numbers in words are read. No token holds a space or a clause's punctuation (`;`, `:`, `,`, a
 * dash), and folding goes character by character but for composed characters and a final sigma,
 * which such a mark followed by a space stops: so a text cut at these marks has the token words of
 * its parts, one after another (a build analyses a passage's clauses and its body at once so).
 */
export function tokenWords(text: string): string[] {
  const raw: string[] = [];
  for (const token of fold(text).match(TOKEN) ?? []) {
    if (token === '$') raw.push('dollars');
    else if (token === '%') raw.push('percent');
    else if (startsWithNumber(token)) {
      // "5G", "3D" are names; "100M", "1990s", "2nd" a number and its unit or ending.
      const run = /^(\p{N}+(?:[.,]\p{N}+)*)(\p{L}+)$/u.exec(token);
      if (run === null) raw.push(numberWord(token));
      else if (NUMBER_SUFFIXES.has(run[2] as string)) raw.push(numberWord(run[1] as string), SCALES.get(run[2] as string) ?? (run[2] as string));
      else raw.push(token);
    }
    // "FY2024", "fy24": the fiscal year, as briefs write it ("fiscal 2024").
    else if (token.startsWith('fy') && /^fy\d{2}(?:\d{2})?$/.test(token)) raw.push('fiscal', token.length === 4 ? `20${token.slice(2)}` : token.slice(2));
    // "S-1" and "s1", "G7" and "g-7": one name however it is typed ("b4" is a chat spelling).
    else if (mayBeLetterAndNumber(token) && /^\p{L}\p{N}{1,2}$/u.test(token) && !INFORMAL.has(token)) raw.push(token.slice(0, 1), token.slice(1));
    // "covid19" and "COVID-19", "mh17" and "MH-17": the name and its number, typed with a hyphen or without.
    else if (endsWithDigit(token) && !INFORMAL.has(token) && NAME_AND_NUMBER.test(token)) {
      const at = token.search(/\p{N}/u);
      raw.push(token.slice(0, at), token.slice(at));
    }
    // "they've" → "they", "didn't" → "did", "Palantir's" → "palantir": the ending is no word of its own.
    else if (token.includes("'")) raw.push(NEGATIVES.get(token) ?? token.replace(/n't$/, '').replace(/'(?:s|ve|re|ll|d|m)$/, '').replace(/'/g, ''));
    else raw.push(token);
  }
  return raw;
}

/** The second step of `words`: chat spellings and numbers in words read, across the whole list. */
export function readWords(raw: string[]): string[] {
  return readNumbers(informal(raw));
}

const NAME_AND_NUMBER = /^\p{L}{2,}\p{N}{1,4}$/u;

/** The token ends with an ASCII digit: most words do not, and are spared the regex. */
function endsWithDigit(token: string): boolean {
  const last = token.charCodeAt(token.length - 1);
  return last >= 0x30 && last <= 0x39;
}

/** The token opens with a number (`\p{N}`); most are ASCII, told by their first code unit alone. */
function startsWithNumber(token: string): boolean {
  const first = token.charCodeAt(0);
  return first < 0x80 ? first >= 0x30 && first <= 0x39 : /^\p{N}/u.test(token);
}

/**
 * False for a token that cannot be a letter and one or two numbers ("s1", "g7"): its second code unit
 * is an ASCII character other than a digit, or its length is not 2 to 6 (a letter and two numbers,
 * each of two code units outside the BMP). Most words fail this test, which spares them the regex.
 */
function mayBeLetterAndNumber(token: string): boolean {
  if (token.length < 2 || token.length > 6) return false;
  const second = token.charCodeAt(1);
  return second >= 0x80 || (second >= 0x30 && second <= 0x39);
}

/** "77,284,118" → "77284118" (thousands separators), "66.5" kept, "2018." never reaches here. */
function numberWord(token: string): string {
  return /^\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?$/u.test(token) ? token.replace(/,/g, '') : token;
}

function informal(ws: string[]): string[] {
  // Most texts hold no chat spelling: they are passed as they are, without a copy.
  let first = 0;
  while (first < ws.length && !INFORMAL_STARTS.has(ws[first] as string)) first++;
  if (first === ws.length) return ws;
  const out = ws.slice(0, first);
  for (let i = first; i < ws.length; i++) {
    const word = ws[i] as string;
    if (!INFORMAL_STARTS.has(word)) {
      out.push(word);
      continue;
    }
    // A phrase typed with a chat spelling in it ("burn thru") is the phrase ("burn through").
    const phrase = INFORMAL_PHRASES.get(word)?.find((p) => p.words.every((w, j) => ws[i + j] === w || INFORMAL.get(ws[i + j] as string)?.join(' ') === w));
    if (phrase) {
      for (const w of phrase.as) out.push(w);
      i += phrase.words.length - 1;
      continue;
    }
    const spelled = INFORMAL.get(word);
    if (spelled === undefined) out.push(word);
    else for (const w of spelled) out.push(w);
  }
  return out;
}

/** Porter stem of a folded word; numbers and short words are kept as they are. */
export function stem(word: string): string {
  let s = STEM_MEMO.get(word);
  if (s === undefined) {
    s = word.length <= 2 || /^\d/.test(word) ? word : PorterStemmer.stem(word);
    if (STEM_MEMO.size >= STEM_MEMO_LIMIT) STEM_MEMO.clear();
    STEM_MEMO.set(word, s);
  }
  return s;
}

const CALENDAR = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** True for a month's or weekday's name (folded): written with a capital, yet it names no one. */
export function isCalendarWord(word: string): boolean {
  return CALENDAR.test(word);
}

/** True for words that carry no content ("the", "what", "did"). */
export function isStopWord(word: string): boolean {
  return STOP.has(word) || word === '&';
}

/** True for stems that appear in any question and say little about its topic ("say", "happen"). */
export function isWeakStem(s: string): boolean {
  return WEAK_STEMS.has(s);
}

/**
 * Analyses text into terms: words, aliases expanded (a variant adds its canonical term, a one-word
 * variant such as "msft" is replaced by it), stop words dropped, stems taken.
 */
export function analyze(text: string): Term[] {
  return analyzeWords(words(text));
}

/** The terms of a text's words (`analyze` after `words`). */
export function analyzeWords(ws: readonly string[]): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < ws.length; i++) {
    const alias = aliasAt(ws, i);
    if (alias && alias.words.length === 1) {
      terms.push({ stem: stem(alias.canonical), word: alias.canonical, alias: false });
      continue;
    }
    if (!alias) {
      const word = ws[i] as string;
      if (!isStopWord(word)) terms.push({ stem: stem(word), word, alias: false });
      continue;
    }
    for (const w of alias.words) {
      if (!isStopWord(w)) terms.push({ stem: stem(w), word: w, alias: false, spelled: true });
    }
    i += alias.words.length - 1;
    terms.push({ stem: stem(alias.canonical), word: alias.canonical, alias: true });
  }
  return terms;
}

/** The stems of `analyze(text)`, the form the index stores. */
export function stems(text: string): string[] {
  return analyze(text).map((t) => t.stem);
}

/** Removes an opening that carries no content ("tell me about ...") so it does not dilute a question. */
export function stripOpening(question: string): string {
  const ws = words(question);
  for (const phrase of OPENING_PHRASES) {
    if (phrase.length < ws.length && phrase.every((w, i) => ws[i] === w)) {
      return ws.slice(phrase.length).join(' ');
    }
  }
  return question;
}

/**
 * True when an alias variant of several words matches `ws` from before `at` and runs past it: then
 * the terms of `ws` are not those of its words before `at` and from `at` analysed apart.
 */
export function aliasCrosses(ws: readonly string[], at: number): boolean {
  for (let i = Math.max(0, at - LONGEST_ALIAS + 1); i < at; i++) {
    if (ALIASES_BY_FIRST_WORD.get(ws[i] as string)?.some((v) => i + v.words.length > at && v.words.every((w, j) => ws[i + j] === w))) return true;
  }
  return false;
}

function aliasAt(ws: readonly string[], i: number): AliasVariant | undefined {
  return ALIASES_BY_FIRST_WORD.get(ws[i] as string)?.find((v) => v.words.every((w, j) => ws[i + j] === w));
}

/** Share of the smaller set's stems that the other set has too: 1 when one repeats the other. */
export function overlapShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}
