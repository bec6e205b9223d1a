/**
 * Opening the desk's SQLite file: `DATA_DIR/bot.sqlite`, created on first start, in WAL mode so
 * readers (`/stats`, `npm run ask -- --stats` in another process) never block the bot's writes,
 * with the schema brought up to date. Anything that goes wrong (a read-only folder, a file that is
 * not a database, a schema from a newer bot, a native module that did not build) is returned as a
 * reason, never thrown, and the file is left exactly as it was: never deleted or rewritten.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, NewerSchemaError, SCHEMA_VERSION } from './migrations.ts';

/** The database file's name inside DATA_DIR. */
export const DATABASE_FILE = 'bot.sqlite';

/** A ready database, or why there is none. */
export type OpenedDatabase =
  | { readonly ok: true; readonly db: Database.Database; readonly file: string; readonly schema: number }
  | { readonly ok: false; readonly file: string; readonly reason: string };

/** How long opening waits for another process's lock (nothing is being answered yet at start). */
const OPEN_BUSY_WAIT_MS = 2_000;

/** Opens (creating if need be) the database in `dataDir`. */
export function openDatabase(dataDir: string): OpenedDatabase {
  const file = join(dataDir, DATABASE_FILE);
  let db: Database.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file, { timeout: OPEN_BUSY_WAIT_MS });
    // The first read of the file: one that is not a database fails here, before anything is written.
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > SCHEMA_VERSION) throw new NewerSchemaError(found, SCHEMA_VERSION);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch to WAL mode (the journal mode is "${String(mode)}")`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Pruned questions and user ids are overwritten, not just unlinked from the file's pages.
    db.pragma('secure_delete = ON');
    const schema = migrate(db);
    // Proves the file can be written even when the schema is current and nothing was migrated.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
    // From here on a lock held elsewhere fails at once; the write queue retries later.
    db.pragma('busy_timeout = 0');
    return { ok: true, db, file, schema };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a database that failed to open has nothing left to release.
    }
    return { ok: false, file, reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `the file is not a readable database (${error.message}); it was left as it is`;
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'EACCES':
    case 'EROFS':
    case 'EPERM':
      return `the folder or file cannot be written (${error.message})`;
    default:
      return code === '' ? error.message : `${code}: ${error.message}`;
  }
}
