/**
 * Retention: records older than RETENTION_DAYS are deleted — answers (with their sources and
 * votes), requests (with the asker's user id) and refreshes (with their corrections). In slices, one per turn of the event loop, so a large prune never stalls answers.
 */
import type { Database, Statement } from 'better-sqlite3';

/** Rows deleted per table by one prune. */
export interface PruneReport {
  readonly answers: number;
  readonly requests: number;
  readonly refreshes: number;
}

const SLICE = 2_000;

export class Pruner {
  readonly #slices: readonly [keyof PruneReport, Statement][];

  constructor(db: Database) {
    const slice = (table: string, column: string): Statement =>
      db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${column} < ? LIMIT ${SLICE})`);
    this.#slices = [
      ['answers', slice('answers', 'asked_at')],
      ['requests', slice('requests', 'created_at')],
      ['refreshes', slice('refreshes', 'refreshed_at')],
    ];
  }

  /** Deletes every row older than `cutoff`. */
  async prune(cutoff: Date): Promise<PruneReport> {
    const report = { answers: 0, requests: 0, refreshes: 0 };
    for (const [name, statement] of this.#slices) {
      for (;;) {
        const deleted = statement.run(cutoff.getTime()).changes;
        report[name] += deleted;
        if (deleted < SLICE) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return report;
  }
}
