import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stopBuilds } from '../../src/io/buildWorker.ts';
import { cacheFile } from '../../src/io/indexCache.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { outcomesFile, readOutcomes, writeOutcomes } from '../../src/io/promptOutcomes.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

const dirs: string[] = [];
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fcb-outcomes-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const until = async (done: () => Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('the outcomes of an index’s own titles and prompts', () => {
  it('are read back only under the key they were saved with, and never from a damaged file', async () => {
    const file = join(await scratch(), 'x.prompts.json');
    const outcome = { answered: false, reason: 'not-covered' as const, lead: null };
    await writeOutcomes(file, 'key-1', [['Is it so?', outcome]]);
    expect(await readOutcomes(file, 'key-1')).toEqual([['Is it so?', outcome]]);
    expect(await readOutcomes(file, 'key-2')).toBeNull();
    await writeFile(file, '{"key":"key-1","outcomes":[["q",true]]}');
    expect(await readOutcomes(file, 'key-1')).toBeNull();
    expect(await readOutcomes(join(file, 'missing'), 'key-1')).toBeNull();
  });

  it('are worked out by the build worker after the index, saved beside it, and used by the next start', async () => {
    const cacheDir = await scratch();
    await openKnowledge({ seedsDir, cacheDir });
    const saved = outcomesFile(cacheFile(cacheDir, seedsDir));
    await until(async () => (await readdir(cacheDir)).some((f) => f.endsWith('.prompts.json')));
    const { key } = JSON.parse(readFileSync(saved, 'utf8')) as { key: string };
    const stored = await readOutcomes(saved, key);
    expect(stored?.length).toBeGreaterThanOrEqual(11);
    // Doctored: one prompt marked as not answered. A start that reads the file says so; one that
    // worked the outcome out again would not.
    const prompt = 'What contracts have been publicly documented between Palantir and ICE since 2018?';
    await writeOutcomes(saved, key, (stored ?? []).map(([q, o]) => [q, q === prompt ? { answered: false, reason: 'not-covered', lead: null } : o]));
    const knowledge = await openKnowledge({ seedsDir, cacheDir });
    expect(knowledge.gaps().map((g) => g.prompt)).toContain(prompt);
    stopBuilds();
  }, 90_000);
});
