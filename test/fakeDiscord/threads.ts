/**
 * Threads the bot starts from a message (POST /channels/:channel/messages/:message/threads): public
 * threads of a fixture guild's text channel, as channel objects Discord sends (type 11), kept for the
 * fake's lifetime so a restarted bot finds them again in GUILD_CREATE.
 */
import { findGuildOfChannel, type GuildFixture } from './fixtures.ts';
import type { Json } from './payloads.ts';

/** Channel type of a public thread. */
export const PUBLIC_THREAD = 11;

/** A thread and where it lives. */
export interface ThreadRecord {
  readonly channel: Json;
  readonly guild: GuildFixture;
  readonly parentId: string;
  /** The message the thread was started from, in the parent channel. */
  readonly starterMessageId: string;
}

/** The threads started so far. */
export class ThreadStore {
  readonly #byId = new Map<string, ThreadRecord>();

  /** Starts a thread from a message of a fixture guild's text channel; null when the channel is not one. */
  create(spec: { id: string; parentId: string; starterMessageId: string; name: string; ownerId: string; autoArchiveDuration: number }): ThreadRecord | null {
    const guild = findGuildOfChannel(spec.parentId);
    if (!guild) return null;
    const channel: Json = {
      id: spec.id,
      type: PUBLIC_THREAD,
      guild_id: guild.id,
      parent_id: spec.parentId,
      owner_id: spec.ownerId,
      name: spec.name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: spec.autoArchiveDuration,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        create_timestamp: new Date().toISOString(),
      },
    };
    const record = { channel, guild, parentId: spec.parentId, starterMessageId: spec.starterMessageId };
    this.#byId.set(spec.id, record);
    return record;
  }

  get(id: string): ThreadRecord | undefined {
    return this.#byId.get(id);
  }

  /** The thread started from this message, if any (Discord allows one). */
  fromMessage(messageId: string): ThreadRecord | undefined {
    return [...this.#byId.values()].find((t) => t.starterMessageId === messageId);
  }

  /** The active threads of a guild, as GUILD_CREATE lists them. */
  ofGuild(guildId: string): Json[] {
    return [...this.#byId.values()].filter((t) => t.guild.id === guildId).map((t) => t.channel);
  }

  all(): Json[] {
    return [...this.#byId.values()].map((t) => t.channel);
  }
}
