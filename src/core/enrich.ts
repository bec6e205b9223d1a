import type { Analysis } from './analyse.ts';
import type { Engine } from './engine.ts';
import { freeLabel } from './labels.ts';
import { searchTerms, type QueryTerm } from './query.ts';
import type { Retrieval } from './retrieve.ts';
import { CURRENCY } from './questionType.ts';
import type { Scored, Selection } from './select.ts';
import { figuresDiffer } from './figures.ts';
import { briefTopicStems, stemSet, wordStems } from './stemCache.ts';
import { isWeakStem, overlapShare } from './text.ts';
import { TUNING } from './tuning.ts';
import type { AnswerUnit, Brief, DeclineReason, FollowUp, Passage, Source, Topic, UnitRole } from './types.ts';
import { VERDICT_KEY } from './verdicts.ts';

/**
 * Stage 5 of an answer: what goes around the units. Their sources, in the order the units cite them;
 * what the answer is about; a remark when near-duplicate briefs give different figures (their units
 * then come most recently checked first); the briefs that answer about as well and say something
 * else; follow-up prompts the corpus answers; and the question as read after typo correction.
 */

/** How a prompt or title fares when asked as a question: told by the answerer, to keep only what it answers. */
export type Asker = (question: string) => Outcome;

/** How a question fares: answered or why not, and its lead unit's text. */
export interface Outcome {
  readonly answered: boolean;
  readonly reason: DeclineReason | null;
  readonly lead: string | null;
}

export interface Enriched {
  readonly units: readonly AnswerUnit[];
  readonly more: readonly AnswerUnit[];
  readonly sources: readonly Source[];
  readonly topic: Topic;
  readonly note: string | null;
  readonly readAs: string | null;
  readonly alternatives: readonly Source[];
  readonly followUps: readonly FollowUp[];
}

const DIFFERENT_FIGURES = 'The briefs give different figures for this; the most recently checked comes first.';
const DIFFERENT_VERDICTS = 'The briefs checked this more than once and came to different verdicts; the most recently checked comes first.';

/** Where a passage comes from, as shown to a reader. */
export function sourceOf(engine: Engine, passage: Passage): Source {
  const brief = engine.briefs.get(passage.doc) as Brief;
  return {
    doc: brief.id,
    title: brief.title,
    section: passage.heading,
    checked: brief.checked,
    outdated: brief.outdated,
    link: brief.link,
    fingerprint: brief.fingerprint,
  };
}

/** Everything around the selected units. */
export function enrich(
  engine: Engine,
  analysis: Analysis,
  retrieval: Retrieval,
  selection: Selection,
  ask: Asker,
  pickedDoc: string | undefined,
): Enriched {
  const disagreement = differingFigures(engine, selection.units);
  // A later check of the same claim that finds otherwise (see `select`) leads: it supersedes the one
  // asked about. Briefs that give different figures come newest first, even after a yes/no
  // question's verdict from an older check ("no fine has been issued" of March, the €382 million fine
  // of October): the desk's latest finding is what a reader should see first.
  const overruled = selection.units.some((u, i) => i > 0 && u.verdict);
  const ordered = overruled || disagreement ? byCheckDate(engine, selection.units) : [...selection.units];
  const sources: Source[] = [];
  const sourceIndex = (passage: Passage): number => {
    const at = sources.findIndex((s) => s.doc === passage.doc);
    if (at >= 0) return at;
    sources.push(sourceOf(engine, passage));
    return sources.length - 1;
  };
  const units = ordered.map((u, i) => toUnit(u, i === 0 ? (u.verdict ? 'verdict' : 'lead') : 'support', sourceIndex(u.passage), analysis));
  const more = selection.more.map((u) => toUnit(u, 'support', -1, analysis));
  const lead = engine.briefs.get(units[0]!.doc) as Brief;
  return {
    units,
    more,
    sources,
    topic: { doc: lead.id, title: lead.title, claim: lead.claim },
    note: overruled ? DIFFERENT_VERDICTS : disagreement ? DIFFERENT_FIGURES : null,
    readAs: readAs(analysis.terms, [...selection.units, ...selection.more]),
    alternatives: pickedDoc === undefined ? alternatives(engine, retrieval, selection) : [],
    followUps: followUps(engine, retrieval.terms, lead, units[0]!.text, analysis.asked, ask),
  };
}

