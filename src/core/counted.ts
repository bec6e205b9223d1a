import personData from '../../data/persons.json' with { type: 'json' };
import { wordIsForm, type QueryTerm } from './query.ts';
import { wordStems } from './stemCache.ts';
import { isCalendarWord, isStopWord, stem, words } from './text.ts';

/**
 * What a "how many" question counts and whose, whose sum a "how much" question asks for, and whether
 * a text gives that count or sum. "How many employees does Palantir have?" is not answered by a
 * sentence about employee letters that holds some other number, nor by "100 Microsoft employees".
 */

/** "How many people": any kind of person counted answers it (`data/persons.json`). */
const GENERIC_PEOPLE = new Set(personData.generic);
const PERSON_KINDS = new Set(personData.kinds);
const TITLES = new Set(personData.titles);
const GENERAL_LEADERS = new Set(personData.generalLeaders);
const LEAD_VERBS = new Set(personData.leadVerbs);
/** How a text says someone heads a body: a title, or a verb before the body's name. */
const LEADER_TITLES = new Set(personData.leaders);
const LEADS = new Set([...personData.leaders, ...personData.leadVerbs, ...personData.ledVerbs]);

/** How many words after "how many" the counted noun may come ("how many separated kids"). */
const COUNTED_WITHIN = 3;
/** Plurals without an -s, and plurals that ask how often or how long rather than how many things. */
const PLURALS = new Set(['people', 'children', 'men', 'women', 'staff', 'personnel']);
const NOT_COUNTED = new Set(['times', 'years', 'months', 'weeks', 'days', 'hours']);
/** Words that count without digits ("hundreds of workers"); numbers in words are read as digits. */
const COUNT_WORDS = new Set(['dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'several', 'scores']);
/** What after a number makes it no count of things: money, a share, a span of time ("a specialist at 28.4 weeks" counts no doctors). */
const NOT_COUNTS = new Set(['percent', 'dollars', 'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
/** How far before the counted word its number may stand ("500 Microsoft employees"), and after ("employees, 500 of them"). */
const COUNT_BEFORE = 4;
const COUNT_AFTER = 3;
/** How far before the counted word its owner may stand ("Chef had some 70 employees"), and after ("70 employees at Chef"); and how many words of the question may name it. */
const OWNER_BEFORE = 6;
const OWNER_AFTER = 2;
const OWNER_WITHIN = 3;
/** How far from a sum the names it belongs to may stand. */
const PAYER_NEAR = 10;
/** How many words after "how much" the verb of having may come ("how much Colorado River water does Nevada get"). */
const PAYER_AFTER = 5;

/** What a "how many" question counts, and whose; for "how much", only whose. */
export interface Counted {
  /** The words up to the plural ("separated kids", "plastic particles"), names left out. */
  readonly terms: readonly QueryTerm[];
  /**
   * The names the count belongs to ("how many Google employees", "how many employees does Chef
   * have"): a count of someone else's ("100 Microsoft employees") is not the one asked for.
   */
  readonly of: readonly QueryTerm[];
}

const NOTHING_COUNTED: Counted = { terms: [], of: [] };
/** Words after the counted plural that put its owner next ("how many employees at Chef"), or with a verb of having or getting after it ("does Chef have", "did Stein get"). */
const OWNER_FOLLOWS = new Set(['at', 'of']);
const OWNER_HAS = new Set(['does', 'did', 'do']);
const HAVING = new Set(['have', 'has', 'had', 'employ', 'employs', 'own', 'owns', 'get', 'got', 'receive', 'received', 'win', 'won']);

/**
 * What "how many" or "number of" counts: the words up to the plural among the next few, as terms of
 * the question, and whose they are. Nothing counted when no plural follows ("how many times"); for
 * "how much", whose sum it is.
 */
export function countedTerms(asked: string, terms: readonly QueryTerm[]): Counted {
  const ws = words(asked);
  const at = ws.findIndex((w, i) => (w === 'many' && ws[i - 1] === 'how') || (w === 'of' && ws[i - 1] === 'number'));
  if (at < 0) return { terms: [], of: payers(asked, ws, terms) };
  const run: string[] = [];
  for (const [k, w] of ws.slice(at + 1, at + 1 + COUNTED_WITHIN).entries()) {
    if (isStopWord(w)) break;
    run.push(w);
    if (PLURALS.has(w) || (looksPlural(w) && !NOT_COUNTED.has(w))) {
      const counted = terms.filter((t) => !t.weak && run.includes(t.word));
      if (!counted.some((t) => t.word === w)) return NOTHING_COUNTED;
      const owner = ownerWords(ws.slice(at + 2 + k));
      const whose = (t: QueryTerm) => t.word !== w && namesWhose(t);
      const of = terms.filter((t) => !t.weak && ((whose(t) && run.includes(t.word)) || (t.name && owner.includes(t.word))));
      return { terms: counted.filter((t) => !whose(t) && !t.name), of };
    }
  }
  return NOTHING_COUNTED;
}

/** "How much did McKinsey make", "how much does ICE pay": whose sum is asked for, the names right after the verb. */
function payers(asked: string, ws: readonly string[], terms: readonly QueryTerm[]): readonly QueryTerm[] {
  const at = ws.findIndex((w, i) => w === 'much' && ws[i - 1] === 'how');
  if (at < 0) return [];
  const aux = ws.slice(at + 1, at + 1 + PAYER_AFTER).findIndex((w) => OWNER_HAS.has(w));
  if (aux < 0) return [];
  const after = ws.slice(at + 2 + aux).filter((w) => !isStopWord(w));
  const whose = (w: string) => terms.find((t) => t.word === w && !t.weak && namesWhose(t));
  const out: QueryTerm[] = [];
  for (const w of after) {
    const t = whose(w);
    // "did France's auditors say": the name says whose the words are, not whose the sum is.
    if (!t || possessive(asked, w)) break;
    out.push(t);
  }
  return out;
}

/** A name, or a term of art no dictionary holds ("github employees"), says whose a count or sum is. */
function namesWhose(term: QueryTerm): boolean {
  return term.name || !term.english;
}

function possessive(text: string, word: string): boolean {
  return new RegExp(`\\b${word.replace(/[^\\p{L}\\p{N}]/gu, '')}['’]s\\b`, 'iu').test(text);
}

/** Whether a text gives a figure with the names it belongs to near it ("McKinsey's $20 million contract"). */
export function figureOf(of: readonly QueryTerm[], text: string): boolean {
  if (of.length === 0) return true;
  const ws = wordStems(text);
  const owners = ws.flatMap((_, i) => (namedAt(of, ws, i) ? [i] : []));
  // "only one of the companies" holds a number, not a sum.
  const sum = (i: number) => {
    const w = ws[i]![0];
    return /^\d/.test(w) && (Number(w) >= 10 || SUM_WORDS.has(ws[i - 1]?.[0] ?? '') || SUM_WORDS.has(ws[i + 1]?.[0] ?? ''));
  };
  return owners.length > 0 && ws.some((_, i) => sum(i) && owners.some((j) => Math.abs(j - i) <= PAYER_NEAR));
}

/** Words that make a small number a sum ("$5", "5 million", "5 percent"). */
const SUM_WORDS = new Set(['dollars', 'euros', 'pounds', 'thousand', 'million', 'billion', 'trillion', 'percent']);

/** The words naming whose things are counted, in what follows the counted plural. */
function ownerWords(after: readonly string[]): readonly string[] {
  const [first, ...rest] = after;
  if (OWNER_FOLLOWS.has(first ?? '')) return rest.slice(0, OWNER_WITHIN);
  if (!OWNER_HAS.has(first ?? '')) return [];
  const end = rest.slice(0, OWNER_WITHIN + 1).findIndex((w) => HAVING.has(w));
  return end < 0 ? [] : rest.slice(0, end);
}

/** Whether a word (and its stem) of a text is a kind of person that counts the people asked about. */
export type KindTest = (word: string, stem: string) => boolean;

/**
 * Whether a text that names what is counted gives a number for it ("240,000 plastic fragments"
 * counts "plastic particles"). A text that does not name it is left to the general test for a
 * count: the brief may count the same people in other words ("50 coffee drinkers" for "participants").
 * With `kinds`, "how many people" is counted by any kind of person ("168,000 passengers"): enough to
 * rank a unit by, not to say that the briefs answer (a count of workers does not say how many
 * people ICE deported). `kinds` as a test of a word takes only the kinds it accepts: the kind the
 * question itself says ("2,000 deaths" answers "how many people died").
 */
export function countsOrOmits(counted: Counted, text: string, kinds: boolean | KindTest = false): 'counts' | 'names only' | 'omits' {
  const ws = wordStems(text);
  // "Vantly announced … that it would cut 2,100 jobs, roughly 9 percent of its 23,400 employees":
  // "its" before the count points back to the owner named earlier in the sentence.
  const pointsBack = (i: number) => ws.slice(Math.max(0, i - COUNT_BEFORE), i).some(([w]) => w === 'its' || w === 'their') && ws.slice(0, i).some((_, j) => namedAt(counted.of, ws, j));
  const owned = (i: number) => counted.of.length === 0 || ws.some((_, j) => j >= i - OWNER_BEFORE && j <= i + OWNER_AFTER && namedAt(counted.of, ws, j)) || pointsBack(i);
  // "$8 million in contracts" is money and "93 percent of bottles" a share: neither counts them.
  const isCount = (i: number) =>
    i >= 0 && i < ws.length && (COUNT_WORDS.has(ws[i]![0]) || (/^\d/.test(ws[i]![0]) && ws[i - 1]?.[0] !== 'dollars' && !NOT_COUNTS.has(ws[i + 1]?.[0] ?? '')));
  const people = kinds && counted.terms.length > 0 && counted.terms.every((t) => GENERIC_PEOPLE.has(t.word));
  let named = false;
  for (let i = 0; i < ws.length; i++) {
    const [w, x] = ws[i]!;
    if (!namedAt(counted.terms, ws, i) && !(people && PERSON_KINDS.has(w) && (kinds === true || kinds(w, x)))) continue;
    named = true;
    if (!owned(i)) continue;
    for (let j = i - COUNT_BEFORE; j <= i + COUNT_AFTER; j++) if (j !== i && isCount(j)) return 'counts';
  }
  return named ? 'names only' : 'omits';
}

/** A plural by its ending ("routes", "flights"), not a word that only ends in s ("bus", "analysis"). */
function looksPlural(word: string): boolean {
  return word.length > 3 && /s$/.test(word) && !/(?:ss|us|is)$/.test(word) && !isStopWord(word) && !NOT_COUNTS.has(word);
}

/** A "who is the CEO of Palantir" question: the role asked for and whose it is; empty when it asks no such thing. */
export interface RoleAsked {
  readonly role: readonly QueryTerm[];
  readonly of: readonly QueryTerm[];
  /** The word the owner's phrase ends on, where it is no name ("union" of "the Norland pilots union"). */
  readonly body?: QueryTerm;
  /** "Who runs…", "who is the boss of…": whoever heads the owner, by any title (`data/persons.json` "leaders"). */
  readonly anyLeader?: boolean;
}

/** True when a question asks for someone's role or for whoever heads something. */
export function asksRole(asked: RoleAsked): boolean {
  return asked.role.length > 0 || asked.anyLeader === true;
}

/** True for a word that asks who heads something ("runs", "boss") in a question that does (`RoleAsked.anyLeader`). */
export function asksLeader(asked: RoleAsked, word: string): boolean {
  return asked.anyLeader === true && (LEAD_VERBS.has(word) || GENERAL_LEADERS.has(word));
}

const NO_ROLE: RoleAsked = { role: [], of: [] };
const ROLE_OPENERS = new Set(['is', 'was', 'are', 'were', 's', 'the', 'current', 'now']);
const ROLE_OF = new Set(['of', 'at', 'for']);
/** How many words a role ("chief executive officer") and its owner ("Crestway Stores") may take. */
const ROLE_WITHIN = 3;
/** How far after the role its owner may stand ("CEO of Palantir", "CEO Satya Nadella in 2018 confirming Microsoft"). */
const ROLE_AFTER = 6;
/** How far before the role a body asked about may stand ("the pilots' union, through its chairman"). */
const BODY_BEFORE = 4;

/**
 * "Who is the CEO of Palantir", "who's the chief executive at Crestway Stores", "who is Bramfield's
 * city auditor": the role, and whose.
 */
export function roleAsked(asked: string, terms: readonly QueryTerm[]): RoleAsked {
  const ws = words(asked);
  if (ws[0] !== 'who' && ws[0] !== 'whos') return NO_ROLE;
  // "Who runs FERA", "who heads the pilots' union": whoever heads the owner named after the verb.
  // (The owner's name right after it: "who runs the 1962 experiment" asks who did something.)
  if (LEAD_VERBS.has(ws[1] ?? '')) {
    const after = ws.slice(ws[2] === 'the' ? 3 : 2);
    return terms.some((t) => t.word === after[0] && !t.weak && namesWhose(t)) ? ownedBy({ role: [], anyLeader: true }, after, terms) : NO_ROLE;
  }
  let i = 1;
  while (ROLE_OPENERS.has(ws[i] ?? '')) i++;
  // "Who held the record for …" asks who did something, not who holds a role ("who's the CEO" does).
  if (i === 1 && ws[0] === 'who' && !/^\s*who['’]s\b/i.test(asked)) return NO_ROLE;
  const at = ws.slice(i, i + ROLE_WITHIN + 1).findIndex((w) => ROLE_OF.has(w));
  if (at < 0) return ownersRole(ws.slice(i), terms);
  if (at === 0) return NO_ROLE;
  const roleWords = ws.slice(i, i + at);
  const role = terms.filter((t) => !t.weak && roleWords.includes(t.word));
  if (role.length === 0) return NO_ROLE;
  // "The boss of", "the head of": no particular office, whoever heads it.
  const general = role.every((t) => GENERAL_LEADERS.has(t.word));
  return ownedBy(general ? { role, anyLeader: true } : { role }, ws.slice(i + at + 1), terms);
}

/** The role asked, owned by the names at the start of `after` ("Palantir", "the Norland pilots union"). */
function ownedBy(asked: Omit<RoleAsked, 'of'>, after: readonly string[], terms: readonly QueryTerm[]): RoleAsked {
  const ownerWords = after.filter((w) => w !== 'the').slice(0, ROLE_WITHIN);
  const of = terms.filter((t) => !t.weak && namesWhose(t) && ownerWords.includes(t.word));
  const last = terms.find((t) => t.word === ownerWords[ownerWords.length - 1]);
  const body = last && !namesWhose(last) ? { body: last } : {};
  return of.length > 0 ? { ...asked, of, ...body } : NO_ROLE;
}

/** "Palantir('s) chief executive", to the end of the question: the owner's names, then the role in dictionary words. */
function ownersRole(ws: readonly string[], terms: readonly QueryTerm[]): RoleAsked {
  const termOf = (w: string) => terms.find((t) => t.word === w && !t.weak);
  const whose = (t: QueryTerm | undefined) => t !== undefined && namesWhose(t) && !TITLES.has(t.word);
  const owner = ws.findIndex((w) => !whose(termOf(w)));
  if (owner <= 0 || ws.length - owner > ROLE_WITHIN) return NO_ROLE;
  const role = ws.slice(owner).map(termOf);
  if (role.some((t) => !t || whose(t))) return NO_ROLE;
  return { role: role as QueryTerm[], of: ws.slice(0, owner).map(termOf) as QueryTerm[] };
}

/**
 * Whether a text gives the role as the owner's: the owner soon after it ("CEO of Palantir"), or the
 * nearest name before it ("Vantly announced … a memo from chief executive Marisa Okafor"), not
 * someone else's ("Amazon employees began pressuring CEO Jeff Bezos … namely Palantir"). In a brief
 * about the owner itself (`topic`: the stems of what the text's brief is about), the role before a
 * name ("Mayor Odette Saltonstall" in a brief on Bramfield) is the owner's.
 */
export function roleOf(asked: RoleAsked, text: string, topic: ReadonlySet<string> = new Set()): boolean {
  const ownerIsTopic = asked.of.length > 0 && asked.of.every((t) => t.matches.some((m) => topic.has(m)));
  // The text's own tokens, so that each word's capital is known (the words of `wordStems` are folded,
  // and chat spellings or numbers in words can change how many there are).
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  const ws = tokens.map((t) => [t.toLowerCase(), stem(t.toLowerCase())] as const);
  const caps = tokens.map((t) => /^\p{Lu}/u.test(t));
  // The owner named within a few words after the role: "CEO of Palantir", "who has led Corvane Air".
  const ownerAfter = (end: number) => {
    for (let k = end + 1; k <= end + ROLE_AFTER && k < ws.length; k++) if (namedAt(asked.of, ws, k)) return true;
    return false;
  };
  for (let i = 0; i < ws.length; i++) {
    if (!roleAt(asked, ws, i)) continue;
    let end = i;
    while (end + 1 < ws.length && roleAt(asked, ws, end + 1)) end++;
    // The whole role: "General" of "General Assembly" is no secretary-general.
    if (!asked.anyLeader && end - i + 1 < asked.role.length) continue;
    // "Marisol Ekwueme, who has led Corvane Air": a verb says whom its subject heads after it, not
    // before ("contracts led by the Pentagon award").
    if (asked.anyLeader && !LEADER_TITLES.has(ws[i]![0])) {
      if (ws[end + 1]?.[0] !== 'by' && ownerAfter(end)) return true;
      continue;
    }
    // "Lumora's head of EU affairs" heads no Lumora: any leader's title is the owner's only if what it
    // is of is the owner.
    if (asked.anyLeader && ROLE_OF.has(ws[end + 1]?.[0] ?? '') && ![end + 2, end + 3].some((k) => namedAt(asked.of, ws, k))) continue;
    // (Unless another name comes before it: "Amazon employees began pressuring CEO Jeff Bezos".)
    const named = (j: number) => caps[j] === true && !isStopWord(ws[j]![0]) && !isCalendarWord(ws[j]![0]) && ws[j]![0].length > 2;
    if (ownerIsTopic && named(end + 1) && !ws.slice(0, i).some((_, j) => named(j) && !namedAt(asked.of, ws, j))) return true;
    if (ownerAfter(end)) return true;
    // "The pilots' union, through its chairman", "the union's chairman": the role of the body asked
    // about, named just before and pointed back to.
    // Or right before it, as one phrase: "the players' association executive director Simone Okafor".
    const body = asked.body;
    if (body) {
      const before = ws.slice(Math.max(0, i - BODY_BEFORE), i);
      const isBody = ([w, x]: readonly [string, string]) => wordIsForm(body, w, x) || w === body.word;
      if (before.some(isBody) && (before.some(([w]) => w === 'its' || w === 's') || isBody(before[before.length - 1]!))) return true;
    }
    for (let j = i - 1; j >= 0; j--) {
      const w = ws[j]![0];
      // "U.S.", "January": a capital that names no one whose role it could be.
      if (!caps[j] || isStopWord(w) || w.length <= 2 || isCalendarWord(w)) continue;
      if (namedAt(asked.of, ws, j)) return true;
      break;
    }
  }
  return false;
}

/** True when the word at `i` is the role asked, in a form of its own word ("leadership" is no CEO), or any leader's title where that is asked. */
function roleAt(asked: RoleAsked, ws: readonly (readonly [string, string])[], i: number): boolean {
  const at = ws[i];
  return at !== undefined && ((asked.anyLeader === true && LEADS.has(at[0])) || asked.role.some((t) => t.matches.includes(at[1]) || at[0] === t.word));
}

/** True when the word at `i` is one of the terms, in some form of it. */
function namedAt(terms: readonly QueryTerm[], ws: readonly (readonly [string, string])[], i: number): boolean {
  const at = ws[i];
  return at !== undefined && terms.some((t) => wordIsForm(t, at[0], at[1]) || at[0] === t.word);
}
