/**
 * The desk: what the bot records about its answers (feedback, requests, corrections) in
 * `DATA_DIR/bot.sqlite`, and whether that is working. Opened once by the entry point and passed
 * down. When it cannot be (`DATA_DIR=off`, a read-only folder, a damaged file) `records` is null,
 * the bot answers as before without the desk's buttons, and `health()` says why.
 */
import type { Logger } from '../logger.ts';
import { AnswerLog } from './answerLog.ts';
import { Checkpointer } from './checkpointer.ts';
import { Outbox } from './outbox.ts';
import { Pruner, type PruneReport } from './prune.ts';
import { Requests } from './requests.ts';
import { Stats, type DeskFigures } from './stats.ts';
import { openDatabase } from './store.ts';
import { WriteQueue, type WriteQueueHealth } from './writeQueue.ts';

/** Whether the desk features work, and what the records' upkeep has been. */
export interface DeskHealth {
  readonly state: 'on' | 'off';
  /** Why the features are off; null when on. */
  readonly reason: string | null;
  readonly file: string | null;
  readonly retentionDays: number;
  /** Queued and failed writes; null when off. */
  readonly writes: WriteQueueHealth | null;
  readonly lastPrune: { readonly at: number; readonly deleted: PruneReport } | null;
}

/** The records, for the desk's features. */
export interface DeskRecords {
  readonly answers: AnswerLog;
  readonly requests: Requests;
  readonly outbox: Outbox;
}

/** What /stats shows: the health, and the figures when the desk is on. */
export interface DeskReport {
  readonly health: DeskHealth;
  readonly figures: DeskFigures | null;
}

export interface DeskOptions {
  /** Folder of `bot.sqlite`; null means `DATA_DIR=off`. */
  readonly dataDir: string | null;
  readonly retentionDays: number;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Write-queue retry pause, for tests (default 250 ms). */
  readonly retryMs?: number;
  /** Prune at open and daily (default true); a one-off reader such as `--stats` leaves it to the bot. */
  readonly prune?: boolean;
}

const DAY_MS = 86_400_000;

export class Desk {
  readonly records: DeskRecords | null;
  readonly #queue: WriteQueue | null;
  readonly #stats: Stats | null;
  readonly #pruner: Pruner | null;
  readonly #close: () => Promise<void>;
  readonly #now: () => Date;
  #lastPrune: DeskHealth['lastPrune'] = null;
  #pruneTimer: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(
    private readonly options: DeskOptions,
    private readonly state: { readonly reason: string | null; readonly file: string | null },
    parts: { queue: WriteQueue; records: DeskRecords; stats: Stats; pruner: Pruner; close: () => Promise<void> } | null,
  ) {
    this.records = parts?.records ?? null;
    this.#queue = parts?.queue ?? null;
    this.#stats = parts?.stats ?? null;
    this.#pruner = parts?.pruner ?? null;
    this.#close = parts?.close ?? (async () => {});
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Opens the desk's database, creating it on first start, and prunes old records now and then
   * once a day. Never throws: a desk that cannot open is off, and the log says why.
   */
  static open(options: DeskOptions): Desk {
    const { logger } = options;
    if (options.dataDir === null) {
      logger.info('desk features are off', { reason: 'DATA_DIR=off' });
      return new Desk(options, { reason: 'turned off (DATA_DIR=off)', file: null }, null);
    }
    const opened = openDatabase(options.dataDir);
    if (!opened.ok) {
      logger.error('desk features are off', { reason: opened.reason, file: opened.file });
      return new Desk(options, { reason: opened.reason, file: opened.file }, null);
    }
    let desk: Desk;
    const checkpointer = Checkpointer.start(opened.file, logger);
    // The thread checkpoints; the bot's own commits then never wait for the disk.
    if (checkpointer !== null) opened.db.pragma('wal_autocheckpoint = 0');
    const close = async (): Promise<void> => {
      await checkpointer?.stop();
      // The last connection to close moves what is left of the log into the file.
      opened.db.close();
    };
    try {
      const queue = new WriteQueue(opened.db, { logger, ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }) });
      const answers = new AnswerLog(opened.db, queue);
      const requests = new Requests(opened.db, answers);
      const records: DeskRecords = {
        answers,
        requests,
        outbox: new Outbox(opened.db, queue, requests),
      };
      desk = new Desk(options, { reason: null, file: opened.file }, {
        queue,
        records,
        stats: new Stats(opened.db),
        pruner: new Pruner(opened.db),
        close,
      });
    } catch (error) {
      void close();
      const reason = error instanceof Error ? error.message : String(error);
      logger.error('desk features are off', { reason, file: opened.file });
      return new Desk(options, { reason, file: opened.file }, null);
    }
    logger.info('desk ready', { file: opened.file, schema: opened.schema, retentionDays: options.retentionDays });
    if (options.prune !== false) desk.#schedulePruning();
    return desk;
  }

  /** The earliest time whose records are kept. */
  keptSince(): Date {
    return new Date(this.#now().getTime() - this.options.retentionDays * DAY_MS);
  }

  health(): DeskHealth {
    return {
      state: this.records === null ? 'off' : 'on',
      reason: this.state.reason,
      file: this.state.file,
      retentionDays: this.options.retentionDays,
      writes: this.#queue?.health() ?? null,
      lastPrune: this.#lastPrune,
    };
  }

  /** Health and figures; a failure to read the figures is reported in place of them. */
  report(): DeskReport {
    if (this.#stats === null) return { health: this.health(), figures: null };
    try {
      this.#queue?.flush();
      return { health: this.health(), figures: this.#stats.figures(this.#now()) };
    } catch (error) {
      const reason = `the records could not be read (${error instanceof Error ? error.message : String(error)})`;
      this.options.logger.error('desk figures unavailable', { reason });
      return { health: { ...this.health(), reason }, figures: null };
    }
  }

  /** Deletes records older than the retention period. */
  async prune(): Promise<PruneReport | null> {
    if (this.#pruner === null || this.#closed) return null;
    try {
      this.#queue?.flush();
      const deleted = await this.#pruner.prune(this.keptSince());
      this.#lastPrune = { at: this.#now().getTime(), deleted };
      this.options.logger.info('desk records pruned', { olderThanDays: this.options.retentionDays, ...deleted });
      return deleted;
    } catch (error) {
      this.options.logger.warn('desk prune failed; it runs again tomorrow', { err: error });
      return null;
    }
  }

  /** Saves what is queued and closes the database. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#pruneTimer);
    this.#queue?.close();
    await this.#close();
  }

  #schedulePruning(): void {
    void this.prune();
    this.#pruneTimer = setInterval(() => void this.prune(), DAY_MS);
    this.#pruneTimer.unref();
  }
}
