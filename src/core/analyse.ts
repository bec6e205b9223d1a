import { asksLeader, countedTerms, roleAsked, type Counted, type RoleAsked } from './counted.ts';
import { measureAsked, type Measure } from './measures.ts';
import type { Engine } from './engine.ts';
import { categoryPhrase, parseQuery, type QueryTerm } from './query.ts';
import { asksWhether, questionType, type QuestionType } from './questionType.ts';
import { isStopWord, spelledOut, stem, words } from './text.ts';
import { readInitials } from './initials.ts';
import { writtenAsName } from './names.ts';
import type { Lexicon, Passage } from './types.ts';

/**
 * Stage 1 of an answer: what the question asks. Its terms as the index knows them, the kind of fact
 * it wants, whether it asks if something holds, and its focus: the thing asked about.
 */
export interface Analysis {
  /** The question as typed. */
  readonly typed: string;
  /** The question as read: abbreviations of names the briefs spell out, spelled out. */
  readonly asked: string;
  readonly terms: readonly QueryTerm[];
  readonly type: QuestionType;
  /** "Did…", "is it true…": answered by the brief's verdict when it checks what is asked. */
  readonly whether: boolean;
  /**
   * The question's dictionary words that are neither names nor ways of asking ("tall" in "how tall
   * is Elon Musk", "founded" in "when was Twitter founded"): the answer must speak of them, not only
   * of the names around them.
   */
  readonly focus: readonly QueryTerm[];
  /** What a "how many" question counts ("plastic particles"), and whose; empty when it does not say. */
  readonly counted: Counted;
  /** What "who is the CEO of Palantir" asks: a role, and whose it is. */
  readonly role: RoleAsked;
  /** What a "how tall", "how hot", "how old" question measures: an answer gives a figure in its units. */
  readonly measure: Measure | null;
}

/** Analyses a question over an engine's index. */
export function analyse(engine: Engine, question: string, lexicon: Lexicon): Analysis {
  const typed = question.trim();
  // A name abbreviated as the briefs never abbreviate it is read spelled out.
  const read = readInitials(engine, typed, {
    known: (w) => isStopWord(w) || spelledOut(w) !== undefined,
    isWord: (w) => lexicon.has(w) || words(w).join(' ') !== w,
    indexed: (w) => engine.passageIndex.documentsWith(stem(w)).length > 0,
  });
  const asked = read.text;
  const terms = oneNameWeight(parseQuery(asked, engine.passageIndex, lexicon), read.spelled, typed);
  const counted = countedTerms(asked, terms);
  const category = categoryPhrase(asked);
  const role = WHO.test(asked) ? roleAsked(asked, asWritten(engine, terms)) : roleAsked(asked, terms);
  return {
    typed,
    asked,
    terms,
    type: namesAsked(asked, questionType(asked), lexicon),
    whether: asksWhether(asked),
    // "Which government agency": the words of the kind asked for say what the answer is, not what it is about.
    // "Runs" of "who runs FERA" is said by whichever title the head has ("FERA administrator …").
    focus: terms.filter((t) => isFocus(t) && !asksFor(asked, t.word) && !category.includes(t.word) && !asksLeader(role, t.word)),
    // Whose count or role is asked ("how many google employees") is told by the names, among them
    // the words the briefs write as names, whatever case the question types them in.
    counted: counted.terms.length > 0 || counted.of.length > 0 ? countedTerms(asked, asWritten(engine, terms)) : counted,
    role,
    measure: measureAsked(asked),
  };
}

const WHO = /^\s*who/i;

/** The words of a name spelled out for its initials weigh, together, what one word of it would: the asker typed one word. */
function oneNameWeight(terms: QueryTerm[], spelled: readonly string[], typed: string): QueryTerm[] {
  if (spelled.length === 0) return terms;
  const asTyped = new Set(words(typed));
  const share = new Map<string, number>();
  for (const name of spelled) {
    const ws = words(name).filter((w) => !isStopWord(w));
    for (const w of ws) if (!asTyped.has(w)) share.set(w, Math.min(share.get(w) ?? 1, 1 / ws.length));
  }
  return terms.map((t) => (share.has(t.word) ? { ...t, weight: t.weight * share.get(t.word)! } : t));
}

