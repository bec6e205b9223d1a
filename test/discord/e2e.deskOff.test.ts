/**
 * End to end when the desk's database cannot be used: a read-only DATA_DIR, a file that is not a
 * database, DATA_DIR=off, and a database another process keeps locked. Every question is still
 * answered, the log and /stats say the desk features are off, and the file is never touched.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { DATABASE_FILE } from '../../src/desk/store.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { BOT_USER, MODERATOR_USER, OWNER_USER, TEST_CHANNEL_ID, startFakeDiscord, type FakeDiscord, type Json } from '../fakeDiscord/index.ts';
import { readOnlyFolder } from '../desk/support.ts';
import { GATHER_MS } from '../../src/desk/writeQueue.ts';
import { COVERED, editBrief001, query } from './deskSupport.ts';
import { componentsOf, embedOf, newUser, replyOf, SEEDS, startBotUnderTest, type BotUnderTest } from './e2eSupport.ts';

let discord: FakeDiscord;
let knowledge: Knowledge;
let app: BotUnderTest | undefined;
const folders: string[] = [];

/** A bot whose desk has `dataDir`, answering from the briefs indexed once for the file. */
const start = async (dataDir: string) => {
  app = await startBotUnderTest(discord, { DATA_DIR: dataDir }, undefined, { knowledge });
  return app;
};

beforeAll(async () => {
  discord = await startFakeDiscord();
  knowledge = await openKnowledge({ seedsDir: SEEDS });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
});

afterAll(async () => {
  await discord?.close();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'factcheck-desk-off-'));
  folders.push(dir);
  return dir;
}

/** Asks by slash command, @mention and DM, and checks each is answered without the desk's buttons. */
async function expectEveryQuestionAnswered(): Promise<void> {
  const slash = replyOf(await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: COVERED }, user: newUser() }));
  expect(embedOf(slash).author?.name).toBe(COVERED);
  const declined = replyOf(await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: 'What will the weather be in Lisbon tomorrow?' }, user: newUser() }));
  expect(embedOf(declined).title).toBe('Not covered by the briefs');
  for (const body of [slash, declined]) {
    expect(componentsOf(body).filter((component) => /^(vote|req):/.test(component.custom_id))).toEqual([]);
  }
  const mention = discord.sendMessage({ content: `<@${BOT_USER.id}> ${COVERED}`, mentions: [BOT_USER], author: newUser() });
  expect(embedOf((await discord.waitForReply(mention.id)).body as Json).author?.name).toBe(COVERED);
  const dm = discord.sendMessage({ content: COVERED, author: OWNER_USER, guildId: null });
  expect(embedOf((await discord.waitForReply(dm.id)).body as Json).author?.name).toBe(COVERED);
}

async function statsText(): Promise<string> {
  const body = replyOf(await discord.sendInteraction({ type: 'command', name: 'stats', user: MODERATOR_USER }));
  return (embedOf(body).fields ?? []).map((field) => `${field.name}: ${field.value}`).join('\n');
}

const offLine = (logs: Record<string, unknown>[]) => logs.find((line) => line['msg'] === 'desk features are off');

describe('desk features off', () => {
  it('on a read-only DATA_DIR: every question is answered, and the log and /stats say why the desk is off', async () => {
    const app = await start(readOnlyFolder(await folder()));
    expect(offLine(app.logs)).toMatchObject({ level: 'error', reason: expect.stringContaining('cannot be written') });
    await expectEveryQuestionAnswered();
    expect(await statsText()).toMatch(/^Desk features: Off: the folder or file cannot be written .*\.\nQuestions are still answered/);
  });

  it('on a file that is not a database: every question is answered, and the file is left byte for byte', async () => {
    const dir = await folder();
    const file = join(dir, DATABASE_FILE);
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4096, 0x5a)]);
    await writeFile(file, damaged);
    await start(dir);
    expect(offLine(app?.logs ?? [])).toMatchObject({ reason: expect.stringContaining('not a readable database') });
    await expectEveryQuestionAnswered();
    expect(await statsText()).toContain('not a readable database');
    await app?.close();
    app = undefined;
    expect((await readFile(file)).equals(damaged)).toBe(true);
  });

  it('with DATA_DIR=off: answers as before and /stats says the desk was turned off', async () => {
    await start('off');
    await expectEveryQuestionAnswered();
    expect(await statsText()).toContain('Off: turned off (DATA_DIR=off).');
    const queue = replyOf(await discord.sendInteraction({ type: 'command', name: 'queue', user: MODERATOR_USER }));
    expect(queue['content']).toContain('The fact-check desk’s features are off');
  });
});

describe('a database locked by another process', () => {
  it('answers at once while it is locked, logs that the writes wait, and records them once it is free', async () => {
    const dir = await folder();
    const app = await start(dir);
    const other = new Database(join(dir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, i) => discord.sendInteraction({ type: 'command', name: 'ask', options: { question: `${COVERED} (${i})` }, user: newUser() })),
      );
      expect(outcomes.map((outcome) => embedOf(replyOf(outcome)).author?.name)).toEqual(Array.from({ length: 5 }, (_, i) => `${COVERED} (${i})`));
      // The votes go into the same queue: a click on a waiting answer is noted too.
      const vote = await discord.sendInteraction({ type: 'button', customId: componentsOf(replyOf(outcomes[0]!)).find((c) => c.custom_id.startsWith('vote:up:'))?.custom_id ?? '', user: newUser() });
      expect(replyOf(vote)['content']).toBe('Thanks — noted.');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(app.logs.some((line) => line['level'] === 'warn' && String(line['msg']).startsWith('desk write deferred') && String(line['error']).includes('SQLITE_BUSY'))).toBe(true);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    const deadline = Date.now() + 5_000;
    const count = () => query(dir, (db) => (db.prepare("SELECT COUNT(*) AS n FROM answers WHERE question LIKE 'Did Microsoft or Amazon end contracts with ICE? (%'").get() as { n: number }).n);
    while (count() < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count()).toBe(5);
    expect(query(dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM votes').get())).toEqual({ n: 1 });
  });

  it('plans the corrections of a /refresh made while the database is locked, once the lock is gone', async () => {
    const dir = await folder();
    // Its own copy of the briefs, to edit.
    const bot = await startBotUnderTest(discord, { DATA_DIR: dir }, undefined, { corrections: { paceMs: 10 } });
    app = bot;
    await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: COVERED }, user: newUser() });
    const message = discord.channelMessages(TEST_CHANNEL_ID).at(-1)?.['id'] as string;
    await new Promise((resolve) => setTimeout(resolve, 2 * GATHER_MS));
    const other = new Database(join(dir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      await editBrief001(bot.seedsDir);
      const refresh = discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 30_000 });
      const deadline = Date.now() + 25_000;
      while (!bot.logs.some((line) => line['msg'] === 'corrections wait for the database, locked elsewhere') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      other.exec('ROLLBACK');
      const report = replyOf(await refresh);
      expect(((report['embeds'] ?? []) as Json[])[1]?.['description']).toMatch(/^1 earlier answer quotes a changed or removed brief/);
    } finally {
      other.close();
    }
    await discord.waitForRequest((request) => request.method === 'PATCH' && request.path.endsWith(`/messages/${message}`) && request.status === 200, 10_000);
    expect(discord.message(message)?.['content']).toMatch(/^⚠ The brief this answer quotes was updated on /);
  }, 60_000);
});
