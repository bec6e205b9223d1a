/**
 * The desk database's schema as numbered migrations. Migration N brings a database from version
 * N - 1 (SQLite's `user_version`) to N; each runs in its own transaction, so a start that stops half
 * way leaves the database at the last complete version. A migration, once released, never changes:
 * a new one is added after it.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** A database written by a newer version of the bot, whose schema this version does not know. */
export class NewerSchemaError extends Error {
  constructor(found: number, known: number) {
    super(`the database has schema version ${found}, newer than this bot knows (${known}); update the bot or point DATA_DIR elsewhere`);
    this.name = 'NewerSchemaError';
  }
}

/** Each migration, in order: its SQL, and what it sets up besides (the voters' key). */
const MIGRATIONS: readonly ((db: Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      -- One row per answer the bot sent: keyed by the Discord event it answered (interaction or
      -- message id), which the answer's buttons carry.
      CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        asked_at INTEGER NOT NULL,
        question TEXT NOT NULL,
        terms TEXT NOT NULL,
        via TEXT NOT NULL,
        guild_id TEXT,
        channel_id TEXT,
        message_id TEXT,
        answered INTEGER NOT NULL,
        decline_reason TEXT
      );
      CREATE INDEX answers_asked_at ON answers (asked_at);

      CREATE TABLE answer_sources (
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        doc TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        PRIMARY KEY (answer_id, position)
      );
      CREATE INDEX answer_sources_doc ON answer_sources (doc);

      -- voter: a keyed hash of the user and the answer, never the user id.
      CREATE TABLE votes (
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        voter TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        voted_at INTEGER NOT NULL,
        PRIMARY KEY (answer_id, voter)
      );

      -- user_id is kept to tell the asker when the desk answers; group_id is the first request of
      -- the group of open requests asking much the same.
      CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        answer_id INTEGER REFERENCES answers (id) ON DELETE SET NULL,
        answer_key TEXT NOT NULL,
        group_id INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('decline', 'downvote')),
        question TEXT NOT NULL,
        terms TEXT NOT NULL,
        note TEXT,
        user_id TEXT NOT NULL,
        guild_id TEXT,
        channel_id TEXT,
        message_id TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'covered', 'dismissed', 'answered')),
        resolved_at INTEGER,
        queue_channel_id TEXT,
        queue_message_id TEXT,
        UNIQUE (answer_key, user_id)
      );
      CREATE INDEX requests_status ON requests (status, group_id);
      CREATE INDEX requests_created_at ON requests (created_at);

      CREATE TABLE refreshes (
        id INTEGER PRIMARY KEY,
        refreshed_at INTEGER NOT NULL,
        added INTEGER NOT NULL,
        changed INTEGER NOT NULL,
        removed INTEGER NOT NULL
      );

      -- The corrections a refresh owes: an edit of an earlier answer, or a reply to an asker.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        refresh_id INTEGER NOT NULL REFERENCES refreshes (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'reply')),
        answer_id INTEGER REFERENCES answers (id) ON DELETE CASCADE,
        request_id INTEGER REFERENCES requests (id) ON DELETE CASCADE,
        brief_removed INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'gone', 'failed', 'superseded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        delivered_by TEXT,
        created_at INTEGER NOT NULL,
        done_at INTEGER,
        UNIQUE (refresh_id, kind, answer_id),
        UNIQUE (kind, request_id)
      );
      CREATE INDEX outbox_state ON outbox (state, not_before, id);
    `);
    db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run('voter_key', randomBytes(32).toString('base64'));
  },
];

/** The schema version this bot writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies the migrations `db` lacks and returns its version.
 *
 * @throws NewerSchemaError for a database of a later version, which is left untouched.
 */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerSchemaError(current, SCHEMA_VERSION);
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const apply = MIGRATIONS[version - 1] as (db: Database) => void;
    db.transaction(() => {
      apply(db);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return SCHEMA_VERSION;
}
