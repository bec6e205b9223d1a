/**
 * Corrections a refresh owes, kept as an outbox: one row per earlier answer to edit (it quoted a
 * brief that changed or was removed) and per asker to tell (the desk's briefs now answer their open
 * request). A row is claimed ("sending") before it is sent and settled after, so a restart carries
 * on with what is left: a row found "sending" is sent again in a way that cannot duplicate (an edit
 * is checked first; a reply carries a nonce Discord de-duplicates on).
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Answer } from '../core/types.ts';
import type { Requests, StoredRequest } from './requests.ts';
import type { WriteQueue } from './writeQueue.ts';

/** What a refresh changed, by brief id. */
export interface BriefChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** The corrections planned for one refresh. */
export interface CorrectionPlan {
  readonly edits: number;
  readonly replies: number;
}

/** An earlier answer to edit with a notice. */
export interface AnswerEdit {
  readonly kind: 'edit';
  readonly id: number;
  readonly attempts: number;
  readonly refreshedAt: number;
  /** Every brief the answer quoted that the refresh touched was removed (rather than changed). */
  readonly briefRemoved: boolean;
  readonly answer: { readonly key: string; readonly channelId: string; readonly messageId: string; readonly question: string };
}

/** An asker to tell that the desk's briefs now answer their request. */
export interface RequestReply {
  readonly kind: 'reply';
  readonly id: number;
  readonly attempts: number;
  readonly refreshedAt: number;
  readonly request: StoredRequest;
}

export type Correction = AnswerEdit | RequestReply;

/** How sending a correction ended. */
export type CorrectionResult =
  | { readonly state: 'sent'; readonly by: 'edit' | 'channel' | 'dm' }
  /** Nothing left to correct or no one to reach (the message or the user is gone). */
  | { readonly state: 'gone' | 'failed'; readonly error: string }
  /** A passing failure: tried again from `retryAt`. */
  | { readonly state: 'retry'; readonly error: string; readonly retryAt: Date };

interface OutboxRow {
  id: number;
  kind: 'edit' | 'reply';
  answer_id: number | null;
  request_id: number | null;
  brief_removed: number;
  attempts: number;
  refreshed_at: number;
}

/** Requests checked against the new briefs per turn of the event loop, so answering never stalls. */
const GATE_CHECKS_PER_TURN = 20;

export class Outbox {
  readonly #insertRefresh: Statement;
  readonly #affected: Statement<[string, number, number], { id: number; removed_only: number }>;
  readonly #supersede: Statement;
  readonly #insertEdit: Statement;
  readonly #insertReply: Statement;
  readonly #next: Statement<[number], OutboxRow>;
  readonly #nextDue: Statement<[], { not_before: number }>;
  readonly #answer: Statement<[number], { key: string; channel_id: string | null; message_id: string | null; question: string }>;
  readonly #claim: Statement;
  readonly #settle: Statement;
  readonly #retry: Statement;
  readonly #answered: Statement;
  readonly #requestOf: Statement<[number], { request_id: number | null }>;