function toUnit(u: Scored, role: UnitRole, source: number, analysis: Analysis): AnswerUnit {
  const start = u.sentence.at + u.span.offset;
  return {
    text: u.span.text,
    citations: u.span.citations,
    doc: u.passage.doc,
    section: u.passage.heading,
    start,
    end: start + u.span.text.length,
    cutBefore: u.span.cutBefore,
    cutAfter: u.span.cutAfter,
    role,
    source,
    key: keyOf(u.span.text, u.verdict ? 'verdict' : role, analysis),
  };
}

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const QUALIFIER = String.raw`(?:(?:about|roughly|nearly|almost|around|more than|over|under|less than|at least|up to|some|just over|just under|approximately) )?`;
const SCALE = String.raw`(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?`;
const KEYS: Readonly<Record<string, RegExp>> = {
  share: new RegExp(`${QUALIFIER}${NUMBER}\\s?(?:%|percent|per cent)`, 'i'),
  score: /\b\d+\s?(?:-|–|to)\s?\d+(?:, \d+\s?-\s?\d+)*/,
  amount: new RegExp(`${QUALIFIER}(?:[$€£]\\s?${NUMBER}${SCALE}|${NUMBER}${SCALE} ${CURRENCY}\\b)`, 'i'),
  duration: new RegExp(`${QUALIFIER}${NUMBER}[- ](?:years?|months?|weeks?|days?)\\b`, 'i'),
  date: /\b(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?: \d{1,2},?)? )?(?:19|20)\d{2}\b/i,
};

/** The words of a unit that answer the question, to set in bold. */
function keyOf(text: string, role: UnitRole, analysis: Analysis): string | null {
  if (role === 'verdict' || (analysis.whether && role === 'lead')) {
    const verdict = VERDICT_KEY.exec(text);
    if (verdict) return verdict[0];
  }
  if (analysis.type === 'count') return countKey(text, analysis.counted.terms);
  const pattern = KEYS[analysis.type];
  return pattern?.exec(text)?.[0].trim() ?? null;
}

/**
 * A count, with the words after it that name what the question counts ("83 hot dogs" for "how many
 * hot dogs"; "83" alone in "the 83 does not appear"): the first figure that names them, else the first
 * that is not a year.
 */
