/**
 * The answers the bot sent and the votes on them. An answer is written after its reply went out
 * (through the write queue); a vote is keyed by a hash of the voter and the answer, so one vote per
 * person and answer holds without the database holding who voted.
 */
import { createHmac } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Answer } from '../core/types.ts';
import { termsOf } from './terms.ts';
import type { WriteQueue } from './writeQueue.ts';

/** Where an answer was sent and how the question arrived. */
export interface AnswerPlace {
  /** The id of the Discord event answered (interaction or message): the answer's key in custom ids. */
  readonly key: string;
  readonly at: Date;
  readonly via: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  /** The bot's reply, which a correction edits; null when its id is unknown. */
  readonly messageId: string | null;
}

/** A recorded answer as read back. */
export interface StoredAnswer {
  readonly id: number;
  readonly key: string;
  readonly askedAt: number;
  readonly question: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly messageId: string | null;
  readonly answered: boolean;
  readonly declineReason: string | null;
}

/** A vote's value: 👍 or 👎. */
export type VoteValue = 1 | -1;

/** What a click on 👍 / 👎 did. */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged' | 'unknown-answer';

interface AnswerRow {
  id: number;
  key: string;
  asked_at: number;
  question: string;
  guild_id: string | null;
  channel_id: string | null;
  message_id: string | null;
  answered: number;
  decline_reason: string | null;
}

export class AnswerLog {
  readonly #insertAnswer: Statement;
  readonly #insertSource: Statement;
  readonly #byKey: Statement<[string], AnswerRow>;
  readonly #voteOf: Statement<[number, string], { vote: number }>;
  readonly #upsertVote: Statement;
  readonly #voterKey: string;
  /** Keys of answers queued but not yet committed. */
  readonly #pending = new Set<string>();
  /** Answers being sent, with what resolves once their record is queued (or they were not sent). */
  readonly #sending = new Map<string, () => void>();
  readonly #sent = new Map<string, Promise<void>>();

  constructor(
    db: Database,
    private readonly queue: WriteQueue,
  ) {
    this.#insertAnswer = db.prepare(
      `INSERT OR IGNORE INTO answers (key, asked_at, question, terms, via, guild_id, channel_id, message_id, answered, decline_reason)
       VALUES (@key, @askedAt, @question, @terms, @via, @guildId, @channelId, @messageId, @answered, @declineReason)`,
    );
    this.#insertSource = db.prepare('INSERT INTO answer_sources (answer_id, position, doc, fingerprint) VALUES (?, ?, ?, ?)');
    this.#byKey = db.prepare<[string], AnswerRow>('SELECT * FROM answers WHERE key = ?');
    this.#voteOf = db.prepare<[number, string], { vote: number }>('SELECT vote FROM votes WHERE answer_id = ? AND voter = ?');
    this.#upsertVote = db.prepare(
      `INSERT INTO votes (answer_id, voter, vote, voted_at) SELECT id, @voter, @vote, @at FROM answers WHERE key = @key
       ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
    );
    const key = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE name = 'voter_key'").get();
    if (key === undefined) throw new Error('the database has no voter key (meta.voter_key)');
    this.#voterKey = key.value;
  }

  /**
   * Notes that the answer `key` is being sent: a click on its buttons that arrives before the
   * bot has heard back from Discord waits for `record` (see `whenSent`).
   */
  sending(key: string): void {
    if (this.#sending.has(key)) return;
    this.#sent.set(key, new Promise((resolve) => this.#sending.set(key, resolve)));
  }

  /** The answer `key` was not sent after all: nothing will be recorded for it. */
  notSent(key: string): void {
    this.#settleSending(key);
  }

  /** Resolves once the answer `key` is recorded or known not to be, waiting at most `timeoutMs`. */
  async whenSent(key: string, timeoutMs = 2_000): Promise<void> {
    const sent = this.#sent.get(key);
    if (sent === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** Queues the record of an answer that was sent; its terms are analysed when it is written. */
  record(answer: Answer, place: AnswerPlace): void {
    this.#pending.add(place.key);
    this.#settleSending(place.key);
    this.queue.push(() => {
      const result = this.#insertAnswer.run({
        key: place.key,
        askedAt: place.at.getTime(),
        question: answer.question,
        terms: termsOf(answer.question),
        via: place.via,
        guildId: place.guildId,
        channelId: place.channelId,
        messageId: place.messageId,
        answered: answer.answered ? 1 : 0,
        declineReason: answer.declineReason,
      });
      // A key already recorded (the same event delivered twice) keeps its first record.
      if (result.changes === 0) return;
      answer.sources.forEach((source, position) => {
        this.#insertSource.run(result.lastInsertRowid, position, source.doc, source.fingerprint);
      });
    }, () => this.#pending.delete(place.key));
  }

  /** The recorded answer with this key, once written; undefined if there is none (or not yet). */
  find(key: string): StoredAnswer | undefined {
    this.queue.flush();
    const row = this.#byKey.get(key);
    return row === undefined ? undefined : storedAnswer(row);
  }

  /** Records `userId`'s vote on the answer `key`; a second vote by the same person replaces the first. */
  vote(key: string, userId: string, value: VoteValue, at: Date): VoteOutcome {
    const answer = this.find(key);
    if (answer === undefined && !this.#pending.has(key)) return 'unknown-answer';
    const voter = this.#voterOf(key, userId);
    const previous = answer === undefined ? undefined : this.#voteOf.get(answer.id, voter)?.vote;
    this.queue.push(() => {
      this.#upsertVote.run({ voter, vote: value, at: at.getTime(), key });
    });
    if (previous === undefined) return 'recorded';
    return previous === value ? 'unchanged' : 'changed';
  }

  #settleSending(key: string): void {
    this.#sending.get(key)?.();
    this.#sending.delete(key);
    this.#sent.delete(key);
  }

  /** The pseudonym a user votes under on one answer: unlinkable across answers without the database's key. */
  #voterOf(key: string, userId: string): string {
    return createHmac('sha256', this.#voterKey).update(`${key}:${userId}`).digest('base64url').slice(0, 22);
  }
}

function storedAnswer(row: AnswerRow): StoredAnswer {
  return {
    id: row.id,
    key: row.key,
    askedAt: row.asked_at,
    question: row.question,
    guildId: row.guild_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    answered: row.answered === 1,
    declineReason: row.decline_reason,
  };
}
