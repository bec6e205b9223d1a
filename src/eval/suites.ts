import { furnitureKind, unglue } from '../core/furniture.ts';
import type { Knowledge } from '../core/types.ts';
import { readBriefTexts, readQuestionSet } from './readEvalInputs.ts';
import { scoreAnswers, type EvalItem, type EvalReport } from './score.ts';

/**
 * The project's evaluation suites: each corpus with the question sets written for it, every question
 * in the half it belongs to. The weights in `TUNING` are tuned on the "tune" halves; the "test"
 * halves are only reported. Shared by `npm run eval` and the test that holds the line.
 */

/** A corpus and the question sets written on it, relative to the repository's root. */
export interface Suite {
  readonly name: string;
  readonly corpus: string;
  readonly sets: readonly string[];
  /** A corpus whose questions are all in one half: "test" for material no weight was ever tuned on. */
  readonly only?: 'tune' | 'test';
}

export const SUITES: readonly Suite[] = [
  { name: 'seeds', corpus: 'seeds', sets: ['test/eval/questions.jsonl', 'test/eval/seeds-tune2.jsonl', 'test/eval/seeds-tune3.jsonl', 'test/eval/seeds-heldout.jsonl'] },
  { name: 'desk', corpus: 'test/fixtures/desk-corpus', sets: ['test/eval/desk.jsonl', 'test/eval/desk-tune2.jsonl', 'test/eval/desk-tune3.jsonl'] },
  // Briefs and questions written on 2 December by writers who had seen neither the engine nor the
  // other corpora: desk3 to tune on, desk2 held out (never tuned on).
  { name: 'desk3', corpus: 'test/fixtures/desk3-corpus', sets: ['test/eval/desk3.jsonl'], only: 'tune' },
  { name: 'desk2', corpus: 'test/fixtures/desk2-corpus', sets: ['test/eval/desk2.jsonl'], only: 'test' },
  // Written later that day the same way, with the markup text copied from editors carries (Markdown
  // and bold headings, source lists); held out like desk2.
  { name: 'desk4', corpus: 'test/fixtures/desk4-corpus', sets: ['test/eval/desk4.jsonl'], only: 'test' },
  // Written in a session of 2 December the same way (new topics, a new publisher), to tune on.
  { name: 'desk5', corpus: 'test/fixtures/desk5-corpus', sets: ['test/eval/desk5.jsonl'], only: 'tune' },
  // Written on 2 December the same way, but in topic clusters as the seeds are (briefs sharing a
  // company, agency or place and answering different questions about it), to tune on.
  { name: 'desk6', corpus: 'test/fixtures/desk6-corpus', sets: ['test/eval/desk6.jsonl'], only: 'tune' },
  // Written alongside desk6 the same way (clusters on a carmaker, an intergovernmental body, a drug
  // maker, a city and a singer), held out like desk2 and desk4.
  { name: 'desk7', corpus: 'test/fixtures/desk7-corpus', sets: ['test/eval/desk7.jsonl'], only: 'test' },
  // Written on 3 December the same way, most briefs in the seeds' own long shape (dense executive
  // summaries and numbered sections with citation markers), in four topic clusters: desk8 to tune
  // on, desk9 held out (never tuned on).
  { name: 'desk8', corpus: 'test/fixtures/desk8-corpus', sets: ['test/eval/desk8.jsonl'], only: 'tune' },
  { name: 'desk9', corpus: 'test/fixtures/desk9-corpus', sets: ['test/eval/desk9.jsonl'], only: 'test' },
  // Written on 4 December the same way, each by a writer who had seen neither the engine nor the
  // other sets, in four clusters: desk10 (a social network, a hurricane and its federal aid, a
  // basketball league, a country's aid to an ally) to tune on, desk11 (a carmaker, an immigration
  // enforcement agency, a city's police budget, a vaccine maker) held out, never tuned on.
  { name: 'desk10', corpus: 'test/fixtures/desk10-corpus', sets: ['test/eval/desk10.jsonl'], only: 'tune' },
  { name: 'desk11', corpus: 'test/fixtures/desk11-corpus', sets: ['test/eval/desk11.jsonl'], only: 'test' },
];

/**
 * The seeds' titles and "Want to dive deeper?" prompts asked as questions, with the briefs that
 * answer them: the bot offers these as buttons, so each must be answered from the right brief.
 */
export const KNOWN_QUESTIONS = { corpus: 'seeds', set: 'test/eval/seeds-known.jsonl' } as const;

/**
 * True for a text that is site furniture by the listed kinds, alone or glued to other text (a
 * fundraising appeal's words alone are not enough: "advertisers" and "pledge" occur in content).
 */
export function isFurnitureText(text: string): boolean {
  const none = new Set<string>();
  return furnitureKind(text, none) !== null || unglue(text, none).removed > 0;
}

/** A report per half of a suite's questions. */
export interface HalfReport {
  readonly half: 'tune' | 'test';
  readonly items: readonly EvalItem[];
  readonly report: EvalReport;
}

/** Answers a set's questions and scores them half by half (a set without halves counts as "test"). */
export function scoreHalves(
  knowledge: Knowledge,
  items: readonly EvalItem[],
  corpusDir: string,
): HalfReport[] {
  const texts = readBriefTexts(corpusDir);
  const claims = new Map(
    knowledge
      .sources()
      .filter((b) => b.claim !== null)
      .map((b) => [b.doc, b.claim as string]),
  );
  const halves = (['tune', 'test'] as const).map((half) => ({ half, items: items.filter((it) => (it.split ?? 'test') === half) }));
  return halves
    .filter((h) => h.items.length > 0)
    .map((h) => ({
      half: h.half,
      items: h.items,
      report: scoreAnswers(
        h.items,
        h.items.map((it) => knowledge.answer(it.q)),
        { corpus: texts, claims, isFurniture: isFurnitureText },
      ),
    }));
}

/** Every question of a suite's sets, in order. */
export function suiteItems(root: string, suite: Pick<Suite, 'sets'>): EvalItem[] {
  return suite.sets.flatMap((set) => readQuestionSet(`${root}/${set}`));
}
