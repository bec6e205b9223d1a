/**
 * `npm run eval [-- --verbose]`: scores the answer engine on the project's suites (the seed corpus
 * and the desk fixture corpus, each question set in its "tune" and "test" halves) and on the seeds'
 * own titles and prompts, in-process, and exits 1 when a test half is below the bar of the
 * real-briefs issue (DONE_BAR). `-- --set FILE [--corpus DIR]` scores one other set in the same
 * format (e.g. ../shared/eval/dev.jsonl over seeds/) instead.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, shortfalls, type EvalReport } from '../src/eval/score.ts';
import { readQuestionSet } from '../src/eval/readEvalInputs.ts';
import { KNOWN_QUESTIONS, scoreHalves, SUITES, suiteItems } from '../src/eval/suites.ts';
import { openKnowledge } from '../src/io/openKnowledge.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    corpus: { type: 'string', default: 'seeds' },
    verbose: { type: 'boolean', default: false },
  },
});

let short = false;
const print = (label: string, report: EvalReport, judged: boolean) => {
  const below = judged ? shortfalls(report) : [];
  short ||= below.length > 0;
  if (values.verbose) for (const m of report.misses) console.log(`  ${m.id} ${m.kind}: ${m.detail}`);
  console.log(`${label}: ${formatReport(report)}${below.length > 0 ? `\n  below the bar: ${below.join('; ')}` : ''}`);
};

if (values.set !== undefined) {
  const corpus = resolve(values.corpus);
  const knowledge = await openKnowledge({ seedsDir: corpus });
  for (const h of scoreHalves(knowledge, readQuestionSet(resolve(values.set)), corpus)) {
    print(`${values.set} (${h.half}, ${h.items.length} questions)`, h.report, true);
  }
} else {
  for (const suite of SUITES) {
    const corpus = resolve(root, suite.corpus);
    const knowledge = await openKnowledge({ seedsDir: corpus });
    for (const h of scoreHalves(knowledge, suiteItems(root, suite), corpus)) {
      print(`${suite.name} ${h.half} (${h.items.length} questions)`, h.report, h.half === 'test');
    }
    if (suite.corpus === KNOWN_QUESTIONS.corpus) {
      const known = readQuestionSet(resolve(root, KNOWN_QUESTIONS.set));
      for (const h of scoreHalves(knowledge, known, corpus)) print(`${suite.name} titles and prompts (${known.length})`, h.report, false);
    }
  }
}
if (short) process.exitCode = 1;
