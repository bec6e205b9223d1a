import { namesKindAsked, type Analysis } from './analyse.ts';
import { briefHolds } from './briefPostings.ts';
import type { Engine } from './engine.ts';
import { coverage, covers, isKnown, wordIsForm, type QueryTerm } from './query.ts';
import { asksRole, countsOrOmits, figureOf, roleOf, type KindTest } from './counted.ts';
import { givesMeasure } from './measures.ts';
import { sameTopic } from './figures.ts';
import { asksForMoney, FIGURE_TYPES, givesMoney, sentenceFits } from './questionType.ts';
import type { Retrieval } from './retrieve.ts';
import type { Scored, Selection } from './select.ts';
import { namesOtherThan, writtenAsName } from './names.ts';
import { spelledCovers } from './initials.ts';
import { briefSubjectStems, briefTopicStems, passageStemSet, spokenStems, stemSet } from './stemCache.ts';
import { isStopWord, words } from './text.ts';
import { TUNING } from './tuning.ts';
import type { Brief, DeclineReason } from './types.ts';

/**
 * Stage 3 of an answer: whether the briefs answer the question at all. Before choosing units: is
 * anything asked, does the question name something the briefs never mention, does the best passage
 * hold enough of it. After: do the chosen units hold enough of it, and do they speak of its focus
 * (a brief about Elon Musk does not answer "how tall is Elon Musk").
 */

/** The gate's decision, with the figures it was made on. */
export interface GateResult {
  readonly reason: DeclineReason | null;
  readonly lines: readonly string[];
  /** For a missing focus: the words of the question, as typed, that no unit speaks of. */
  readonly unsaid?: readonly string[];
}

const pct = (x: number): string => `${Math.round(100 * x)}%`;

/** The checks on the question alone: is anything asked, about something the briefs mention. */
export function gateQuestion(analysis: Analysis): GateResult {
  const terms = analysis.terms;
  if (analysis.asked === '' || terms.length === 0) return { reason: 'empty', lines: ['nothing to search for'] };
  const unknown = terms.filter((t) => t.name && !t.weak && !isKnown(t)).map((t) => t.word);
  if (unknown.length > 0) return { reason: 'unknown-name', lines: [`names the briefs never mention: ${unknown.join(', ')}`] };
  if (!terms.some((t) => !t.weak && isKnown(t))) return { reason: 'no-known-term', lines: ['no word of the question is in the briefs'] };
  if (isBareTerm(analysis, terms)) return { reason: 'bare-term', lines: [`only a name or term: "${terms.map((t) => t.word).join(' ')}"`] };
  return { reason: null, lines: [] };
}

/** The check on the retrieved passages: does the best one hold enough of the question. */
export function gatePassages(retrieval: Retrieval): GateResult {
  if (retrieval.candidates.length === 0) return { reason: 'not-covered', lines: ['no passage matched'] };
  const min = TUNING.gate.minPassageCoverage;
  const line = `best passage holds ${pct(retrieval.bestCoverage)} of the question's weight (needs ${pct(min)})`;
  return retrieval.bestCoverage < min ? { reason: 'not-covered', lines: [line] } : { reason: null, lines: [line] };
}

/** A name or term alone ("palantir", "ICE:", "vaccines?"): nothing is asked about it ("what is ImmigrationOS?" asks). */
function isBareTerm(analysis: Analysis, terms: readonly QueryTerm[]): boolean {
  const rest = words(analysis.typed).filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
  if (rest.length > 2 || rest.some(isStopWord)) return false;
  // "nwqa", read as the name it abbreviates, is still one name typed alone.
  if (analysis.asked !== analysis.typed) return rest.length === 1;
  return terms.length === 1 && !terms[0]!.weak;
}

/**
 * The checks on the chosen units. They must hold enough of the question; every name it asks about
 * ("minimum wage in California") must be in them or their heading; they must speak of its focus,
 * the words beyond the topic of the brief they come from ("vaccine" in "is there a bird flu vaccine
 * for cows"), a year it names among them; and a question for a figure or a date must get one.
 */
