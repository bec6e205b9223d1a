/**
 * Checkpoints of the desk's WAL, in a worker thread. SQLite's own (every 1,000 pages, on the
 * connection that commits) copy the log into the database file and wait for the disk (fsync); on
 * the bot's thread that stalled answers by 5–90 ms every few hundred writes. So the bot's
 * connection never checkpoints and commits without waiting for the disk, and a second connection
 * in a worker thread checkpoints every few seconds (PASSIVE: it never blocks the bot's writes).
 * The worker is a few lines of CommonJS given as source (`eval`), so it starts the same under
 * tsx, vitest and plain Node.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { timeout: 1000 });
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String((error && error.message) || error));
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** A running checkpoint thread. */
export class Checkpointer {
  private constructor(private readonly worker: Worker) {}

  /** Starts checkpointing `file` every `intervalMs`; null when no thread could be started. */
  static start(file: string, logger: Logger, intervalMs = 5_000): Checkpointer | null {
    try {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, intervalMs } });
      worker.on('message', (error: string) => logger.warn('desk checkpoint failed; it is tried again shortly', { error }));
      worker.on('error', (error) => logger.error('desk checkpoint thread stopped', { err: error }));
      // Checkpoints are upkeep: they must never keep the process alive.
      worker.unref();
      return new Checkpointer(worker);
    } catch (error) {
      logger.warn('desk checkpoint thread could not start; SQLite checkpoints on the bot’s thread', { err: error });
      return null;
    }
  }

  /** Runs a last checkpoint, closes the thread's connection and ends the thread. */
  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    // Held open until the thread has closed its connection.
    this.worker.ref();
    this.worker.postMessage('stop');
    await exited;
  }
}
