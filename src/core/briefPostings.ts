import type { Engine } from './engine.ts';

/** What a brief holds, asked of many briefs at the cost of a lookup each (for related briefs, and verdicts' figures). */

/**
 * True when a passage of the brief holds the stem, read from the index's postings (sorted by passage,
 * and a brief's passages are one run of them), not from the brief's text.
 */
export function briefHolds(engine: Engine, doc: string, stem: string): boolean {
  const run = passageRuns(engine).get(doc);
  if (run === undefined) return false;
  const postings = engine.passageIndex.documentsWith(stem);
  let lo = 0;
  let hi = postings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((postings[mid] as number) < run.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < postings.length && (postings[lo] as number) < run.end;
}

/** Where each brief's passages start and end among the index's documents. */
function passageRuns(engine: Engine): ReadonlyMap<string, { start: number; end: number }> {
  let runs = runsOf.get(engine);
  if (!runs) {
    const made = new Map<string, { start: number; end: number }>();
    engine.passages.forEach((p, at) => {
      const run = made.get(p.doc);
      if (run) run.end = at + 1;
      else made.set(p.doc, { start: at, end: at + 1 });
    });
    runsOf.set(engine, (runs = made));
  }
  return runs;
}
const runsOf = new WeakMap<Engine, ReadonlyMap<string, { start: number; end: number }>>();
