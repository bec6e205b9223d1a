/**
 * A build worker never outlives the process that asked for it: when that process dies without a word
 * (SIGKILL), the worker stops by itself, even in the middle of its synchronous indexing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.ts';
import { isRunning } from '../support/processes.ts';

let work: string;
let corpusDir: string;
const parents: ChildProcess[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'orphan-worker-'));
  corpusDir = join(work, 'corpus');
  // Large enough that its build runs for many seconds even on a fast machine (the index build alone
  // takes about 0.35 s per thousand sections here), most of them in synchronous parsing and indexing.
  writeCorpus(corpusDir, { sections: 20000, questions: 1 });
});

afterAll(async () => {
  for (const parent of parents) parent.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process building the corpus in a worker (writing its index to `scratchDir`), and the worker's pid and completion. */
async function startBuild(scratchDir: string): Promise<{ parent: ChildProcess; worker: number; built: () => boolean }> {
  const parent = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'buildInChild.ts'), corpusDir, scratchDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  parents.push(parent);
  let output = '';
  parent.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const worker = await new Promise<number>((resolve, reject) => {
    const check = setInterval(() => {
      const match = /worker (\d+)/.exec(output);
      if (match) {
        clearInterval(check);
        resolve(Number(match[1]));
      }
    }, 10);
    parent.once('exit', () => reject(new Error(`the parent ended before its worker started: ${output}`)));
  });
  return { parent, worker, built: () => output.includes('built') };
}

describe('a build worker whose parent dies', () => {
  it('stops mid-build, while a build of the same corpus started with it still runs', async () => {
    const orphanScratch = join(work, 'orphan-scratch');
    const orphan = await startBuild(orphanScratch);
    const yardstick = await startBuild(join(work, 'yardstick-scratch'));
    // Well into the build: past start-up, inside the synchronous work.
    await sleep(4000);
    expect(isRunning(orphan.worker)).toBe(true);
    orphan.parent.kill('SIGKILL');
    while (isRunning(orphan.worker) && !yardstick.built()) await sleep(20);
    expect(isRunning(orphan.worker)).toBe(false);
    expect(yardstick.built()).toBe(false);
    // It stopped without handing over an index.
    expect(await readdir(orphanScratch).catch(() => [])).toEqual([]);
  }, 60_000);
});
