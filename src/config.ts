/**
 * The bot's configuration, read from the environment in one place and validated once at start.
 * Only entry points call `loadConfig`; everything else receives the frozen `Config`.
 */

/** Log levels, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * How the gateway connection is split: one shard (Discord's default for small bots), as many
 * shards as Discord recommends in this process, or an explicit range of a larger shard count so
 * several processes or machines can split the guilds.
 */
export type ShardSetting =
  | { readonly mode: 'single' }
  | { readonly mode: 'auto' }
  | { readonly mode: 'list'; readonly ids: readonly number[]; readonly count: number };

/** The validated configuration. Printing it (JSON or `util.inspect`) never shows the token. */
export interface Config {
  /** Bot token; null means "no Discord": the bot runs as a console chat instead. */
  readonly discordToken: string | null;
  /** Application id, needed to register commands; the running bot also learns it at ready. */
  readonly discordClientId: string | null;
  /** Register commands in this guild only (instant updates) instead of globally. */
  readonly discordGuildId: string | null;
  /** REST base without version (e.g. `https://discord.com/api`); null means Discord's own. */
  readonly discordApiUrl: string | null;
  readonly seedsDir: string;
  /** Where the built index is saved and reused at start while the corpus is unchanged; null: never saved. */
  readonly indexCacheDir: string | null;
  /** Channels where every message is treated as a question (needs the MessageContent intent). */
  readonly answerChannelIds: readonly string[];
  /**
   * An answer to a channel message opens a thread named after its topic, where every message is a
   * follow-up (needs the MessageContent intent to read them without a mention).
   */
  readonly answerInThreads: boolean;
  readonly logLevel: LogLevel;
  /** Each user may ask `questions` questions per sliding window of `seconds`. */
  readonly cooldown: { readonly questions: number; readonly seconds: number };
  /** Sources checked longer ago than this are flagged as possibly out of date. */
  readonly staleAfterDays: number;
  /** Most interactions and messages handled at once; beyond it askers are told to wait. */
  readonly maxInFlight: number;
  readonly shards: ShardSetting;
  /** Folder of the desk's database (`bot.sqlite`); null (`DATA_DIR=off`) turns the desk features off. */
  readonly dataDir: string | null;
  /** Recorded answers, votes, requests and corrections older than this many days are deleted. */
  readonly retentionDays: number;
  /** Channel where fact-check requests are posted as queue items for moderators; null: not posted. */
  readonly modChannelId: string | null;
  /** Members with this role count as moderators for the desk, besides those with Manage Server. */
  readonly modRoleId: string | null;
}

/** Thrown by `loadConfig` with one line per bad or missing variable. */
export class ConfigError extends Error {
  /** The names of the variables that were rejected, in the order they were checked. */
  readonly variables: readonly string[];

