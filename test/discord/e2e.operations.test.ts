/**
 * End to end for large installs and answer channels: several shards in one process sharing one
 * index, a shard range per process, and the MessageContent intent only when it is needed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import {
  BOT_USER,
  Intent,
  MODERATOR_USER,
  OWNER_USER,
  PLAIN_USER,
  SECOND_GUILD_ID,
  TEST_CHANNEL_ID,
  TEST_GUILD_ID,
  startFakeDiscord,
  type FakeDiscord,
  type Json,
} from '../fakeDiscord/index.ts';
import { ChannelType } from 'discord.js';
import { BUSY_NOTICE } from '../../src/discord/bot.ts';
import { sweepDirectMessageChannels } from '../../src/discord/client.ts';
import { askedOf, embedOf, isEphemeral, newUser, replyOf, startBotUnderTest, type BotUnderTest } from './e2eSupport.ts';

const QUESTION = 'Did Microsoft or Amazon end contracts with ICE?';
const open: { discord: FakeDiscord; app?: BotUnderTest }[] = [];

async function setUp(shards: number, env: Record<string, string>) {
  const discord = await startFakeDiscord({ shards });
  const entry: { discord: FakeDiscord; app?: BotUnderTest } = { discord };
  open.push(entry);
  entry.app = await startBotUnderTest(discord, env);
  return { discord, app: entry.app };
}

afterEach(async () => {
  for (const { discord, app } of open.splice(0)) {
    await app?.close();
    await discord.close();
  }
});

describe('sharding', () => {
  it('runs every recommended shard in one process with DISCORD_SHARDS=auto, answering in each', async () => {
    const { discord } = await setUp(2, { DISCORD_SHARDS: 'auto' });
    expect(discord.identifies.map((identify) => identify.shard)).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    for (const guildId of [TEST_GUILD_ID, SECOND_GUILD_ID]) {
      const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: QUESTION }, user: newUser(), guildId });
      expect(outcome.shardId).toBe(guildId === TEST_GUILD_ID ? 0 : 1);
      expect(askedOf(replyOf(outcome))).toBe(QUESTION);
    }
  });

  it('runs only the listed shards of DISCORD_SHARD_COUNT', async () => {
    const { discord } = await setUp(2, { DISCORD_SHARDS: '1', DISCORD_SHARD_COUNT: '2' });
    expect(discord.identifies.map((identify) => identify.shard)).toEqual([[1, 2]]);
    const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: QUESTION }, user: newUser(), guildId: SECOND_GUILD_ID });
    expect(askedOf(replyOf(outcome))).toBe(QUESTION);
  });
});

describe('answer channels', () => {
  it('asks for MessageContent and answers every message in ANSWER_CHANNEL_IDS', async () => {
    const { discord } = await setUp(1, { ANSWER_CHANNEL_IDS: TEST_CHANNEL_ID });
    expect(discord.identifies[0]?.intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages | Intent.MessageContent);
    const sent = discord.sendMessage({ content: QUESTION, author: newUser() });
    const body = (await discord.waitForReply(sent.id)).body as Json;
    expect(askedOf(body)).toBe(QUESTION);
  });
});

describe('command mentions', () => {
  it('reads the registered commands at start, so /help links </ask:ID> before anyone used /ask', async () => {
    const discord = await startFakeDiscord();
    const entry: { discord: FakeDiscord; app?: BotUnderTest } = { discord };
    open.push(entry);
    await deployCommands(commands, { token: discord.token, clientId: discord.applicationId, guildId: TEST_GUILD_ID, apiUrl: discord.apiUrl });
    entry.app = await startBotUnderTest(discord, { DISCORD_GUILD_ID: TEST_GUILD_ID });
    const ids = new Map((discord.commands.get(TEST_GUILD_ID) ?? []).map((command) => [command['name'], command['id']]));
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}>`, mentions: [BOT_USER], author: newUser() });
    const description = embedOf((await discord.waitForReply(sent.id)).body as Json).description ?? '';
    for (const name of ['ask', 'company', 'sources', 'refresh']) expect(description).toContain(`</${name}:${String(ids.get(name))}>`);
  });

  it('says plain /ask when no command is registered', async () => {
    const { discord } = await setUp(1, {});
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}>`, mentions: [BOT_USER], author: newUser() });
    const description = embedOf((await discord.waitForReply(sent.id)).body as Json).description ?? '';
    expect(description).toContain('/ask `question`');
    expect(description).not.toContain('</ask:');
  });
});

describe('work in flight', () => {
  /** An answer's callback (it has embeds), not a notice. */
  const isAnswerCallback = (request: { path: string; body: unknown }) =>
    request.path.endsWith('/callback') && (((request.body as Json | null)?.['data'] as Json | undefined)?.['embeds'] as unknown[] | undefined)?.length === 1;

  it('tells a question beyond MAX_IN_FLIGHT to wait, privately, and answers again once there is room', async () => {
    const { discord, app } = await setUp(1, { MAX_IN_FLIGHT: '2' });
    // Discord is slow to take these two answers, so both stay in flight.
    discord.delayNext(isAnswerCallback, 1500);
    discord.delayNext(isAnswerCallback, 1500);
    const held = [0, 1].map((i) => discord.sendInteraction({ type: 'command', name: 'ask', options: { question: `${QUESTION} ${i}` }, user: newUser() }, { timeoutMs: 5_000 }));
    const count = (msg: string) => app.logs.filter((line) => line['msg'] === msg).length;
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    // Both are being answered (their answers are held at Discord) before the third comes.
    await until(() => count('question text') === 2);
    const busy = replyOf(await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: QUESTION }, user: newUser() }));
    expect(busy['content']).toBe(BUSY_NOTICE);
    expect(isEphemeral(busy)).toBe(true);
    const mention = discord.sendMessage({ content: `<@${BOT_USER.id}> ${QUESTION}`, mentions: [BOT_USER], author: newUser() });
    expect(((await discord.waitForReply(mention.id)).body as Json)['content']).toBe(BUSY_NOTICE);
    for (const outcome of await Promise.all(held)) expect(askedOf(replyOf(outcome))).toMatch(/^Did Microsoft or Amazon end contracts with ICE\? [01]$/);
    // The bot has finished both (it logs each question once its answer is sent).
    await until(() => count('question') === 2);
    const after = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: QUESTION }, user: newUser() });
    expect(askedOf(replyOf(after))).toBe(QUESTION);
  });
});

