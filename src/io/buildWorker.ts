import { fork, type ChildProcess } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedOutcomes } from '../core/answerer.ts';
import type { Outcome } from '../core/enrich.ts';
import type { Engine } from '../core/engine.ts';
import { decodeEngine } from './engineCodec.ts';
import { readSavedEncoded, removeLeftovers, TEMPORARY_INDEX } from './indexCache.ts';
import { readOutcomes } from './promptOutcomes.ts';

/**
 * Loads and indexes a corpus in a worker process: reading, parsing and indexing happen there (or,
 * when the saved index matches the corpus, reading that file), at the lowest CPU priority, and the
 * engine comes back as a saved-index file. This process reads that file in chunks and decodes it in
 * slices, so answers keep flowing from the live engine while a refresh runs.
 *
 * A process rather than a worker thread: a thread shares the process's garbage-collector helper
 * threads, which run at normal priority whatever the build thread's, and at 50k sections the
 * build's collections took the CPU from the thread answering questions (p99 70 ms, against 21 ms
 * with a separate process at the lowest priority).
 */

/** What the worker is asked to do. */
export interface BuildRequest {
  readonly seedsDir: string;
  /** Directory of saved indexes; null builds without reading or writing one. */
  readonly cacheDir: string | null;
  /** Build even when the saved index matches (it was found damaged), and overwrite it. */
  readonly ignoreSaved?: boolean;
  /** Where the engine is written when no saved index is kept (then removed); the system's temporary directory by default. */
  readonly scratchDir?: string;
  /** Only work out how the saved index answers its own titles and prompts (it was read without a worker). */
  readonly assessOnly?: boolean;
}

/**
 * The worker's second message, after the engine: how the engine answers its own titles, claims and
 * prompts (inline, or saved in `file` beside the saved index).
 */
export interface AssessReply {
  readonly kind: 'outcomes';
  readonly rows: readonly (readonly [string, Outcome])[] | null;
  readonly file: string | null;
}

/** What the worker answers: the file holding the engine, or why it could not build one. */
export type BuildReply =
  | {
      readonly ok: true;
      /** A saved-index file holding the engine, under `key`. */
      readonly file: string;
      readonly key: string;
      /** The file is the worker's alone (no saved index is kept): the reader removes it. */
      readonly temporary: boolean;
      readonly source: EngineSource;
      readonly warnings: string[];
      /** The worker's peak resident memory. */
      readonly peakRssBytes: number;
    }
  | { readonly ok: false; readonly error: string };

/** Where an engine came from: a saved index, or a fresh build (with the reason the saved one was not used). */
export type EngineSource = 'saved' | `built (saved index ${'missing' | 'stale' | 'damaged' | 'disabled'})`;

/** An engine built off the main thread, with where it came from and any warnings (e.g. an unwritable cache). */
export interface WorkerEngine {
  readonly engine: Engine;
  readonly source: EngineSource;
  readonly warnings: readonly string[];
  /** The worker's peak resident memory (its own process: not counted in this one's). */
  readonly peakRssBytes: number;
}

const ENTRY = fileURLToPath(new URL('./buildWorkerEntry.ts', import.meta.url));
/** Bytes of the worker's error output kept, to explain a worker that died. */
const ERROR_TAIL_BYTES = 4096;

/**
 * The worker's heap budget for a corpus of `corpusBytes`: a build's live heap stays under about
 * 8 bytes per byte of text, and without a limit V8 lets garbage grow the heap to several times that
 * (2 GB instead of 1 GB at 50k sections).
 */
export function heapBudgetMb(corpusBytes: number): number {
  return Math.max(512, Math.ceil(256 + (8 * corpusBytes) / 1024 / 1024));
}

/** The worker's V8 heap flags: its heap budget, none when undefined. */
export function workerHeapFlags(heapMb: number | undefined): string[] {
  return heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
}

/** What the caller hears of a build while it runs. */
export interface BuildEvents {
  /** A worker process started (its pid, to find it among the machine's processes). */
  readonly started?: (pid: number) => void;
  /** The engine's own titles and prompts were assessed (after the engine came back), and seeded into it. */
  readonly assessed?: (count: number) => void;
}

/** Builds (or reads the saved index of) the corpus in `request.seedsDir` in a worker process. */
export async function buildInWorker(request: BuildRequest, events: BuildEvents = {}): Promise<WorkerEngine> {
  const budget = heapBudgetMb(await directoryBytes(request.seedsDir));
  await removeLeftovers(request.scratchDir ?? tmpdir(), TEMPORARY_INDEX);
  // Over budget (an unusual corpus), the build is run again without a limit rather than failing.
  let assessed: (reply: AssessReply) => void = () => {};
  const assessment = new Promise<AssessReply>((resolve) => {
    assessed = resolve;
  });
  const reply = await runWorker(request, budget, events, (r) => assessed(r)).catch((error: unknown) => {
    if (!(error instanceof OutOfMemoryError)) throw error;
    return runWorker(request, undefined, events, (r) => assessed(r));
  });
  if (!reply.ok) throw new Error(reply.error);
  try {
    // Read gently: the live engine is answering meanwhile.
    const encoded = await readSavedEncoded(reply.file, reply.key, 'gentle');
    if (typeof encoded === 'string') throw new Error(`the index the build worker wrote to ${reply.file} is ${encoded}`);
    const engine = await decodeEngine(encoded);
    // The assessment comes later, when it comes: until then prompts are answered as they are needed.
    void assessment.then(async (a) => {
      const rows = a.rows ?? (a.file === null ? null : await readOutcomes(a.file, reply.key));
      if (rows === null) return;
      seedOutcomes(engine, rows);
      events.assessed?.(rows.length);
    });
    return { engine, source: reply.source, warnings: reply.warnings, peakRssBytes: reply.peakRssBytes };
  } catch (error) {
    // A saved file can pass the worker's checks and still fail here (replaced meanwhile, or written
    // by a faulty build): build it afresh.
    if (reply.source !== 'saved') throw error;
    return buildInWorker({ ...request, ignoreSaved: true }, events);
  } finally {
    if (reply.temporary) await rm(reply.file, { force: true });
  }
}

