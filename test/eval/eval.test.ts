import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readQuestionSet } from '../../src/eval/readEvalInputs.ts';
import { rate, type EvalReport, type MissKind } from '../../src/eval/score.ts';
import { KNOWN_QUESTIONS, scoreHalves, SUITES, suiteItems, type HalfReport } from '../../src/eval/suites.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

// Holds the line the engine reaches on the project's own suites, half by half: the weights are tuned
// on the "tune" halves, the "test" halves only reported (issue 8's bar is DONE_BAR in
// src/eval/score.ts, measured by the product owner on real briefs; `npm run eval` prints every figure
// against it). Raise a line as the engine improves. A line is never lowered to let a change pass
// unseen: where a change the tune halves chose costs a test half a question, its comment says so.
interface Line {
  readonly facts: number;
  readonly source1: number;
  readonly abstain: number;
  /** Highest share of fact questions that may be declined. */
  readonly falseAbstain: number;
}
const LINES: Record<string, Line> = {
  // abstain 0.78 → 0.72 when seeds-tune3.jsonl joined the half (30 near misses by a writer who had not
  // seen the engine: the engine of that day declined 64 of the 92, 11 of the new 30; now 67).
  // abstain 0.72 → 0.75 later on 2 December (71/92: a name asked about must be in the lead brief's units).
  // Raised in the next session of 2 December (coverage judged on the hits near the top, units that may
  // share more words, measures, copied markup; tuned on the tune halves only): 173/210, 85%, 70/92, 7/210.
  // On 4 December 177/210, 87%, 74/92, 5/210 ("value" of a sum asked for is not a word a unit must say).
  'seeds tune': { facts: 0.8, source1: 0.82, abstain: 0.75, falseAbstain: 0.04 },
  // abstain 0.45 → 0.42: the chat words and filler tuned on desk3 (there 6 more facts found and 7 fewer
  // wrongly declined, the other tune halves unchanged) cost one near miss here, 16 → 15 of 35.
  // Raised in the next session: 45/79, 70%, 17/35, 7/79 (from 44/79, 67%, 17/35, 11/79).
  'seeds test': { facts: 0.55, source1: 0.66, abstain: 0.42, falseAbstain: 0.12 },
  // source1 0.88 → 0.86 when near-duplicate briefs that disagree came to be quoted newest first (the
  // real-briefs issue's item 7): a question about an older figure is then led by the newer brief.
  // facts 0.86 → 0.88, abstain 0.72 → 0.75 with WordNet kin, headings parted by a dash and names
  // checked in the lead brief's units (224/246, 96/123).
  // Raised in the next session: 225/246, 94%, 94/123, 11/246.
  // Then 226/246, 95%, 94/123, 10/246 with phrasal verbs read as the plain word (the session after).
  // On 4 December 231/246, 96%, 96/123, 6/246 (chat words, "in the end", "on earth", a result's
  // "score", "the idea that" as framing; the test halves unchanged by them).
  'desk tune': { facts: 0.92, source1: 0.93, abstain: 0.75, falseAbstain: 0.04 },
  // abstain 0.7 → 0.68 with the change that let yes/no questions be answered without a figure (on the
  // tune halves: 4 fewer false declines, none more answered wrongly; here one near miss more answered).
  // abstain raised with the gate's year and "how many" checks: a year the quoted passages never name,
  // or a count of something else, no longer answers (tune halves: 6 more declined, 1 more declined wrongly).
  // WordNet kin in the focus check cost 2 near misses here (27 → 25 of 38); checking names in the
  // lead brief's units won them back.
  // Raised in the next session: 60/76, 84%, 28/38, 12/76.
  'desk test': { facts: 0.77, source1: 0.82, abstain: 0.72, falseAbstain: 0.17 },
  // A corpus on new topics written to tune on (its first score, before any tuning on it: facts 60%,
  // source@1 73%, abstain 40/50, false-abstain 25/100).
  // After tuning on it: facts 70%, source@1 84%, abstain 39/50, false-abstain 14/100.
  // Then 73%, 85%, 40/50, 13/100 with kin, dash-parted headings and sentence splits.
  // Raised in the next session: 77/100, 87%, 40/50, 11/100.
  // Then 78/100, 90%, 40/50, 8/100 with filler phrases dropped cleanly and phrasal verbs (the session after).
  'desk3 tune': { facts: 0.77, source1: 0.88, abstain: 0.78, falseAbstain: 0.1 },
  // The corpus no weight was tuned on. The code before 2 December (302f8fe) scores facts 68%, source@1
  // 79%, abstain 30/40, false-abstain 15/80 on it; the code after that day's first changes, the same. Later
  // changes (WordNet kin, headings parted by a dash, names in the lead brief's units, sentence
  // splits; tuned on the tune halves only): facts 78%, source@1 85%, abstain 30/40, false-abstain 11/80.
  // Raised in the next session: 64/80, 86%, 31/40, 10/80.
  // Lowered in the session of 2 December that wrote desk6 and desk7 (63/80, 84%, 31/40, 12/80): of its
  // changes, tuned on the tune halves, the one that lets "how old" be answered by an age set off by
  // commas (9373b79) cost a fact here and declined it.
  'desk2 test': { facts: 0.78, source1: 0.83, abstain: 0.75, falseAbstain: 0.15 },
  // Held out like desk2, written in the next session of 2 December by a writer who had seen neither
  // the engine nor the other corpora. The code at the start of that session (18722b6) scores facts
  // 55/80, source@1 71%, abstain 31/40, false-abstain 18/80 on it; after the session, 59/80, 78%,
  // 33/40, 14/80. Never tuned on.
  // After the session that wrote desk6 and desk7: 58/80, 78%, 32/40, 15/80 (the "CEO of" check declined
  // one more near miss, the "how old" change answered two, the time-span count declined one more fact).
  // abstain 0.8 → 0.775 on 4 December: reading a word the briefs write only as a name as whose count
  // or role is asked ("how many google employees") declined 2 more near misses on the tune halves and
  // none fewer there, and answered one more here (31/40).
  // abstain 0.775 → 0.75 on 4 December (second session): reading an abbreviation the briefs never
  // write as the name they spell out with those initials ("nwqa" → "National Water Quality
  // Authority") answered one more near miss here (30/40); on the tune halves it found 3 more facts,
  // declined 4 fewer answerable questions and 2 fewer near misses, and on the other test halves
  // declined one more near miss and one fewer answerable question.
  'desk4 test': { facts: 0.72, source1: 0.75, abstain: 0.75, falseAbstain: 0.19 },
  // Written in a later session of 2 December, like desk3, to tune on. Its first score, before any tuning
  // on it (the session's start, 01debef): facts 71/100, source@1 83%, abstain 34/50, false-abstain 16/100;
  // both of its listing pages were read as briefs (a numbered "Most Viewed" list looked like sections).
  // After tuning on it in that session (abbreviations spelled out, later verdicts, durations in hours,
  // older years, scores, sums of money): 82/100, 91%, 38/50, 9/100.
  'desk5 tune': { facts: 0.8, source1: 0.88, abstain: 0.74, falseAbstain: 0.1 },
  // Written in that same later session in topic clusters, as the seeds are, to tune on. Its first score,
  // before any tuning on it (2688e4c): facts 79/100, source@1 87%, abstain 29/50, false-abstain 11/100.
  // After that session: 83/100, 88%, 32/50, 9/100.
  // Raised on 3 December: 87/100, 91%, 31/50, 7/100 (kin in the unit's score, "did the agency pay the
  // ransom" not led by a figure, compounds, "how many people" by kind).
  // On 4 December 89/100, 93%, 31/50, 5/100 ("Irish" names Ireland, "midnite" is midnight).
  'desk6 tune': { facts: 0.87, source1: 0.89, abstain: 0.6, falseAbstain: 0.06 },
  // Held out, written with desk6 by another writer. The session's start (74305dd) scores facts 79/100,
  // source@1 89%, abstain 31/50, false-abstain 7/100 on it; its end, 80/100, 89%, 30/50, 7/100.
  // After the session of 3 December: 81/100, 90%, 31/50, 6/100.
  'desk7 test': { facts: 0.79, source1: 0.88, abstain: 0.6, falseAbstain: 0.07 },
  // Written on 3 December, most briefs in the seeds' long shape, to tune on. Its first score (2c43e29,
  // that session's start): facts 59/100, source@1 71%, abstain 32/50, false-abstain 20/100; after
  // tuning on it (currencies as data, roles, "take place", "kick in", "the name of", figures of one
  // kind for near-duplicates): 72/100, 86%, 33/50, 9/100. On 4 December 34/50 (a yes/no question
  // about a year after its brief was checked is not settled by the brief's verdict).
  'desk8 tune': { facts: 0.7, source1: 0.84, abstain: 0.64, falseAbstain: 0.1 },
  // Held out, written with desk8 by another writer; never tuned on. The session's start (2c43e29)
  // scores facts 72/100, source@1 81%, abstain 28/50, false-abstain 12/100; its end 73/100, 83%,
  // 28/50, 9/100.
  'desk9 test': { facts: 0.71, source1: 0.81, abstain: 0.54, falseAbstain: 0.1 },
  // Written on 4 December like desk8, to tune on. Its first score, before any tuning on it (70b810f):
  // facts 79/100, source@1 84%, abstain 33/50, false-abstain 11/100. After tuning on it in that session
  // (abbreviations by their initials, "who heads", "the sources do not say", names of several words):
  // 82/100, 87%, 34/50, 8/100.
  'desk10 tune': { facts: 0.8, source1: 0.85, abstain: 0.66, falseAbstain: 0.09 },
  // Held out, written with desk10 by another writer; never tuned on. Its first score (70b810f): facts
  // 80/100, source@1 83%, abstain 36/50, false-abstain 12/100; at the end of that session 83/100, 86%,
  // 36/50, 9/100 (a role by its title in a brief whose opening names the owner, a body right before it).
  'desk11 test': { facts: 0.81, source1: 0.84, abstain: 0.7, falseAbstain: 0.1 },
};
/** The seeds' titles and prompts, asked as questions: the first source must be a brief that answers. */
const KNOWN_SOURCE1 = 0.9;

