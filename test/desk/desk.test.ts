import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../src/desk/desk.ts';
import { SCHEMA_VERSION } from '../../src/desk/migrations.ts';
import { DATABASE_FILE } from '../../src/desk/store.ts';
import { GATHER_MS } from '../../src/desk/writeQueue.ts';
import { answerOf, capturingLogger, openTestDesk, place, readOnlyFolder, source, tempDir } from './support.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  return dir;
}

function open(dir: string, options: Parameters<typeof openTestDesk>[1] = {}) {
  const opened = openTestDesk(dir, options);
  cleanups.push(() => opened.desk.close());
  return opened;
}

/** Resolves once queued writes have been committed (or tried): their timer is due first. */
const committed = () => new Promise((resolve) => setTimeout(resolve, 2 * GATHER_MS));


describe('opening the desk', () => {
  it('creates DATA_DIR/bot.sqlite on first start, in WAL mode, at the current schema', () => {
    const dir = join(folder(), 'nested', 'data');
    const { desk } = open(dir);
    expect(desk.health()).toMatchObject({ state: 'on', reason: null, file: join(dir, DATABASE_FILE) });
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    cleanups.push(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('keeps the records across a restart', async () => {
    const dir = folder();
    const first = openTestDesk(dir);
    const where = place();
    first.records.answers.record(answerOf('Did Amazon end ICE contracts?', [source('a.txt')]), where);
    await first.desk.close();
    const { records } = open(dir);
    expect(records.answers.find(where.key)).toMatchObject({ question: 'Did Amazon end ICE contracts?', answered: true, messageId: where.messageId });
  });

  it('is off with DATA_DIR=off, and says so', () => {
    const { logger, lines } = capturingLogger();
    const desk = Desk.open({ dataDir: null, retentionDays: 90, logger });
    expect(desk.records).toBeNull();
    expect(desk.health()).toMatchObject({ state: 'off', reason: 'turned off (DATA_DIR=off)' });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'desk features are off' }));
  });

  it('is off on a folder it cannot write, logging why', () => {
    const { logger, lines } = capturingLogger();
    const desk = Desk.open({ dataDir: readOnlyFolder(folder()), retentionDays: 90, logger });
    expect(desk.records).toBeNull();
    expect(desk.health().reason).toMatch(/cannot be written/);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'desk features are off' }));
  });

  it('is off on a file that is not a database, and leaves the file exactly as it was', async () => {
    const dir = folder();
    const file = join(dir, DATABASE_FILE);
    const garbage = Buffer.from('this is not a database, but it is someone’s file\n'.repeat(200));
    writeFileSync(file, garbage);
    const { logger } = capturingLogger();
    const desk = Desk.open({ dataDir: dir, retentionDays: 90, logger });
    await desk.close();
    expect(desk.health()).toMatchObject({ state: 'off', reason: expect.stringContaining('not a readable database') });
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('is off on a database from a newer bot, and does not touch it', async () => {
    const dir = folder();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(join(dir, DATABASE_FILE));
    const { logger } = capturingLogger();
    const desk = Desk.open({ dataDir: dir, retentionDays: 90, logger });
    await desk.close();
    expect(desk.health().reason).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(readFileSync(join(dir, DATABASE_FILE)).equals(before)).toBe(true);
  });
});

