/**
 * The fixed world the fake Discord serves: one bot, two guilds (one per shard when two shards run),
 * a text channel in each, a moderator role with ManageGuild, and a few users. Everything here is
 * plain data so tests can import the constants without starting a server.
 */

/** Permission bits the fixtures and tests care about (Discord's values). */
export const Permission = {
  AddReactions: 1n << 6n,
  ManageGuild: 1n << 5n,
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord currently defines; what owners and administrators get. */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** A Discord user object as the gateway and REST API send it. */
export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly global_name: string | null;
  readonly discriminator: string;
  readonly avatar: null;
  readonly bot?: boolean;
}

/** A role in a fixture guild; `permissions` is the bitfield Discord sends as a decimal string. */
export interface RoleFixture {
  readonly id: string;
  readonly name: string;
  readonly permissions: bigint;
  readonly position: number;
  readonly managed?: boolean;
}

/** A guild member in a fixture guild (roles by id, the @everyone role implied). */
export interface MemberFixture {
  readonly user: FakeUser;
  readonly roles: readonly string[];
}

/** A text channel in a fixture guild. */
export interface ChannelFixture {
  readonly id: string;
  readonly name: string;
}

/** A guild served by the fake; the @everyone role has the guild's id. */
export interface GuildFixture {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly channels: readonly ChannelFixture[];
  readonly roles: readonly RoleFixture[];
  readonly members: readonly MemberFixture[];
}

/** The default bot token the fake accepts. */
export const FAKE_TOKEN = 'fake-discord-bot-token';

/** The bot's user; its id doubles as the application id, as for every modern Discord app. */
export const BOT_USER: FakeUser = {
  id: '1196423538278400001',
  username: 'factcheck-bot',
  global_name: null,
  discriminator: '0',
  avatar: null,
  bot: true,
};

/** The default application id (equal to the bot user's id). */
export const APPLICATION_ID = BOT_USER.id;

/** Owns the test guild, so it holds every permission regardless of roles. */
export const OWNER_USER: FakeUser = user('1196423538454560777', 'guild-owner');
/** Holds the moderator role (ManageGuild) in the test guild. */
export const MODERATOR_USER: FakeUser = user('1196423538446172167', 'moderator');
/** A member without any role beyond @everyone. */
export const PLAIN_USER: FakeUser = user('1196423538450366472', 'plain-user');
/** Another bot in the test guild, for checking that the bot ignores bots. */
export const OTHER_BOT_USER: FakeUser = { ...user('1196423538458755082', 'other-bot'), bot: true };

/** The test guild; on shard 0 when two shards run. */
export const TEST_GUILD_ID = '1196423538320343042';
/** The test guild's text channel. */
export const TEST_CHANNEL_ID = '1196423538362286084';
/** A channel of the test guild for moderators (the fact-check desk's queue in tests). */
export const DESK_CHANNEL_ID = '1196423538370674693';
/** Another channel of the test guild, e.g. one to delete in a test. */
export const SPARE_CHANNEL_ID = '1196423538374868998';
/** The role that grants ManageGuild in the test guild. */
export const MODERATOR_ROLE_ID = '1196423538404229126';
/** The bot's managed role in the test guild. */
export const BOT_ROLE_ID = '1196423538408423431';
/** A second guild, on shard 1 when two shards run. */
export const SECOND_GUILD_ID = '1196423538324537347';
/** The second guild's text channel. */
export const SECOND_CHANNEL_ID = '1196423538366480389';

const EVERYONE_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.ReadMessageHistory |
  Permission.EmbedLinks |
  Permission.AddReactions |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

/** The guilds the fake serves, in the order READY lists them. */
export const GUILDS: readonly GuildFixture[] = [
  {
    id: TEST_GUILD_ID,
    name: 'Fact-check test guild',
    ownerId: OWNER_USER.id,
    channels: [
      { id: TEST_CHANNEL_ID, name: 'general' },
      { id: DESK_CHANNEL_ID, name: 'fact-check-queue' },
      { id: SPARE_CHANNEL_ID, name: 'side-chat' },
    ],
    roles: [
      { id: TEST_GUILD_ID, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 },
      { id: MODERATOR_ROLE_ID, name: 'Moderator', permissions: Permission.ManageGuild | Permission.ManageMessages, position: 1 },
      { id: BOT_ROLE_ID, name: BOT_USER.username, permissions: EVERYONE_PERMISSIONS | Permission.CreatePublicThreads, position: 2, managed: true },
    ],
    members: [
      { user: BOT_USER, roles: [BOT_ROLE_ID] },
      { user: OWNER_USER, roles: [] },
      { user: MODERATOR_USER, roles: [MODERATOR_ROLE_ID] },
      { user: PLAIN_USER, roles: [] },
      { user: OTHER_BOT_USER, roles: [] },
    ],
  },
  {
    id: SECOND_GUILD_ID,
    name: 'Second test guild',
    ownerId: OWNER_USER.id,
    channels: [{ id: SECOND_CHANNEL_ID, name: 'general' }],
    roles: [{ id: SECOND_GUILD_ID, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 }],
    members: [
      { user: BOT_USER, roles: [] },
      { user: OWNER_USER, roles: [] },
      { user: PLAIN_USER, roles: [] },
    ],
  },
];

function user(id: string, username: string): FakeUser {
  return { id, username, global_name: username, discriminator: '0', avatar: null };
}

/** The guild with this id, if the fake serves it. */
export function findGuild(guildId: string): GuildFixture | undefined {
  return GUILDS.find((guild) => guild.id === guildId);
}

/** The guild owning this channel, if any fixture guild does. */
export function findGuildOfChannel(channelId: string): GuildFixture | undefined {
  return GUILDS.find((guild) => guild.channels.some((channel) => channel.id === channelId));
}

/** A user the fixtures know (members of any guild), by id. */
export function findUser(userId: string): FakeUser | undefined {
  for (const guild of GUILDS) {
    const member = guild.members.find((candidate) => candidate.user.id === userId);
    if (member) return member.user;
  }
  return undefined;
}

/**
 * A member's guild-level permissions, computed the way Discord does without channel overwrites:
 * owners and administrators get everything, others the union of @everyone and their roles.
 */
export function memberPermissions(guild: GuildFixture, userId: string, roleIds: readonly string[]): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  let bits = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.id || roleIds.includes(role.id)) bits |= role.permissions;
  }
  return bits & Permission.Administrator ? ALL_PERMISSIONS : bits;
}

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