const root = fileURLToPath(new URL('../../', import.meta.url));
const reports = new Map<string, EvalReport>();
let known: HalfReport[] = [];

beforeAll(async () => {
  for (const suite of SUITES) {
    const corpus = `${root}${suite.corpus}`;
    const knowledge = await openKnowledge({ seedsDir: corpus });
    for (const h of scoreHalves(knowledge, suiteItems(root, suite), corpus)) reports.set(`${suite.name} ${h.half}`, h.report);
    if (suite.corpus === KNOWN_QUESTIONS.corpus) {
      known = scoreHalves(knowledge, readQuestionSet(`${root}${KNOWN_QUESTIONS.set}`), corpus);
    }
  }
});

const missesOf = (report: EvalReport, ...kinds: MissKind[]): string =>
  report.misses.filter((m) => kinds.includes(m.kind)).map((m) => `${m.id} ${m.kind}: ${m.detail}`).join('\n');

describe.each(Object.entries(LINES))('answers on the %s questions', (name, line) => {
  const report = () => reports.get(name) as EvalReport;

  it(`contain an expected fact for at least ${line.facts * 100}% of in-scope questions`, () => {
    expect(rate(report().facts), missesOf(report(), 'fact', 'false-abstain')).toBeGreaterThanOrEqual(line.facts);
  });

  it(`cite an expected brief first for at least ${line.source1 * 100}% of in-scope questions`, () => {
    expect(rate(report().source1), missesOf(report(), 'source')).toBeGreaterThanOrEqual(line.source1);
  });

  it(`decline at least ${line.abstain * 100}% of the questions the briefs do not cover`, () => {
    expect(rate(report().abstain), missesOf(report(), 'abstain')).toBeGreaterThanOrEqual(line.abstain);
  });

  it(`wrongly decline at most ${line.falseAbstain * 100}% of in-scope questions`, () => {
    const r = report();
    expect(r.falseAbstain.hit, missesOf(r, 'false-abstain')).toBeLessThanOrEqual(r.falseAbstain.total * line.falseAbstain);
  });

  it('quote every unit verbatim from a brief they cite, and cite one whenever they answer', () => {
    expect(report().verbatim?.total, 'no answer sentences were checked').toBeGreaterThan(0);
    expect(missesOf(report(), 'verbatim', 'unsourced')).toBe('');
  });

  it('never quote site furniture or a checked claim, nor title a source with furniture', () => {
    expect(missesOf(report(), 'furniture', 'claim')).toBe('');
  });
});

describe("the seeds' own titles and prompts, asked as questions", () => {
  it(`are answered from a brief that answers them at least ${KNOWN_SOURCE1 * 100}% of the time, and declined when none does`, () => {
    const report = known[0]?.report as EvalReport;
    expect(rate(report.source1), missesOf(report, 'source', 'false-abstain')).toBeGreaterThanOrEqual(KNOWN_SOURCE1);
    expect(rate(report.abstain), missesOf(report, 'abstain')).toBe(1);
  });
});
