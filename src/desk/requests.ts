/**
 * Fact-check requests: an asker's "please check this", made from a declined answer or after a 👎.
 * Open requests that ask much the same (by analysed terms) form a group, which moderators see as
 * one queue item with how many people asked, and mark covered or dismiss as one. The asker's user
 * id is kept so the desk's answer can reach them; nothing else about them is.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { AnswerLog } from './answerLog.ts';
import { askMuchTheSame, termSet, termsOf } from './terms.ts';

/** Where a request came from: a declined answer, or a 👎 on an answer. */
export type RequestOrigin = 'decline' | 'downvote';

/** A request's state: open (in the queue), covered (the desk is on it), dismissed, or answered (the asker was told). */
export type RequestStatus = 'open' | 'covered' | 'dismissed' | 'answered';

/** A request as read back. */
export interface StoredRequest {
  readonly id: number;
  readonly groupId: number;
  readonly createdAt: number;
  readonly origin: RequestOrigin;
  readonly question: string;
  readonly note: string | null;
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  /** The bot's answer the request was made from, which the desk's answer replies to. */
  readonly messageId: string | null;
  readonly status: RequestStatus;
}

/** Open requests that ask much the same, as moderators see them. */
export interface RequestGroup {
  readonly groupId: number;
  /** The wording of the first request. */
  readonly question: string;
  /** Distinct people who asked. */
  readonly askers: number;
  readonly requests: number;
  /** The latest notes ("What was missing?"), newest first, at most 3. */
  readonly notes: readonly string[];
  readonly origins: readonly RequestOrigin[];
  readonly firstAt: number;
  readonly latestAt: number;
  /** The queue item posted for the group, if any. */
  readonly queueItem: { readonly channelId: string; readonly messageId: string } | null;
}

/** What asking for a fact-check did. */
export type RequestOutcome =
  | { readonly status: 'recorded' | 'updated'; readonly request: StoredRequest; readonly group: RequestGroup }
  | { readonly status: 'unknown-answer' };

interface RequestRow {
  id: number;
  group_id: number;
  created_at: number;
  origin: RequestOrigin;
  question: string;
  terms: string;
  note: string | null;
  user_id: string;
  guild_id: string | null;
  channel_id: string | null;
  message_id: string | null;
  status: RequestStatus;
  queue_channel_id: string | null;
  queue_message_id: string | null;
}

const MAX_NOTES = 3;

export class Requests {
  readonly #mine: Statement<[string, string], RequestRow>;
  readonly #insert: Statement;
  readonly #updateNote: Statement;
  readonly #nameGroup: Statement;
  readonly #open: Statement<[], RequestRow>;
  readonly #openInGroup: Statement<[number], RequestRow>;
  readonly #byId: Statement<[number], RequestRow>;
  readonly #resolve: Statement;
  readonly #setQueueItem: Statement;
  readonly #awaiting: Statement<[], RequestRow>;

