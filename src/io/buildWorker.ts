import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../core/engine.ts';
import { decodeEngine, fromEncodedArrays, type EncodedArray } from './engineCodec.ts';

/**
 * Loads and indexes a corpus in a worker thread: reading, parsing, indexing and encoding happen
 * there (or, when the saved index matches the corpus, reading that file), and the encoded engine
 * comes back as transferred buffers, not copied. This thread only decodes it, in slices that leave
 * the event loop free, so answers keep flowing from the live engine while a refresh runs.
 */

/** What the worker is asked to do. */
export interface BuildRequest {
  readonly seedsDir: string;
  /** Directory of saved indexes; null builds without reading or writing one. */
  readonly cacheDir: string | null;
  /** Build even when the saved index matches (it was found damaged), and overwrite it. */
  readonly ignoreSaved?: boolean;
}

/** What the worker answers: the engine's arrays, or why it could not build one. */
export type BuildReply =
  | { readonly ok: true; readonly arrays: EncodedArray[]; readonly source: EngineSource; readonly warnings: string[] }
  | { readonly ok: false; readonly error: string };

/** Where an engine came from: a saved index, or a fresh build (with the reason the saved one was not used). */
export type EngineSource = 'saved' | `built (saved index ${'missing' | 'stale' | 'damaged' | 'disabled'})`;

/** An engine built off the main thread, with where it came from and any warnings (e.g. an unwritable cache). */
export interface WorkerEngine {
  readonly engine: Engine;
  readonly source: EngineSource;
  readonly warnings: readonly string[];
}

const ENTRY = new URL('./buildWorkerEntry.ts', import.meta.url).href;

/**
 * The worker's heap budget for a corpus of `corpusBytes`: a build's live heap stays under about
 * 8 bytes per byte of text, and without a limit V8 lets garbage grow the heap to several times that
 * (2 GB instead of 1 GB at 50k sections).
 */
export function heapBudgetMb(corpusBytes: number): number {
  return Math.max(512, Math.ceil(256 + (8 * corpusBytes) / 1024 / 1024));
}

/** Builds (or reads the saved index of) the corpus in `request.seedsDir` in a worker thread. */
export async function buildInWorker(request: BuildRequest): Promise<WorkerEngine> {
  const budget = heapBudgetMb(await directoryBytes(request.seedsDir));
  // Over budget (an unusual corpus), the build is run again without a limit rather than failing.
  const reply = await runWorker(request, budget).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    return runWorker(request, undefined);
  });
  if (!reply.ok) throw new Error(reply.error);
  try {
    return { engine: await decodeEngine(fromEncodedArrays(reply.arrays)), source: reply.source, warnings: reply.warnings };
  } catch (error) {
    // A saved file can pass its checksum and still not decode (written by a faulty build): rebuild it.
    if (reply.source !== 'saved') throw error;
    return buildInWorker({ ...request, ignoreSaved: true });
  }
}

function runWorker(request: BuildRequest, heapMb: number | undefined): Promise<BuildReply> {
  return new Promise((resolve, reject) => {
    // The entry is TypeScript: the worker registers tsx's loader before importing it.
    const bootstrap = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`;
    const resourceLimits = heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMb } };
    const worker = new Worker(bootstrap, { eval: true, workerData: request, ...resourceLimits });
    let replied = false;
    worker.once('message', (reply: BuildReply) => {
      replied = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`the index build worker exited (code ${code}) without a result`));
    });
  });
}

function tsxApi(): string {
  return import.meta.resolve('tsx/esm/api');
}

/** Total size of the files in a directory (0 when it cannot be read: the worker reports that). */
async function directoryBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(names.map((name) => stat(join(dir, name)).then((s) => (s.isFile() ? s.size : 0), () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}
