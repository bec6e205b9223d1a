import { appendFile, copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/core/engine.ts';
import { buildInWorker } from '../../src/io/buildWorker.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { harbourBriefPath, seedsDir } from '../fixtures/answer-core/support.ts';
import { deadPid } from '../support/processes.ts';

/** A question only the harbour-drones fixture answers. */
const HARBOUR_QUESTION = 'how much did the Zephyrline harbour drones cost';

let work: string;
let corpusDir: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'build-worker-'));
  corpusDir = join(work, 'seeds');
  await cp(seedsDir, corpusDir, { recursive: true });
});

afterEach(async () => {
  // A build worker goes on, after its engine, to answer the corpus's prompts and save their outcomes
  // into the cache folder: it may still be writing there as a test ends (ENOTEMPTY on removal).
  await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('buildInWorker', () => {
  it('builds the same engine as building in this thread', async () => {
    const { engine, source } = await buildInWorker({ seedsDir: corpusDir, cacheDir: null });
    const here = buildEngine(await loadCorpus(corpusDir));
    expect(source).toBe('built (saved index disabled)');
    expect(engine.corpus).toEqual(here.corpus);
    expect(engine.passageIndex.toData()).toEqual(here.passageIndex.toData());
    expect(engine.questionIndex.toData()).toEqual(here.questionIndex.toData());
  });

  it('leaves no file behind when no saved index is kept, and removes those of a worker that was killed', async () => {
    const scratchDir = join(work, 'scratch');
    await mkdir(scratchDir);
    await writeFile(join(scratchDir, `factcheck-index-${await deadPid()}-1700000000000.bin`), 'handed over by no one');
    const { engine } = await buildInWorker({ seedsDir: corpusDir, cacheDir: null, scratchDir });
    expect(engine.corpus.briefs.length).toBeGreaterThan(0);
    expect(await readdir(scratchDir)).toEqual([]);
  });

  it('fails with the reason when the engine cannot be written', async () => {
    // A directory inside a file cannot be made.
    const scratchDir = join(corpusDir, '000_cd0a3d8b605ed2a2.txt', 'scratch');
    await expect(buildInWorker({ seedsDir: corpusDir, cacheDir: null, scratchDir })).rejects.toThrow(/ENOTDIR/);
  });

  it('rejects with the reason when the corpus cannot be read', async () => {
    await expect(buildInWorker({ seedsDir: join(work, 'missing'), cacheDir: null })).rejects.toThrow(/missing/);
  });
});

describe('a refresh', () => {
  it('keeps answering from the old index while the new one is built, and swaps only when it is ready', async () => {
    const knowledge = await openKnowledge({ seedsDir: corpusDir });
    const before = knowledge.answer(HARBOUR_QUESTION);
    await copyFile(harbourBriefPath, join(corpusDir, '005_harbour_drones.txt'));

    let settled = false;
    const refresh = knowledge.refresh().finally(() => {
      settled = true;
    });
    const servedMeanwhile: boolean[] = [];
    while (!settled) {
      // Each answer runs on a turn of the event loop of its own, as questions from users would.
      const answer = knowledge.answer(HARBOUR_QUESTION);
      if (!settled) servedMeanwhile.push(answer.sources.some((s) => s.doc === '005_harbour_drones.txt'));
      await nextTurn();
    }
    const outcome = await refresh;

    expect(outcome.status).toBe('refreshed');
    expect(servedMeanwhile.length).toBeGreaterThan(0);
    expect(servedMeanwhile.every((fromNewBrief) => !fromNewBrief)).toBe(true);
    expect(before.sources.some((s) => s.doc === '005_harbour_drones.txt')).toBe(false);
    const after = knowledge.answer(HARBOUR_QUESTION);
    expect(after.answered).toBe(true);
    expect(after.sources[0]?.doc).toBe('005_harbour_drones.txt');
  });

  it('finds a brief deleted while a refresh reads it and then restored unchanged, on the next refresh and the next start', async () => {
    // Enough briefs that reading the folder takes a while; the harbour brief is read last.
    for (let i = 0; i < 1500; i++) {
      const name = `filler-${String(i).padStart(4, '0')}.txt`;
      await writeFile(join(corpusDir, name), `Did filler body ${i} meet?\n\nExecutive summary\n\nFiller body ${i} met on a Tuesday to discuss minutes [1].\n`);
    }
    const harbour = join(corpusDir, 'zz_harbour_drones.txt');
    await copyFile(harbourBriefPath, harbour);
    const cacheDir = join(work, 'cache');
    const knowledge = await openKnowledge({ seedsDir: corpusDir, cacheDir });
    expect(knowledge.answer(HARBOUR_QUESTION).sources[0]?.doc).toBe('zz_harbour_drones.txt');

    // Another brief changes, so the refresh builds; the harbour brief is deleted the moment it has
    // been read (its access time moves), while the refresh still runs.
    await appendFile(join(corpusDir, 'filler-0000.txt'), 'A correction [2].\n');
    const text = await readFile(harbour);
    await utimes(harbour, new Date(0), new Date());
    let refreshed = false;
    const refresh = knowledge.refresh().finally(() => {
      refreshed = true;
    });
    while (!refreshed && (await stat(harbour)).atimeMs === 0) await nextTurn();
    await rm(harbour);
    await refresh;
    await writeFile(harbour, text);

    expect((await knowledge.refresh()).status).toBe('refreshed');
    expect(knowledge.answer(HARBOUR_QUESTION).sources[0]?.doc).toBe('zz_harbour_drones.txt');
    const restarted = await openKnowledge({ seedsDir: corpusDir, cacheDir });
    expect(restarted.answer(HARBOUR_QUESTION).sources[0]?.doc).toBe('zz_harbour_drones.txt');
  }, 60_000);

  it('keeps the old index when the rebuild fails', async () => {
    const knowledge = await openKnowledge({ seedsDir: corpusDir });
    const before = knowledge.answer('did microsoft drop ice?');
    await rm(corpusDir, { recursive: true });
    const outcome = await knowledge.refresh();
    expect(outcome.status).toBe('failed');
    expect(knowledge.answer('did microsoft drop ice?')).toEqual(before);
  });
});
