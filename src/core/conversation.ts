import data from '../../data/conversation.json' with { type: 'json' };
import { displayText } from './answerer.ts';
import { asksWhenThatChecked } from './whenChecked.ts';
import type { Answer, AnswerUnit, BriefInfo, Organisation, Source } from './types.ts';

/**
 * A conversation with the bot: whether a message follows on from the previous answer ("and
 * microsoft?", "when was that?", "what did he say about ice?", "why?", "tell me more") and what it
 * then asks, or whether it stands on its own. Plain functions over the previous turn; the adapters
 * find that turn (the console remembers it, Discord reads it from the message replied to or the
 * bot's thread).
 */

/** One question and the answer it got. */
export interface Turn {
  /** The question as it was answered (a follow-up already read in context). */
  readonly question: string;
  readonly answer: Answer;
  /** The turn gave the answer's further units ("tell me more"): there is nothing more to give. */
  readonly gaveMore: boolean;
}

/** What a message asks, given the previous turn. */
export type Next =
  /** Ask `question`: the message itself, or (`inContext`) the message read with the previous question. */
  | { readonly kind: 'ask'; readonly question: string; readonly inContext: boolean }
  /** "Tell me more": the previous answer's next best units, with no new search. */
  | { readonly kind: 'more' }
  /** "Tell me more" when the previous answer has nothing more. */
  | { readonly kind: 'nothing-more' };

const MORE = new Set(data.more);
const AUXILIARIES = new Set(data.auxiliaries);
const OPENERS = [...data.openers].sort((a, b) => b.length - a.length);
const QUESTION_WORDS = [...data.questionWords].sort((a, b) => b.length - a.length);
const PERSON_PRONOUNS: Readonly<Record<string, string>> = data.personPronouns;
const NOT_NAMES = new Set(data.notNames);
const MONTHS_AND_DAYS = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '),
);
/** A follow-up of more words than this after its opener ("what about …") is a question of its own. */
const MAX_OPENER_WORDS = 4;

const alternation = (phrases: readonly string[]) => phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** "when was that", "why", "how much was it", "when did that happen", "why not". */
const BARE_QUESTION = new RegExp(
  `^(${alternation(QUESTION_WORDS)})(?: (?:${alternation(data.auxiliaries)}))?(?: (?:${alternation(data.references)}))?(?: (?:${alternation(data.endings)}))?$`,
);
const OPENER = new RegExp(`^(?:${alternation(OPENERS)}) (.+)$`);
/** The question words a previous question opens with, left out when another question word takes their place. */
const LEADING_QUESTION_WORDS = new RegExp(`^(?:(?:so|and|but|ok|okay) )?(?:${alternation([...QUESTION_WORDS, 'what'])})\\b\\s*`, 'i');

/**
 * Answers an "ask" step. A message read in context that the briefs then do not cover, though they
 * answer it as typed, is answered as typed: after "What would you like to know about NWQA?", "who
 * runs corvane air" is a question of its own, not one about the NWQA.
 */
export function answerStep(
  step: Extract<Next, { kind: 'ask' }>,
  message: string,
  ask: (question: string) => Answer,
): { readonly question: string; readonly answer: Answer; readonly inContext: boolean } {
  const answer = ask(step.question);
  if (!step.inContext || answer.answered) return { question: step.question, answer, inContext: step.inContext };
  const alone = ask(message);
  return alone.answered ? { question: message, answer: alone, inContext: false } : { question: step.question, answer, inContext: true };
}

/** What `message` asks after `previous` (null when there is no previous turn). */
export function nextStep(previous: Turn | null, message: string, organisations: readonly Organisation[]): Next {
  const text = message.replace(/\s+/g, ' ').trim();
  const folded = fold(text);
  const asIs: Next = { kind: 'ask', question: text, inContext: false };
  if (previous === null) return asIs;

  if (MORE.has(folded) || MORE.has(folded.replace(/^(?:ok|okay|so|please) /, '').replace(/ please$/, ''))) {
    const more = !previous.gaveMore && previous.answer.answered && previous.answer.more.length > 0;
    return { kind: more ? 'more' : 'nothing-more' };
  }
  // "ICE:" was answered "What would you like to know about ICE?": the message says what.
  if (previous.answer.declineReason === 'bare-term') return inContext(`${previous.question.replace(/[\s:?!.]+$/, '')} ${text}`);
  // "When was that checked?": the date of the brief the answer came from.
  const topic = previous.answer.topic;
  if (topic && asksWhenThatChecked(text)) return inContext(`When was the brief "${topic.title.replace(/["?]+/g, '')}" checked?`);
  const withoutOpener = OPENER.exec(folded)?.[1] ?? folded;
  const bare = BARE_QUESTION.exec(withoutOpener);
  if (bare) return inContext(`${bare[1]} ${questionBody(previous.question)}`);

  if (words(folded).some((w) => w in PERSON_PRONOUNS)) {
    const person = personOf(previous, organisations);
    return person === null ? asIs : inContext(withPerson(text, person));
  }

  const opened = OPENER.exec(folded);
  if (opened) {
    const rest = (opened[1] as string).replace(/^(?:the|a|an) /, '');
    if (words(rest).length > MAX_OPENER_WORDS) return asIs;
    const said = mentions(rest, organisations);
    const previousQuestion = previous.question.replace(/[?.!\s]+$/, '');
    // "and microsoft?": the organisation takes the place of the previous question's one of its kind.
    if (said.length === 1 && said[0]!.start === 0 && said[0]!.end === rest.length) {
      const replaced = replaceOrganisation(previousQuestion, said[0]!.org, rest, organisations);
      if (replaced !== null) return inContext(`${replaced}?`);
    }
    // "and in 2019?", "and the employees?": the previous question, narrowed.
    if (said.length === 0) return inContext(`${previousQuestion} ${textOf(text, rest)}?`);
    return asIs;
  }
  return asIs;
}