/**
 * The terms, a dictionary word the briefs write only as a name ("google", "delta") marked as one: read
 * off the first few passages that hold it, which tell how the folder writes it.
 */
function asWritten(engine: Engine, terms: readonly QueryTerm[]): QueryTerm[] {
  return terms.map((t) => (t.english && !t.name && !t.weak && t.matches.length > 0 && writtenAsName(t, passagesWith(engine, t)) ? { ...t, name: true } : t));
}

/** Passages that read how a corpus writes a word. */
const CASING_SAMPLE = 12;

function passagesWith(engine: Engine, term: QueryTerm): Passage[] {
  const out: Passage[] = [];
  for (const m of term.matches) {
    const ids = engine.passageIndex.documentsWith(m);
    for (let i = 0; i < ids.length && out.length < CASING_SAMPLE; i++) out.push(engine.passages[ids[i] as number] as Passage);
  }
  return out;
}

/** "Which EU commissioner", "what consultancy", "which state": the words after which or what, up to the first stop word. */
const WHICH = /\b(?:which|what)\s+((?:[\p{L}'-]+\s+){0,2}[\p{L}'-]+)/iu;

/**
 * A question the cue patterns leave unclassed that asks which person, group or place (by WordNet's
 * kind of the noun after "which": "commissioner", "consultancy", "state") asks for a name.
 */
function namesAsked(asked: string, type: QuestionType, lexicon: Lexicon): QuestionType {
  if (type !== 'other') return type;
  const phrase = WHICH.exec(asked)?.[1];
  if (phrase === undefined) return type;
  const words = phrase.toLowerCase().split(/\s+/);
  for (const [i, word] of words.entries()) {
    if (isStopWord(word)) break;
    // After the first word, only a word that is never a verb: "what event set off…" asks for an event.
    if ((i === 0 || lexicon.isNoun(word)) && lexicon.kindOf(word) !== null) return 'name';
  }
  return type;
}

/** Words of a figure ("$100 million", "40 percent"): said with the figure, not the thing asked about. */
const FIGURE_WORDS = new Set(['thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'percent', 'dollars', 'dollar', 'euros', 'pounds']);

/**
 * Words that name the kind of answer a question of a type asks for: a result's score ("the final
 * electoral college score": "312 to 226"), a sum's value ("contract value?": "$200,000") or what
 * was paid or cost ("how much does a ride cost": the unit must say "ride", and give a sum, which the
 * gate asks of it anyway). A unit that says them is nearer the question, but one need not say them
 * to answer it.
 */
const KIND_WORDS = new Map<QuestionType, ReadonlySet<string>>([
  ['score', new Set(['score', 'scores', 'scoreline'])],
  ['amount', new Set(['value', 'amount', 'pay', 'paid', 'paying', 'pays', 'cost', 'costs', 'spend', 'spent', 'spending', 'price'])],
]);

/** True when the word names the kind of answer the question asks for (see {@link KIND_WORDS}); a yes/no question asks for none. */
export function namesKindAsked(analysis: Pick<Analysis, 'type' | 'whether'>, word: string): boolean {
  return !analysis.whether && (KIND_WORDS.get(analysis.type)?.has(word) ?? false);
}

/** "On what date did…", "which year…", "what share of…": the word names the kind of answer asked for, not what it is about. */
const ASKING_FOR = /\b(?:what|which) (date|year|month|day|time|share|percentage|proportion|fraction|portion)\b/gi;

function asksFor(asked: string, word: string): boolean {
  return [...asked.matchAll(ASKING_FOR)].some((m) => m[1]!.toLowerCase() === word);
}

function isFocus(term: QueryTerm): boolean {
  // A year says when; other figures ("400 billion") are checked by the verdict, not asked about; a
  // name says whose, not what.
  if (/^(?:19|20)\d{2}$/.test(term.word)) return !term.frame;
  return !term.weak && !term.name && (term.english || term.wordTypo) && !/^\d/.test(term.word) && !FIGURE_WORDS.has(term.word);
}
