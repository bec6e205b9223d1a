/**
 * The discord.js client with the least it needs: guild and DM messages to see mentions, the
 * message-content intent only when answer channels or threads are configured, and mentions off by
 * default.
 */
import { ActivityType, Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';

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
