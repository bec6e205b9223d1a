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
  SECOND_GUILD_ID,
  TEST_CHANNEL_ID,
  TEST_GUILD_ID,
  startFakeDiscord,
  type FakeDiscord,
  type Json,
} from '../fakeDiscord/index.ts';
import { askedOf, embedOf, newUser, replyOf, startBotUnderTest, type BotUnderTest } from './e2eSupport.ts';

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
