import { analyse, type Analysis } from './analyse.ts';
import type { Engine } from './engine.ts';
import { enrich, type Asker, type Outcome } from './enrich.ts';
import { gatePassages, gateQuestion, gateUnits, type GateResult } from './gate.ts';
import { coverage, isKnown, NO_LEXICON, searchTerms, type QueryTerm } from './query.ts';
import { retrieve, type Retrieval } from './retrieve.ts';
import { select, type Selection } from './select.ts';
import { TUNING } from './tuning.ts';
import { declinedAnswer } from './declined.ts';
import { whenChecked } from './whenChecked.ts';
import type { Answer, AnswerOptions, AnswerUnit, CoverageGap, DeclineReason, Lexicon, TraceStage } from './types.ts';

/**
 * Extractive answers: the few verbatim units of the briefs that best answer a question, with where
 * each came from, or a plain "the briefs don't cover that" with the reason. The pipeline reads as its
 * stages: analyse → retrieve → gate → select → (gate the units) → enrich; every weight is in
 * `TUNING`, and `{ explain: true }` records what each stage saw and decided.
 */

/** Answers a question from an engine's briefs. */
export function answerQuestion(engine: Engine, question: string, options: AnswerOptions = {}, lexicon: Lexicon = NO_LEXICON): Answer {
  return answerWith(engine, question, options, lexicon, askerFor(engine, lexicon));
}

function answerWith(engine: Engine, question: string, options: AnswerOptions, lexicon: Lexicon, ask: Asker | null): Answer {
  // "When was the Amazon and ICE brief checked?" asks about a brief, and its "Checked on" line answers.
  const dated = whenChecked(engine, question, options, lexicon);
  if (dated) return dated;
  const trace: TraceStage[] | null = options.explain ? [] : null;
  const analysis = analyse(engine, question, lexicon);
  trace?.push({ stage: 'analyse', lines: analysisLines(analysis) });
  const declined = (gate: GateResult, retrieval: Retrieval | null) => {
    trace?.push({ stage: 'gate', lines: [...gate.lines, `declined: ${gate.reason}`] });
    return decline(engine, analysis, gate, retrieval, ask, trace);
  };

  const asked = gateQuestion(analysis);
  if (asked.reason) return declined(asked, null);
  const retrieval = retrieve(engine, analysis, lexicon, options.doc);
  trace?.push({ stage: 'retrieve', lines: retrievalLines(retrieval) });
  const passages = gatePassages(retrieval);
  if (passages.reason) return declined(passages, retrieval);
  const selection = select(engine, analysis, retrieval);
  trace?.push({ stage: 'select', lines: selectionLines(selection) });
  const units = gateUnits(engine, analysis, retrieval, selection);
  if (units.reason) return declined({ ...units, lines: [...passages.lines, ...units.lines] }, retrieval);
  trace?.push({ stage: 'gate', lines: [...passages.lines, ...units.lines, 'answered'] });

  const enriched = enrich(engine, analysis, retrieval, selection, ask ?? (() => ({ answered: false, reason: null, lead: null })), options.doc);
  trace?.push({
    stage: 'enrich',
    lines: [
      `sources: ${enriched.sources.map((s) => s.doc).join(', ')}`,
      ...(enriched.note ? [`note: ${enriched.note}`] : []),
      `follow-ups: ${enriched.followUps.map((f) => `"${f.label}"`).join(', ') || 'none'}`,
      `alternatives: ${enriched.alternatives.map((s) => s.doc).join(', ') || 'none'}`,
    ],
  });
  const held = new Set(selection.units.flatMap((u) => [...u.stems]));
  return {
    question: analysis.typed,
    answered: true,
    declineReason: null,
    answer: enriched.units.map(displayText).join('\n'),
    units: enriched.units,
    sources: enriched.sources,
    topic: enriched.topic,
    note: enriched.note,
    readAs: enriched.readAs,
    more: enriched.more,
    followUps: enriched.followUps,
    confidence: round(0.5 * retrieval.bestCoverage + 0.5 * coverage(retrieval.terms, (x) => held.has(x))),
    alternatives: enriched.alternatives,
    suggestions: [],
    ...(trace ? { trace: { stages: trace } } : {}),
  };
}

