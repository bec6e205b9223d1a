import superlativeData from '../../data/superlatives.json' with { type: 'json' };
import type { Analysis } from './analyse.ts';
import { figureKinds, kindsDiffer, sameTopic } from './figures.ts';
import { namesOtherThan } from './names.ts';
import type { Engine } from './engine.ts';
import { briefHolds } from './briefPostings.ts';
import { coverage, covers, wordIsForm, type QueryTerm } from './query.ts';
import { asksRole, countsOrOmits, roleOf } from './counted.ts';
import { givesMeasure } from './measures.ts';
import { FIGURE_TYPES, sentenceFits } from './questionType.ts';
import type { Candidate, Retrieval } from './retrieve.ts';
import { briefSubjectStems, briefTopicStems, clauseStems, sentenceStemSet, spanStems, stemSet, wordStems, type SentenceStems } from './stemCache.ts';
import { analyze, overlapShare } from './text.ts';
import { TUNING } from './tuning.ts';
import { verdictFinding } from './verdicts.ts';
import { spansOf, type Span } from './units.ts';
import type { Brief, Passage, Sentence } from './types.ts';

/**
 * Stage 4 of an answer: the units that answer it. Every sentence of the matched passages, or the
 * clauses of a long one, is scored by how much of the question it holds, its context, its passage's
 * score, whether it holds the kind of fact asked for, and whether it is the verdict a yes/no question
 * wants; the best leads, and up to two more that add to it without repeating it follow.
 */

/** A scored span of a sentence of a matched passage. */
export interface Scored {
  readonly passage: Passage;
  readonly rank: number;
  readonly sentence: Sentence;
  /** Position of the sentence in its passage. */
  readonly position: number;
  readonly span: Span;
  readonly stems: ReadonlySet<string>;
  readonly score: number;
  /** The span is (part of) its brief's verdict, and the question asks whether the brief's claim holds. */
  readonly verdict: boolean;
  /** A terse verdict's unit runs on into the sentence after it, which it then holds as well. */
  readonly joined?: Sentence;
}

export interface Selection {
  /** The lead unit first, then the units that add to it. */
  readonly units: readonly Scored[];
  /** The next best units, for "tell me more". */
  readonly more: readonly Scored[];
  /** Every scored span, best first (for the trace). */
  readonly ranked: readonly Scored[];
}

