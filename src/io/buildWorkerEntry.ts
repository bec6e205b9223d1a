import { readdirSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { assessKnownQuestions } from '../core/answerer.ts';
import type { AssessReply, BuildReply, BuildRequest, EngineSource } from './buildWorker.ts';
import { buildEncoded, decodeEngine, type EncodedEngine } from './engineCodec.ts';
import { cacheFile, corpusKey, readSavedEncoded, temporaryIndexName, writeSavedEngine } from './indexCache.ts';
import { loadLexicon } from './lexicon.ts';
import { outcomesFile, readOutcomes, writeOutcomes } from './promptOutcomes.ts';
import { parseBriefFiles, readBriefFiles, type BriefFile } from './seedLoader.ts';

// The worker process of buildWorker.ts: one request in (argv), the engine's reply out (IPC), then,
// still at the lowest priority, how the engine answers its own titles and prompts; then it ends.

/** The lowest priority: the build takes only CPU time the answering process leaves. */
const BUILD_NICENESS = 19;

/**
 * Lowers the priority of every thread of this process: on Linux a nice value is per thread, and the
 * garbage collector's helper threads exist from start-up (threads made later inherit the value).
 * Elsewhere the process's own priority is lowered; where that is refused the build runs as it is.
 */
function lowerPriority(): void {
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    threads = [0];
  }
  for (const thread of threads) {
    try {
      setPriority(thread, BUILD_NICENESS);
    } catch {
      // not permitted here: this thread runs at its priority
    }
  }
}

/** Where the worker wrote the engine, and where the engine came from (and the engine, when built here). */
type Written = Pick<Extract<BuildReply, { ok: true }>, 'file' | 'key' | 'temporary' | 'source'> & { encoded?: EncodedEngine | undefined };

async function build(request: BuildRequest, warnings: string[]): Promise<Written> {
  // The directory is read once: the index is built from these bytes and saved under their key.
  let files: BriefFile[] | undefined = await readBriefFiles(request.seedsDir);
  const key = await corpusKey(files);
  const load = async () => {
    const corpus = parseBriefFiles(files ?? []);
    // The bytes are not needed once parsed; the index build that follows needs the memory.
    files = undefined;
    return corpus;
  };
  if (request.cacheDir === null) {
    const encoded = await buildEncoded(load);
    return { ...(await writeTemporary(request, encoded)), source: 'built (saved index disabled)', encoded };
  }
  const file = cacheFile(request.cacheDir, request.seedsDir);
  const saved = request.ignoreSaved ? 'damaged' : await readSavedEncoded(file, key);
  if (typeof saved !== 'string') return { file, key, temporary: false, source: 'saved', encoded: saved };
  if (request.assessOnly) throw new Error(`the saved index of ${request.seedsDir} is ${saved}: nothing to assess`);
  const source: EngineSource = `built (saved index ${saved})`;
  const encoded = await buildEncoded(load);
  try {
    await writeSavedEngine(file, key, encoded);
    return { file, key, temporary: false, source, encoded };
  } catch (error) {
    warnings.push(`could not save the index to ${file} (INDEX_CACHE_DIR): ${error instanceof Error ? error.message : String(error)}`);
    return { ...(await writeTemporary(request, encoded)), source, encoded };
  }
}

/**
 * Answers the engine's own titles, claims and prompts and sends the outcomes, saving them beside a
 * saved index (unless they are saved there already under its key).
 */
async function assess(written: Written): Promise<AssessReply | null> {
  const saveAt = written.temporary ? null : outcomesFile(written.file);
  if (saveAt !== null && (await readOutcomes(saveAt, written.key)) !== null) return { kind: 'outcomes', rows: null, file: saveAt };
  if (!written.encoded) return null;
  const engine = await decodeEngine(written.encoded);
  written.encoded = undefined;
  const outcomes = assessKnownQuestions(engine, loadLexicon());
  if (saveAt !== null) await writeOutcomes(saveAt, written.key, outcomes);
  return { kind: 'outcomes', rows: saveAt === null ? outcomes : null, file: saveAt };
}

/** Writes an engine to a file of this worker's own, for the requesting process to read and remove. */
async function writeTemporary(request: BuildRequest, encoded: EncodedEngine): Promise<Omit<Written, 'source'>> {
  const name = temporaryIndexName(process.pid);
  const file = join(request.scratchDir ?? tmpdir(), name);
  const key = `temporary ${name}`;
  await writeSavedEngine(file, key, encoded);
  return { file, key, temporary: true };
}

/** How often the watchdog looks for the parent. */
const WATCH_PARENT_MS = 200;

/**
 * Ends this process within a moment of its parent's death, even in the middle of a long synchronous
 * build, when no event of this thread can run: a thread of its own polls the parent's pid (an orphan
 * is handed to another parent) and kills the process. Plain JavaScript, so it needs no loader.
 */
function watchParent(): void {
  const watchdog = `
    const { workerData } = require('node:worker_threads');
    setInterval(() => {
      if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
    }, workerData.everyMs);
  `;
  new Worker(watchdog, { eval: true, workerData: { parent: process.ppid, everyMs: WATCH_PARENT_MS } }).unref();
}

lowerPriority();
watchParent();
// The requesting process is gone (or has its reply): nothing is left to build for.
process.on('disconnect', () => process.exit(0));
const request = JSON.parse(process.argv[2] ?? '{}') as BuildRequest;
const warnings: string[] = [];
const send = (message: BuildReply | AssessReply) => new Promise<void>((resolve) => process.send?.(message, () => resolve()) ?? resolve());
try {
  const written = await build(request, warnings);
  const { encoded: _, ...shown } = written;
  await send({ ok: true, ...shown, warnings, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
  const assessed = await assess(written).catch(() => null);
  if (assessed) await send(assessed);
} catch (error) {
  await send({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
process.disconnect();
