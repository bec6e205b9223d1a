import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedConfig } from '../src/config.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token';
const ID = '123456789012345678';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      discordToken: null,
      discordClientId: null,
      discordGuildId: null,
      discordApiUrl: null,
      seedsDir: 'seeds',
      indexCacheDir: '.cache',
      answerChannelIds: [],
      answerInThreads: false,
      logLevel: 'info',
      cooldown: { questions: 5, seconds: 30 },
      staleAfterDays: 365,
      maxInFlight: 100,
      shards: { mode: 'single' },
      dataDir: '.data',
      retentionDays: 90,
      modChannelId: null,
      modRoleId: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: ID,
      DISCORD_GUILD_ID: '98765432109876543',
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      SEEDS_DIR: 'briefs',
      ANSWER_CHANNEL_IDS: `${ID}, 12345678901234567890`,
      ANSWER_IN_THREADS: 'true',
      LOG_LEVEL: 'DEBUG',
      COOLDOWN_QUESTIONS: '3',
      COOLDOWN_SECONDS: '10',
      STALE_AFTER_DAYS: '90',
      MAX_IN_FLIGHT: '20',
      DISCORD_SHARDS: '1,0',
      DISCORD_SHARD_COUNT: '4',
    });
    expect(config).toMatchObject({
      discordToken: TOKEN,
      discordClientId: ID,
      discordGuildId: '98765432109876543',
      discordApiUrl: 'http://127.0.0.1:4000/api',
      seedsDir: 'briefs',
      answerChannelIds: [ID, '12345678901234567890'],
      answerInThreads: true,
      logLevel: 'debug',
      cooldown: { questions: 3, seconds: 10 },
      staleAfterDays: 90,
      maxInFlight: 20,
      shards: { mode: 'list', ids: [0, 1], count: 4 },
    });
  });

  it('treats empty values as unset, as a copied .env.example has them', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', LOG_LEVEL: ' ', DISCORD_SHARDS: '' }).discordToken).toBeNull();
  });

  it('reads the desk settings, and DATA_DIR=off turns the desk off', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/factcheck', RETENTION_DAYS: '30', MOD_CHANNEL_ID: ID, MOD_ROLE_ID: '98765432109876543' })).toMatchObject({
      dataDir: '/var/lib/factcheck',
      retentionDays: 30,
      modChannelId: ID,
      modRoleId: '98765432109876543',
    });
    expect(loadConfig({ DATA_DIR: 'off' }).dataDir).toBeNull();
  });

  it('names bad desk settings', () => {
    const error = configError({ RETENTION_DAYS: '0', MOD_CHANNEL_ID: '#queue', MOD_ROLE_ID: 'moderators' });
    expect(error.variables).toEqual(['RETENTION_DAYS', 'MOD_CHANNEL_ID', 'MOD_ROLE_ID']);
    expect(error.message).toContain('RETENTION_DAYS: must be a whole number from 1 to 3650, got "0"');
    expect(error.message).toContain('MOD_CHANNEL_ID: must be a Discord id');
  });

  it('accepts DISCORD_SHARDS=auto', () => {
    expect(loadConfig({ DISCORD_SHARDS: 'auto' }).shards).toEqual({ mode: 'auto' });
  });

  it('names every bad variable in one error', () => {
    const error = configError({
      DISCORD_CLIENT_ID: '12345',
      DISCORD_GUILD_ID: 'guild',
      DISCORD_API_URL: 'ftp://example.com',
      ANSWER_CHANNEL_IDS: `${ID},general`,
      ANSWER_IN_THREADS: 'sometimes',
      LOG_LEVEL: 'verbose',
      COOLDOWN_QUESTIONS: '0',
      COOLDOWN_SECONDS: '2.5',
      STALE_AFTER_DAYS: 'a year',
      MAX_IN_FLIGHT: '0',
    });
    expect(error.variables).toEqual([
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'ANSWER_CHANNEL_IDS',
      'ANSWER_IN_THREADS',
      'LOG_LEVEL',
      'COOLDOWN_QUESTIONS',
      'COOLDOWN_SECONDS',
      'STALE_AFTER_DAYS',
      'MAX_IN_FLIGHT',
    ]);
    expect(error.message).toContain('MAX_IN_FLIGHT: must be a whole number from 1 to 10000, got "0"');
    expect(error.message).toContain('ANSWER_CHANNEL_IDS: must be comma-separated channel ids');
    expect(error.message).toContain('general');
    expect(error.message).toContain('ANSWER_IN_THREADS: must be true or false, got "sometimes"');
  });

  it('reads ANSWER_IN_THREADS as true or false in the usual spellings', () => {
    for (const value of ['true', 'TRUE', 'yes', 'on', '1']) expect(loadConfig({ ANSWER_IN_THREADS: value }).answerInThreads).toBe(true);
    for (const value of ['false', 'no', 'off', '0', '']) expect(loadConfig({ ANSWER_IN_THREADS: value }).answerInThreads).toBe(false);
  });

  it('rejects a token with whitespace without echoing the token', () => {
    const error = configError({ DISCORD_TOKEN: 'Bot abc.def' });
    expect(error.variables).toEqual(['DISCORD_TOKEN']);
    expect(error.message).not.toContain('abc.def');
  });

  it('requires DISCORD_SHARD_COUNT with a shard list, and ids below it', () => {
    expect(configError({ DISCORD_SHARDS: '0,1' }).variables).toEqual(['DISCORD_SHARD_COUNT']);
    expect(configError({ DISCORD_SHARDS: '0,4', DISCORD_SHARD_COUNT: '4' }).variables).toEqual(['DISCORD_SHARDS']);
    expect(configError({ DISCORD_SHARDS: 'first', DISCORD_SHARD_COUNT: '4' }).variables).toEqual(['DISCORD_SHARDS']);
    expect(configError({ DISCORD_SHARDS: 'auto', DISCORD_SHARD_COUNT: '4' }).variables).toEqual(['DISCORD_SHARD_COUNT']);
    expect(configError({ DISCORD_SHARD_COUNT: '4' }).variables).toEqual(['DISCORD_SHARD_COUNT']);
    expect(configError({ DISCORD_SHARDS: '0', DISCORD_SHARD_COUNT: 'zero' }).variables).toEqual(['DISCORD_SHARD_COUNT']);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({ ANSWER_CHANNEL_IDS: ID });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.answerChannelIds)).toBe(true);
    expect(Object.isFrozen(config.cooldown)).toBe(true);
  });

  it('never prints the token, whether stringified, inspected or redacted', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(inspect(config)).not.toContain(TOKEN);
    expect(JSON.stringify(redactedConfig(config))).toContain('[redacted]');
    expect(Object.keys(config)).not.toContain('toJSON');
  });
});

