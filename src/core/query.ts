import irregularData from '../../data/irregular.json' with { type: 'json' };
import stopwordData from '../../data/stopwords.json' with { type: 'json' };
import synonymData from '../../data/synonyms.json' with { type: 'json' };
import type { SearchIndex, WeightedTerm } from './searchIndex.ts';
import { TUNING } from './tuning.ts';
import type { Lexicon } from './types.ts';
import { analyze, isStopWord, isWeakStem, stem, stripOpening, words } from './text.ts';

/**
 * A question turned into terms the index knows: each word of the question stemmed, matched exactly,
 * through another form of the same word ("paid" for "pay", "ukraine" for "ukrainian"), or, for a
 * small typo, to the indexed terms within one or two edits (lunr's fuzzy token set).
 */

/** One term of a question. */
export interface QueryTerm {
  readonly stem: string;
  /** The word as the question had it (folded), for messages. */
  readonly word: string;
  /** Indexed stems this term stands for: itself, its other forms, or its typo corrections; empty when unknown. */
  readonly matches: readonly string[];
  /** Indexed stems of words meaning much the same ("drop" for "end"): searched and covering, at less weight. */
  readonly synonyms: readonly string[];
  /** How much this term counts when judging whether a text covers the question. */
  readonly weight: number;
  /** A word that appears in any question ("say", "happen"): ranks, but does not decide coverage. */
  readonly weak: boolean;
  /** Written with a capital (a name such as "Tesla"), or no English word: an unknown name means the briefs do not cover it. */
  readonly name: boolean;
  /** Matched through a typo correction rather than exactly. */
  readonly corrected: boolean;
  /** A word of the dictionary (WordNet) rather than a name or term of art. */
  readonly english: boolean;
  /** A misspelt dictionary word (one edit from one), matched through its correction. */
  readonly wordTypo: boolean;
  /** A word that is only ever a noun ("population", "budget"). */
  readonly noun: boolean;
  /**
   * Stems of words for much the same thing, whether the briefs use them or not (WordNet's synonyms,
   * related forms and nearest kin: "kids" → "child", "idea" → "notion"): a unit that says one of
   * them speaks of the term.
   */
  readonly related: readonly string[];
  /** A year that bounds the time asked about ("since 2018"): it narrows the question, it is not what is asked. */
  readonly frame: boolean;
}

/** Longest question text analysed: a pasted essay is cut, not rejected. */
export const MAX_QUESTION_CHARS = 2000;
/** Most distinct terms taken from one question. */
const MAX_TERMS = 48;
/**
 * Longest word checked for typos: lunr's fuzzy token set and the lexicon's one-edit neighbours grow
 * steeply with length (one 2,000-letter word exhausted the heap), and no word that long is a typo of one.
 */
const MAX_TYPO_WORD = 30;

/** A lexicon that knows no word: every unknown word is then treated as a possible typo. */
export const NO_LEXICON: Lexicon = {
  has: () => false,
  isNoun: () => false,
  nearWord: () => false,
  isName: () => false,
  forms: () => [],
  synonyms: () => [],
  kin: () => [],
  kindOf: () => null,
};

/** For each stem in a synonym group, the stems of the rest of its group; for each word, the group's words. */
const SYNONYMS = new Map<string, string[]>();
const SYNONYM_WORDS = new Map<string, string[]>();
for (const group of synonymData.groups) for (const w of group) SYNONYM_WORDS.set(w, [...(SYNONYM_WORDS.get(w) ?? []), ...group]);
for (const group of synonymData.groups) {
  const groupStems = [...new Set(group.map(stem))];
  for (const s of groupStems) SYNONYMS.set(s, [...new Set([...(SYNONYMS.get(s) ?? []), ...groupStems.filter((o) => o !== s)])]);
}

/** Each form of an irregular verb with the forms of the same verb ("paid" → pay, paid). */
const VERB_FAMILY = new Map<string, readonly string[]>();
for (const family of irregularData.verbs) {
  for (const form of family) VERB_FAMILY.set(form, family);
}
/** Each form of a noun with an irregular plural, with its other forms ("kids" finds "children" through "child"). */
const NOUN_FAMILY = new Map<string, readonly string[]>();
for (const family of irregularData.nouns) for (const form of family) NOUN_FAMILY.set(form, family);
/** Past forms that are words of their own too ("found"): in a brief, read as the verb listed ("find"). */
const BORROWED: ReadonlyMap<string, string> = new Map(Object.entries(irregularData.borrowed));