describe('recording answers', () => {
  it('writes shortly after, not at once, with the question, place, decline reason and cited briefs with fingerprints', async () => {
    const dir = folder();
    const { records } = open(dir);
    const answered = place();
    const declined = place({ guildId: null, via: 'dm' });
    records.answers.record(answerOf('How much was the GitHub contract?', [source('a.txt', 'f1'), source('b.txt', 'f2')]), answered);
    records.answers.record(answerOf('Weather in Lisbon?', [], 'unknown-name'), declined);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    cleanups.push(() => db.close());
    expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    await committed();
    expect(db.prepare('SELECT key, question, via, guild_id, channel_id, message_id, answered, decline_reason FROM answers ORDER BY id').all()).toEqual([
      { key: answered.key, question: 'How much was the GitHub contract?', via: 'slash', guild_id: answered.guildId, channel_id: answered.channelId, message_id: answered.messageId, answered: 1, decline_reason: null },
      { key: declined.key, question: 'Weather in Lisbon?', via: 'dm', guild_id: null, channel_id: declined.channelId, message_id: declined.messageId, answered: 0, decline_reason: 'unknown-name' },
    ]);
    expect(db.prepare('SELECT doc, fingerprint FROM answer_sources ORDER BY position').all()).toEqual([
      { doc: 'a.txt', fingerprint: 'f1' },
      { doc: 'b.txt', fingerprint: 'f2' },
    ]);
  });

  it('keeps the first record when the same event is recorded twice', () => {
    const { records } = open(folder());
    const where = place();
    records.answers.record(answerOf('first', [source('a.txt')]), where);
    records.answers.record(answerOf('second', [source('a.txt')]), where);
    expect(records.answers.find(where.key)?.question).toBe('first');
  });

  it('holds writes while another connection locks the database, logs it, and writes them once the lock is gone', async () => {
    const dir = folder();
    const { desk, records, lines } = open(dir, { retryMs: 20 });
    const other = new Database(join(dir, DATABASE_FILE));
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    const where = place();
    records.answers.record(answerOf('Asked while locked', [source('a.txt')]), where);
    await committed();
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('desk write deferred'), error: expect.stringContaining('SQLITE_BUSY') }));
    expect(desk.health().writes?.pending).toBe(1);
    expect(desk.health().writes?.failedFlushes).toBeGreaterThanOrEqual(1);
    // A vote on it waits in the queue behind it.
    expect(records.answers.vote(where.key, 'user-1', 1, new Date())).toBe('recorded');
    other.exec('ROLLBACK');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(desk.health().writes?.pending).toBe(0);
    expect(records.answers.find(where.key)?.question).toBe('Asked while locked');
  });
});

describe('votes', () => {
  it('keeps one vote per person and answer: a second click changes it, a repeat changes nothing', () => {
    const { records } = open(folder());
    const where = place();
    records.answers.record(answerOf('q', [source('a.txt')]), where);
    const at = new Date();
    expect(records.answers.vote(where.key, 'user-1', 1, at)).toBe('recorded');
    expect(records.answers.vote(where.key, 'user-1', 1, at)).toBe('unchanged');
    expect(records.answers.vote(where.key, 'user-1', -1, at)).toBe('changed');
    expect(records.answers.vote(where.key, 'user-2', 1, at)).toBe('recorded');
    expect(records.answers.vote('no-such-answer', 'user-1', 1, at)).toBe('unknown-answer');
  });

  it('stores a pseudonym per person and answer, never the user id', async () => {
    const dir = folder();
    const { records } = open(dir);
    const first = place();
    const second = place();
    for (const where of [first, second]) records.answers.record(answerOf('q', [source('a.txt')]), where);
    records.answers.vote(first.key, '1196423538450366472', 1, new Date());
    records.answers.vote(second.key, '1196423538450366472', 1, new Date());
    await committed();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    cleanups.push(() => db.close());
    const voters = db.prepare('SELECT voter FROM votes').all() as { voter: string }[];
    expect(voters).toHaveLength(2);
    expect(voters[0]?.voter).not.toBe(voters[1]?.voter);
    expectFilesLack(dir, '1196423538450366472');
  });
});

function expectFilesLack(dir: string, text: string): void {
  const bytes = Buffer.concat(
    [DATABASE_FILE, `${DATABASE_FILE}-wal`].filter((name) => existsSync(join(dir, name))).map((name) => readFileSync(join(dir, name))),
  );
  expect(bytes.includes(Buffer.from(text))).toBe(false);
}
