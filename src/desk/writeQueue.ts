/**
 * Writes that must never hold up an answer: queued in memory and committed together, in one
 * transaction a short while after the reply that caused them has gone out (a busy bot commits
 * many answers at once, at a fraction of the cost of one commit each). Reads commit first. The
 * database is opened with no busy wait, so a lock held elsewhere fails at once instead of stalling
 * the bot; the batch stays queued and is retried with a growing pause. Nothing is dropped for a
 * passing problem (a lock, a full disk); a write that fails for its own reason (a bug) is logged and
 * dropped alone so it cannot block the others. The queue is bounded: past its size the oldest
 * writes are dropped, counted and logged.
 */
import type { Database } from 'better-sqlite3';
import type { Logger } from '../logger.ts';

/** One write, run inside the batch's transaction. */
export type Write = () => void;

interface Queued {
  readonly write: Write;
  /** Called once the write is committed. */
  readonly committed: (() => void) | undefined;
}

/** What the queue tells the desk's health report. */
export interface WriteQueueHealth {
  readonly pending: number;
  /** Batches that could not be committed since start (each is retried). */
  readonly failedFlushes: number;
  /** Writes lost: dropped for their own error or because the queue was full. */
  readonly dropped: number;
  readonly lastError: string | null;
}

export interface WriteQueueOptions {
  readonly logger: Logger;
  /** Most writes held while the database cannot take them (default 50,000). */
  readonly capacity?: number;
  /** First pause before retrying a failed batch (default 250 ms); doubles up to a minute. */
  readonly retryMs?: number;
}

const MAX_RETRY_MS = 60_000;
/** How long writes gather before they are committed together. */
export const GATHER_MS = 50;

/** SQLite result codes that say the database, not the write, is the problem: worth retrying. */
const PASSING = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|CORRUPT|NOTADB)/;

export class WriteQueue {
  #writes: Queued[] = [];
  #gathering: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #pause: number;
  #failedFlushes = 0;
  #dropped = 0;
  #lastError: string | null = null;
  #closed = false;
  readonly #capacity: number;
  readonly #retryMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: WriteQueueOptions,
  ) {
    this.#capacity = options.capacity ?? 50_000;
    this.#retryMs = options.retryMs ?? 250;
    this.#pause = this.#retryMs;
  }

  /** Queues `write` for the next commit; `committed` is told when it is. */
  push(write: Write, committed?: () => void): void {
    if (this.#closed) return;
    if (this.#writes.length >= this.#capacity) {
      this.#writes.shift();
      this.#dropped++;
      if (this.#dropped === 1 || this.#dropped % 1000 === 0) {
        this.options.logger.error('desk write queue full; oldest writes dropped', { dropped: this.#dropped, capacity: this.#capacity });
      }
    }
    this.#writes.push({ write, committed });
    this.#schedule();
  }

  /** Commits everything queued now; false when the database could not take it (it stays queued). */
  flush(): boolean {
    if (this.#writes.length === 0) return true;
    const batch = this.#writes;
    this.#writes = [];
    try {
      this.db.transaction(() => {
        for (const queued of batch) queued.write();
      })();
      for (const queued of batch) queued.committed?.();
    } catch (error) {
      if (isPassing(error)) {
        this.#writes = batch.concat(this.#writes);
        this.#failed(error, batch.length);
        return false;
      }
      this.#isolate(batch);
    }
    this.#pause = this.#retryMs;
    return true;
  }

  health(): WriteQueueHealth {
    return { pending: this.#writes.length, failedFlushes: this.#failedFlushes, dropped: this.#dropped, lastError: this.#lastError };
  }

  /** Commits what it can and takes no more writes. */
  close(): void {
    clearTimeout(this.#gathering);
    clearTimeout(this.#retryTimer);
    this.flush();
    clearTimeout(this.#retryTimer);
    this.#closed = true;
    if (this.#writes.length > 0) {
      this.options.logger.error('desk writes could not be saved before closing', { lost: this.#writes.length, lastError: this.#lastError });
    }
  }

  #schedule(): void {
    if (this.#gathering !== undefined || this.#retryTimer !== undefined) return;
    this.#gathering = setTimeout(() => {
      this.#gathering = undefined;
      this.flush();
    }, GATHER_MS);
    // Closing commits what is queued; the timer must not keep a finished process alive.
    this.#gathering.unref();
  }

  #failed(error: unknown, count: number): void {
    this.#failedFlushes++;
    this.#lastError = describe(error);
    this.options.logger.warn('desk write deferred; the answers went out and the writes will be retried', {
      writes: count,
      retryInMs: this.#pause,
      error: this.#lastError,
    });
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.flush();
    }, this.#pause);
    this.#retryTimer.unref();
    this.#pause = Math.min(MAX_RETRY_MS, this.#pause * 2);
  }

  /** Commits each write of a batch on its own, so one that fails for its own reason is the only one lost. */
  #isolate(batch: readonly Queued[]): void {
    for (const [index, queued] of batch.entries()) {
      try {
        this.db.transaction(queued.write)();
        queued.committed?.();
      } catch (error) {
        if (isPassing(error)) {
          this.#writes = batch.slice(index).concat(this.#writes);
          this.#failed(error, batch.length - index);
          return;
        }
        this.#dropped++;
        this.#lastError = describe(error);
        this.options.logger.error('desk write failed and was dropped', { error: this.#lastError });
      }
    }
  }
}

function isPassing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PASSING.test(code);
}

function describe(error: unknown): string {
  if (error instanceof Error) return 'code' in error ? `${String(error.code)}: ${error.message}` : error.message;
  return String(error);
}