/**
 * The answer to "tell me more": the previous answer's further units, lead first, each with its
 * brief among the sources (`brief` finds a brief the previous answer did not cite; a unit whose
 * brief is gone since is left out).
 */
export function moreAnswer(previous: Answer, brief: (doc: string) => BriefInfo | undefined): Answer {
  const sources: Source[] = [];
  const units: AnswerUnit[] = [];
  for (const unit of previous.more) {
    let at = sources.findIndex((s) => s.doc === unit.doc);
    if (at < 0) {
      const cited = previous.sources.find((s) => s.doc === unit.doc);
      const info = cited ? null : brief(unit.doc);
      if (!cited && !info) continue;
      const source: Source = cited
        ? { ...cited, section: unit.section }
        : { doc: unit.doc, title: info!.title, section: unit.section, checked: info!.checked, outdated: info!.outdated, link: info!.link, fingerprint: info!.fingerprint };
      at = sources.push(source) - 1;
    }
    units.push({ ...unit, role: units.length === 0 ? 'lead' : 'support', source: at, key: null });
  }
  return {
    ...previous,
    answered: units.length > 0,
    answer: units.map(displayText).join('\n'),
    units,
    sources,
    note: null,
    readAs: null,
    more: [],
    alternatives: [],
  };
}

/**
 * The person a "he" or "she" points at: a name of two or three capitalised words in the previous
 * answer (or question) that is not an organisation, preferring one the previous question named.
 */
export function personOf(turn: Turn, organisations: readonly Organisation[]): string | null {
  const texts = [...turn.answer.units, ...turn.answer.more].map((u) => u.text);
  const candidates = [...texts, turn.question].flatMap((t) => namesIn(t, organisations));
  if (candidates.length === 0) return null;
  const asked = new Set(words(fold(turn.question)));
  return candidates.find((name) => words(fold(name)).some((w) => asked.has(w))) ?? candidates[0] ?? null;
}

function inContext(question: string): Next {
  return { kind: 'ask', question, inContext: true };
}

/** A question without the question word it opens with ("did microsoft drop ice" for "when did …"). */
function questionBody(question: string): string {
  const body = question.replace(/[?.!\s]+$/, '').replace(LEADING_QUESTION_WORDS, '');
  const first = /^\p{L}+/u.exec(body)?.[0] ?? '';
  // "Did Microsoft drop ICE?" is now the middle of a question: "why did Microsoft drop ICE".
  return AUXILIARIES.has(first.toLowerCase()) ? `${first.toLowerCase()}${body.slice(first.length)}` : body;
}

/** The message with "he", "his", … replaced by the person's name. */
function withPerson(text: string, person: string): string {
  return text.replace(/[\p{L}']+/gu, (w) => {
    const suffix = PERSON_PRONOUNS[w.toLowerCase()];
    return suffix === undefined ? w : `${person}${suffix}`;
  });
}

/**
 * The previous question with the organisation of `org`'s kind it names (else the first it names)
 * replaced by `typed`; null when it names none.
 */
function replaceOrganisation(question: string, org: Organisation, typed: string, organisations: readonly Organisation[]): string | null {
  const named = mentions(question, organisations).filter((m) => m.org.name !== org.name);
  const target = named.find((m) => m.org.kind === org.kind) ?? named[0];
  if (!target) return null;
  return `${question.slice(0, target.start)}${typed}${question.slice(target.end)}`;
}

interface Mention {
  readonly org: Organisation;
  readonly start: number;
  readonly end: number;
}

/** Where `text` names organisations (by name or alias, whole words), longest first at each place. */
function mentions(text: string, organisations: readonly Organisation[]): Mention[] {
  const found: Mention[] = [];
  for (const org of organisations) {
    for (const name of [org.name, ...org.aliases]) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${alternation([name])}(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of text.matchAll(pattern)) found.push({ org, start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((m, i) => !found.slice(0, i).some((k) => k.start <= m.start && m.end <= k.end));
}

/** Person-like names in a text: runs of two or three capitalised words, organisations and common nouns aside. */
function namesIn(text: string, organisations: readonly Organisation[]): string[] {
  const orgNames = organisations.flatMap((o) => [o.name, ...o.aliases]).map(fold);
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?(?: \p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?)+/gu)) {
    const parts = m[0].split(' ');
    if (parts.length > 3 || parts.some((p) => NOT_NAMES.has(p) || MONTHS_AND_DAYS.has(p))) continue;
    const name = fold(m[0]);
    if (orgNames.some((o) => o.includes(name) || name.includes(o))) continue;
    if (!out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

/** The words of `rest` as the asker typed them (case kept), found in `text`. */
function textOf(text: string, rest: string): string {
  const at = text.toLowerCase().lastIndexOf(rest);
  return at < 0 ? rest : text.slice(at, at + rest.length);
}

function fold(text: string): string {
  return text.toLowerCase().replace(/[’]/g, "'").replace(/[?!.…,;:\s]+$/u, '').replace(/^[\s,]+/, '').trim();
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}']+/u).filter((w) => w !== '');
}
