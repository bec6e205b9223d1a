/**
 * Texts behind buttons and brief pickers (follow-up questions, the asker's question), kept by the
 * short key their custom id carries, so a click still works after the bot restarts.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { WriteQueue } from './writeQueue.ts';

export class TextStore {
  readonly #upsert: Statement;
  readonly #load: Statement<[string], { text: string }>;

  constructor(
    db: Database,
    private readonly queue: WriteQueue,
  ) {
    this.#upsert = db.prepare(
      'INSERT INTO texts (key, text, used_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET used_at = excluded.used_at',
    );
    this.#load = db.prepare<[string], { text: string }>('SELECT text FROM texts WHERE key = ?');
  }

  /** Queues `text` under `key`, marked as used `at` (kept for the retention period from then). */
  save(key: string, text: string, at: Date): void {
    this.queue.push(() => {
      this.#upsert.run(key, text, at.getTime());
    });
  }

  /** The text saved under `key`, if any. */
  load(key: string): string | undefined {
    this.queue.flush();
    return this.#load.get(key)?.text;
  }
}
