import { appendFile, cp, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/core/engine.ts';
import { cacheFile, corpusKey, readSavedEngine, writeSavedEngine } from '../../src/io/indexCache.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

const QUESTIONS = ['did microsoft drop ice?', 'palentir aws', 'how much was the github contract', 'What is the capital of France?'];

let work: string;
let corpusDir: string;
let cacheDir: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'index-cache-'));
  corpusDir = join(work, 'seeds');
  cacheDir = join(work, 'cache');
  await cp(seedsDir, corpusDir, { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Opens the corpus with the saved index; returns where the engine came from and the answers. */
async function open(): Promise<{ source: string; answers: unknown[] }> {
  const notices: string[] = [];
  const knowledge = await openKnowledge({ seedsDir: corpusDir, cacheDir, notice: (m) => notices.push(m) });
  const source = notices.find((n) => n.startsWith('index of'))?.replace(/^index of .*?: /, '') ?? 'none';
  return { source, answers: QUESTIONS.map((q) => knowledge.answer(q)) };
}

async function savedFile(): Promise<string> {
  const [file] = await readdir(cacheDir);
  return join(cacheDir, file as string);
}

describe('the saved index', () => {
  it('is written by the first start and used by the second, with the same answers', async () => {
    const first = await open();
    const second = await open();
    expect(first.source).toBe('built (saved index missing)');
    expect(second.source).toBe('saved');
    expect(second.answers).toEqual(first.answers);
  });

  it('is rebuilt, not trusted, when a byte of it is damaged, and answers stay the same', async () => {
    const first = await open();
    const file = await savedFile();
    const bytes = await readFile(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    await writeFile(file, bytes);
    const damaged = await open();
    expect(damaged.source).toBe('built (saved index damaged)');
    expect(damaged.answers).toEqual(first.answers);
    expect((await open()).source).toBe('saved');
  });

  it('is rebuilt when truncated', async () => {
    const first = await open();
    const file = await savedFile();
    await truncate(file, Math.floor((await readFile(file)).length / 3));
    const truncated = await open();
    expect(truncated.source).toBe('built (saved index damaged)');
    expect(truncated.answers).toEqual(first.answers);
  });

  it('is stale, and rebuilt, once a brief changes', async () => {
    await open();
    const before = await readFile(await savedFile());
    await appendFile(join(corpusDir, '003_cbc81d907373efa0.txt'), '\nA late correction was added to this article.\n');
    expect((await open()).source).toBe('built (saved index stale)');
    expect(await readFile(await savedFile())).not.toEqual(before);
    expect((await open()).source).toBe('saved');
  });

  it('keeps only the most recent saved indexes of a cache directory', async () => {
    const engine = buildEngine(await loadCorpus(corpusDir));
    for (let i = 0; i < 6; i++) await writeSavedEngine(cacheFile(cacheDir, join(work, `corpus-${i}`)), 'key', engine);
    const kept = await readdir(cacheDir);
    expect(kept).toHaveLength(4);
    expect(kept).toContain(cacheFile(cacheDir, join(work, 'corpus-5')).split('/').pop());
  });

  it('keys on every file name and content of the corpus', async () => {
    const key = await corpusKey(corpusDir);
    expect(await corpusKey(corpusDir)).toBe(key);
    await writeFile(join(corpusDir, 'notes.md'), 'not a brief');
    expect(await corpusKey(corpusDir)).not.toBe(key);
  });

  it('reads back the engine it wrote, and reports a file of another key as stale', async () => {
    const engine = buildEngine(await loadCorpus(corpusDir));
    const file = cacheFile(cacheDir, corpusDir);
    await writeSavedEngine(file, 'key-1', engine);
    const read = await readSavedEngine(file, 'key-1');
    if (typeof read === 'string') throw new Error(`saved engine not read: ${read}`);
    expect(read.corpus).toEqual(engine.corpus);
    expect(read.passageIndex.toData()).toEqual(engine.passageIndex.toData());
    expect(read.questionIndex.toData()).toEqual(engine.questionIndex.toData());
    expect(await readSavedEngine(file, 'key-2')).toBe('stale');
    expect(await readSavedEngine(join(cacheDir, 'none.bin'), 'key-1')).toBe('missing');
    await writeFile(file, 'not a saved index at all');
    expect(await readSavedEngine(file, 'key-1')).toBe('damaged');
  });
});