export function gateUnits(engine: Engine, analysis: Analysis, retrieval: Retrieval, selection: Selection): GateResult {
  const units = selection.units;
  if (units.length === 0) return { reason: 'not-covered', lines: ['no unit to quote'] };
  const lead = units[0]!;
  // "The sources provided do not say whether Aldermark plans to forgive any of the loans": the brief
  // says it has no answer, which is the briefs not covering it.
  if (SAYS_UNSAID.test(lead.span.text)) return { reason: 'not-covered', lines: ['the unit that answers says its sources do not say'] };
  const brief = engine.briefs.get(lead.passage.doc) as Brief;
  const topic = briefTopicStems(brief);
  // A yes/no question about what a brief checks is answered by its verdict: judged with the claim it settles.
  const settled = lead.verdict ? topic : new Set<string>();
  const context = units.map((u) => new Set([...u.stems, ...stemSet(u.passage.heading), ...(u.sentence.label ? stemSet(u.sentence.label) : [])]));
  const has = (x: string) => settled.has(x) || context.some((c) => c.has(x));
  const held = coverage(retrieval.terms, has);
  const g = TUNING.gate;
  const lines = [`units hold ${pct(held)} of the question's weight (needs ${pct(g.minUnitCoverage)})`];
  if (held < g.minUnitCoverage) return { reason: 'not-covered', lines };

  // A yes/no question about what the brief checks is answered by its verdict, however loosely it
  // restates the claim ("Beijing foots the bill" for "China pays"): the words beyond the topic are
  // the asker's, not another question.
  // ...unless it gives a figure the brief never does ("130 degrees in 2020" of a brief on the 134
  // degrees of 1913): then it asks about another claim, judged like any question. (A year is often
  // only when the asker heard the claim.)
  // A year after the brief was checked is no such slip ("did the pilots strike again in 2026" of a
  // brief checked in 2025): its verdict cannot settle what came later.
  const later = (t: QueryTerm) => isYear(t) && brief.checked !== null && Number(t.word) > Number(brief.checked.slice(0, 4));
  const unstated = lead.verdict ? analysis.terms.filter((t) => /^\d/.test(t.word) && (!isYear(t) || later(t)) && !t.matches.some((m) => briefHolds(engine, brief.id, m))) : [];
  if (lead.verdict && unstated.length === 0) return { reason: null, lines: [...lines, 'answered by the verdict of the brief asked about'] };
  if (lead.verdict) lines.push(`the verdict's brief never gives ${unstated.map((t) => t.word).join(', ')}`);

  // The lead brief's passages that matched the question: what the brief that answers says about it.
  // (Another brief adding what it lacks would make an answer neither of them gives.)
  const matched = retrieval.candidates.filter((c) => c.passage.doc === brief.id).map((c) => c.passage);

  // Words the brief writes as names ("Case" of "Investigative Case Management") are not the focus;
  // the names the question itself gives must be in the brief's matched passages ("minimum wage in
  // California" is not answered by a brief that never names California).
  const names = analysis.terms.filter((t) => !t.weak && isKnown(t) && (t.name || writtenAsName(t, matched)));
  const titled = (t: QueryTerm) => t.matches.some((m) => topic.has(m));
  const inPassages = new Set(matched.flatMap((p) => [...passageStemSet(engine, p)]));
  // A name must be in what the lead brief (or a near-duplicate of it) says: a unit another brief adds
  // ("Canada's 2023 wildfire season" beside US measles counts) does not make it answer about Canada.
  // A yes/no question may name what the brief denies ("on Google's cloud?"), so any unit counts there.
  const twin = (u: Scored) => u.passage.doc === brief.id || sameTopic(engine, brief, engine.briefs.get(u.passage.doc) as Brief);
  const leadContext = context.filter((_, i) => analysis.whether || twin(units[i]!));
  const said = (x: string) => settled.has(x) || leadContext.some((c) => c.has(x)) || inPassages.has(x);
  // "PBA" is said where its brief writes "Premier Basketball Association" and never "PBA".
  const unsaidNames = names.filter((t) => t.name && !covers(t, said) && !titled(t) && !spelledCovers(engine, t.word, (x) => said(x) || topic.has(x)));
  // A name of several words is one name: "United States" is not said by "state budget" alone.
  const missingNames = nameRuns(analysis.asked, names.filter((t) => t.name)).flatMap((run) => (run.some((t) => unsaidNames.includes(t)) ? run : []));
  const nameWeight = (ts: readonly QueryTerm[]) => ts.reduce((sum, t) => sum + Math.max(t.weight, MIN_NAME_WEIGHT), 0);
  if (missingNames.length > 0 && nameWeight(missingNames) > nameWeight(names.filter((t) => t.name)) * (1 - g.minNameShare)) {
    return { reason: 'not-covered', lines: [...lines, `names not in the lead brief's matched passages or units: ${missingNames.map((t) => t.word).join(', ')}`] };
  }

  // The brief's own topic is what retrieval matched on; the focus is what the question adds to it,
  // which the lead brief's units must speak of.
  const unitWords = units
    .filter(twin)
    .flatMap((u) => spokenStems(`${u.span.text} ${u.passage.heading} ${u.sentence.label ?? ''}`));
  const saidIn = (f: QueryTerm, ws: readonly (readonly [string, string])[]) => ws.some(([w, x]) => wordIsForm(f, w, x) || w === f.word);
  // "old" in "how old is X" is said by the figure the measure check asks for ("Pruett, 81,"), not by
  // the word; "score" in "the final score", by the score.
  const focus = analysis.focus.filter((f) => !names.includes(f) && !titled(f) && f.word !== analysis.measure?.asked && !namesKindAsked(analysis, f.word));
  // A year narrows what is asked ("revenue in 2020"): a sentence quoted from the lead brief, or from
  // a near-duplicate of it that gives the year of the count both give, must name it; and it stands for
  // the thing asked only where the units say it in the question's own phrase ("November 2019
  // report"), not wherever that year comes up.
  const years = focus.filter(isYear);
  const quoted = units.filter(twin).map((u) => new Set(words(`${u.sentence.text} ${u.joined?.text ?? ''} ${u.passage.heading}`)));
  const missingYears = years.filter((y) => !quoted.some((p) => p.has(y.word)));
  if (missingYears.length > 0) {
    return { reason: 'focus-missing', lines: [...lines, `asks about ${missingYears.map((y) => y.word).join(', ')}; the sentences quoted never name it`], unsaid: missingYears.map((y) => y.word) };
  }
  const asked = words(analysis.asked);
  const spoken = unitWords.map(([w]) => w);
  const things = focus.filter((f) => !isYear(f) || inPhrase(f.word, asked, spoken));
  if (things.length > 0) {
    const said = things.filter((f) => isYear(f) || saidIn(f, unitWords));
    // A noun names the thing asked about; a verb or adjective is as often only a way of asking.
    const weightOf = (ts: readonly QueryTerm[]) => ts.reduce((sum, t) => sum + focusWeight(engine, t), 0);
    // Said around the lead unit, in its passage, it is what that passage is about, if less surely.
    const passageWords = spokenStems(lead.passage.sentences.map((x) => x.text).join(' '));
    const nearby = things.filter((f) => !said.includes(f) && saidIn(f, passageWords));
    const share = (weightOf(said) + g.focusInPassageShare * weightOf(nearby)) / Math.max(1e-9, weightOf(things));
    const shown = (f: QueryTerm) => (said.includes(f) ? f.word : nearby.includes(f) ? `${f.word} (in its passage)` : isYear(f) ? `${f.word} (a bound)` : `${f.word} (missing)`);
    lines.push(`focus ${focus.map(shown).join(', ')}: ${pct(share)} said (needs ${pct(g.minFocusShare)})`);
    if (share < g.minFocusShare) return { reason: 'focus-missing', lines, unsaid: telling(engine, things.filter((f) => !said.includes(f) && !nearby.includes(f) && !isYear(f))) };
  } else if (years.length > 0) {
    lines.push(`focus ${years.map((y) => y.word).join(', ')}: named`);
  } else {
    lines.push('no focus beyond the brief\'s topic');
  }
  // (A yes/no question is answered by what its brief says, with or without the figure.)
  const matchedTexts = matched.flatMap((p) => p.sentences.map((x) => x.text));
  // Whose figure it is need not stand beside it where the brief's title names them, in any of their
  // words ("CEO" of a brief on Corvane's "chief executive", who the units call by her name).
  const payers = analysis.counted.of.filter((t) => !titled(t) && !t.synonyms.some((m) => topic.has(m)));
  if (!analysis.whether && FIGURE_TYPES.has(analysis.type) && !givesFigure(analysis, units.map((u) => u.span.text), matchedTexts, payers)) {
    const what = analysis.counted.terms.length > 0 ? `how many ${[...analysis.counted.of, ...analysis.counted.terms].map((t) => t.word).join(' ')}` : `a ${analysis.type}`;
    return { reason: 'focus-missing', lines: [...lines, `asks for ${what}; no unit gives it`] };
  }
  // "How hot is a lightning bolt?" is not answered by the odds of being struck.
  if (!analysis.whether && analysis.measure && !units.some((u) => givesMeasure(analysis.measure!, u.span.text))) {
    return { reason: 'focus-missing', lines: [...lines, `asks how ${analysis.measure.asked}; no unit gives a figure in its units`], unsaid: [analysis.measure.asked] };
  }
  // "How much did it cost to build the line?" is not answered by how long the line is. (Only "how
  // much": "what was the DOJ trying to pay for" asks for a thing, not a sum.)
  // The sum must be the lead brief's: another brief's price beside it answers another question.
  if (asksForMoney(analysis) && !units.some((u) => twin(u) && givesMoney(u.span.text))) {
    return { reason: 'focus-missing', lines: [...lines, 'asks for a sum of money; no unit gives one'] };
  }
  // "Who is the CEO of Palantir" is not answered by Amazon's CEO in a sentence that names Palantir.
  if (asksRole(analysis.role) && !units.some((u) => roleOf(analysis.role, u.span.text, briefSubjectStems(engine, engine.briefs.get(u.passage.doc) as Brief)))) {
    const role = analysis.role.anyLeader ? 'head' : analysis.role.role.map((t) => t.word).join(' ');
    return { reason: 'focus-missing', lines: [...lines, `asks for the ${role} of ${analysis.role.of.map((t) => t.word).join(' ')}; no unit gives theirs`] };
  }
  // "Which company made…", "who wrote…": the answer names someone the question does not.
  if (!analysis.whether && analysis.type === 'name' && !units.some((u) => namesOtherThan(u.span.text, analysis.terms))) {
    return { reason: 'focus-missing', lines: [...lines, 'asks for a name; no unit gives one the question does not'] };
  }
  return { reason: null, lines };
}

