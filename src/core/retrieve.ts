import type { Analysis } from './analyse.ts';
import type { Engine, KnownQuestion } from './engine.ts';
import { coverage, parseQuery, searchTerms, type QueryTerm } from './query.ts';
import { passageStemSet, stemSet } from './stemCache.ts';
import { spelledOut } from './text.ts';
import { TUNING } from './tuning.ts';
import type { Lexicon, Passage } from './types.ts';

/**
 * Stage 2 of an answer: the passages that match the question, best first, and the known question
 * (a brief's title, claim or "Want to dive deeper?" prompt) it restates, if any.
 */

/** A passage that matched, with its score and its position among the hits. */
export interface Candidate {
  readonly passage: Passage;
  readonly score: number;
  readonly rank: number;
}

export interface Retrieval {
  /** The question's terms, with a restated prompt's terms added. */
  readonly terms: readonly QueryTerm[];
  readonly candidates: readonly Candidate[];
  /** Share of the question's weight held by the best-covering passage among the top hits (with its heading and brief title). */
  readonly bestCoverage: number;
  /** The title, claim or prompt the question restates. */
  readonly restated: KnownQuestion | null;
}

/** Finds the passages that best match an analysed question; `doc` keeps only one brief's. */
export function retrieve(engine: Engine, analysis: Analysis, lexicon: Lexicon, doc?: string): Retrieval {
  const restated = restatedQuestion(engine, analysis);
  const asked =
    restated?.kind === 'prompt'
      ? mergeTerms(analysis.terms, parseQuery(restated.text, engine.passageIndex, lexicon))
      : analysis.terms;
  // "What does ICE stand for?" is answered where the name is spelled out, which "ice" alone cannot find.
  const spelled = analysis.type === 'expansion' ? analysis.terms.flatMap((t) => spelledOut(t.word) ?? []) : [];
  const terms = spelled.length > 0 ? mergeTerms(asked, parseQuery(spelled.join(' '), engine.passageIndex, lexicon)) : asked;
  const filter = doc === undefined ? undefined : (i: number) => passageAt(engine, i).doc === doc;
  const hits = engine.passageIndex.search(searchTerms(terms), TUNING.retrieve.candidatePassages, filter);
  // The brief whose own question or claim is restated is the one that sets out to answer it.
  const boosted = hits
    .map((hit) => {
      const passage = passageAt(engine, hit.doc);
      const boost = restated && restated.kind !== 'prompt' && restated.doc === passage.doc ? TUNING.retrieve.restatedBriefBoost : 1;
      return { passage, score: hit.score * boost };
    })
    .sort((a, b) => b.score - a.score)
    .map((c, rank) => ({ ...c, rank }));
  // The top hit may owe its rank to one rare word ("global" of a reef's "global picture") while the
  // passage just behind it holds the whole question: coverage is judged on the hits near the top.
  const near = boosted.filter((c) => c.score >= (boosted[0]?.score ?? 0) * TUNING.retrieve.coverageAmong);
  const covered = near.map((c) => {
    const stems = passageStemSet(engine, c.passage);
    return coverage(terms, (s) => stems.has(s));
  });
  return { terms, candidates: boosted, bestCoverage: Math.max(0, ...covered), restated };
}

/** The passage at a position of the passage index. */
function passageAt(engine: Engine, doc: number): Passage {
  return engine.passages[Number(engine.passageIndex.ref(doc))] as Passage;
}

/** A title, claim or prompt that says what the question says, or null. */
function restatedQuestion(engine: Engine, analysis: Analysis): KnownQuestion | null {
  const terms = analysis.terms;
  const asked = new Set(terms.filter((t) => !t.weak).flatMap((t) => t.matches));
  if (asked.size === 0) return null;
  for (const hit of engine.questionIndex.search(searchTerms(terms), 3)) {
    const known = engine.questions[Number(engine.questionIndex.ref(hit.doc))];
    if (!known) continue;
    const knownStems = stemSet(known.text);
    const shared = [...knownStems].filter((s) => asked.has(s)).length;
    const enough = TUNING.retrieve.knownQuestionOverlap;
    // "How many Canadians died…" does not restate "How many Americans died…": the names asked about
    // are in it. (A claim is put in the asker's words, "Washington" for "the federal government".)
    const namesHeld = analysis.whether || terms.every((t) => !t.name || t.weak || t.matches.some((m) => knownStems.has(m)));
    if (namesHeld && shared / Math.max(1, knownStems.size) >= enough && shared / asked.size >= enough) return known;
  }
  return null;
}

function mergeTerms(asked: readonly QueryTerm[], known: readonly QueryTerm[]): QueryTerm[] {
  const have = new Set(asked.map((t) => t.stem));
  const share = TUNING.retrieve.knownTermsShare;
  return [...asked, ...known.filter((t) => !have.has(t.stem)).map((t) => ({ ...t, weight: t.weight * share }))];
}