/**
 * True when a word of a brief is a form of the term: its stem is one the term matches, and it is not
 * the past of another verb that only looks like it ("found" in "investigators found" is no "founded").
 */
export function wordIsForm(term: QueryTerm, word: string, wordStem: string): boolean {
  if (!term.matches.includes(wordStem) && !term.synonyms.includes(wordStem) && !term.related.includes(wordStem)) return false;
  const verb = BORROWED.get(word);
  return verb === undefined || VERB_FAMILY.get(term.word)?.[0] === verb || term.word === word;
}

/** Words a yes/no question judges a claim by ("safe", "true", "legit"): the brief's verdict answers them. */
const JUDGEMENT = new Set(stopwordData.judgement.map((w) => stem(w)));
const CATEGORIES = new Set(stopwordData.categories);
const FRAMING = new RegExp(`\\b(?:the|this|that) (?:${stopwordData.framing.join('|')}) that\\b`, 'gi');
/** Filler and framing words a typo may hide ("realy", "happend"): read as what they are. */
const STOP_LIST: readonly string[] = [...stopwordData.stop, ...stopwordData.weak].filter((w) => w.length >= 3);

const ROMAN = /^[ivxlc]{2,5}$/;

/** Analyses a question against an index. */
export function parseQuery(question: string, index: SearchIndex, lexicon: Lexicon = NO_LEXICON): QueryTerm[] {
  // A pasted address ("is this true? https://…") is where the claim was seen, and a closing tag
  // ("…, right?", "is that true?") asks whether it holds: neither is a word of what is asked about;
  // nor is "the idea" of "where did the idea that carrots … come from", which only frames the claim.
  const text = stripOpening(
    question
      .slice(0, MAX_QUESTION_CHARS)
      .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
      .replace(FRAMING, ' that ')
      .replace(/(?:[-–,]|\bis (?:that|this|it))\s*(?:true|right|correct|so|real|legit|accurate)\s*\?*\s*$/i, ' '),
  );
  const category = answerCategory(text);
  const frames = new Set([...text.matchAll(FRAMED_YEAR)].map((m) => m[1]));
  const decades = decadesIn(text);
  const names = capitalisedWords(question.slice(0, MAX_QUESTION_CHARS), lexicon);
  const maxIdf = index.maxIdf();
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  const indexed = (s: string) => index.documentFrequency(s) > 0;
  for (const term of analyze(text)) {
    if (seen.has(term.stem) || terms.length >= MAX_TERMS) continue;
    const exact = indexed(term.stem);
    // A spelled-out name the briefs only abbreviate is found through its canonical term alone (which
    // may share a word's stem: "jeff bezos" → "bezos", kept as a name where no brief says it).
    if (term.spelled && !exact) continue;
    seen.add(term.stem);
    const dictionary = lexicon.has(term.word);
    // "drew", "rose": a form of a verb is that verb, though WordNet also lists a name spelt so ("Drew").
    const proper = dictionary && lexicon.isName(term.word) && !VERB_FAMILY.has(term.word);
    const english = dictionary && !proper;
    // "realy", "abot": a misspelt filler word is a filler word, not a name the briefs never mention.
    if (!exact && !dictionary && misspeltStopWord(term.word, lexicon)) continue;
    // "The 40s" is any year of that decade, not the number 40 (nor a year a brief must name).
    const decade = decades.get(term.word);
    const forms = (decade ?? otherForms(term.word, lexicon)).filter((s) => s !== term.stem && indexed(s));
    const typos = exact || dictionary || forms.length > 0 ? [] : typoMatches(term.stem, term.word, index);
    const matches = [...(exact && !decade ? [term.stem] : []), ...forms, ...typos];
    const weak = isWeakStem(term.stem) || JUDGEMENT.has(term.stem) || term.word === category;
    // A lowercase word that is no word, nor a typo of one, is a name all the same ("salesforce").
    const name = names.has(term.word) || proper || (!exact && !dictionary && matches.length === 0 && looksLikeName(term.word, lexicon));
    const own = new Set(matches);
    const synonyms = [
      ...(SYNONYMS.get(matches[0] ?? term.stem) ?? []),
      // "Artemis IV" is not any 4 the briefs give: a numeral names, it has no synonyms.
      ...(matches.length === 0 && !ROMAN.test(term.word) ? lexicon.synonyms(term.word).flatMap((w) => (w.includes('_') ? [] : [stem(w)])) : []),
    ].filter((s) => !own.has(s) && indexed(s));
    const known = matches.length > 0;
    const found = known || synonyms.length > 0;
    // In a small corpus a plain English word can be as rare as a name; the names and terms of art
    // (no dictionary word, or written with a capital) are what say what a question is about.
    const generic = !name && english;
    const idf = found
      ? Math.max(0, ...[...matches, ...synonyms].map((m) => index.idf(m)))
      : maxIdf * unknownShare(term.word, name, dictionary, lexicon);
    const frame = frames.has(term.word);
    const weight = weak ? 0 : idf * (found && generic ? TUNING.query.genericWordShare : 1) * (frame ? TUNING.query.frameShare : 1);
    terms.push({
      stem: term.stem,
      word: decade ? `${term.word}s` : term.word,
      matches: [...new Set(matches)],
      synonyms: [...new Set(synonyms)],
      weight,
      weak,
      name,
      corrected: typos.length > 0,
      english,
      // A typo of a word ("vacine") is that word, asked about like any other; "palentir" is a name's.
      wordTypo: typos.length > 0 && lexicon.nearWord(term.word),
      noun: english && lexicon.isNoun(term.word),
      related: english ? relatedStems(term.word, lexicon) : [],
      frame,
    });
  }
  return terms;
}