/** A unit whose main clause is that the sources are silent: "The sources provided do not say whether…". */
const SAYS_UNSAID = /^(?:but |however,? )?(?:the |available |public )?(?:sources?|reporting|records?|documents?|coverage|briefs?)(?: provided| available| cited| reviewed| here)? (?:do|does|did) not (?:say|specify|state|list|disclose|indicate|mention|report)\b/i;

/** The question's names as it writes them together: "United States", "Veskania". */
function nameRuns(asked: string, names: readonly QueryTerm[]): QueryTerm[][] {
  const runs: QueryTerm[][] = [];
  let run: QueryTerm[] = [];
  for (const w of words(asked)) {
    const t = names.find((n) => n.word === w);
    if (t && !run.includes(t)) run.push(t);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  // A name the question's words do not give as typed (a spelling corrected, a form read) stands alone.
  const inRuns = new Set(runs.flat());
  return [...runs, ...names.filter((t) => !inRuns.has(t)).map((t) => [t])];
}

/** A name present in every passage weighs nothing by idf, yet it is still a name asked about. */
const MIN_NAME_WEIGHT = 0.1;

/**
 * Whether the units give the figure asked for. Where they or the brief's matched passages name what
 * a "how many" question counts, a unit must count it ("employee letters" and some other number do
 * not say how many employees); where nothing names it, the brief may count it in other words.
 */
function givesFigure(analysis: Analysis, texts: readonly string[], passages: readonly string[], payers: readonly QueryTerm[]): boolean {
  const counted = analysis.counted;
  if (counted.terms.length === 0 && !texts.some((t) => figureOf(payers, t))) return false;
  if (counted.terms.length > 0) {
    // "How many people died" is counted by "2,000 deaths", a kind of person the question says; not by
    // "100 employees", which would count people for any question.
    const said: KindTest = (w, x) => analysis.terms.some((t) => t.word === w || t.matches.includes(x) || t.synonyms.includes(x));
    const inUnits = texts.map((t) => countsOrOmits(counted, t, said));
    if (inUnits.includes('counts')) return true;
    if (inUnits.includes('names only') || passages.some((t) => countsOrOmits(counted, t) !== 'omits')) return false;
  }
  return texts.some((t) => sentenceFits(analysis.type, t, analysis.asked));
}

/**
 * The unsaid focus words worth naming to the asker: those that weigh at least half the heaviest. A
 * word in nearly every brief ("Amazon" among briefs on Amazon) weighs little, and saying the briefs
 * say nothing about it would read as false.
 */
function telling(engine: Engine, unsaid: readonly QueryTerm[]): string[] {
  const top = Math.max(0, ...unsaid.map((t) => focusWeight(engine, t)));
  return unsaid.filter((t) => focusWeight(engine, t) >= top * TELLING_SHARE).map((t) => t.word);
}
const TELLING_SHARE = 0.5;

function isYear(term: QueryTerm): boolean {
  return /^(?:19|20)\d{2}$/.test(term.word);
}

function focusWeight(engine: Engine, term: QueryTerm): number {
  const weight = isYear(term) ? engine.passageIndex.maxIdf() * TUNING.query.unknownShare.noun : term.weight;
  return weight * (term.noun || isYear(term) ? 1 : TUNING.gate.focusVerbShare);
}

/** True when the units say the word with a neighbour it has in the question ("November 2019", "2019 report"). */
function inPhrase(word: string, asked: readonly string[], spoken: readonly string[]): boolean {
  const neighbours = (ws: readonly string[], i: number) => [ws[i - 1], ws[i + 1]].filter((n): n is string => n !== undefined && !isStopWord(n));
  const wanted = new Set(asked.flatMap((w, i) => (w === word ? neighbours(asked, i) : [])));
  return spoken.some((w, i) => w === word && neighbours(spoken, i).some((n) => wanted.has(n)));
}
