/**
 * Turns fixtures into the JSON objects Discord's API sends (roles, members, channels, guilds),
 * and mints snowflake ids.
 */
import {
  BOT_USER,
  memberPermissions,
  type ChannelFixture,
  type FakeUser,
  type GuildFixture,
  type MemberFixture,
  type RoleFixture,
} from './fixtures.ts';

/** A JSON object as sent over the wire. */
export type Json = Record<string, unknown>;

const DISCORD_EPOCH = 1_420_070_400_000n;
/** Fixed so that every member looks like it joined before the test started. */
const JOINED_AT = '2024-01-15T12:00:00.000Z';

/** Returns a generator of increasing snowflake ids stamped with the current time. */
export function createSnowflakes(): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
  };
}

/** A role object. */
export function rolePayload(role: RoleFixture): Json {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed ?? false,
    mentionable: false,
    flags: 0,
    ...(role.managed ? { tags: { bot_id: BOT_USER.id } } : {}),
  };
}

/** A guild member object; with `permissions` when it describes the member of an interaction. */
export function memberPayload(guild: GuildFixture, member: MemberFixture, withPermissions = false): Json {
  return {
    user: member.user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...(withPermissions ? { permissions: memberPermissions(guild, member.user.id, member.roles).toString() } : {}),
  };
}

/** A guild text channel object. */
export function channelPayload(guild: GuildFixture, channel: ChannelFixture, position = 0): Json {
  return {
    id: channel.id,
    type: 0,
    guild_id: guild.id,
    name: channel.name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

/** The DM channel between the bot and a user; its id is derived from the user's so it is stable. */
export function dmChannelPayload(recipient: FakeUser): Json {
  return { id: dmChannelId(recipient), type: 1, last_message_id: null, flags: 0, recipients: [recipient] };
}

/** The id of the bot's DM channel with a user. */
export function dmChannelId(recipient: FakeUser): string {
  return (BigInt(recipient.id) + 1_000_000n).toString();
}

/** A guild object as GET /guilds/:id returns it. */
export function guildPayload(guild: GuildFixture): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    widget_enabled: false,
    max_members: 500_000,
    max_video_channel_users: 25,
    roles: guild.roles.map(rolePayload),
    emojis: [],
    stickers: [],
    features: [],
  };
}

/**
 * The GUILD_CREATE dispatch body. Like Discord, it lists every member only when the session holds
 * the privileged GuildMembers intent; otherwise just the bot's own member. `threads` are the
 * guild's active threads.
 */
export function guildCreatePayload(guild: GuildFixture, includeAllMembers: boolean, threads: readonly Json[] = []): Json {
  const members = includeAllMembers ? guild.members : guild.members.filter((member) => member.user.id === BOT_USER.id);
  return {
    ...guildPayload(guild),
    unavailable: false,
    large: false,
    lazy: true,
    joined_at: JOINED_AT,
    member_count: guild.members.length,
    channels: guild.channels.map((channel, position) => {
      const { guild_id: _omitted, ...rest } = channelPayload(guild, channel, position);
      return rest;
    }),
    threads: [...threads],
    members: members.map((member) => memberPayload(guild, member)),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