function countKey(text: string, counted: readonly QueryTerm[]): string | null {
  const counts = (w: string) => counted.some((t) => t.matches.includes(wordStems(w)[0]?.[1] ?? ''));
  let first: string | null = null;
  for (const found of text.matchAll(COUNTS)) {
    let end = found.index + found[0].length;
    let next: RegExpExecArray | null;
    while ((next = NEXT_WORD.exec(text.slice(end))) && counts(next[1]!)) end += next[0].length;
    const key = text.slice(found.index, end).trim().replace(/,$/, '');
    if (end > found.index + found[0].length) return key;
    if (!YEAR.test(key)) first ??= key;
  }
  return first;
}
const COUNTS = new RegExp(`${QUALIFIER}${NUMBER}${SCALE}`, 'gi');
const NEXT_WORD = /^ ([\p{L}'’-]+)/u;
const YEAR = /^(?:19|20)\d{2}$/;

/** Units from briefs about one thing that give it different figures. */
function differingFigures(engine: Engine, units: readonly Scored[]): boolean {
  const byDoc = new Map<string, string[]>();
  for (const u of units) byDoc.set(u.passage.doc, [...(byDoc.get(u.passage.doc) ?? []), u.span.text]);
  return figuresDiffer(engine, byDoc);
}

/** Units grouped by brief, the most recently checked brief first (undated last), the lead's order kept within one. */
function byCheckDate(engine: Engine, units: readonly Scored[]): Scored[] {
  const checked = (u: Scored) => (engine.briefs.get(u.passage.doc) as Brief).checked ?? '';
  const firstAt = new Map<string, number>();
  units.forEach((u, i) => firstAt.set(u.passage.doc, firstAt.get(u.passage.doc) ?? i));
  return [...units].sort(
    (a, b) => checked(b).localeCompare(checked(a)) || (firstAt.get(a.passage.doc) as number) - (firstAt.get(b.passage.doc) as number),
  );
}

/** The question's content words as read, corrected words spelled as the briefs spell them; null when nothing was corrected. */
function readAs(terms: readonly QueryTerm[], units: readonly Scored[]): string | null {
  if (!terms.some((t) => t.corrected)) return null;
  const spelled = (t: QueryTerm): string => {
    for (const u of units) {
      const hit = wordStems(u.span.text).find(([, s]) => t.matches.includes(s));
      if (hit) return hit[0];
    }
    return t.matches[0] ?? t.word;
  };
  return terms
    .filter((t) => !t.weak || t.corrected)
    .map((t) => (t.corrected ? spelled(t) : t.word))
    .join(' ');
}

/**
 * Other briefs whose best passage matches about as well as the lead's and whose best unit says
 * something else: the asker may mean one of them. The lead's brief first.
 */
function alternatives(engine: Engine, retrieval: Retrieval, selection: Selection): Source[] {
  const best = retrieval.candidates[0];
  const lead = selection.units[0];
  if (!best || !lead) return [];
  const out = [sourceOf(engine, lead.passage)];
  for (const c of retrieval.candidates) {
    if (c.score < best.score * TUNING.enrich.alternativeRatio) break;
    if (out.some((s) => s.doc === c.passage.doc)) continue;
    const said = selection.ranked.find((u) => u.passage === c.passage);
    if (!said || overlapShare(said.stems, lead.stems) > TUNING.enrich.alternativeOverlap) continue;
    out.push(sourceOf(engine, c.passage));
  }
  return out.length >= 2 ? out : [];
}

function relatedPrompt(prompt: ReadonlySet<string>, topic: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  const content = [...prompt].filter((s) => !isWeakStem(s));
  return content.some((s) => topic.has(s)) || content.filter((s) => asked.has(s)).length >= 2;
}

/**
 * Follow-up prompts the corpus answers: the lead brief's own, then the closest of other briefs on the
 * same topic, each kept only when the answerer answers it and says something other than this answer.
 */
function followUps(
  engine: Engine,
  terms: readonly QueryTerm[],
  lead: Brief,
  leadText: string,
  asked: string,
  ask: Asker,
): FollowUp[] {
  const e = TUNING.enrich;
  const topic = briefTopicStems(lead);
  const askedStems = new Set(terms.filter((t) => !t.weak).flatMap((t) => t.matches));
  const hits = engine.questionIndex.search(searchTerms(terms), e.maxFollowUps * 4);
  const top = hits[0]?.score ?? 0;
  const others = hits
    .filter((h) => h.score >= top * 0.5)
    .map((h) => engine.questions[Number(engine.questionIndex.ref(h.doc))])
    .filter((q) => q !== undefined && q.kind === 'prompt' && q.doc !== lead.id)
    // A prompt on the same topic shares a word of the lead brief's title or claim, or two of the
    // question's: one word of the question ("work" of "did the sugar tax work") is no topic.
    .filter((q) => q !== undefined && relatedPrompt(stemSet(q.text), topic, askedStems))
    .map((q) => ({ question: q!.text, doc: q!.doc }));
  const candidates = [...lead.prompts.map((p) => ({ question: p, doc: lead.id })), ...others];
  const out: FollowUp[] = [];
  const labels = new Set<string>();
  const folded = asked.toLowerCase();
  for (const c of candidates) {
    if (out.length >= e.maxFollowUps) break;
    if (c.question.toLowerCase() === folded || out.some((f) => f.question === c.question)) continue;
    const outcome = ask(c.question);
    if (!outcome.answered || outcome.lead === leadText) continue;
    const label = freeLabel(c.question, e.followUpLabelChars, labels);
    if (label !== null) out.push({ ...c, label });
  }
  return out;
}
