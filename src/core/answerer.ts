import type { Engine } from './engine.ts';
import { coverage, isKnown, NO_LEXICON, parseQuery, searchTerms, type QueryTerm } from './query.ts';
import { questionType, sentenceFits, type QuestionType } from './questionType.ts';
import { analyze, overlapShare, stems } from './text.ts';
import type { Answer, AnswerOptions, DeclineReason, AnswerSentence, Brief, Lexicon, Passage, Sentence, Source } from './types.ts';

/**
 * Query-focused extractive summaries: the few sentences of the briefs that best answer a question,
 * with where each came from, or a plain "the briefs don't cover that".
 */

/** Upper bound of an answer's length, so it reads at a glance. */
export const MAX_ANSWER_CHARS = 900;
const MAX_SENTENCES = 4;
const CANDIDATE_PASSAGES = 16;
/** Below this share of the question's weight covered by the best passage, the briefs don't answer it. */
const MIN_COVERAGE = 0.45;
/** A brief whose best passage scores this close to the best one is offered as an alternative. */
const ALTERNATIVE_RATIO = 0.85;
/** A known question this similar to the asked one stands in for it. */
const KNOWN_QUESTION_OVERLAP = 0.6;
const MAX_FOLLOW_UPS = 5;
const MAX_SUGGESTIONS = 3;

interface Candidate {
  readonly passage: Passage;
  readonly passageRank: number;
  readonly sentence: Sentence;
  readonly position: number;
  readonly stems: ReadonlySet<string>;
  readonly score: number;
}

/** Answers a question from an engine's briefs. */
export function answerQuestion(
  engine: Engine,
  question: string,
  options: AnswerOptions = {},
  lexicon: Lexicon = NO_LEXICON,
): Answer {
  const asked = question.trim();
  if (asked === '') return decline(engine, asked, 'empty', 'Ask me a question about the fact-check briefs.', []);
  let terms = parseQuery(asked, engine.passageIndex, lexicon);
  if (!terms.some((t) => !t.weak && isKnown(t))) {
    return decline(engine, asked, terms.length === 0 ? 'empty' : 'no-known-term', notCoveredMessage(terms), terms);
  }
  const known = matchKnownQuestion(engine, terms);
  if (known) terms = mergeTerms(terms, parseQuery(known, engine.passageIndex, lexicon));

  const filter = options.doc === undefined ? undefined : (doc: number) => passageAt(engine, doc).doc === options.doc;
  const hits = engine.passageIndex.search(searchTerms(terms), CANDIDATE_PASSAGES, filter);
  const best = hits[0];
  if (!best) return decline(engine, asked, 'not-covered', notCoveredMessage(terms), terms);

  const bestStems = passageStemSet(engine, passageAt(engine, best.doc));
  const bestCoverage = coverage(terms, (s) => bestStems.has(s));
  // A question that restates a brief's own title or prompt is one the briefs set out to answer.
  if (!known && (bestCoverage < MIN_COVERAGE || unknownName(terms))) {
    return decline(engine, asked, unknownName(terms) ? 'unknown-name' : 'not-covered', notCoveredMessage(terms), terms);
  }

  const type = questionType(asked);
  const candidates = hits.flatMap((hit, rank) =>
    scoreSentences(engine, passageAt(engine, hit.doc), rank, hit.score / best.score, terms, type),
  );
  const chosen = choose(candidates);
  const ordered = readingOrder(chosen);
  const sentences: AnswerSentence[] = ordered.map((c) => ({
    text: c.sentence.text,
    citations: c.sentence.citations,
    doc: c.passage.doc,
    section: c.passage.heading,
  }));
  const sources = distinctSources(engine, ordered.map((c) => c.passage));
  const confidence = Math.min(1, coverage(terms, (s) => ordered.some((c) => c.stems.has(s))) * 0.5 + bestCoverage * 0.5);
  return {
    question: asked,
    answered: true,
    declineReason: null,
    // One sentence a line: each stays whole and checkable against its brief.
    answer: sentences.map((s) => s.text).join('\n'),
    sentences,
    sources,
    followUps: followUps(engine, terms, sources[0]?.doc, asked),
    confidence: round(confidence),
    alternatives: options.doc === undefined ? alternatives(engine, hits) : [],
    suggestions: [],
  };
}

