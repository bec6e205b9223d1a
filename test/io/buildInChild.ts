/**
 * A process that builds the corpus in argv[2] in a build worker and prints the worker's pid, for
 * tests that kill this process and watch what becomes of its worker.
 */
import { buildInWorker } from '../../src/io/buildWorker.ts';

const seedsDir = process.argv[2];
if (seedsDir === undefined) throw new Error('usage: buildInChild.ts SEEDS_DIR [SCRATCH_DIR]');
const scratchDir = process.argv[3];
await buildInWorker(
  { seedsDir, cacheDir: null, ...(scratchDir === undefined ? {} : { scratchDir }) },
  { started: (pid) => process.stdout.write(`worker ${pid}\n`) },
);
process.stdout.write('built\n');