/**
 * How the saved index of `request` answers its own titles and prompts, worked out in a worker at the
 * lowest priority (for an index read without one): the outcomes, or null when none could be had.
 */
export async function assessInWorker(request: Omit<BuildRequest, 'assessOnly'>): Promise<(readonly [string, Outcome])[] | null> {
  let assessed: (reply: AssessReply | null) => void = () => {};
  const assessment = new Promise<AssessReply | null>((resolve) => {
    assessed = resolve;
  });
  const reply = await runWorker({ ...request, assessOnly: true }, undefined, {}, (r) => assessed(r), () => assessed(null)).catch(() => null);
  if (!reply?.ok) return null;
  const a = await assessment;
  if (a === null) return null;
  return a.rows ? [...a.rows] : a.file === null ? null : readOutcomes(a.file, reply.key);
}

/** The worker ran out of its heap budget. */
class OutOfMemoryError extends Error {}

/** The build was cut short by {@link stopBuilds}. */
class StoppedError extends Error {
  constructor() {
    super('the bot is stopping, so the index build was cut short; the briefs in use are unchanged');
  }
}

/** Signals a terminal or a supervisor sends to the whole process group, and how long this process's handler may take to hear its own. */
const GROUP_SIGNALS = new Set<NodeJS.Signals>(['SIGTERM', 'SIGINT', 'SIGHUP']);
const GROUP_SIGNAL_GRACE_MS = 200;

/** The worker processes running now. */
const workers = new Set<ChildProcess>();
let stopped = false;

/**
 * Ends every build worker at once, and refuses new builds: the process is stopping, and a build can
 * take far longer than a stop may. The build being cut reports that the bot is stopping.
 */
export function stopBuilds(): void {
  stopped = true;
  for (const worker of workers) worker.kill('SIGKILL');
}

/** However this process ends (even by `process.exit` from anywhere), its workers end with it. */
function killWorkersOnExit(): void {
  for (const worker of workers) worker.kill('SIGKILL');
}

/**
 * Runs a worker: resolves with its first message (the engine, or why there is none) as soon as it
 * comes; a later assessment is handed to `assessed`.
 */
function runWorker(
  request: BuildRequest,
  heapMb: number | undefined,
  events: BuildEvents,
  assessed: (reply: AssessReply) => void,
  closed: () => void = () => {},
): Promise<BuildReply> {
  return new Promise((resolve, reject) => {
    if (stopped) {
      reject(new StoppedError());
      return;
    }
    // The entry is TypeScript: the worker loads tsx's loader first.
    const execArgv = ['--import', import.meta.resolve('tsx'), ...workerHeapFlags(heapMb)];
    const worker = fork(ENTRY, [JSON.stringify(request)], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    if (workers.size === 0) process.once('exit', killWorkersOnExit);
    workers.add(worker);
    if (worker.pid !== undefined) events.started?.(worker.pid);
    let errorTail = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      errorTail = (errorTail + chunk.toString()).slice(-ERROR_TAIL_BYTES);
    });
    let reply: BuildReply | undefined;
    worker.on('message', (message: BuildReply | AssessReply) => {
      if ('kind' in message) {
        assessed(message);
        return;
      }
      reply = message;
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('close', (code, signal) => {
      workers.delete(worker);
      closed();
      if (workers.size === 0) process.off('exit', killWorkersOnExit);
      const settle = () => {
        if (reply) resolve(reply);
        else if (stopped) reject(new StoppedError());
        else if (heapMb !== undefined && /heap out of memory/i.test(errorTail)) reject(new OutOfMemoryError(errorTail));
        else reject(new Error(`the index build worker exited (${signal ?? `code ${code}`}) without a result${errorTail.trim() ? `: ${lastLine(errorTail)}` : ''}`));
      };
      // A stop signal sent to the process group reaches the worker and this process together, and the
      // worker's end may be heard first: this process's own handler is given a moment to say it stops.
      if (!reply && !stopped && signal !== null && GROUP_SIGNALS.has(signal)) setTimeout(settle, GROUP_SIGNAL_GRACE_MS);
      else settle();
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

/** Total size of the files in a directory (0 when it cannot be read: the worker reports that). */
async function directoryBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(names.map((name) => stat(join(dir, name)).then((s) => (s.isFile() ? s.size : 0), () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}