/** A decade typed as one word ("1940s", "the 40s", "'90s"), which the words of a text split in two. */
const DECADE = /(?<![\p{L}\p{N}])['‘’]?((?:19|20)?\d0)['’]?s(?![\p{L}\p{N}])/gu;

/**
 * The years of each decade a question names, by the number its words read ("40" or "1940"): any of
 * them answers it. A decade of two digits is of the 1900s, except the 00s and 10s; the 20s may be
 * either century's.
 */
function decadesIn(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(DECADE)) {
    const typed = m[1] as string;
    const tens = typed.slice(-2, -1);
    const centuries = typed.length === 4 ? [typed.slice(0, 2)] : tens === '0' || tens === '1' ? ['20'] : tens === '2' ? ['19', '20'] : ['19'];
    out.set(typed, centuries.flatMap((c) => Array.from({ length: 10 }, (_, k) => `${c}${tens}${k}`)));
  }
  return out;
}

/** A year after a word that bounds a time ("since 2018", "before 2020"). */
const FRAMED_YEAR = /\b(?:since|after|before|until|till|through|from)\s+((?:19|20)\d{2})\b/gi;

/** The noun that says what kind of answer a which/what question wants ("which institution runs…"), or null. */
function answerCategory(question: string): string | null {
  return categoryPhrase(question).at(-1) ?? null;
}

/** The words naming the kind of answer a which/what question wants, that noun last ("which government agency"); empty when none. */
export function categoryPhrase(question: string): string[] {
  const ws = words(question);
  if (ws[0] !== 'which' && ws[0] !== 'what') return [];
  const at = ws.slice(1, 3).findIndex((w) => CATEGORIES.has(w));
  return at < 0 ? [] : ws.slice(1, at + 2);
}

/** Stems of the other forms of a word: an irregular verb's ("pay" → "paid"), and WordNet's derived words, pertainyms and demonyms. */
function otherForms(word: string, lexicon: Lexicon): string[] {
  const family = [...(VERB_FAMILY.get(word) ?? []), ...(NOUN_FAMILY.get(word) ?? [])];
  return [...new Set([...family, ...lexicon.forms(word)].filter((w) => !w.includes(' ') && !w.includes('_')).map(stem))];
}

function relatedStems(word: string, lexicon: Lexicon): string[] {
  const related = [...lexicon.synonyms(word), ...lexicon.kin(word), ...lexicon.forms(word), ...(SYNONYM_WORDS.get(word) ?? []), ...compoundHead(word, lexicon)];
  related.push(...related.flatMap((w) => NOUN_FAMILY.get(w) ?? []));
  return [...new Set(related.filter((w) => !w.includes('_') && !w.includes(' ')).map(stem))];
}

/** Fewest letters of each part of a closed compound ("screen" + "writers"). */
const COMPOUND_PART = 5;
const COMPOUND_HEAD = 5;

/** The head of a closed compound of two words ("screenwriters" → "writers"): the kind of thing it is, said more briefly. */
function compoundHead(word: string, lexicon: Lexicon): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  for (let i = COMPOUND_PART; i <= word.length - COMPOUND_HEAD; i++) {
    const head = word.slice(i);
    if (lexicon.has(word.slice(0, i)) && lexicon.isNoun(head) && !isStopWord(head)) return [head];
  }
  return [];
}

