import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseBrief } from '../core/corpus.ts';
import { FurnitureCensus } from '../core/furniture.ts';
import type { Brief, Corpus, SkippedFile } from '../core/types.ts';

/** Largest brief read, in bytes. The seeds are under 10 KB; anything near this is not a brief. */
export const MAX_BRIEF_BYTES = 5 * 1024 * 1024;

/**
 * Files that look meant as briefs but are not `.txt` (`.md`, `.TXT`, ...): reported so a moderator
 * can rename them. Other files (images, `README`, dotfiles) are not briefs and are passed over silently.
 */
const BRIEF_LIKE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

function errorCode(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Decodes a brief's bytes, or says why they are not a UTF-8 text. */
function decode(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'is empty' };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return { reason: 'is UTF-16 text; save it as UTF-8' };
  if (bytes.includes(0)) return { reason: 'looks binary (contains NUL bytes), not a text file' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { reason: 'is not valid UTF-8 text' };
  }
}

/** Reads one `.txt` file: its text, or the reason it was skipped. */
async function readBrief(dir: string, file: string): Promise<{ text: string } | { reason: string }> {
  const path = join(dir, file);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { reason: 'is not a regular file' };
    if (info.size > MAX_BRIEF_BYTES) {
      return { reason: `is ${megabytes(info.size)}, over the ${megabytes(MAX_BRIEF_BYTES)} limit for a brief` };
    }
    bytes = await readFile(path);
  } catch (error) {
    return { reason: `could not be read (${errorCode(error)})` };
  }
  // Checked again: the file may have grown between stat and read.
  if (bytes.length > MAX_BRIEF_BYTES) return { reason: `is over the ${megabytes(MAX_BRIEF_BYTES)} limit for a brief` };
  return decode(bytes);
}

/** How many `*.txt` files `dir` holds (what a load will try to read), or null when it cannot be read. */
export async function countBriefFiles(dir: string): Promise<number | null> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => !e.isDirectory() && !e.name.startsWith('.') && extname(e.name) === '.txt').length;
  } catch {
    return null;
  }
}

/**
 * Loads every `*.txt` brief in `dir` (not recursive, in name order); the only file-system access for
 * the corpus. Files that cannot be used (empty, binary, not UTF-8, over {@link MAX_BRIEF_BYTES},
 * unreadable, rejected by the parser) are listed in `skipped` with a reason, as are `.md`/`.text`/
 * other-case `.TXT` files that look meant as briefs. Never throws on file content; throws an Error
 * naming `dir` when the directory itself cannot be read (a configuration error).
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    throw new Error(`Cannot read the briefs directory "${dir}" (${errorCode(error)})`, { cause: error });
  }
  const skipped: SkippedFile[] = [];
  const texts: { file: string; text: string }[] = [];
  for (const file of names) {
    const extension = extname(file);
    if (extension !== '.txt') {
      if (BRIEF_LIKE_EXTENSIONS.has(extension.toLowerCase())) {
        skipped.push({ file, reason: `is not a .txt file; briefs must be named *.txt` });
      }
      continue;
    }
    const read = await readBrief(dir, file);
    if ('text' in read) texts.push({ file, text: read.text });
    else skipped.push({ file, reason: read.reason });
  }
  // Lines the site pasted into many of the briefs are furniture: counted over the folder first.
  const census = new FurnitureCensus();
  for (const { text } of texts) census.add(text);
  const recurring = census.recurring();
  const briefs: Brief[] = [];
  for (const { file, text } of texts) {
    const parsed = parseBrief(file, text, { recurring });
    if (parsed.ok) briefs.push(parsed.brief);
    else skipped.push({ file, reason: parsed.reason });
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { briefs, skipped };
}