describe('caches', () => {
  it('keep no messages, users or members but the bot itself, and let go of DM channels, which still answer', async () => {
    const { discord, app } = await setUp(1, {});
    for (let i = 0; i < 3; i++) {
      await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: QUESTION }, user: newUser() });
      const mention = discord.sendMessage({ content: `<@${BOT_USER.id}> ${QUESTION} ${i}`, mentions: [BOT_USER], author: newUser() });
      await discord.waitForReply(mention.id);
    }
    for (const author of [OWNER_USER, MODERATOR_USER, PLAIN_USER]) {
      const dm = discord.sendMessage({ content: QUESTION, author, guildId: null });
      await discord.waitForReply(dm.id);
    }
    const client = app.bot.client;
    expect([...client.users.cache.keys()].filter((id) => id !== BOT_USER.id)).toEqual([]);
    const guild = client.guilds.cache.get(TEST_GUILD_ID);
    expect([...(guild?.members.cache.keys() ?? [])]).toEqual([BOT_USER.id]);
    const channel = guild?.channels.cache.get(TEST_CHANNEL_ID);
    expect(channel?.isTextBased() && channel.messages.cache.size).toBe(0);

    const dmChannels = () => client.channels.cache.filter((c) => c.type === ChannelType.DM).size;
    expect(dmChannels()).toBeGreaterThan(0);
    expect(sweepDirectMessageChannels(client)).toBeGreaterThan(0);
    expect(dmChannels()).toBe(0);
    const again = discord.sendMessage({ content: QUESTION, author: OWNER_USER, guildId: null });
    expect(askedOf((await discord.waitForReply(again.id)).body as Json)).toBe(QUESTION);
  });
});

describe('graceful stop', () => {
  it('finishes a reply in flight, then takes no more work', async () => {
    const { discord, app } = await setUp(1, {});
    const pending = discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 10_000 });
    // The refresh defers first; stopping now leaves its report in flight.
    await discord.waitForRequest((request) => request.path.endsWith('/callback'), 5_000);
    await app.bot.stop();
    const outcome = await pending;
    expect(outcome.callback?.type).toBe(5);
    expect(replyOf(outcome)['content']).toBe('No changes · 5 briefs');
    expect(app.bot.client.isReady()).toBe(false);
  });
});
