import { appendFile, cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/core/engine.ts';
import { LiveKnowledge } from '../../src/core/knowledge.ts';
import type { Corpus } from '../../src/core/types.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { briefAt, harbourBriefPath, seedsDir } from '../fixtures/answer-core/support.ts';

/** A question only the harbour-drones fixture answers. */
const HARBOUR_QUESTION = 'how much did the Zephyrline harbour drones cost';
const harbour = briefAt(harbourBriefPath, '005_harbour_drones.txt');

let seeds: Corpus;
beforeAll(async () => {
  seeds = await loadCorpus(seedsDir);
});

/** A load whose results the test hands out one call at a time, counting the calls. */
function scriptedLoad(...results: (Corpus | Error | Promise<Corpus>)[]) {
  let calls = 0;
  const load = async (): Promise<Corpus> => {
    const result = results[Math.min(calls, results.length - 1)];
    calls++;
    if (result instanceof Error) throw result;
    return result as Corpus | Promise<Corpus>;
  };
  return { load, calls: () => calls };
}

describe('LiveKnowledge.open', () => {
  it('rejects a corpus with no brief, naming the skipped files', async () => {
    const empty: Corpus = { briefs: [], skipped: [{ file: 'junk.txt', reason: 'is empty' }] };
    await expect(LiveKnowledge.open({ load: async () => empty })).rejects.toThrow(/junk\.txt/);
  });

  it('rejects when the load itself fails', async () => {
    await expect(LiveKnowledge.open({ load: () => Promise.reject(new Error('disk on fire')) })).rejects.toThrow('disk on fire');
  });
});

describe('refresh over a briefs directory that changes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factcheck-knowledge-'));
    await cp(seedsDir, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the added, changed and removed briefs and the skipped files, then answers from the new corpus', async () => {
    const knowledge = await LiveKnowledge.open({ load: () => loadCorpus(dir) });
    const [first, second, , , last] = seeds.briefs.map((b) => b.id);
    expect(knowledge.answer(HARBOUR_QUESTION).answered).toBe(false);

    await cp(harbourBriefPath, join(dir, '005_harbour_drones.txt'));
    await appendFile(join(dir, second as string), '\nA sentence added by the refresh test about warehouse robots [9].\n');
    await unlink(join(dir, last as string));
    await writeFile(join(dir, 'broken.txt'), '');

    const outcome = await knowledge.refresh();
    if (outcome.status !== 'refreshed') throw new Error(`refresh failed: ${outcome.error}`);
    const { report } = outcome;
    expect(report.added).toEqual(['005_harbour_drones.txt']);
    expect(report.changed).toEqual([second]);
    expect(report.removed).toEqual([last]);
    expect(report.changed).not.toContain(first);
    expect(report.briefs).toBe(5);
    expect(report.passages).toBe(knowledge.engine.passages.length);
    expect(report.skipped.map((s) => s.file)).toEqual(['broken.txt']);
    expect(report.ms).toBeGreaterThanOrEqual(0);

    expect(knowledge.sources().map((s) => s.doc)).toContain('005_harbour_drones.txt');
    expect(knowledge.sources().map((s) => s.doc)).not.toContain(last);
    expect(knowledge.skipped().map((s) => s.file)).toEqual(['broken.txt']);
    const answer = knowledge.answer(HARBOUR_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.sources[0]?.doc).toBe('005_harbour_drones.txt');
    expect(knowledge.answer('warehouse robots').sources[0]?.doc).toBe(second);
  });

  it('reports nothing changed when the directory did not change', async () => {
    const knowledge = await LiveKnowledge.open({ load: () => loadCorpus(dir) });
    const outcome = await knowledge.refresh();
    if (outcome.status !== 'refreshed') throw new Error(`refresh failed: ${outcome.error}`);
    expect([...outcome.report.added, ...outcome.report.changed, ...outcome.report.removed]).toEqual([]);
  });
});

describe('a refresh that fails', () => {
  it.each([
    ['the load throws', new Error('cannot read the briefs directory')],
    ['the load finds no brief', { briefs: [], skipped: [{ file: 'only.txt', reason: 'is empty' }] } satisfies Corpus],
  ])('keeps the old corpus answering when %s', async (_label, second) => {
    const { load } = scriptedLoad(seeds, second);
    const knowledge = await LiveKnowledge.open({ load });
    const before = knowledge.answer('how much was the github contract');
    const sourcesBefore = knowledge.sources();

    const outcome = await knowledge.refresh();
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error).toMatch(second instanceof Error ? /cannot read/ : /only\.txt/);
    expect(before.answered).toBe(true);
    expect(knowledge.answer('how much was the github contract')).toEqual(before);
    expect(knowledge.sources()).toEqual(sourcesBefore);
  });

  it('can refresh again after a failure', async () => {
    const withHarbour: Corpus = { briefs: [...seeds.briefs, harbour], skipped: [] };
    const { load, calls } = scriptedLoad(seeds, new Error('flaky disk'), withHarbour);
    const knowledge = await LiveKnowledge.open({ load });
    expect((await knowledge.refresh()).status).toBe('failed');
    expect((await knowledge.refresh()).status).toBe('refreshed');
    expect(calls()).toBe(3);
    expect(knowledge.answer(HARBOUR_QUESTION).answered).toBe(true);
  });
});

describe('concurrent and pending refreshes', () => {
  it('shares one load between refresh calls made while one runs', async () => {
    const { load, calls } = scriptedLoad(seeds);
    const knowledge = await LiveKnowledge.open({ load });
    expect(calls()).toBe(1);
    const [a, b] = await Promise.all([knowledge.refresh(), knowledge.refresh()]);
    expect(calls()).toBe(2);
    expect(a).toBe(b);
    await knowledge.refresh();
    expect(calls()).toBe(3);
  });

  it('answers from the old engine until the new one is built, then from the new one', async () => {
    let release!: (corpus: Corpus) => void;
    const pending = new Promise<Corpus>((resolve) => {
      release = resolve;
    });
    const { load } = scriptedLoad(seeds, pending);
    const knowledge = await LiveKnowledge.open({ load });
    const oldEngine = knowledge.engine;

    const refreshing = knowledge.refresh();
    // Let the refresh start and wait on its load.
    await new Promise((resolve) => setImmediate(resolve));
    expect(knowledge.engine).toBe(oldEngine);
    expect(knowledge.answer(HARBOUR_QUESTION).answered).toBe(false);
    expect(knowledge.sources()).toHaveLength(seeds.briefs.length);

    release({ briefs: [...seeds.briefs, harbour], skipped: [] });
    const outcome = await refreshing;
    expect(outcome.status).toBe('refreshed');
    if (outcome.status === 'refreshed') expect(outcome.report.added).toEqual(['005_harbour_drones.txt']);
    expect(knowledge.engine).not.toBe(oldEngine);
    expect(knowledge.answer(HARBOUR_QUESTION).answered).toBe(true);
  });

  it('builds every engine, at open and on refresh, through the build option', async () => {
    let builds = 0;
    const knowledge = await LiveKnowledge.open({
      load: scriptedLoad(seeds).load,
      build: async (corpus) => {
        builds++;
        return buildEngine(corpus);
      },
    });
    expect(builds).toBe(1);
    expect((await knowledge.refresh()).status).toBe('refreshed');
    expect(builds).toBe(2);
  });
});