describe('.env.example', () => {
  it('documents every variable with a comment and loads as a valid configuration', async () => {
    const { readFile } = await import('node:fs/promises');
    const dotenv = await import('dotenv');
    const text = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const values = dotenv.parse(text);
    expect(Object.keys(values).sort()).toEqual(
      [
        'ANSWER_CHANNEL_IDS',
        'ANSWER_IN_THREADS',
        'COOLDOWN_QUESTIONS',
        'COOLDOWN_SECONDS',
        'DATA_DIR',
        'DISCORD_API_URL',
        'DISCORD_CLIENT_ID',
        'DISCORD_GUILD_ID',
        'DISCORD_SHARDS',
        'DISCORD_SHARD_COUNT',
        'DISCORD_TOKEN',
        'INDEX_CACHE_DIR',
        'LOG_LEVEL',
        'MAX_IN_FLIGHT',
        'MOD_CHANNEL_ID',
        'MOD_ROLE_ID',
        'RETENTION_DAYS',
        'SEEDS_DIR',
        'STALE_AFTER_DAYS',
      ].sort(),
    );
    const lines = text.split('\n');
    for (const name of Object.keys(values)) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      // Each variable sits under a comment, directly or after a sibling of the same block.
      expect(lines.slice(0, at).reverse().find((line) => !/^[A-Z_]+=/.test(line))?.startsWith('#')).toBe(true);
    }
    expect(() => loadConfig(values)).not.toThrow();
  });
});