  constructor(
    private readonly db: Database,
    private readonly queue: WriteQueue,
    private readonly requests: Requests,
  ) {
    this.#insertRefresh = db.prepare('INSERT INTO refreshes (refreshed_at, added, changed, removed) VALUES (?, ?, ?, ?)');
    // Answers sent before the refresh, within retention, that quoted a touched brief.
    this.#affected = db.prepare<[string, number, number], { id: number; removed_only: number }>(
      `SELECT a.id, MIN(t.removed) AS removed_only
       FROM answers a JOIN answer_sources s ON s.answer_id = a.id
       JOIN (SELECT json_extract(value, '$.doc') AS doc, json_extract(value, '$.removed') AS removed FROM json_each(?)) t ON t.doc = s.doc
       WHERE a.asked_at < ? AND a.asked_at >= ? AND a.message_id IS NOT NULL AND a.channel_id IS NOT NULL
       GROUP BY a.id ORDER BY a.id`,
    );
    this.#supersede = db.prepare("UPDATE outbox SET state = 'superseded', done_at = ? WHERE kind = 'edit' AND answer_id = ? AND state = 'pending'");
    this.#insertEdit = db.prepare(
      "INSERT OR IGNORE INTO outbox (refresh_id, kind, answer_id, brief_removed, created_at) VALUES (?, 'edit', ?, ?, ?)",
    );
    this.#insertReply = db.prepare("INSERT OR IGNORE INTO outbox (refresh_id, kind, request_id, created_at) VALUES (?, 'reply', ?, ?)");
    this.#next = db.prepare<[number], OutboxRow>(
      `SELECT o.id, o.kind, o.answer_id, o.request_id, o.brief_removed, o.attempts, r.refreshed_at
       FROM outbox o JOIN refreshes r ON r.id = o.refresh_id
       WHERE o.state IN ('pending', 'sending') AND o.not_before <= ? ORDER BY o.id LIMIT 1`,
    );
    this.#nextDue = db.prepare<[], { not_before: number }>(
      "SELECT not_before FROM outbox WHERE state IN ('pending', 'sending') ORDER BY not_before LIMIT 1",
    );
    this.#answer = db.prepare('SELECT key, channel_id, message_id, question FROM answers WHERE id = ?');
    this.#claim = db.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?");
    this.#settle = db.prepare('UPDATE outbox SET state = ?, last_error = ?, delivered_by = ?, done_at = ? WHERE id = ?');
    this.#retry = db.prepare("UPDATE outbox SET state = 'pending', last_error = ?, not_before = ? WHERE id = ?");
    this.#answered = db.prepare("UPDATE requests SET status = 'answered', resolved_at = ? WHERE id = ?");
    this.#requestOf = db.prepare<[number], { request_id: number | null }>('SELECT request_id FROM outbox WHERE id = ?');
  }

  /**
   * Plans the corrections of a refresh that finished at `refreshedAt`: edits of the answers sent
   * before it, since `since`, that quoted a changed or removed brief (an edit still waiting from an
   * earlier refresh is replaced), and replies to the askers of open requests that the new briefs
   * answer — the answer passes the gate and quotes a brief that was added or changed. The requests
   * are checked a few per turn; the plan is then written in one transaction.
   */
  async plan(changes: BriefChanges, refreshedAt: Date, since: Date, answer: (question: string) => Answer): Promise<CorrectionPlan> {
    const touched = [...changes.changed, ...changes.removed];
    const fresh = new Set([...changes.added, ...changes.changed]);
    const answered: number[] = [];
    if (fresh.size > 0) {
      const awaiting = this.requests.awaitingAnswer();
      for (const [index, request] of awaiting.entries()) {
        if (index > 0 && index % GATE_CHECKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
        const now = answer(request.question);
        if (now.answered && now.sources.some((source) => fresh.has(source.doc))) answered.push(request.id);
      }
    }
    this.queue.flush();
    if (touched.length === 0 && answered.length === 0) return { edits: 0, replies: 0 };
    return this.db.transaction((): CorrectionPlan => {
      const at = refreshedAt.getTime();
      const refreshId = this.#insertRefresh.run(at, changes.added.length, changes.changed.length, changes.removed.length).lastInsertRowid;
      const docs = JSON.stringify([
        ...changes.changed.map((doc) => ({ doc, removed: 0 })),
        ...changes.removed.map((doc) => ({ doc, removed: 1 })),
      ]);
      let edits = 0;
      for (const row of touched.length === 0 ? [] : this.#affected.all(docs, at, since.getTime())) {
        this.#supersede.run(at, row.id);
        edits += this.#insertEdit.run(refreshId, row.id, row.removed_only, at).changes;
      }
      let replies = 0;
      for (const id of answered) replies += this.#insertReply.run(refreshId, id, at).changes;
      return { edits, replies };
    }).immediate();
  }

  /** The first correction due at `now` (including one a stopped run left "sending"). */
  next(now: Date): Correction | undefined {
    for (let row = this.#next.get(now.getTime()); row !== undefined; row = this.#next.get(now.getTime())) {
      const correction = this.#correction(row);
      if (correction !== undefined) return correction;
      // What it pointed at is gone; settle it and look further.
      this.settle(row.id, { state: 'gone', error: 'the answer or request is no longer recorded' }, now);
    }
    return undefined;
  }

  #correction(row: OutboxRow): Correction | undefined {
    const base = { id: row.id, attempts: row.attempts, refreshedAt: row.refreshed_at };
    if (row.kind === 'reply') {
      const request = row.request_id === null ? undefined : this.requests.find(row.request_id);
      return request === undefined ? undefined : { kind: 'reply', ...base, request };
    }
    const answer = row.answer_id === null ? undefined : this.#answer.get(row.answer_id);
    if (answer === undefined || answer.channel_id === null || answer.message_id === null) return undefined;
    return {
      kind: 'edit',
      ...base,
      briefRemoved: row.brief_removed === 1,
      answer: { key: answer.key, channelId: answer.channel_id, messageId: answer.message_id, question: answer.question },
    };
  }

  /** When the next waiting correction is due, if any is waiting. */
  nextDueAt(): number | undefined {
    return this.#nextDue.get()?.not_before;
  }

  /** Marks a correction as being sent; written before anything is sent. */
  claim(id: number): void {
    this.#claim.run(id);
  }

  /** Records how sending ended; a reply that was sent also marks its request answered. */
  settle(id: number, result: CorrectionResult, now: Date): void {
    this.db.transaction(() => {
      if (result.state === 'retry') {
        this.#retry.run(result.error, result.retryAt.getTime(), id);
        return;
      }
      const error = result.state === 'sent' ? null : result.error;
      const by = result.state === 'sent' ? result.by : null;
      this.#settle.run(result.state, error, by, now.getTime(), id);
      if (result.state === 'sent' && result.by !== 'edit') {
        const row = this.#requestOf.get(id);
        if (row?.request_id != null) this.#answered.run(now.getTime(), row.request_id);
      }
    })();
  }
}
