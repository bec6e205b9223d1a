import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_BRIEF_BYTES } from '../../src/io/seedLoader.ts';
import type { Corpus } from '../../src/core/types.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const brief = (title: string): string => `${title}\n\nExecutive summary\n\nA sentence about ${title} [1].\n`;

describe('loadCorpus on a directory with good files and junk', () => {
  let dir: string;
  let corpus: Corpus;
  const reasonFor = (file: string): string | undefined => corpus.skipped.find((s) => s.file === file)?.reason;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factcheck-seeds-'));
    await writeFile(join(dir, 'b-good.txt'), brief('Second brief'));
    await writeFile(join(dir, 'a-good.txt'), `\uFEFF${brief('First brief').replace(/\n/g, '\r\n')}`);
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('Caf\u00e9 and ICE\n\nSome text.\n', 'latin1'));
    await writeFile(join(dir, 'utf16.txt'), Buffer.from(`\uFEFF${brief('Wide brief')}`, 'utf16le'));
    await writeFile(join(dir, 'blank.txt'), ' \n\t\r\n\n');
    await writeFile(join(dir, 'title-only.txt'), 'Only a title\n');
    await writeFile(join(dir, 'huge.txt'), Buffer.alloc(MAX_BRIEF_BYTES + 1, 'a'));
    await writeFile(join(dir, 'notes.md'), brief('A markdown brief'));
    await writeFile(join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(join(dir, '.hidden.txt'), brief('Hidden'));
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'inner.txt'), brief('Nested brief'));
    corpus = await loadCorpus(dir);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the good files in name order, CRLF and BOM included', () => {
    expect(corpus.briefs.map((b) => [b.id, b.title])).toEqual([
      ['a-good.txt', 'First brief'],
      ['b-good.txt', 'Second brief'],
    ]);
    expect(corpus.briefs[0]?.passages[0]?.sentences[0]?.text).toBe('A sentence about First brief [1].');
  });

  it('skips each junk file by name with a reason that says what is wrong', () => {
    expect(reasonFor('empty.txt')).toMatch(/empty/);
    expect(reasonFor('binary.txt')).toMatch(/binary.*NUL/);
    expect(reasonFor('latin1.txt')).toMatch(/not valid UTF-8/);
    expect(reasonFor('utf16.txt')).toMatch(/UTF-16/);
    expect(reasonFor('blank.txt')).toMatch(/no readable words/);
    expect(reasonFor('title-only.txt')).toMatch(/no body text/);
    expect(reasonFor('huge.txt')).toMatch(/over the 5\.0 MB limit/);
    expect(reasonFor('notes.md')).toMatch(/not a \.txt file/);
  });

  it('passes over files that are not meant as briefs, dotfiles and subdirectories', () => {
    expect(corpus.skipped.map((s) => s.file).sort()).toEqual([
      'binary.txt', 'blank.txt', 'empty.txt', 'huge.txt', 'latin1.txt', 'notes.md', 'title-only.txt', 'utf16.txt',
    ]);
  });
});

describe('loadCorpus on a directory it cannot read', () => {
  it('throws an error naming a missing directory', async () => {
    const missing = join(tmpdir(), 'factcheck-no-such-dir', 'seeds');
    await expect(loadCorpus(missing)).rejects.toThrow(missing);
  });

  it('throws an error naming a path that is a file, not a directory', async () => {
    const file = join(seedsDir, '000_cd0a3d8b605ed2a2.txt');
    await expect(loadCorpus(file)).rejects.toThrow(file);
  });
});

describe('loadCorpus on seeds/', () => {
  it('loads all five briefs and skips nothing', async () => {
    const corpus = await loadCorpus(seedsDir);
    expect(corpus.skipped).toEqual([]);
    expect(corpus.briefs.map((b) => b.id)).toEqual([
      '000_cd0a3d8b605ed2a2.txt',
      '001_def9eb3d8057f38a.txt',
      '002_edea41602c36ec74.txt',
      '003_cbc81d907373efa0.txt',
      '004_9f196b15221342b3.txt',
    ]);
  });
});