function scoreSentences(
  engine: Engine,
  passage: Passage,
  rank: number,
  passageShare: number,
  terms: readonly QueryTerm[],
  type: QuestionType,
): Candidate[] {
  const brief = engine.briefs.get(passage.doc) as Brief;
  const context = new Set([...stems(passage.heading), ...stems(brief.title)]);
  return passage.sentences.map((sentence, position) => {
    const own = sentenceStems(sentence);
    const inSentence = coverage(terms, (s) => own.has(s));
    const inContext = coverage(terms, (s) => own.has(s) || context.has(s));
    // Words of the question in the sentence count most; its heading and brief title, and how well its
    // passage matched, lift it among equals; a sentence holding the kind of fact asked for wins ties.
    const score =
      inSentence +
      0.25 * inContext +
      0.35 * passageShare +
      (fitsType(type, sentence, terms) ? 0.5 : 0);
    return { passage, passageRank: rank, sentence, position, stems: own, score };
  });
}

function fitsType(type: QuestionType, sentence: Sentence, terms: readonly QueryTerm[]): boolean {
  if (type === 'expansion') {
    // The sentence spells out a name the question abbreviates: its alias term is one the question has.
    return analyze(sentence.text).some((t) => t.alias && terms.some((q) => q.matches.includes(t.stem)));
  }
  return type !== 'other' && sentenceFits(type, sentence.text);
}

/** The best sentence, then the next best that add to it without repeating it, within the length cap. */
function choose(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.passageRank - b.passageRank || a.position - b.position);
  const first = sorted[0];
  if (!first) return [];
  const chosen = [first];
  let length = first.sentence.text.length;
  for (const c of sorted.slice(1)) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (c.score < first.score * 0.6) break;
    if (length + 1 + c.sentence.text.length > MAX_ANSWER_CHARS) continue;
    if (chosen.some((k) => overlapShare(k.stems, c.stems) > 0.5)) continue;
    chosen.push(c);
    length += 1 + c.sentence.text.length;
  }
  return chosen;
}

/** Sentences grouped by brief (most relevant brief first), then in the order the brief has them. */
function readingOrder(chosen: readonly Candidate[]): Candidate[] {
  const docRank = new Map<string, number>();
  chosen.forEach((c, i) => {
    if (!docRank.has(c.passage.doc)) docRank.set(c.passage.doc, i);
  });
  return [...chosen].sort(
    (a, b) =>
      (docRank.get(a.passage.doc) as number) - (docRank.get(b.passage.doc) as number) ||
      a.passage.index - b.passage.index ||
      a.position - b.position,
  );
}

function distinctSources(engine: Engine, passages: readonly Passage[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const p of passages) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(sourceOf(engine, p));
  }
  return out;
}

/** Where a passage comes from, as shown to a reader. */
export function sourceOf(engine: Engine, passage: Passage): Source {
  const brief = engine.briefs.get(passage.doc) as Brief;
  return { doc: brief.id, title: brief.title, section: passage.heading, checked: brief.checked, fingerprint: brief.fingerprint };
}

/** Briefs that match about as well as the best one, each with its best passage. */
function alternatives(engine: Engine, hits: readonly { doc: number; score: number }[]): Source[] {
  const top = hits[0];
  if (!top) return [];
  const byDoc = new Map<string, Source>();
  for (const hit of hits) {
    if (hit.score < top.score * ALTERNATIVE_RATIO) break;
    const p = passageAt(engine, hit.doc);
    if (!byDoc.has(p.doc)) byDoc.set(p.doc, sourceOf(engine, p));
  }
  return byDoc.size >= 2 ? [...byDoc.values()] : [];
}

/** The source brief's prompts, then the closest prompts of other briefs. */
function followUps(engine: Engine, terms: readonly QueryTerm[], doc: string | undefined, asked: string): string[] {
  const own = doc === undefined ? [] : (engine.briefs.get(doc)?.prompts ?? []);
  const others = engine.questionIndex
    .search(searchTerms(terms), MAX_FOLLOW_UPS * 2)
    .map((h) => engine.questions[Number(engine.questionIndex.ref(h.doc))])
    .filter((q) => q !== undefined && q.kind === 'prompt' && q.doc !== doc)
    .map((q) => q?.text as string);
  const folded = asked.toLowerCase();
  return [...new Set([...own, ...others])].filter((p) => p.toLowerCase() !== folded).slice(0, MAX_FOLLOW_UPS);
}

