/**
 * `npm run eval [-- --set FILE] [--verbose]`: answers every question of an evaluation set in-process
 * over the corpus in SEEDS_DIR (default `seeds/`), prints the scores, and exits 1 below the bar of
 * issue 2 ("Done means"). The default set is the project's own, `test/eval/questions.jsonl`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openKnowledge } from '../src/io/openKnowledge.ts';
import { readBriefTexts, readQuestionSet } from '../src/eval/readEvalInputs.ts';
import { formatReport, scoreAnswers, shortfalls } from '../src/eval/score.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    set: { type: 'string', default: resolve(root, 'test/eval/questions.jsonl') },
    verbose: { type: 'boolean', default: false },
  },
});
const seedsDir = resolve(process.env['SEEDS_DIR'] ?? resolve(root, 'seeds'));

const items = readQuestionSet(resolve(values.set));
const knowledge = await openKnowledge({ seedsDir });
const answers = items.map((item) => knowledge.answer(item.q));
const report = scoreAnswers(items, answers, { corpus: readBriefTexts(seedsDir) });

if (values.verbose) for (const m of report.misses) console.log(`  ${m.id} ${m.kind}: ${m.detail}`);
const short = shortfalls(report);
console.log(`${short.length === 0 ? 'OK' : 'SHORT'}: ${formatReport(report)}`);
if (short.length > 0) {
  console.log(`below the bar: ${short.join('; ')}`);
  process.exitCode = 1;
}
