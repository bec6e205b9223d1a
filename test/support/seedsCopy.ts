import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { seedsDir } from '../fixtures/answer-core/support.ts';

/** A copy of the seeds in a temporary folder for the tests of one file, removed after them; call at the file's top level. */
export function seedsCopyForFile(prefix: string): () => string {
  let work = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), prefix));
    await cp(seedsDir, join(work, 'seeds'), { recursive: true });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });
  return () => join(work, 'seeds');
}