  constructor(
    private readonly db: Database,
    private readonly answers: AnswerLog,
  ) {
    this.#mine = db.prepare<[string, string], RequestRow>('SELECT * FROM requests WHERE answer_key = ? AND user_id = ?');
    this.#insert = db.prepare(
      `INSERT INTO requests (answer_id, answer_key, group_id, created_at, origin, question, terms, note, user_id, guild_id, channel_id, message_id, queue_channel_id, queue_message_id)
       VALUES (@answerId, @answerKey, @groupId, @at, @origin, @question, @terms, @note, @userId, @guildId, @channelId, @messageId, @queueChannelId, @queueMessageId)`,
    );
    this.#updateNote = db.prepare('UPDATE requests SET note = ?, origin = ? WHERE id = ?');
    this.#nameGroup = db.prepare('UPDATE requests SET group_id = id WHERE id = ?');
    this.#open = db.prepare<[], RequestRow>("SELECT * FROM requests WHERE status = 'open' ORDER BY id");
    this.#openInGroup = db.prepare<[number], RequestRow>("SELECT * FROM requests WHERE status = 'open' AND group_id = ? ORDER BY id");
    this.#byId = db.prepare<[number], RequestRow>('SELECT * FROM requests WHERE id = ?');
    this.#resolve = db.prepare("UPDATE requests SET status = ?, resolved_at = ? WHERE status = 'open' AND group_id = ?");
    this.#setQueueItem = db.prepare("UPDATE requests SET queue_channel_id = ?, queue_message_id = ? WHERE status = 'open' AND group_id = ?");
    this.#awaiting = db.prepare<[], RequestRow>(
      `SELECT * FROM requests r WHERE status IN ('open', 'covered')
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'reply' AND o.request_id = r.id) ORDER BY id`,
    );
  }

  /**
   * Records `userId`'s request about the answer `answerKey`, in the group of open requests it
   * resembles. Asking again about the same answer updates the note instead of counting twice.
   *
   * @throws the database's error when it cannot take the write (the caller says so to the asker).
   */
  request(input: {
    readonly answerKey: string;
    readonly userId: string;
    readonly origin: RequestOrigin;
    readonly note: string | null;
    readonly at: Date;
  }): RequestOutcome {
    const answer = this.answers.find(input.answerKey);
    if (answer === undefined) return { status: 'unknown-answer' };
    const note = input.note === null || input.note.trim() === '' ? null : input.note.trim();
    return this.db.transaction((): RequestOutcome => {
      const existing = this.#mine.get(input.answerKey, input.userId);
      if (existing !== undefined) {
        this.#updateNote.run(note ?? existing.note, input.origin, existing.id);
        const request = storedRequest(this.#byId.get(existing.id) as RequestRow);
        return { status: 'updated', request, group: this.#groupOf(request.groupId) ?? lone(request) };
      }
      const terms = termsOf(answer.question);
      const home = this.#homeGroup(terms);
      const result = this.#insert.run({
        answerId: answer.id,
        answerKey: answer.key,
        groupId: home?.groupId ?? 0,
        at: input.at.getTime(),
        origin: input.origin,
        question: answer.question,
        terms,
        note,
        userId: input.userId,
        guildId: answer.guildId,
        channelId: answer.channelId,
        messageId: answer.messageId,
        queueChannelId: home?.queueItem?.channelId ?? null,
        queueMessageId: home?.queueItem?.messageId ?? null,
      });
      const id = Number(result.lastInsertRowid);
      // A request that starts a group names the group.
      if (home === undefined) this.#nameGroup.run(id);
      const request = storedRequest(this.#byId.get(id) as RequestRow);
      return { status: 'recorded', request, group: this.#groupOf(request.groupId) ?? lone(request) };
    }).immediate();
  }

  /** The open requests of a group, summarised; undefined when none is open. */
  group(groupId: number): RequestGroup | undefined {
    return this.#groupOf(groupId);
  }

  /** Every group of open requests, most askers first, then the most recently asked. */
  openGroups(): RequestGroup[] {
    const byGroup = new Map<number, RequestRow[]>();
    for (const row of this.#open.all()) {
      const members = byGroup.get(row.group_id) ?? [];
      members.push(row);
      byGroup.set(row.group_id, members);
    }
    return [...byGroup.values()].map(summarise).sort((a, b) => b.askers - a.askers || b.latestAt - a.latestAt);
  }

  /** Marks a group's open requests covered or dismissed; returns how many changed. */
  resolveGroup(groupId: number, status: 'covered' | 'dismissed', at: Date): number {
    return this.#resolve.run(status, at.getTime(), groupId).changes;
  }

  /** Remembers where the group's queue item was posted, so the next similar request updates it. */
  setQueueItem(groupId: number, channelId: string, messageId: string): void {
    this.#setQueueItem.run(channelId, messageId, groupId);
  }

  /** Open and covered requests whose asker has not been sent (or promised) the desk's answer. */
  awaitingAnswer(): StoredRequest[] {
    return this.#awaiting.all().map(storedRequest);
  }

  /** The request with this id. */
  find(id: number): StoredRequest | undefined {
    const row = this.#byId.get(id);
    return row === undefined ? undefined : storedRequest(row);
  }

  /** The open group whose members `terms` resembles, if any. */
  #homeGroup(terms: string): RequestGroup | undefined {
    const set = termSet(terms);
    if (set.size === 0) return undefined;
    const match = this.#open.all().find((row) => askMuchTheSame(set, termSet(row.terms)));
    return match === undefined ? undefined : this.#groupOf(match.group_id);
  }

  #groupOf(groupId: number): RequestGroup | undefined {
    const rows = this.#openInGroup.all(groupId);
    return rows.length === 0 ? undefined : summarise(rows);
  }
}

function summarise(rows: readonly RequestRow[]): RequestGroup {
  const first = rows[0] as RequestRow;
  const withItem = rows.find((row) => row.queue_channel_id !== null && row.queue_message_id !== null);
  return {
    groupId: first.group_id,
    question: first.question,
    askers: new Set(rows.map((row) => row.user_id)).size,
    requests: rows.length,
    notes: rows
      .filter((row) => row.note !== null)
      .reverse()
      .slice(0, MAX_NOTES)
      .map((row) => row.note as string),
    origins: [...new Set(rows.map((row) => row.origin))],
    firstAt: first.created_at,
    latestAt: Math.max(...rows.map((row) => row.created_at)),
    queueItem:
      withItem === undefined ? null : { channelId: withItem.queue_channel_id as string, messageId: withItem.queue_message_id as string },
  };
}

/** The group of a request that is no longer open (marked covered or dismissed meanwhile). */
function lone(request: StoredRequest): RequestGroup {
  return {
    groupId: request.groupId,
    question: request.question,
    askers: 1,
    requests: 1,
    notes: request.note === null ? [] : [request.note],
    origins: [request.origin],
    firstAt: request.createdAt,
    latestAt: request.createdAt,
    queueItem: null,
  };
}

function storedRequest(row: RequestRow): StoredRequest {
  return {
    id: row.id,
    groupId: row.group_id,
    createdAt: row.created_at,
    origin: row.origin,
    question: row.question,
    note: row.note,
    userId: row.user_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    status: row.status,
  };
}
