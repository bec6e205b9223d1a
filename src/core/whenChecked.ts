import { analyse } from './analyse.ts';
import { declinedAnswer } from './declined.ts';
import type { Engine } from './engine.ts';
import { sourceOf } from './enrich.ts';
import { gateQuestion } from './gate.ts';
import { coverage } from './query.ts';
import { retrieve } from './retrieve.ts';
import { briefTopicStems } from './stemCache.ts';
import { TUNING } from './tuning.ts';
import type { Answer, AnswerOptions, Brief, Lexicon, TraceStage } from './types.ts';

/**
 * "When was the Amazon and ICE brief checked?", "what date was the brief about Microsoft's public
 * statements last updated?": a question about a brief, not about what it says. It is answered by the
 * brief's own "Checked on" line, quoted where it stands, once the rest of the question names the
 * brief by its title or claim; when no title fits well enough, it is declined with the nearest titles
 * (what a brief says would not answer it). A name the briefs never use is left to the answer pipeline.
 */

const ASKS_WHEN = /\b(?:when|(?:what|which) (?:date|day)|how recently)\b/i;
const BRIEF = /\b(?:brief|fact[- ]?check|factcheck)\b/i;
const CHECKED = /\b(?:checked|fact[- ]?checked|updated|reviewed|published|written|dated)\b/i;
/** "When did the brief say Microsoft updated its contract?" asks what a brief says. */
const ABOUT_CONTENT = /\b(?:say|says|said|mention|mentions|mentioned|report|reports|reported|find|finds|found)\b/i;
/** The words that ask when, and say "the brief": what is left names the brief. */
const ASKING =
  /\b(?:on|in|when|what|which|date|day|how|recently|was|is|were|did|does|the|a|an|brief|briefs|fact[- ]?checks?|factcheck|about|of|last|first|checked|fact[- ]?checked|updated|reviewed|published|written|dated)\b/gi;
/** Where a "Checked on" line is quoted from, as a source line names it. */
const SECTION = 'Date checked';

/** The words of a "when was the … brief checked" question that name the brief, or null when it asks something else. */
export function briefNamedIn(question: string): string | null {
  if (!ASKS_WHEN.test(question) || !BRIEF.test(question) || !CHECKED.test(question) || ABOUT_CONTENT.test(question)) return null;
  const rest = beyondAsking(question);
  return rest === '' ? null : rest;
}

/** A question's words other than those that ask when a brief was checked, spaces folded. */
function beyondAsking(text: string): string {
  return text
    .replace(/['"‘’“”?!.,:;()]/g, ' ')
    .replace(ASKING, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "When was that checked?", "when was this brief updated": asks the date of the brief just quoted, naming no other. */
export function asksWhenThatChecked(message: string): boolean {
  if (!ASKS_WHEN.test(message) || !CHECKED.test(message)) return false;
  return beyondAsking(message).replace(REFERENCES, ' ').trim() === '';
}
const REFERENCES = /\b(?:this|that|it|one)\b/gi;

/** The answer to a question for the date a brief was checked, or null when it is not one the briefs answer so. */
export function whenChecked(engine: Engine, question: string, options: AnswerOptions, lexicon: Lexicon): Answer | null {
  const naming = briefNamedIn(question);
  if (naming === null) return null;
  const analysis = analyse(engine, naming, lexicon);
  // A brief is often named by one word ("the Palantir brief"), which asked alone would be a bare term.
  const asked = gateQuestion(analysis).reason;
  if (asked !== null && asked !== 'bare-term') return null;
  const retrieval = retrieve(engine, analysis, lexicon, options.doc);
  // The brief whose title or claim holds most of the words naming it, and of whose title those
  // words say most ("Amazon and ICE" is one brief's whole title, and in two others); others that
  // hold as much are offered beside it, unless the words are the whole of its title.
  const words = new Set(retrieval.terms.flatMap((t) => t.matches));
  const named = new Map<string, { brief: Brief; share: number; fit: number }>();
  for (const c of retrieval.candidates) {
    const brief = engine.briefs.get(c.passage.doc) as Brief;
    if (named.has(brief.id)) continue;
    const topic = briefTopicStems(brief);
    const fit = [...topic].filter((x) => words.has(x)).length / Math.max(1, topic.size);
    named.set(brief.id, { brief, share: coverage(retrieval.terms, (x) => topic.has(x)), fit });
  }
  const share = Math.max(0, ...[...named.values()].map((n) => n.share));
  const tied = [...named.values()].filter((n) => n.share === share).sort((a, b) => b.fit - a.fit);
  const brief = tied[0]?.brief;
  const others = tied[0]?.fit === 1 ? [] : tied.slice(1).map((n) => n.brief);
  if (!brief) return null;
  if (share < TUNING.select.aboutBriefShare) {
    // Quoting what a brief says would not answer when it was checked: the nearest titles are offered.
    const near = [...named.values()].sort((a, b) => b.share - a.share || b.fit - a.fit).slice(0, TUNING.enrich.maxSuggestions);
    const lines = [`asks when a brief was checked; no title or claim holds enough of "${naming}" (best ${Math.round(100 * share)}%)`, 'declined: not-covered'];
    const message = 'I could not tell which brief you mean. Ask again with words of its title; the list of briefs gives the date each was checked.';
    return declinedAnswer(question.trim(), 'not-covered', message, near.map((n) => n.brief.title), options.explain ? [{ stage: 'gate', lines }] : null);
  }
  const trace: TraceStage[] = [
    { stage: 'analyse', lines: [`asks when a brief was checked; named by "${naming}"`] },
    { stage: 'retrieve', lines: [`${brief.id}: its title and claim hold ${Math.round(100 * share)}% of those words`] },
  ];
  const line = brief.checkedLine;
  if (line === null) {
    trace.push({ stage: 'gate', lines: ['it has no "Checked on" line', 'declined: undated'] });
    return undated(question, brief, options.explain ? trace : null);
  }
  trace.push({ stage: 'select', lines: [`its "Checked on" line: "${line.text}"`] });
  const passage = brief.passages[0]!;
  return {
    question: question.trim(),
    answered: true,
    declineReason: null,
    answer: line.text,
    units: [
      {
        text: line.text,
        citations: [],
        doc: brief.id,
        section: SECTION,
        start: line.at,
        end: line.at + line.text.length,
        cutBefore: false,
        cutAfter: false,
        role: 'lead',
        source: 0,
        key: null,
      },
    ],
    sources: [{ ...sourceOf(engine, passage), section: SECTION }],
    topic: { doc: brief.id, title: brief.title, claim: brief.claim },
    note: null,
    readAs: null,
    more: [],
    followUps: [],
    confidence: Math.round(100 * share) / 100,
    alternatives: others.map((b) => sourceOf(engine, b.passages[0]!)),
    suggestions: [],
    ...(options.explain ? { trace: { stages: trace } } : {}),
  };
}

/** The brief asked about says nothing of when it was checked: declined, naming it. */
function undated(question: string, brief: Brief, trace: TraceStage[] | null): Answer {
  const message = `The brief “${brief.title}” does not say when it was checked: it has no “Checked on” date.`;
  return declinedAnswer(question.trim(), 'undated', message, [], trace);
}