/** True when the index has the term, another form of it, a typo correction of it, or a synonym. */
export function isKnown(term: QueryTerm): boolean {
  return term.matches.length > 0 || term.synonyms.length > 0;
}

/** The weighted index terms to search for. */
export function searchTerms(terms: readonly QueryTerm[]): WeightedTerm[] {
  const w = TUNING.query;
  return terms.flatMap((t) => [
    ...t.matches.map((s) => ({ stem: s, weight: t.weak ? w.weakWeight : t.corrected ? w.typoWeight : 1 })),
    ...t.synonyms.map((s) => ({ stem: s, weight: (t.weak ? w.weakWeight : 1) * w.synonymWeight })),
  ]);
}

/**
 * Share (0..1) of the question's weight that a set of stems covers. Weak words do not count; a
 * question of weak words only is covered by nothing.
 */
export function coverage(terms: readonly QueryTerm[], has: (stem: string) => boolean): number {
  let total = 0;
  let covered = 0;
  for (const t of terms) {
    total += t.weight;
    if (t.matches.some(has)) covered += t.weight;
    else if (t.synonyms.some(has)) covered += t.weight * TUNING.query.synonymCoverage;
  }
  return total === 0 ? 0 : covered / total;
}

/** True when a text's stems hold the term or one of its synonyms. */
export function covers(term: QueryTerm, has: (stem: string) => boolean): boolean {
  return term.matches.some(has) || term.synonyms.some(has);
}

function misspeltStopWord(word: string, lexicon: Lexicon): boolean {
  if (lexicon === NO_LEXICON || word.length < 4 || isStopWord(word)) return false;
  return STOP_LIST.some((s) => Math.abs(s.length - word.length) <= 1 && oneEdit(s, word));
}

/** True when `a` and `b` differ by one insertion, deletion, substitution or swap of neighbours. */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

function looksLikeName(word: string, lexicon: Lexicon): boolean {
  // "6g", "3d": a number run into letters is a model's or a standard's name.
  if (/^\d+\p{L}+$/u.test(word)) return true;
  return lexicon !== NO_LEXICON && word.length >= 4 && !/\d/.test(word) && (word.length > MAX_TYPO_WORD || !lexicon.nearWord(word));
}

function unknownShare(word: string, name: boolean, english: boolean, lexicon: Lexicon): number {
  const share = TUNING.query.unknownShare;
  if (name) return share.name;
  if (!english) return share.nonWord;
  return lexicon.isNoun(word) ? share.noun : share.other;
}

function typoMatches(stem: string, word: string, index: SearchIndex): readonly string[] {
  if (word.length < 4 || word.length > MAX_TYPO_WORD || /\d/.test(word)) return [];
  // Fuzzy matching walks the vocabulary's automaton: the same word asked again is looked up.
  let known = typoMemo.get(index);
  if (!known) typoMemo.set(index, (known = new Map()));
  let found = known.get(word);
  if (found === undefined) {
    found = correctionsOf(stem, word, index);
    if (known.size >= TYPO_MEMO_LIMIT) known.clear();
    known.set(word, found);
  }
  return found;
}

const typoMemo = new WeakMap<SearchIndex, Map<string, readonly string[]>>();
const TYPO_MEMO_LIMIT = 10_000;

function correctionsOf(stem: string, word: string, index: SearchIndex): readonly string[] {
  const distance = word.length >= 8 ? 2 : 1;
  // A word that is its own stem is looked up once: the fuzzy walk is most of a typo's cost.
  const candidates = new Set([...index.similarTerms(stem, distance), ...(word === stem ? [] : index.similarTerms(word, distance))]);
  // The commonest corrections are the likeliest; a few keep a rare typo from fanning out.
  return [...candidates]
    .sort((a, b) => index.documentFrequency(b) - index.documentFrequency(a))
    .slice(0, 2);
}

/** Words written with a capital in the question, folded: candidate names. */
function capitalisedWords(question: string, lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/[\p{Lu}][\p{L}\p{N}'’]*/gu)) {
    // A capital that opens the question or a sentence of it says little ("Companies that…"), unless
    // the word is in capitals ("ICE"), possessive ("Tesla's"), or no dictionary word.
    const before = question.slice(0, m.index).trimEnd();
    const opens = before === '' || /[.!?:]$/.test(before);
    const marked = /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(m[0]) || /['’]s$/.test(m[0]) || !lexicon.has(m[0].toLowerCase());
    if (opens && !marked) continue;
    for (const w of words(m[0])) out.add(w);
  }
  return out;
}
