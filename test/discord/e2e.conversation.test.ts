/**
 * End to end, conversations: a reply to one of the bot's answers follows on from it ("and
 * microsoft?", "when was that?", "what did he say about ice?", "tell me more"), before and after a
 * restart; buttons keep working after a restart and say so kindly once the briefs changed; in threads
 * mode an answer opens a thread where every message follows on without a mention.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { displayText } from '../../src/core/answerer.ts';
import { NOTHING_MORE } from '../../src/core/replyText.ts';
import { COLOURS } from '../../src/discord/render.ts';
import {
  BOT_USER,
  Intent,
  MODERATOR_USER,
  SECOND_CHANNEL_ID,
  SECOND_GUILD_ID,
  startFakeDiscord,
  type FakeDiscord,
  type FakeUser,
  type Json,
  type RecordedRequest,
} from '../fakeDiscord/index.ts';
import { askedOf, componentsOf, embedOf, isEphemeral, newUser, replyOf, startBotUnderTest, type BotUnderTest } from './e2eSupport.ts';

let discord: FakeDiscord;
let app: BotUnderTest;

beforeAll(async () => {
  // Many replies in one channel: a per-channel limit looser than Discord's keeps the test quick.
  discord = await startFakeDiscord({ messageRateLimit: { limit: 50, windowMs: 1_000 } });
});

afterAll(async () => {
  await app?.close();
  await discord?.close();
});

/** Asks with /ask and returns the id of the answer's message and its body. */
async function slashAsk(question: string, user: FakeUser): Promise<{ id: string; body: Json }> {
  const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question }, user });
  if (outcome.messageId === null) throw new Error('the answer created no message');
  return { id: outcome.messageId, body: replyOf(outcome) };
}

/** Replies to the bot's message `to` (pinging it, as Discord does by default) and returns the bot's reply. */
async function replyTo(to: string, content: string, user: FakeUser, ping = true): Promise<{ id: string; body: Json }> {
  const sent = discord.sendMessage({ content, author: user, replyTo: to, ping });
  const reply = await discord.waitForReply(sent.id);
  return { id: (reply.response as Json)['id'] as string, body: reply.body as Json };
}

/** The lead unit of the live answer to `question`, as shown. */
const lead = (question: string): string => displayText(app.knowledge.answer(question).units[0]!);