/** Words that say whether a claim holds, or deny it: a sentence with them judges the claim rather than restating it. */
const JUDGES =
  /\b(?:not|never|\w+n['’]t|false|true|untrue|misleading|inaccurate|accurate|correct|incorrect|wrong|exaggerat\w*|overstat\w*|understat\w*|unsupported|unproven|no evidence|partly|mostly|myth|debunk\w*|claim\w*|statement|figure)\b/i;
/** A word or phrase of the extreme of something (`data/superlatives.json`). */
const SUPERLATIVE_WORDS = [...new Set(superlativeData.groups.flat())];
const SUPERLATIVE = new RegExp(`\\b(?:${SUPERLATIVE_WORDS.map((w) => w.split(/[- ]/).join('[- ]')).join('|')})\\b`, 'gi');
/** Each extreme's groups ("biggest" and "largest" name one). */
const foldExtreme = (w: string) => w.toLowerCase().replace(/[- ]/g, ' ');
const EXTREME_GROUPS = new Map(SUPERLATIVE_WORDS.map((w) => [foldExtreme(w), superlativeData.groups.flatMap((g, i) => (g.includes(w) ? [i] : []))]));

/** The groups of the extremes a text names ("record-high" and "record high" alike). */
function extremesIn(text: string): Set<number> {
  return new Set([...text.matchAll(SUPERLATIVE)].flatMap((m) => EXTREME_GROUPS.get(foldExtreme(m[0])) ?? []));
}
/** A span that keeps this share of its words within the claim restates it. */
const RESTATES_SHARE = 0.8;

/** Chooses the units of an answer from the retrieved passages. */
export function select(engine: Engine, analysis: Analysis, retrieval: Retrieval): Selection {
  const best = retrieval.candidates[0];
  if (!best) return { units: [], more: [], ranked: [] };
  const about = briefAskedAbout(engine, analysis, retrieval);
  const ranked = [...retrieval.candidates, ...verdictPassage(engine, retrieval, about)]
    .flatMap((c) => scorePassage(engine, analysis, retrieval, c, c.score / best.score, about))
    .sort((a, b) => b.score - a.score || a.rank - b.rank || a.position - b.position || a.span.offset - b.span.offset);
  const s = TUNING.select;
  // A yes/no question about what a brief checks is led by that brief's verdict; a question for a
  // figure, a date or a name, by a unit that gives one when one scores close to the best.
  const top = ranked[0];
  const verdict = about === null ? undefined : ranked.find((c) => c.verdict);
  const fits = (c: Scored) => fitsType(analysis, c.span.text, retrieval.terms, () => briefSubjectStems(engine, engine.briefs.get(c.passage.doc) as Brief));
  const asksFor = FIGURE_TYPES.has(analysis.type) || analysis.type === 'name';
  const fitting = top && wantsType(analysis) && asksFor && !fits(top) ? ranked.find((c) => c.score >= top.score * s.figureLeadShare && fits(c)) : undefined;
  // A restated title asking for a figure or a name wants it first, unless the verdict gives it ("which
  // company makes the drink" of a brief on its recall is not answered by "Yes, in part").
  const verdictLeads = verdict !== undefined && (analysis.whether || !asksFor || fits(verdict));
  const lead = verdictLeads ? verdict : (fitting ?? top);
  if (!lead) return { units: [], more: [], ranked };
  const units: Scored[] = [lead];
  const more: Scored[] = [];
  let chars = lead.span.text.length;
  // A verdict cut short, or terse ("The claim is false."), is completed by what its brief says next.
  if (lead.verdict && (lead.span.cutAfter || lead.span.text.length < s.terseVerdictChars)) {
    const after = lead.span.offset + lead.span.text.length;
    const next = lead.span.cutAfter
      ? ranked.filter((c) => c.sentence === lead.sentence && c.span.offset > after).sort((a, b) => a.span.offset - b.span.offset || b.score - a.score)[0]
      : ranked.find((c) => c.passage === lead.passage && c.position === lead.position + 1 && !c.span.cutBefore);
    if (next && chars + next.span.text.length <= s.maxChars) {
      // "True." and what it goes on to say are one unit where the brief writes them as one run of text.
      const joined = lead.span.cutAfter ? null : joinedUnit(lead, next, s.maxUnitChars);
      if (joined) units[0] = joined;
      else units.push(next);
      chars += next.span.text.length + (joined ? 1 : 0);
    }
  } else {
    // What a terse verdict runs on into ("Misleading. Chestnut did eat 83 hot dogs …") is quoted
    // after it: the brief's verdict comes first, and the figure is not read as the brief's finding.
    const brief = engine.briefs.get(lead.passage.doc) as Brief;
    const terse = ranked.find(
      (c) => c.passage === lead.passage && c.position === lead.position - 1 && c.sentence.text === brief.verdict && c.span.text.length < s.terseVerdictChars,
    );
    const joined = terse && joinedUnit(terse, lead, s.maxUnitChars);
    if (terse && joined) {
      units[0] = joined;
      chars += terse.span.text.length + 1;
    }
  }
  const belongs = alongside(engine, retrieval, lead);
  for (const c of ranked) {
    if (units.includes(c) || !belongs(c)) continue;
    if (more.length >= s.moreUnits) break;
    if ([...units, ...more].some((k) => overlaps(k, c) || overlapShare(k.stems, c.stems) > s.maxOverlap)) continue;
    const fits = units.length < s.maxUnits && c.score >= lead.score * s.minRelativeScore && chars + c.span.text.length <= s.maxChars;
    if (fits) {
      units.push(c);
      chars += c.span.text.length;
    } else {
      more.push(c);
    }
  }
  // A brief on the same thing that gives other figures is quoted too, not left out of sight.
  const rival = rivalUnit(engine, lead, units, ranked);
  if (rival) {
    // A later verdict already quoted as a further unit comes back as the verdict it is.
    for (let i = units.length - 1; i > 0; i--) if (overlaps(units[i] as Scored, rival)) units.splice(i, 1);
    while (units.length > 1 && (units.length >= s.maxUnits || units.reduce((n, u) => n + u.span.text.length, 0) + rival.span.text.length > s.maxChars)) {
      more.unshift(units.pop() as Scored);
    }
    if (units.reduce((n, u) => n + u.span.text.length, 0) + rival.span.text.length <= s.maxChars) units.push(rival);
  }
  return { units, more, ranked };
}

/**
 * Which units may stand beside the lead: its own brief's, a near duplicate's, or another brief's
 * whose title or claim holds a word of the question, or whose text holds about as much of the question
 * as the lead's brief does (the seeds: five briefs on Amazon, Microsoft, Palantir and ICE). A brief on something else that
 * happens to use the question's words ("lived", "fallen" in a Chernobyl brief for "how far did life
 * expectancy fall") is not what the question is about.
 */
function alongside(engine: Engine, retrieval: Retrieval, lead: Scored): (c: Scored) => boolean {
  const leadBrief = engine.briefs.get(lead.passage.doc) as Brief;
  const asked = retrieval.terms.filter((t) => !t.weak);
  const held = (doc: string) => coverage(retrieval.terms, (x) => briefHolds(engine, doc, x));
  const leadHeld = held(leadBrief.id);
  const verdicts = new Map<string, boolean>();
  return (c) => {
    const doc = c.passage.doc;
    if (doc === leadBrief.id) return true;
    let ok = verdicts.get(doc);
    if (ok === undefined) {
      const brief = engine.briefs.get(doc) as Brief;
      const topic = briefTopicStems(brief);
      ok =
        asked.some((t) => t.matches.some((m) => topic.has(m))) ||
        held(doc) >= leadHeld * TUNING.select.relatedBriefShare ||
        sameTopic(engine, leadBrief, brief);
      verdicts.set(doc, ok);
    }
    return ok;
  };
}

/**
 * The best unit of a near-duplicate brief (about the same thing as the lead's) that gives figures the
 * quoted units do not, when it scores close enough to the lead to be about the same question.
 */
function rivalUnit(engine: Engine, lead: Scored, units: readonly Scored[], ranked: readonly Scored[]): Scored | undefined {
  const overruling = lead.verdict ? laterVerdict(engine, lead, ranked) : undefined;
  if (overruling) return overruling;
  if (figureKinds(lead.span.text).size === 0) return undefined;
  const leadBrief = engine.briefs.get(lead.passage.doc) as Brief;
  const quoted = new Set(units.map((u) => u.passage.doc));
  const mine = figureKinds(units.filter((u) => u.passage.doc === leadBrief.id).map((u) => u.span.text).join(' '));
  return ranked.find((c) => {
    if (quoted.has(c.passage.doc) || c.score < lead.score * TUNING.select.rivalShare) return false;
    if (!sameTopic(engine, leadBrief, engine.briefs.get(c.passage.doc) as Brief)) return false;
    return kindsDiffer(figureKinds(c.span.text), mine);
  });
}

/**
 * The verdict of a later check of the same claim (a near-duplicate brief, checked after the lead's)
 * that finds otherwise ("Exaggerated." in January 2024, "Yes, almost exactly" a year on): a reader
 * must not be given the older finding alone.
 */
function laterVerdict(engine: Engine, lead: Scored, ranked: readonly Scored[]): Scored | undefined {
  const leadBrief = engine.briefs.get(lead.passage.doc) as Brief;
  const finding = verdictFinding(lead.sentence.text);
  const later = ranked.find((c) => {
    if (c.passage.doc === leadBrief.id || c.span.cutBefore) return false;
    const brief = engine.briefs.get(c.passage.doc) as Brief;
    if (brief.verdict !== c.sentence.text || (brief.checked ?? '') <= (leadBrief.checked ?? '')) return false;
    const theirs = verdictFinding(c.sentence.text);
    return theirs !== null && theirs !== finding && sameTopic(engine, leadBrief, brief);
  });
  return later && { ...later, verdict: true };
}

function scorePassage(
  engine: Engine,
  analysis: Analysis,
  retrieval: Retrieval,
  candidate: Candidate,
  share: number,
  about: string | null,
): Scored[] {
  const { passage, rank } = candidate;
  const brief = engine.briefs.get(passage.doc) as Brief;
  const terms = retrieval.terms;
  const context = new Set([...stemSet(passage.heading), ...briefTopicStems(brief)]);
  const wantsVerdict = about === brief.id;
  const claim = brief.claim === null ? null : stemSet(brief.claim);
  const s = TUNING.select;
  const out: Scored[] = [];
  const unitStems = clauseStems(passage);
  // "Which age group has the highest risk" wants the unit that names the extreme, not the verdict.
  // The same extreme: "the oldest living person" does not say which prefecture has the highest rate.
  const extremes = extremesIn(analysis.asked);
  passage.sentences.forEach((sentence, position) => {
    // A question in a brief asks; it answers nothing.
    if (/\?["'”’)\]]*(?:\s*\[\d+\])*$/.test(sentence.text)) return;
    const isVerdict = sentence.text === brief.verdict;
    const labelStems = sentence.label === undefined ? null : stemSet(sentence.label);
    const stems = unitStems[position] as SentenceStems;
    // A sentence is read after the one before it, which its words point back to: "Kobayashi finished
    // with 66." answers "how many did Kobayashi eat" after the sentence on the Netflix contest. (Not
    // the one after: that let a clause on "procurement reform" pass for what reforms would do.)
    const before = sentenceStemSet(unitStems[position - 1]);
    for (const span of spansOf(sentence, s.maxUnitChars)) {
      const own = spanStems(stems, span);
      if (claim && restates(span.text, own, claim)) continue;
      const inUnit = unitCoverage(terms, labelStems ? [own, labelStems] : [own]);
      const inContext = coverage(terms, (x) => own.has(x) || context.has(x) || before.has(x));
      // The verdict as the brief opens it ("The claim is false: …"), not a clause from its middle.
      const verdict = wantsVerdict && isVerdict && !span.cutBefore;
      const score =
        s.inUnit * inUnit +
        s.focus * focusHeld(analysis, own, span.text) +
        s.inContext * inContext +
        s.passageShare * share +
        (wantsType(analysis) && fitsType(analysis, span.text, terms, () => briefSubjectStems(engine, brief)) ? s.typeFit : 0) +
        (verdict ? s.verdict : 0) +
        (extremes.size > 0 && [...extremesIn(span.text)].some((x) => extremes.has(x)) ? s.superlative * inUnit : 0) -
        (span.cutBefore || span.cutAfter ? s.cutPenalty : 0);
      out.push({ passage, rank, sentence, position, span, stems: own, score, verdict });
    }
  });
  return out;
}

/**
 * The brief whose own question or claim is asked about, answered by its verdict: the one whose title
 * or claim the question restates, else, for a yes/no question, the matched brief whose title and
 * claim hold most of it (at least half).
 */
function briefAskedAbout(engine: Engine, analysis: Analysis, retrieval: Retrieval): string | null {
  if (retrieval.restated && retrieval.restated.kind !== 'prompt') return retrieval.restated.doc;
  if (!analysis.whether) return null;
  let best: { doc: string; share: number } | null = null;
  // "Does she really have fifty million fans?" is not about a claim of "$2 million" raised: a claim
  // that gives figures, none of them the question's, is another claim about the same people.
  const figures = retrieval.terms.filter((t) => isFigure(t.word));
  for (const c of retrieval.candidates) {
    const topic = briefTopicStems(engine.briefs.get(c.passage.doc) as Brief);
    if (figures.length > 0 && [...topic].some(isFigure) && !figures.some((t) => covers(t, (x) => topic.has(x)))) continue;
    const share = coverage(retrieval.terms, (x) => topic.has(x));
    if (share >= TUNING.select.aboutBriefShare && (!best || share > best.share)) best = { doc: c.passage.doc, share };
  }
  return best?.doc ?? null;
}

/** A number that is no year ("50", "400"): a figure a claim gives. */
function isFigure(word: string): boolean {
  return /^\d/.test(word) && !/^(?:19|20)\d{2}$/.test(word);
}

/**
 * The passage holding the verdict of the brief asked about, when retrieval did not bring it (a
 * question may share more words with a section than with the summary that answers it).
 */
function verdictPassage(engine: Engine, retrieval: Retrieval, about: string | null): Candidate[] {
  if (about === null) return [];
  const brief = engine.briefs.get(about) as Brief;
  const passage = brief.passages.find((p) => p.sentences.some((x) => x.text === brief.verdict));
  if (!passage || retrieval.candidates.some((c) => c.passage === passage)) return [];
  const best = retrieval.candidates[0]?.score ?? 0;
  return [{ passage, score: best * TUNING.select.verdictPassageShare, rank: retrieval.candidates.length }];
}

/**
 * A whole sentence and the whole or opening part of the next as one unit, when the brief's folded
 * text has nothing but a space between them (not a bullet's marker), and the two fit in one unit.
 */
function joinedUnit(first: Scored, next: Scored, maxChars: number): Scored | null {
  const whole = first.span.offset === 0 && first.span.text === first.sentence.text;
  const adjoining = next.sentence.at === first.sentence.at + first.sentence.text.length + 1 && next.span.offset === 0;
  const text = `${first.span.text} ${next.span.text}`;
  if (!whole || !adjoining || text.length > maxChars) return null;
  return {
    ...first,
    span: { ...first.span, text, citations: [...first.span.citations, ...next.span.citations], cutAfter: next.span.cutAfter },
    stems: new Set([...first.stems, ...next.stems]),
    joined: next.sentence,
  };
}

/**
 * `coverage`, with a word near the asked one in WordNet ("homicides" for "murders") counting at
 * `TUNING.select.kinCoverage` of its weight: a unit saying it is nearer the question than one that
 * does not. The unit's own stems are looked up among the terms' kin (kept per question), not each
 * term's kin among the unit's: a noun's kin run to fifty words.
 */
function unitCoverage(terms: readonly QueryTerm[], stems: readonly ReadonlySet<string>[]): number {
  const has = (x: string) => stems.some((set) => set.has(x));
  const base = coverage(terms, has);
  const { kinOf, total } = kinIndex(terms);
  if (total === 0 || kinOf.size === 0) return base;
  const near = new Set<QueryTerm>();
  for (const set of stems) for (const x of set) for (const t of kinOf.get(x) ?? []) near.add(t);
  let kin = 0;
  for (const t of near) if (!covers(t, has)) kin += t.weight;
  return base + (TUNING.select.kinCoverage * kin) / total;
}

/** Each stem of a question's terms' kin, with the terms it is kin of; and the terms' whole weight. */
function kinIndex(terms: readonly QueryTerm[]): { kinOf: ReadonlyMap<string, readonly QueryTerm[]>; total: number } {
  const known = kinIndexes.get(terms);
  if (known) return known;
  const kinOf = new Map<string, QueryTerm[]>();
  for (const t of terms) for (const x of t.related) kinOf.set(x, [...(kinOf.get(x) ?? []), t]);
  const index = { kinOf, total: terms.reduce((sum, t) => sum + t.weight, 0) };
  kinIndexes.set(terms, index);
  return index;
}
const kinIndexes = new WeakMap<readonly QueryTerm[], { kinOf: ReadonlyMap<string, readonly QueryTerm[]>; total: number }>();

/** Two spans of one sentence that share text: one would repeat the other (clauses apart may both be quoted). */
function overlaps(a: Scored, b: Scored): boolean {
  if (a.joined === b.sentence || b.joined === a.sentence) return true;
  if (a.sentence !== b.sentence) return false;
  return a.span.offset < b.span.offset + b.span.text.length && b.span.offset < a.span.offset + a.span.text.length;
}

/** A span that says what the claim says without judging it. */
function restates(text: string, own: ReadonlySet<string>, claim: ReadonlySet<string>): boolean {
  if (own.size === 0 || JUDGES.test(text)) return false;
  let inClaim = 0;
  for (const x of own) if (claim.has(x)) inClaim++;
  return inClaim / own.size >= RESTATES_SHARE;
}

/**
 * Share of the question's focus words a unit says, in any of their forms (by its words: "found" is
 * no "founded"). Its stems tell first whether any could be there, which most units are not.
 */
function focusHeld(analysis: Analysis, own: ReadonlySet<string>, text: string): number {
  const candidates = analysis.focus.filter((f) => f.matches.some((x) => own.has(x)) || f.synonyms.some((x) => own.has(x)) || f.related.some((x) => own.has(x)));
  if (candidates.length === 0) return 0;
  const ws = wordStems(text);
  return candidates.filter((f) => ws.some(([w, x]) => wordIsForm(f, w, x))).length / analysis.focus.length;
}

/** "Did the agency pay the ransom?" asks whether, not how much: a figure answers a yes/no question only where it gives one to check. */
function wantsType(analysis: Analysis): boolean {
  return !analysis.whether || !FIGURE_TYPES.has(analysis.type) || /\d/.test(analysis.asked);
}

/** `topic`: the stems of what the unit's brief is about (`briefSubjectStems`, made only for a role), whose own role a "who is …'s auditor" unit may give by a name alone. */
function fitsType(analysis: Analysis, text: string, terms: readonly QueryTerm[], topic: () => ReadonlySet<string>): boolean {
  if (analysis.type === 'expansion') {
    // The sentence spells out a name the question abbreviates: its alias term is one the question has.
    return analyze(text).some((t) => t.alias && terms.some((q) => q.matches.includes(t.stem)));
  }
  // "How tall is…": a unit giving metres or feet, whatever word it says it with.
  if (analysis.measure) return givesMeasure(analysis.measure, text);
  // "Who is the CEO of Palantir": a unit giving Palantir's CEO, as the gate asks.
  const { role } = analysis;
  if (asksRole(role)) return roleOf(role, text, topic());
  // "Which company…", "who…": a unit naming someone the question does not.
  if (analysis.type === 'name') return namesOtherThan(text, terms);
  // "How many employees…": a unit naming the employees must count them; one that does not name them may count them in other words.
  const count = analysis.type === 'count' && analysis.counted.terms.length > 0 ? countsOrOmits(analysis.counted, text, true) : 'omits';
  if (count !== 'omits') return count === 'counts';
  return analysis.type !== 'other' && sentenceFits(analysis.type, text, analysis.asked);
}