/** A unit as a reader sees it: "…" where it was cut from its sentence, the briefs' `[n]` markers left out. */
export function displayText(unit: Pick<AnswerUnit, 'text' | 'cutBefore' | 'cutAfter'>): string {
  const text = unit.text.replace(/\s*\[\d+\]/g, '').trim();
  return `${unit.cutBefore ? '…' : ''}${text}${unit.cutAfter ? '…' : ''}`;
}

/**
 * How the corpus answers a title or prompt asked as a question, remembered per engine: follow-ups and
 * suggestions offer only what it answers. Asked without enrichment, so asking never recurses.
 */
const outcomes = new WeakMap<Engine, Map<string, Outcome>>();

function askerFor(engine: Engine, lexicon: Lexicon): Asker {
  return (question) => {
    let known = outcomes.get(engine);
    if (!known) {
      known = new Map();
      outcomes.set(engine, known);
    }
    let outcome = known.get(question);
    if (!outcome) {
      const answer = answerWith(engine, question, {}, lexicon, null);
      outcome = { answered: answer.answered, reason: answer.declineReason, lead: answer.units[0]?.text ?? null };
      known.set(question, outcome);
    }
    return outcome;
  };
}

/**
 * How the corpus answers each of its own titles, claims and prompts asked as questions: worked out
 * once per index (in the build worker, saved beside the index) so follow-ups and suggestions are
 * checked without answering them anew.
 */
export function assessKnownQuestions(engine: Engine, lexicon: Lexicon = NO_LEXICON): [string, Outcome][] {
  const ask = askerFor(engine, lexicon);
  const out = new Map<string, Outcome>();
  for (const q of engine.questions) if (!out.has(q.text)) out.set(q.text, ask(q.text));
  return [...out];
}

/** Outcomes worked out elsewhere for this engine (see {@link assessKnownQuestions}), taken as its own. */
export function seedOutcomes(engine: Engine, entries: Iterable<readonly [string, Outcome]>): void {
  let known = outcomes.get(engine);
  if (!known) {
    known = new Map();
    outcomes.set(engine, known);
  }
  for (const [question, outcome] of entries) if (!known.has(question)) known.set(question, outcome);
}

/** The "Want to dive deeper?" prompts no brief answers, in corpus order: the desk's coverage gaps. */
export function coverageGaps(engine: Engine, lexicon: Lexicon = NO_LEXICON): CoverageGap[] {
  const ask = askerFor(engine, lexicon);
  const seen = new Set<string>();
  const gaps: CoverageGap[] = [];
  for (const q of engine.questions) {
    if (q.kind !== 'prompt' || seen.has(q.text)) continue;
    seen.add(q.text);
    const outcome = ask(q.text);
    if (!outcome.answered) gaps.push({ prompt: q.text, doc: q.doc, reason: outcome.reason ?? 'not-covered' });
  }
  return gaps;
}

function decline(
  engine: Engine,
  analysis: Analysis,
  gate: GateResult,
  retrieval: Retrieval | null,
  ask: Asker | null,
  trace: TraceStage[] | null,
): Answer {
  const suggested = ask ? suggestions(engine, retrieval?.terms ?? analysis.terms, ask) : [];
  return declinedAnswer(analysis.typed, gate.reason as DeclineReason, declineMessage(analysis, gate), suggested, trace);
}