describe('replies to an answer', () => {
  beforeAll(async () => {
    app = await startBotUnderTest(discord);
  });
  afterAll(async () => {
    await app.close();
  });

  it('read "and microsoft?" with the question it replies to', async () => {
    const user = newUser();
    const first = await slashAsk('did amazon end its contracts with ice?', user);
    const reply = await replyTo(first.id, 'and microsoft?', user);
    expect(askedOf(reply.body)).toBe('did microsoft end its contracts with ice?');
    expect(embedOf(reply.body).description).toContain(lead('did microsoft end its contracts with ice?'));
    expect(reply.body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('read "when was that?", "what did he say about ice?" and "tell me more" along a conversation', async () => {
    const user = newUser();
    const first = await slashAsk('what did nadella say', user);
    const when = await replyTo(first.id, 'when was that?', user);
    expect(askedOf(when.body)).toBe('when did nadella say');
    expect(embedOf(when.body).description).toContain('**2018**');

    const he = await replyTo(when.id, 'what did he say about ice?', user);
    expect(askedOf(he.body)).toBe('what did Satya Nadella say about ice?');
    expect(embedOf(he.body).description).toContain(lead('what did Satya Nadella say about ice?'));

    const more = await replyTo(he.id, 'tell me more', user);
    expect(askedOf(more.body)).toBe('More on: what did Satya Nadella say about ice?');
    const previous = app.knowledge.answer('what did Satya Nadella say about ice?');
    expect(previous.more.length).toBeGreaterThan(0);
    const description = embedOf(more.body).description ?? '';
    expect(description).toContain(displayText(previous.more[0]!).slice(0, 60));
    for (const unit of previous.units) expect(description).not.toContain(displayText(unit).slice(0, 60));
    expect(description).toMatch(/\n-# ¹ /);

    const again = await replyTo(more.id, 'tell me more', user);
    expect(again.body['content']).toBe(NOTHING_MORE);
  });

  it('answer a reply that stands on its own on its own', async () => {
    const user = newUser();
    const first = await slashAsk('what did nadella say', user);
    const question = 'has ICE confirmed using Amazon Rekognition?';
    const reply = await replyTo(first.id, question, user);
    expect(askedOf(reply.body)).toBe(question);
  });

  it('follow on from an answer to a mention too, and take no reply to someone else’s message for a question', async () => {
    const user = newUser();
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}> did amazon end its contracts with ice?`, mentions: [BOT_USER], author: user });
    const answer = (await discord.waitForReply(sent.id)).response as Json;
    const reply = await replyTo(answer['id'] as string, 'what about microsoft', user);
    expect(askedOf(reply.body)).toBe('did microsoft end its contracts with ice?');

    const chatter = discord.sendMessage({ content: 'nice weather', author: newUser() });
    const toChatter = discord.sendMessage({ content: 'and microsoft?', author: user, replyTo: chatter.id });
    const later = discord.sendMessage({ content: `<@${BOT_USER.id}> ICE:`, mentions: [BOT_USER], author: user });
    await discord.waitForReply(later.id);
    expect(discord.requests.some((r) => ((r.body as Json | null)?.['message_reference'] as Json | undefined)?.['message_id'] === toChatter.id)).toBe(false);
  });
});

describe('after a restart', () => {
  it('a reply still follows on from an answer given before it, and its buttons still answer', async () => {
    app = await startBotUnderTest(discord);
    const user = newUser();
    const first = await slashAsk('did amazon end its contracts with ice?', user);
    const [button] = componentsOf(first.body).filter((c) => c.type === 2);
    await app.close();

    app = await startBotUnderTest(discord);
    const reply = await replyTo(first.id, 'and microsoft?', user);
    expect(askedOf(reply.body)).toBe('did microsoft end its contracts with ice?');
    const clicked = replyOf(await discord.sendInteraction({ type: 'button', customId: button?.custom_id ?? '', user }));
    expect(embedOf(clicked).color).toBe(COLOURS.answer);
    expect(askedOf(clicked)).toBe(app.knowledge.answer('did amazon end its contracts with ice?').followUps[0]?.question);
    await app.close();
  });

  it('a button whose question the refreshed briefs no longer hold says kindly to ask again', async () => {
    app = await startBotUnderTest(discord);
    const first = await slashAsk('did amazon end its contracts with ice?', newUser());
    const [button] = componentsOf(first.body).filter((c) => c.type === 2);
    const question = app.knowledge.answer('did amazon end its contracts with ice?').followUps[0]?.question ?? '';
    const holder = app.knowledge.sources().find((b) => b.prompts.includes(question));
    expect(holder).toBeDefined();
    const file = join(app.seedsDir, holder!.doc);
    await writeFile(file, (await readFile(file, 'utf8')).split('\n').filter((line) => !line.includes(question)).join('\n'));
    await discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 10_000 });
    expect(app.knowledge.sources().some((b) => b.prompts.includes(question) || b.title === question)).toBe(false);

    const outcome = await discord.sendInteraction({ type: 'button', customId: button?.custom_id ?? '', user: newUser() });
    const reply = replyOf(outcome);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply['content']).toMatch(/briefs have changed since.*ask again/);
    await app.close();
  });
});

describe('threads mode', () => {
  afterEach(async () => {
    await app.close();
  });

  /** The first message the bot posts in `threadId` after `after` requests, and its id. */
  async function inThread(threadId: string, matches: (r: RecordedRequest) => boolean = () => true): Promise<{ id: string; body: Json }> {
    const posted = await discord.waitForChannelMessage(threadId, matches);
    return { id: (posted.response as Json)['id'] as string, body: posted.body as Json };
  }

  it('opens a thread named after the answer’s topic, where messages follow on without a mention', async () => {
    app = await startBotUnderTest(discord, { ANSWER_IN_THREADS: 'true' });
    expect(discord.identifies.at(-1)?.intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages | Intent.MessageContent);
    const user = newUser();
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}> did amazon end its contracts with ice?`, mentions: [BOT_USER], author: user });
    const thread = await discord.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/messages/${sent.id}/threads`) && r.status === 201);
    const threadId = (thread.response as Json)['id'] as string;
    const name = String((thread.body as Json)['name']);
    expect(name).toBe(app.knowledge.answer('did amazon end its contracts with ice?').topic?.title.slice(0, 100));
    expect(name.length).toBeLessThanOrEqual(100);
    const answer = await inThread(threadId);
    expect(askedOf(answer.body)).toBe('did amazon end its contracts with ice?');

    const follow = discord.sendMessage({ content: 'and microsoft?', author: user, channelId: threadId });
    const reply = (await discord.waitForReply(follow.id)).body as Json;
    expect(askedOf(reply)).toBe('did microsoft end its contracts with ice?');

    const more = discord.sendMessage({ content: 'tell me more', author: user, channelId: threadId });
    expect(askedOf((await discord.waitForReply(more.id)).body as Json)).toBe('More on: did microsoft end its contracts with ice?');

    // A follow-up button in the thread answers in the open there, for the conversation.
    const [button] = componentsOf(answer.body).filter((c) => c.type === 2);
    const clicked = await discord.sendInteraction({ type: 'button', customId: button?.custom_id ?? '', user, channelId: threadId });
    expect(isEphemeral(replyOf(clicked))).toBe(false);
  });

  it('keeps the conversation of its threads after a restart', async () => {
    app = await startBotUnderTest(discord, { ANSWER_IN_THREADS: 'true' });
    const user = newUser();
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}> what did nadella say`, mentions: [BOT_USER], author: user });
    const thread = await discord.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/messages/${sent.id}/threads`) && r.status === 201);
    const threadId = (thread.response as Json)['id'] as string;
    await inThread(threadId);
    await app.close();

    app = await startBotUnderTest(discord, { ANSWER_IN_THREADS: 'true' });
    const follow = discord.sendMessage({ content: 'when was that?', author: user, channelId: threadId });
    const reply = (await discord.waitForReply(follow.id)).body as Json;
    expect(askedOf(reply)).toBe('when did nadella say');
  });

  it('answers a decline, or where it may not open threads, as a plain reply', async () => {
    app = await startBotUnderTest(discord, { ANSWER_IN_THREADS: 'true' });
    const threads = discord.threads.length;
    const declined = discord.sendMessage({ content: `<@${BOT_USER.id}> What will the weather be in Lisbon tomorrow?`, mentions: [BOT_USER], author: newUser() });
    expect(embedOf((await discord.waitForReply(declined.id)).body as Json).title).toBe('Not covered by the briefs');
    // The bot has no Create Public Threads permission in the second guild.
    const elsewhere = discord.sendMessage({ content: `<@${BOT_USER.id}> what did nadella say`, mentions: [BOT_USER], author: newUser(), channelId: SECOND_CHANNEL_ID, guildId: SECOND_GUILD_ID });
    expect(askedOf((await discord.waitForReply(elsewhere.id)).body as Json)).toBe('what did nadella say');
    expect(discord.threads).toHaveLength(threads);
  });
});
