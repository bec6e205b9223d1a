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

/**
 * A file of the briefs directory as it was read: its bytes, or why it cannot be a brief. The files
 * read once are both what a saved index is keyed by and what it is built from, so an index never
 * holds other bytes than the ones its key names, whatever changes in the directory meanwhile.
 */
export type BriefFile =
  | { readonly name: string; readonly bytes: Uint8Array }
  | { readonly name: string; readonly reason: string };

/** Files read at once: thousands of small briefs read one by one take seconds. */
const READ_BATCH = 64;

/** Reads one `.txt` file: its bytes, or the reason it cannot be used. */
async function readBrief(dir: string, name: string): Promise<BriefFile> {
  const path = join(dir, name);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { name, reason: 'is not a regular file' };
    if (info.size > MAX_BRIEF_BYTES) {
      return { name, reason: `is ${megabytes(info.size)}, over the ${megabytes(MAX_BRIEF_BYTES)} limit for a brief` };
    }
    bytes = await readFile(path);
  } catch (error) {
    return { name, reason: `could not be read (${errorCode(error)})` };
  }
  // Checked again: the file may have grown between stat and read.
  if (bytes.length > MAX_BRIEF_BYTES) return { name, reason: `is over the ${megabytes(MAX_BRIEF_BYTES)} limit for a brief` };
  return { name, bytes };
}

/**
 * Reads every `*.txt` file of `dir` (not recursive, in name order); the only file-system access for
 * the corpus. Files that cannot be read, are not regular files or are over {@link MAX_BRIEF_BYTES}
 * come with a reason, as do `.md`/`.text`/other-case `.TXT` files that look meant as briefs; other
 * files, dotfiles and directories are passed over. Throws an Error naming `dir` when the directory
 * itself cannot be read (a configuration error).
 */
export async function readBriefFiles(dir: string): Promise<BriefFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    throw new Error(`Cannot read the briefs directory "${dir}" (${errorCode(error)})`, { cause: error });
  }
  const files: BriefFile[] = [];
  const wanted: string[] = [];
  for (const name of names) {
    const extension = extname(name);
    if (extension === '.txt') wanted.push(name);
    else if (BRIEF_LIKE_EXTENSIONS.has(extension.toLowerCase())) files.push({ name, reason: 'is not a .txt file; briefs must be named *.txt' });
  }
  for (let i = 0; i < wanted.length; i += READ_BATCH) {
    files.push(...(await Promise.all(wanted.slice(i, i + READ_BATCH).map((name) => readBrief(dir, name)))));
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Parses files read by {@link readBriefFiles}: the briefs, and the files skipped with a reason (those
 * without one are empty, binary, not UTF-8, or rejected by the parser). Never throws on file content.
 */
export function parseBriefFiles(files: readonly BriefFile[]): Corpus {
  const skipped: SkippedFile[] = [];
  const texts: { name: string; text: string }[] = [];
  for (const file of files) {
    const decoded = 'reason' in file ? file : decode(file.bytes);
    if ('reason' in decoded) skipped.push({ file: file.name, reason: decoded.reason });
    else texts.push({ name: file.name, text: decoded.text });
  }
  // Lines the site pasted into many of the briefs are furniture: counted over the folder first.
  const census = new FurnitureCensus();
  for (const { text } of texts) census.add(text);
  const recurring = census.recurring();
  const briefs: Brief[] = [];
  for (const { name, text } of texts) {
    const parsed = parseBrief(name, text, { recurring });
    if (parsed.ok) briefs.push(parsed.brief);
    else skipped.push({ file: name, reason: parsed.reason });
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { briefs, skipped };
}

/** How many `*.txt` files `dir` holds (what a load will try to read), or null when it cannot be read. */
export async function countBriefFiles(dir: string): Promise<number | null> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => !e.isDirectory() && !e.name.startsWith('.') && extname(e.name) === '.txt').length;
  } catch {
    return null;
  }
}

/** Reads and parses every brief of `dir` (see {@link readBriefFiles} and {@link parseBriefFiles}). */
export async function loadCorpus(dir: string): Promise<Corpus> {
  return parseBriefFiles(await readBriefFiles(dir));
}
