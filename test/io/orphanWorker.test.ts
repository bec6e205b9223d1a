/**
 * A build worker never outlives the process that asked for it: killed with it, or, when that process
 * dies without a word (SIGKILL), stopping by itself in the middle of its build.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.ts';
import { buildInWorker } from '../../src/io/buildWorker.ts';
import { isRunning } from '../support/processes.ts';

let work: string;
let corpusDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'orphan-worker-'));
  corpusDir = join(work, 'corpus');
  // Large enough that its build runs for seconds, most of them in synchronous indexing.
  writeCorpus(corpusDir, { sections: 1500, questions: 1 });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a build worker whose parent dies', () => {
  it('stops mid-build, long before a build of the same corpus could finish', async () => {
    const scratchDir = join(work, 'orphan-scratch');
    const parent = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'buildInChild.ts'), corpusDir, scratchDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.on('data', (chunk: Buffer) => {
        const match = /worker (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      parent.once('exit', () => reject(new Error('the parent ended before its worker started')));
    });
    // The same build, left to finish, is the yardstick: it starts with the orphan's.
    const yardstick = buildInWorker({ seedsDir: corpusDir, cacheDir: null });
    // Well into the build: past start-up and reading, inside the synchronous indexing.
    await sleep(1500);
    expect(isRunning(pid)).toBe(true);
    parent.kill('SIGKILL');
    let goneBeforeYardstick = false;
    let built = false;
    void yardstick.then(() => {
      built = true;
    });
    while (!built) {
      if (!isRunning(pid)) {
        goneBeforeYardstick = true;
        break;
      }
      await sleep(20);
    }
    await yardstick;
    expect(goneBeforeYardstick).toBe(true);
    // It stopped before handing over an index.
    expect(await readdir(scratchDir).catch(() => [])).toEqual([]);
  }, 120_000);
});
