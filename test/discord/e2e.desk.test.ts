/**
 * End to end, the desk's loop against the fake Discord with a real SQLite file: votes, requests
 * from declines and 👎, the moderators' queue, /queue and /stats, and after a /refresh the
 * corrections that reach earlier askers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESK_CHANNEL_ID,
  MODERATOR_ROLE_ID,
  MODERATOR_USER,
  PLAIN_USER,
  SPARE_CHANNEL_ID,
  TEST_CHANNEL_ID,
  startFakeDiscord,
  type FakeDiscord,
  type FakeUser,
  type InteractionOutcome,
  type Json,
  type RecordedRequest,
} from '../fakeDiscord/index.ts';
import { GATHER_MS } from '../../src/desk/writeQueue.ts';
import {
  BRIEF_001,
  COVERED,
  DECLINED_REWORDED,
  DECLINED_UNTIL_EDIT,
  customIdOf,
  editBrief001,
  query,
  requestFactCheck,
  textOf,
} from './deskSupport.ts';
import { componentsOf, embedOf, isEphemeral, newUser, replyOf, startBotUnderTest, type BotUnderTest } from './e2eSupport.ts';

let discord: FakeDiscord;
let app: BotUnderTest;

function ask(question: string, user: FakeUser = newUser(), extra: { channelId?: string; guildId?: string | null } = {}): Promise<InteractionOutcome> {
  return discord.sendInteraction({ type: 'command', name: 'ask', options: { question }, user, ...extra });
}

const queuePosts = (request: RecordedRequest) => request.method === 'POST' && request.path === `/channels/${DESK_CHANNEL_ID}/messages` && request.status === 200;

beforeAll(async () => {
  discord = await startFakeDiscord({ messageRateLimit: { limit: 5, windowMs: 1_000 } });
  app = await startBotUnderTest(discord, { MOD_CHANNEL_ID: DESK_CHANNEL_ID, MOD_ROLE_ID: MODERATOR_ROLE_ID }, undefined, { corrections: { paceMs: 20, retryMs: 200 } });
});

afterAll(async () => {
  await app?.close();
  await discord?.close();
});

describe('feedback', () => {
  it('puts 👍 / 👎 under an answer and "Request a fact-check" under a decline, besides the follow-ups', async () => {
    const answered = replyOf(await ask(COVERED));
    const ids = componentsOf(answered).map((component) => component.custom_id);
    expect(ids.filter((id) => id.startsWith('vote:'))).toEqual([expect.stringMatching(/^vote:up:\d+$/), expect.stringMatching(/^vote:down:\d+$/)]);
    expect(ids.some((id) => id.startsWith('ask:'))).toBe(true);
    const declined = replyOf(await ask('What will the weather be in Lisbon tomorrow?'));
    expect(componentsOf(declined).filter((component) => component.custom_id.startsWith('req:'))).toHaveLength(1);
  });

  it('records the answer: question, guild, channel, message, cited briefs with fingerprints, no user id', async () => {
    const user = newUser();
    const outcome = await ask(COVERED, user);
    const key = customIdOf(replyOf(outcome), 'vote:up:').split(':')[2] as string;
    await new Promise((resolve) => setTimeout(resolve, 2 * GATHER_MS));
    const row = query(app.dataDir, (db) => db.prepare('SELECT * FROM answers WHERE key = ?').get(key)) as Record<string, unknown>;
    const message = discord.channelMessages(TEST_CHANNEL_ID).at(-1);
    expect(row).toMatchObject({ key: outcome.id, question: COVERED, guild_id: expect.any(String), channel_id: TEST_CHANNEL_ID, message_id: message?.['id'], answered: 1, decline_reason: null, via: 'slash' });
    const sources = query(app.dataDir, (db) => db.prepare('SELECT doc, fingerprint FROM answer_sources WHERE answer_id = ?').all(row['id']));
    expect(sources).toContainEqual({ doc: BRIEF_001, fingerprint: expect.stringMatching(/^[0-9a-f]{14}$/) });
    expect(JSON.stringify(row)).not.toContain(user.id);
  });

  it('takes one vote per person and answer: a second click changes it, with a private "Thanks — noted"', async () => {
    const answer = replyOf(await ask(COVERED));
    const voter = newUser();
    const up = await discord.sendInteraction({ type: 'button', customId: customIdOf(answer, 'vote:up:'), user: voter });
    expect(isEphemeral(replyOf(up))).toBe(true);
    expect(replyOf(up)['content']).toBe('Thanks — noted.');
    const down = await discord.sendInteraction({ type: 'button', customId: customIdOf(answer, 'vote:down:'), user: voter });
    expect(replyOf(down)['content']).toContain('Your vote is now 👎');
    // 👎 offers a fact-check request.
    expect(customIdOf(replyOf(down), 'req:')).toMatch(/^req:\d+$/);
    const key = customIdOf(answer, 'vote:up:').split(':')[2];
    await new Promise((resolve) => setTimeout(resolve, 2 * GATHER_MS));
    const votes = query(app.dataDir, (db) => db.prepare('SELECT v.vote FROM votes v JOIN answers a ON a.id = v.answer_id WHERE a.key = ?').all(key));
    expect(votes).toEqual([{ vote: -1 }]);
  });

  it('records all of 50 votes made within one second', async () => {
    const answer = replyOf(await ask(COVERED));
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 19));
        return discord.sendInteraction({ type: 'button', customId: customIdOf(answer, i % 3 === 0 ? 'vote:down:' : 'vote:up:'), user: newUser() });
      }),
    );
    expect(outcomes.filter((outcome) => outcome.timedOut)).toEqual([]);
    expect(outcomes.every((outcome) => String(replyOf(outcome)['content']).startsWith('Thanks — noted.'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2 * GATHER_MS));
    const key = customIdOf(answer, 'vote:up:').split(':')[2];
    const counts = query(app.dataDir, (db) =>
      db.prepare('SELECT SUM(v.vote = 1) AS up, SUM(v.vote = -1) AS down FROM votes v JOIN answers a ON a.id = v.answer_id WHERE a.key = ?').get(key),
    );
    expect(counts).toEqual({ up: 33, down: 17 });
  });
});

describe('requests and the moderators’ queue', () => {
  let groupButton = '';

  it('takes a request from a decline through the form and posts it to MOD_CHANNEL_ID, escaped, with moderator buttons', async () => {
    const asker = newUser();
    const decline = replyOf(await ask(`${DECLINED_UNTIL_EDIT} **now** https://example.com/x`, asker));
    const posted = discord.waitForRequest(queuePosts, 3_000);
    const { form, submitted } = await requestFactCheck(discord, decline, asker, 'See [this](https://evil.example) and @everyone');
    expect(form.callback?.data).toMatchObject({ title: 'Request a fact-check' });
    expect(isEphemeral(replyOf(submitted))).toBe(true);
    expect(replyOf(submitted)['content']).toContain('your request is with the fact-check desk');
    const item = (await posted).body as Json;
    const embed = embedOf(item);
    expect(embed.title).toBe('Fact-check request');
    expect(embed.description).toContain('\\*\\*now\\*\\*');
    expect(embed.description).not.toContain('https://');
    expect(JSON.stringify(embed.fields)).not.toContain('](https://');
    expect(item['allowed_mentions']).toEqual({ parse: [] });
    groupButton = customIdOf(item, 'queue:covered:');
    expect(componentsOf(item).map((component) => component.label)).toEqual(['Mark covered', 'Dismiss']);
    const row = query(app.dataDir, (db) => db.prepare('SELECT user_id, note, status, origin FROM requests ORDER BY id DESC LIMIT 1').get());
    expect(row).toEqual({ user_id: asker.id, note: 'See [this](https://evil.example) and @everyone', status: 'open', origin: 'decline' });
  });

  it('counts much the same request by someone else on the same queue item, which it updates', async () => {
    const asker = newUser();
    const decline = replyOf(await ask(DECLINED_REWORDED, asker));
    const posts = discord.requests.filter(queuePosts).length;
    const edited = discord.waitForRequest((request) => request.method === 'PATCH' && request.path.startsWith(`/channels/${DESK_CHANNEL_ID}/messages/`), 3_000);
    await requestFactCheck(discord, decline, asker);
    expect(embedOf((await edited).body as Json).title).toBe('Fact-check request · 2 people asked much the same');
    expect(discord.requests.filter(queuePosts)).toHaveLength(posts);
  });

  it('takes a request after 👎 with what was missing', async () => {
    const asker = newUser();
    const answer = replyOf(await ask('How much was the GitHub contract with ICE?', asker));
    const down = await discord.sendInteraction({ type: 'button', customId: customIdOf(answer, 'vote:down:'), user: asker });
    const posted = discord.waitForRequest((request) => queuePosts(request) && JSON.stringify(request.body).includes('renewal'), 3_000);
    const { form } = await requestFactCheck(discord, replyOf(down), asker, 'Nothing about the 2025 renewal');
    const label = ((form.callback?.data?.['components'] ?? []) as Json[])[0]?.['label'];
    expect(label).toBe('What was missing?');
    const fields = embedOf((await posted).body as Json).fields ?? [];
    expect(fields).toContainEqual({ name: 'What was missing?', value: '• Nothing about the 2025 renewal' });
    expect(fields).toContainEqual({ name: 'How it came', value: 'an answer was marked 👎' });
  });

  it('lists open requests grouped, most asked first, to moderators only with /queue', async () => {
    const refused = replyOf(await discord.sendInteraction({ type: 'command', name: 'queue', user: PLAIN_USER }));
    expect(isEphemeral(refused)).toBe(true);
    expect(refused['content']).toContain('Manage Server');
    const listed = replyOf(await discord.sendInteraction({ type: 'command', name: 'queue', user: MODERATOR_USER }));
    expect(isEphemeral(listed)).toBe(true);
    const lines = (embedOf(listed).description ?? '').split('\n');
    expect(lines[0]).toMatch(/^1\. \*\*2 people\*\* · Did Palantir sell its drone fleet/);
    expect(lines[1]).toMatch(/^2\. \*\*1 person\*\* · How much was the GitHub contract/);
  });

  it('lets only moderators (Manage Server or MOD_ROLE_ID) mark a group covered, which updates the item', async () => {
    const refused = await discord.sendInteraction({ type: 'button', customId: groupButton, user: PLAIN_USER });
    expect(replyOf(refused)['content']).toContain('Only members with the Manage Server permission');
    // The moderator role alone, without Manage Server, is enough with MOD_ROLE_ID.
    const covered = await discord.sendInteraction({ type: 'button', customId: groupButton, user: MODERATOR_USER, permissions: 0n });
    expect(covered.callback?.type).toBe(7);
    expect(embedOf(covered.callback?.data ?? {}).title).toBe('Fact-check request — covered');
    expect(covered.callback?.data?.['components']).toEqual([]);
    const statuses = query(app.dataDir, (db) => db.prepare("SELECT status, COUNT(*) AS n FROM requests WHERE question LIKE '%Coast Guard%' OR question LIKE '%coast guard%' GROUP BY status").all());
    expect(statuses).toEqual([{ status: 'covered', n: 2 }]);
    const again = await discord.sendInteraction({ type: 'button', customId: groupButton, user: MODERATOR_USER });
    expect(replyOf(again)['content']).toBe('These requests were already handled.');
  });
});

describe('/stats', () => {
  it('shows moderators the figures and the desk’s health, privately', async () => {
    const body = replyOf(await discord.sendInteraction({ type: 'command', name: 'stats', user: MODERATOR_USER }));
    expect(isEphemeral(body)).toBe(true);
    const fields = embedOf(body).fields ?? [];
    const byName = new Map(fields.map((field) => [field.name, field.value]));
    expect(byName.get('Questions')).toMatch(/^Last 24 hours: \d+ questions, \d+ declined \(\d+%\)/);
    expect(byName.get('Most asked among the declined (what to check next)')).toMatch(/^1\. 2× “.*palantir sell/i);
    expect(byName.get('👍 / 👎 per brief')).toMatch(/Did Microsoft or Amazon end contracts with ICE and when\? — \d+ 👍 · \d+ 👎/);
    expect(byName.get('Fact-check requests')).toMatch(/1 open \(1 group\) · 2 covered/);
    expect(byName.get('Desk features')).toMatch(/^On: .*bot\.sqlite, records kept 90 days\./);
    const refused = replyOf(await discord.sendInteraction({ type: 'command', name: 'stats', user: PLAIN_USER }));
    expect(refused['content']).toContain('Manage Server');
  });
});

describe('corrections after /refresh', () => {
  it('edits earlier answers that quoted the changed brief, and replies to the askers the new brief answers, by DM when the channel is gone', async () => {
    // An earlier answer quoting brief 001, and a request from a channel that will be deleted.
    const earlier = await ask(COVERED);
    const earlierMessage = discord.channelMessages(TEST_CHANNEL_ID).at(-1)?.['id'] as string;
    const elsewhere = newUser();
    const sideDecline = replyOf(await ask(DECLINED_UNTIL_EDIT, elsewhere, { channelId: SPARE_CHANNEL_ID }));
    await requestFactCheck(discord, sideDecline, elsewhere);
    discord.deleteChannel(SPARE_CHANNEL_ID);

    await editBrief001(app.seedsDir);
    const refresh = await discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 15_000 });
    const report = replyOf(refresh);
    expect(embedOf(report).description).toContain('**Changed (1)**');
    expect(embedOf(report).description).toContain(`-# ${BRIEF_001}`);
    expect(((report['embeds'] ?? []) as Json[])[1]?.['description']).toMatch(/answers? quotes? a changed or removed brief/);

    // The earlier answer, edited in place with the notice and "Ask again".
    await discord.waitForRequest((request) => request.method === 'PATCH' && request.path === `/channels/${TEST_CHANNEL_ID}/messages/${earlierMessage}` && request.status === 200, 10_000);
    const edited = discord.message(earlierMessage) as Json;
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(edited['content']).toBe(`⚠ The brief this answer quotes was updated on ${today}. Ask again for the current answer.`);
    expect(embedOf(edited).author?.name).toBe(COVERED);
    const askAgain = customIdOf(edited, 'again:');
    expect(askAgain).toBe(`again:${earlier.id}`);

    // The covered request asked in the test channel gets a reply there; the one from the deleted channel, a DM.
    const inChannel = await discord.waitForRequest(
      (request) => request.method === 'POST' && request.path === `/channels/${TEST_CHANNEL_ID}/messages` && String((request.body as Json)['content']).startsWith('The desk has published an answer'),
      10_000,
    );
    expect((inChannel.body as Json)['message_reference']).toMatchObject({ fail_if_not_exists: false });
    expect(embedOf(inChannel.body as Json).description).toContain('Coast Guard');
    const dm = await discord.waitForRequest(
      (request) => request.method === 'POST' && request.path === `/channels/${discord.dmChannelOf(elsewhere)}/messages` && request.status === 200,
      10_000,
    );
    expect((dm.body as Json)['content']).toContain('The desk has published an answer to your question: “Did Palantir sell its drone fleet to the Coast Guard?”');
    expect((dm.body as Json)['allowed_mentions']).toEqual({ parse: [] });

    // "Ask again" answers from the new briefs.
    const reasked = await discord.sendInteraction({ type: 'button', customId: askAgain, user: newUser() });
    expect(embedOf(replyOf(reasked)).author?.name).toBe(COVERED);
    expect(textOf(reasked)).not.toContain('⚠');

    // Several edits in one channel, within its limit of 5 a second: paced, never refused.
    const edits = discord.requests.filter((request) => request.method === 'PATCH' && request.path.startsWith(`/channels/${TEST_CHANNEL_ID}/messages/`));
    expect(edits.length).toBeGreaterThan(5);
    expect(discord.requests.filter((request) => request.status === 429)).toEqual([]);

    const stats = replyOf(await discord.sendInteraction({ type: 'command', name: 'stats', user: MODERATOR_USER }));
    const corrections = embedOf(stats).fields?.find((field) => field.name === 'Corrections sent')?.value ?? '';
    expect(corrections).toMatch(/Earlier answers edited: [1-9]\d* sent/);
    expect(corrections).toMatch(/Askers told of the desk's answer: [2-9] sent/);
  }, 60_000);
});