  constructor(problems: readonly { variable: string; problem: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}

type Env = NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>>;

const SNOWFLAKE = /^\d{17,20}$/;
const DEFAULTS = {
  seedsDir: 'seeds',
  indexCacheDir: '.cache',
  logLevel: 'info',
  cooldownQuestions: 5,
  cooldownSeconds: 30,
  staleAfterDays: 365,
  maxInFlight: 100,
  dataDir: '.data',
  retentionDays: 90,
} as const;

/**
 * Reads and validates the configuration from `env`. Empty values count as unset (a `.env` copied
 * from `.env.example` has `NAME=` lines).
 *
 * @throws ConfigError naming every bad variable at once, so one edit fixes them all.
 */
export function loadConfig(env: Env): Config {
  const problems: { variable: string; problem: string }[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const fail = (variable: string, problem: string): void => {
    problems.push({ variable, problem });
  };

  const discordToken = read('DISCORD_TOKEN') ?? null;
  if (discordToken !== null && /\s/.test(discordToken)) {
    fail('DISCORD_TOKEN', 'must not contain whitespace (paste the bot token only, without "Bot ")');
  }

  const snowflake = (name: string): string | null => {
    const value = read(name);
    if (value === undefined) return null;
    if (!SNOWFLAKE.test(value)) fail(name, `must be a Discord id (17–20 digits), got "${value}"`);
    return value;
  };
  const discordClientId = snowflake('DISCORD_CLIENT_ID');
  const discordGuildId = snowflake('DISCORD_GUILD_ID');

  const discordApiUrl = parseApiUrl(read('DISCORD_API_URL'), fail);

  const answerChannelIds = (read('ANSWER_CHANNEL_IDS') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const badChannels = answerChannelIds.filter((id) => !SNOWFLAKE.test(id));
  if (badChannels.length > 0) {
    fail(
      'ANSWER_CHANNEL_IDS',
      `must be comma-separated channel ids (17–20 digits); not ids: ${badChannels.join(', ')}`,
    );
  }

  const threadsText = read('ANSWER_IN_THREADS') ?? 'false';
  const answerInThreads = /^(?:true|yes|on|1)$/i.test(threadsText);
  if (!answerInThreads && !/^(?:false|no|off|0)$/i.test(threadsText)) {
    fail('ANSWER_IN_THREADS', `must be true or false, got "${threadsText}"`);
  }

  const logLevelText = read('LOG_LEVEL') ?? DEFAULTS.logLevel;
  const logLevel = LOG_LEVELS.find((level) => level === logLevelText.toLowerCase());
  if (logLevel === undefined) {
    fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevelText}"`);
  }

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      fail(name, `must be a whole number from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return n;
  };
  const cooldown = Object.freeze({
    questions: integer('COOLDOWN_QUESTIONS', DEFAULTS.cooldownQuestions, 1, 10_000),
    seconds: integer('COOLDOWN_SECONDS', DEFAULTS.cooldownSeconds, 1, 86_400),
  });
  const staleAfterDays = integer('STALE_AFTER_DAYS', DEFAULTS.staleAfterDays, 1, 36_500);
  const maxInFlight = integer('MAX_IN_FLIGHT', DEFAULTS.maxInFlight, 1, 10_000);

  const shards = parseShards(read('DISCORD_SHARDS'), read('DISCORD_SHARD_COUNT'), fail);

  const indexCacheDir = read('INDEX_CACHE_DIR') ?? DEFAULTS.indexCacheDir;

  const dataDir = read('DATA_DIR') ?? DEFAULTS.dataDir;
  const retentionDays = integer('RETENTION_DAYS', DEFAULTS.retentionDays, 1, 3_650);
  const modChannelId = snowflake('MOD_CHANNEL_ID');
  const modRoleId = snowflake('MOD_ROLE_ID');

  if (problems.length > 0) throw new ConfigError(problems);

  const config: Config = {
    discordToken,
    discordClientId,
    discordGuildId,
    discordApiUrl,
    seedsDir: read('SEEDS_DIR') ?? DEFAULTS.seedsDir,
    indexCacheDir: indexCacheDir === 'off' ? null : indexCacheDir,
    answerChannelIds: Object.freeze(answerChannelIds),
    answerInThreads,
    logLevel: logLevel ?? DEFAULTS.logLevel,
    cooldown,
    staleAfterDays,
    maxInFlight,
    shards,
    dataDir: dataDir === 'off' ? null : dataDir,
    retentionDays,
    modChannelId,
    modRoleId,
  };
  // Non-enumerable, so they print the redacted form without showing up as config fields.
  Object.defineProperties(config, {
    toJSON: { value: () => redactedConfig(config) },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => redactedConfig(config) },
  });
  return Object.freeze(config);
}

/** The configuration as a plain object safe to log: the token shows only whether it is set. */
export function redactedConfig(config: Config): Record<string, unknown> {
  return {
    discordToken: config.discordToken === null ? null : '[redacted]',
    discordClientId: config.discordClientId,
    discordGuildId: config.discordGuildId,
    discordApiUrl: config.discordApiUrl,
    seedsDir: config.seedsDir,
    indexCacheDir: config.indexCacheDir,
    answerChannelIds: [...config.answerChannelIds],
    answerInThreads: config.answerInThreads,
    logLevel: config.logLevel,
    cooldown: { ...config.cooldown },
    staleAfterDays: config.staleAfterDays,
    maxInFlight: config.maxInFlight,
    shards: config.shards,
    dataDir: config.dataDir,
    retentionDays: config.retentionDays,
    modChannelId: config.modChannelId,
    modRoleId: config.modRoleId,
  };
}

function parseApiUrl(
  value: string | undefined,
  fail: (variable: string, problem: string) => void,
): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('DISCORD_API_URL', `must be an http(s) URL, got "${value}"`);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail('DISCORD_API_URL', `must be an http(s) URL, got "${value}"`);
    return null;
  }
  // discord.js appends `/v10/...` itself, so a trailing slash would produce `//v10`.
  return value.replace(/\/+$/, '');
}

function parseShards(
  shardsText: string | undefined,
  countText: string | undefined,
  fail: (variable: string, problem: string) => void,
): ShardSetting {
  const count = countText === undefined ? undefined : Number(countText);
  const countValid = count !== undefined && /^\d+$/.test(countText ?? '') && count >= 1;
  if (countText !== undefined && !countValid) {
    fail('DISCORD_SHARD_COUNT', `must be a whole number of at least 1, got "${countText}"`);
  }
  if (shardsText === undefined) {
    if (countText !== undefined) {
      fail('DISCORD_SHARD_COUNT', 'is only used with DISCORD_SHARDS=<comma-separated shard ids>');
    }
    return { mode: 'single' };
  }
  if (shardsText.toLowerCase() === 'auto') {
    if (countText !== undefined) {
      fail('DISCORD_SHARD_COUNT', 'must be unset with DISCORD_SHARDS=auto (Discord recommends the count)');
    }
    return { mode: 'auto' };
  }
  const parts = shardsText.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) {
    fail('DISCORD_SHARDS', `must be "auto" or comma-separated shard ids like "0,1", got "${shardsText}"`);
    return { mode: 'single' };
  }
  const ids = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (countText === undefined) {
    fail('DISCORD_SHARD_COUNT', 'is required with a list of shard ids in DISCORD_SHARDS');
    return { mode: 'single' };
  }
  if (!countValid || count === undefined) return { mode: 'single' };
  const outOfRange = ids.filter((id) => id >= count);
  if (outOfRange.length > 0) {
    fail('DISCORD_SHARDS', `shard ids must be below DISCORD_SHARD_COUNT (${count}): ${outOfRange.join(', ')}`);
    return { mode: 'single' };
  }
  return Object.freeze({ mode: 'list', ids: Object.freeze(ids), count });
}
