import { GatewayIntentBits, IntentsBitField, Partials } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { clientOptions } from '../../src/discord/client.ts';

const intentsOf = (env: Record<string, string>) => new IntentsBitField(clientOptions(loadConfig(env)).intents).toArray().sort();

describe('clientOptions', () => {
  it('asks only for guilds, guild messages and DMs by default', () => {
    expect(intentsOf({})).toEqual(['DirectMessages', 'GuildMessages', 'Guilds']);
  });

  it('adds MessageContent only when answer channels or threads mode are configured', () => {
    expect(intentsOf({ ANSWER_CHANNEL_IDS: '123456789012345678' })).toContain(GatewayIntentBits[GatewayIntentBits.MessageContent]);
    expect(intentsOf({ ANSWER_IN_THREADS: 'true' })).toContain(GatewayIntentBits[GatewayIntentBits.MessageContent]);
    expect(intentsOf({ ANSWER_IN_THREADS: 'false' })).not.toContain(GatewayIntentBits[GatewayIntentBits.MessageContent]);
  });

  it('turns mentions off, receives DMs from uncached channels and uses the configured REST base', () => {
    const options = clientOptions(loadConfig({ DISCORD_API_URL: 'http://127.0.0.1:9/api' }));
    expect(options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(options.partials).toEqual([Partials.Channel]);
    expect(options.rest).toEqual({ api: 'http://127.0.0.1:9/api' });
    expect(clientOptions(loadConfig({})).rest).toBeUndefined();
  });

  it('maps DISCORD_SHARDS to discord.js sharding', () => {
    expect(clientOptions(loadConfig({})).shards).toBeUndefined();
    expect(clientOptions(loadConfig({ DISCORD_SHARDS: 'auto' })).shards).toBe('auto');
    const range = clientOptions(loadConfig({ DISCORD_SHARDS: '2,3', DISCORD_SHARD_COUNT: '4' }));
    expect(range.shards).toEqual([2, 3]);
    expect(range.shardCount).toBe(4);
  });
});