/** A title or prompt that says what the question says, or nothing. */
function matchKnownQuestion(engine: Engine, terms: readonly QueryTerm[]): string | undefined {
  const hit = engine.questionIndex.search(searchTerms(terms), 1)[0];
  if (!hit) return undefined;
  const known = engine.questions[Number(engine.questionIndex.ref(hit.doc))];
  if (!known) return undefined;
  const knownStems = new Set(stems(known.text));
  const askedStems = new Set(terms.filter((t) => !t.weak).flatMap((t) => t.matches));
  const overlapKnown = [...knownStems].filter((s) => askedStems.has(s)).length / Math.max(1, knownStems.size);
  const overlapAsked = [...askedStems].filter((s) => knownStems.has(s)).length / Math.max(1, askedStems.size);
  return overlapKnown >= KNOWN_QUESTION_OVERLAP && overlapAsked >= KNOWN_QUESTION_OVERLAP ? known.text : undefined;
}

function mergeTerms(asked: readonly QueryTerm[], known: readonly QueryTerm[]): QueryTerm[] {
  const have = new Set(asked.map((t) => t.stem));
  return [...asked, ...known.filter((t) => !have.has(t.stem)).map((t) => ({ ...t, weight: t.weight * 0.5 }))];
}

/** A capitalised word the briefs never mention (after typo correction), such as "Tesla". */
function unknownName(terms: readonly QueryTerm[]): boolean {
  return terms.some((t) => t.name && !t.weak && !isKnown(t));
}

function decline(engine: Engine, asked: string, reason: DeclineReason, message: string, terms: readonly QueryTerm[]): Answer {
  return {
    question: asked,
    answered: false,
    declineReason: reason,
    answer: message,
    sentences: [],
    sources: [],
    followUps: [],
    confidence: 0,
    alternatives: [],
    suggestions: suggestions(engine, terms),
  };
}

function notCoveredMessage(terms: readonly QueryTerm[]): string {
  const missing = terms.filter((t) => !t.weak && !isKnown(t)).map((t) => `“${t.word}”`);
  if (terms.length === 0) return "I couldn't find a question in that. Ask about something the fact-check briefs cover.";
  return missing.length > 0 && missing.length <= 3
    ? `The fact-check briefs don't cover that (they never mention ${missing.join(', ')}).`
    : "The fact-check briefs don't cover that.";
}

/** Topics the corpus does cover: the known questions closest to what was asked, else brief titles. */
function suggestions(engine: Engine, terms: readonly QueryTerm[]): string[] {
  const close = engine.questionIndex
    .search(searchTerms(terms), MAX_SUGGESTIONS)
    .map((h) => engine.questions[Number(engine.questionIndex.ref(h.doc))]?.text)
    .filter((t): t is string => t !== undefined);
  const titles = engine.corpus.briefs.map((b) => b.title);
  return [...new Set([...close, ...titles])].slice(0, MAX_SUGGESTIONS);
}

function passageAt(engine: Engine, doc: number): Passage {
  return engine.passages[Number(engine.passageIndex.ref(doc))] as Passage;
}

// Stems are computed on first use and kept with the (immutable) sentence or sentence list they belong to.
const stemCache = new WeakMap<object, ReadonlySet<string>>();

function sentenceStems(sentence: Sentence): ReadonlySet<string> {
  let set = stemCache.get(sentence);
  if (!set) {
    set = new Set(stems(sentence.text));
    stemCache.set(sentence, set);
  }
  return set;
}

/**
 * Stems of a passage with its heading and brief title, kept with its list of sentences: a large
 * corpus's passages may let that list go between reads, and the stems go with it.
 */
function passageStemSet(engine: Engine, passage: Passage): ReadonlySet<string> {
  let set = stemCache.get(passage.sentences);
  if (!set) {
    const brief = engine.briefs.get(passage.doc) as Brief;
    set = new Set(stems([brief.title, passage.heading, ...passage.sentences.map((s) => s.text)].join(' ')));
    stemCache.set(passage.sentences, set);
  }
  return set;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