function declineMessage(analysis: Analysis, gate: GateResult): string {
  const terms = analysis.terms;
  switch (gate.reason) {
    case 'empty':
      return analysis.asked === ''
        ? 'Ask me a question about the fact-check briefs.'
        : "I couldn't find a question in that. Ask about something the fact-check briefs cover.";
    case 'bare-term':
      // An abbreviation read spelled out ("nwqa") is asked back as typed.
      return `What would you like to know about ${analysis.asked === analysis.typed ? asTyped(analysis.typed, terms[0]!) : analysis.typed.replace(/[^\p{L}\p{N}'’&.-]+/gu, ' ').trim().replace(/^(?:the|an?) /i, '')}?`;
    case 'focus-missing': {
      // Only what the chosen units leave unsaid: a brief full of "Amazon" does say something about it.
      const missing = (gate.unsaid ?? []).map((w) => `“${w}”`);
      return missing.length > 0 && missing.length <= 3
        ? `The fact-check briefs don't cover that: they don't say anything about ${missing.join(', ')} here.`
        : "The fact-check briefs don't cover that.";
    }
    default: {
      const missing = terms.filter((t) => !t.weak && !isKnown(t)).map((t) => `“${t.word}”`);
      return missing.length > 0 && missing.length <= 3
        ? `The fact-check briefs don't cover that (they never mention ${missing.join(', ')}).`
        : "The fact-check briefs don't cover that.";
    }
  }
}

/** A term as the asker wrote it ("ICE" for "ICE:"). */
function asTyped(asked: string, term: QueryTerm): string {
  const found = [...asked.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu)].find((m) => m[0].toLowerCase().replace(/[.'’]+$/, '') === term.word);
  return found ? found[0].replace(/[.'’]+$/, '') : term.word;
}

/** Questions the corpus does answer (titles and prompts closest to what was asked, else titles). */
function suggestions(engine: Engine, terms: readonly QueryTerm[], ask: Asker): string[] {
  const close = engine.questionIndex
    .search(searchTerms(terms), TUNING.enrich.maxSuggestions * 3)
    .map((h) => engine.questions[Number(engine.questionIndex.ref(h.doc))]?.text)
    .filter((t): t is string => t !== undefined);
  const titles = engine.corpus.briefs.slice(0, TUNING.enrich.maxSuggestions * 2).map((b) => b.title);
  const out: string[] = [];
  for (const q of new Set([...close, ...titles])) {
    if (out.length >= TUNING.enrich.maxSuggestions) break;
    if (ask(q).answered) out.push(q);
  }
  return out;
}

function analysisLines(a: Analysis): string[] {
  const term = (t: QueryTerm) =>
    `${t.word}${t.matches.length > 0 && t.matches.join(',') !== t.stem ? ` → ${t.matches.join(',')}` : ''}${t.synonyms.length > 0 ? ` ~ ${t.synonyms.slice(0, 4).join(',')}` : ''} ${t.weak ? 'weak' : `w=${t.weight.toFixed(2)}`}${t.name ? ' name' : ''}${isKnown(t) ? '' : ' unknown'}`;
  return [
    `type ${a.type}${a.whether ? ', asks whether' : ''}`,
    `terms: ${a.terms.map(term).join('; ') || 'none'}`,
    `focus: ${a.focus.map((t) => t.word).join(', ') || 'none'}`,
  ];
}

function retrievalLines(r: Retrieval): string[] {
  return [
    ...(r.restated ? [`restates the ${r.restated.kind} of ${r.restated.doc}: "${r.restated.text}"`] : []),
    ...r.candidates.slice(0, 6).map((c) => `${c.score.toFixed(2)} ${c.passage.id} ${c.passage.heading.slice(0, 70)}`),
  ];
}

function selectionLines(s: Selection): string[] {
  const chosen = new Set([...s.units, ...s.more]);
  return s.ranked.slice(0, 8).map((u) => {
    const mark = s.units.includes(u) ? '*' : chosen.has(u) ? '+' : ' ';
    return `${mark} ${u.score.toFixed(2)}${u.verdict ? ' verdict' : ''} ${u.passage.id} "${displayText({ text: u.span.text, cutBefore: u.span.cutBefore, cutAfter: u.span.cutAfter }).slice(0, 90)}"`;
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
