/**
 * End to end across restarts: the buttons of answers sent before a restart still work, and a bot
 * killed while it sends corrections carries on when started again, sending nothing twice and
 * losing none — through `npm start`'s entry point in child processes killed with SIGKILL.
 */
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCustomId, questionFor } from '../../src/discord/customIds.ts';
import { COLOURS } from '../../src/discord/render.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { MODERATOR_USER, TEST_CHANNEL_ID, startFakeDiscord, type FakeDiscord, type Json, type RecordedRequest } from '../fakeDiscord/index.ts';
import { COVERED, DECLINED_UNTIL_EDIT, customIdOf, editBrief001, query, requestFactCheck } from './deskSupport.ts';
import { componentsOf, embedOf, isEphemeral, newUser, replyOf, SEEDS, startBotUnderTest } from './e2eSupport.ts';
import { runScript, type Run } from './processSupport.ts';

let discord: FakeDiscord;
const folders: string[] = [];
const children: ChildProcess[] = [];

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

beforeAll(async () => {
  discord = await startFakeDiscord({ messageRateLimit: { limit: 5, windowMs: 1_000 } });
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  await discord?.close();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe('buttons after a restart', () => {
  it('answer from the brief picker, the follow-ups, 👍 and "Request a fact-check" of answers sent before it', async () => {
    const dataDir = await folder('factcheck-data-');
    const knowledge = await openKnowledge({ seedsDir: SEEDS });
    const before = await startBotUnderTest(discord, { DATA_DIR: dataDir }, undefined, { knowledge });
    const ask = (question: string) => discord.sendInteraction({ type: 'command', name: 'ask', options: { question }, user: newUser() });
    const picked = replyOf(await ask('Palantir AWS'));
    const answered = replyOf(await ask(COVERED));
    const declined = replyOf(await ask('What will the weather be in Lisbon tomorrow?'));
    await before.close();

    const after = await startBotUnderTest(discord, { DATA_DIR: dataDir }, undefined, { knowledge });
    try {
      const picker = componentsOf(picked).find((component) => component.type === 3);
      const chosen = knowledge.sources().find((brief) => brief.doc === picker?.options?.[1]?.value);
      const choice = replyOf(await discord.sendInteraction({ type: 'select', customId: picker?.custom_id ?? '', values: [chosen?.doc ?? ''], user: newUser() }));
      // Someone other than the asker gets the chosen brief's answer to themselves.
      expect(isEphemeral(choice)).toBe(true);
      expect(embedOf(choice).author?.name).toBe('Palantir AWS');
      expect(chosen?.title.startsWith((embedOf(choice).title ?? '-').replace(/…$/, ''))).toBe(true);
      const followUp = componentsOf(answered).find((component) => component.custom_id.startsWith('ask:'));
      const followed = replyOf(await discord.sendInteraction({ type: 'button', customId: followUp?.custom_id ?? '', user: newUser() }));
      expect(embedOf(followed).color).toBe(COLOURS.answer);
      const action = parseCustomId(followUp?.custom_id ?? '');
      expect(embedOf(followed).author?.name).toBe(action?.kind === 'ask' ? questionFor(knowledge, action.key) : 'an ask button');
      const vote = await discord.sendInteraction({ type: 'button', customId: customIdOf(answered, 'vote:up:'), user: newUser() });
      expect(replyOf(vote)['content']).toBe('Thanks — noted.');
      const { submitted } = await requestFactCheck(discord, declined, newUser());
      expect(replyOf(submitted)['content']).toContain('your request is with the fact-check desk');
    } finally {
      await after.close();
    }
  });
});

describe('a bot killed while it sends corrections', () => {
  it('carries on when started again: every earlier answer edited once, the asker told once', async () => {
    const [dataDir, seedsDir, cacheDir, cwd] = await Promise.all(['data', 'seeds', 'cache', 'cwd'].map((name) => folder(`factcheck-${name}-`)));
    await cp(SEEDS, seedsDir as string, { recursive: true });
    const env = {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      SEEDS_DIR: seedsDir as string,
      DATA_DIR: dataDir as string,
      INDEX_CACHE_DIR: cacheDir as string,
    };
    const start = async (): Promise<Run> => {
      const identified = discord.identifies.length;
      const bot = runScript('src/bin/start.ts', cwd as string, env, { direct: true });
      children.push(bot.child);
      const deadline = Date.now() + 30_000;
      while (!bot.stderr.includes('"msg":"ready"')) {
        if (Date.now() > deadline || bot.child.exitCode !== null) throw new Error(`bot did not start:\n${bot.stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(discord.identifies.length).toBe(identified + 1);
      return bot;
    };
    const kill = async (bot: Run) => {
      bot.child.kill('SIGKILL');
      await bot.exited;
    };

    let bot = await start();
    // Three answers that quote brief 001, and a request the edit of 001 will answer.
    const messages: string[] = [];
    for (let i = 0; i < 3; i++) {
      const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: COVERED }, user: newUser() }, { timeoutMs: 10_000 });
      messages.push(discord.channelMessages(TEST_CHANNEL_ID).find((message) => (message['interaction_metadata'] as Json | undefined)?.['id'] === outcome.id)?.['id'] as string);
    }
    const asker = newUser();
    const decline = replyOf(await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: DECLINED_UNTIL_EDIT }, user: asker }, { timeoutMs: 10_000 }));
    await requestFactCheck(discord, decline, asker);

    // Killed after Discord applied the second edit, before its answer reached the bot.
    const isEdit = (id: string) => (request: RecordedRequest) => request.method === 'PATCH' && request.path === `/channels/${TEST_CHANNEL_ID}/messages/${id}` && request.status === 200;
    discord.stallNext(isEdit(messages[1] as string));
    await editBrief001(seedsDir as string);
    await discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 20_000 });
    await discord.waitForRequest(isEdit(messages[1] as string), 15_000);
    await kill(bot);

    // Started again, and killed once Discord has the reply but before the bot hears so.
    const isReply = (request: RecordedRequest) =>
      request.method === 'POST' && request.path === `/channels/${TEST_CHANNEL_ID}/messages` && request.status === 200 && String((request.body as Json)['content']).startsWith('The desk has published');
    discord.stallNext(isReply);
    bot = await start();
    await discord.waitForRequest(isReply, 15_000);
    await kill(bot);

    bot = await start();
    const deadline = Date.now() + 15_000;
    const open = () => query(dataDir as string, (db) => db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get() as { n: number }).n;
    while (open() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);

    const outbox = query(dataDir as string, (db) => db.prepare('SELECT kind, state, attempts FROM outbox ORDER BY id').all());
    expect(outbox).toEqual([
      { kind: 'edit', state: 'sent', attempts: 1 },
      { kind: 'edit', state: 'sent', attempts: 2 },
      { kind: 'edit', state: 'sent', attempts: 1 },
      { kind: 'reply', state: 'sent', attempts: 2 },
    ]);
    for (const id of messages) {
      expect(discord.message(id)?.['content']).toMatch(/^⚠ The brief this answer quotes was updated on /);
      // Each edit applied once: the restarted bot read the message and found the notice there.
      expect(discord.requests.filter(isEdit(id))).toHaveLength(1);
    }
    const replies = discord.channelMessages(TEST_CHANNEL_ID).filter((message) => String(message['content']).startsWith('The desk has published'));
    expect(replies).toHaveLength(1);
    // Sent twice with one nonce; Discord kept the first.
    const sends = discord.requests.filter(isReply);
    expect(sends).toHaveLength(2);
    expect(new Set(sends.map((request) => (request.body as Json)['nonce'])).size).toBe(1);
    expect(query(dataDir as string, (db) => db.prepare('SELECT status FROM requests').all())).toEqual([{ status: 'answered' }]);
  }, 120_000);
});
