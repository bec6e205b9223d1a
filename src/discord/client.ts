/**
 * The discord.js client with the least it needs: guild and DM messages to see mentions, the
 * message-content intent only when answer channels or threads mode are configured, mentions off by
 * default, and caches that keep only what the bot reads, so memory does not grow with every asker and
 * message.
 */
import { ActivityType, Client, GatewayIntentBits, Options, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * What the bot caches beyond guilds, their channels and roles (which discord.js needs whole): its own
 * member in each guild (its managed role tells a mention of the bot) and its own user. Messages,
 * other users and members, presences, reactions and the rest arrive with the events that use them
 * and are not kept.
 */
const CACHE_LIMITS = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  VoiceStateManager: 0,
  ThreadMemberManager: 0,
  GuildBanManager: 0,
  GuildInviteManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  AutoModerationRuleManager: 0,
  EntitlementManager: 0,
});

/** How often DM channels are dropped from the channel cache, which cannot be limited like the others. */
export const DM_CHANNEL_SWEEP_MS = 30 * 60_000;

/**
 * Drops the cached DM channels: one is made for every user who sends the bot a DM, and replies need
 * only the channel of the message at hand (DMs arrive as partial channels). Returns how many went.
 */
export function sweepDirectMessageChannels(client: Client): number {
  return client.channels.cache.sweep((channel) => channel.isDMBased());
}

/** The client options for `config` (exported for tests of the intents and sharding). */
export function clientOptions(config: Config): ClientOptions {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  // Mentions, DMs and replies that ping the bot carry their content without this privileged intent;
  // reading every message of an answer channel, or of the bot's threads, needs it.
  if (config.answerChannelIds.length > 0 || config.answerInThreads) intents.push(GatewayIntentBits.MessageContent);
  const options: ClientOptions = {
    intents,
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    // A question deleted before the answer is sent still gets its answer, just not as a reply.
    failIfNotExists: false,
    presence: { activities: [{ name: '/ask', type: ActivityType.Listening }] },
    makeCache: CACHE_LIMITS,
    // Archived threads go after 4 hours (discord.js's default); nothing else is cached to sweep.
    sweepers: Options.DefaultSweeperSettings,
  };
  if (config.discordApiUrl !== null) options.rest = { api: config.discordApiUrl };
  if (config.shards.mode === 'auto') options.shards = 'auto';
  if (config.shards.mode === 'list') {
    options.shards = config.shards.ids;
    options.shardCount = config.shards.count;
  }
  return options;
}

/** A new, not yet logged-in client for `config`. */
export function createClient(config: Config): Client {
  return new Client(clientOptions(config));
}
