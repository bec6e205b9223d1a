/**
 * Interactions the fake sends to the bot: building INTERACTION_CREATE payloads from short specs,
 * and recording what the bot did with each one (callback, edits of @original, follow-ups).
 */
import { randomBytes } from 'node:crypto';
import {
  BOT_USER,
  PLAIN_USER,
  TEST_GUILD_ID,
  findGuild,
  memberPermissions,
  type FakeUser,
  type GuildFixture,
} from './fixtures.ts';
import { channelPayload, dmChannelPayload, memberPayload, type Json } from './payloads.ts';

/** Interaction types (Discord's numbers). */
export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** Interaction callback types (Discord's numbers). */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** A slash-command option value; its Discord type is inferred (string 3, integer 4, number 10, boolean 5). */
export type OptionValue = string | number | boolean;

/** Who sends an interaction and where. */
export interface InteractionContext {
  /** Defaults to PLAIN_USER. */
  readonly user?: FakeUser;
  /** Defaults to the test guild; null sends the interaction from the user's DM with the bot. */
  readonly guildId?: string | null;
  /** Defaults to the guild's first channel. */
  readonly channelId?: string;
  /** Overrides the member's computed permissions (a bitfield). */
  readonly permissions?: bigint;
  /** The user's client locale; defaults to 'en-US'. */
  readonly locale?: string;
}

/** A slash command invocation. */
export interface CommandSpec extends InteractionContext {
  readonly type: 'command';
  readonly name: string;
  readonly subcommand?: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
}

/** An autocomplete request while the user types into option `focused`. */
export interface AutocompleteSpec extends InteractionContext {
  readonly type: 'autocomplete';
  readonly name: string;
  readonly subcommand?: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
  readonly focused: string;
}

/** A click on a button (component_type 2). */
export interface ButtonSpec extends InteractionContext {
  readonly type: 'button';
  readonly customId: string;
  /** The message carrying the button; defaults to the latest known message with this custom id. */
  readonly message?: Json;
}

/** A choice in a string select menu (component_type 3). */
export interface SelectSpec extends InteractionContext {
  readonly type: 'select';
  readonly customId: string;
  readonly values: readonly string[];
  /** The message carrying the menu; defaults to the latest known message with this custom id. */
  readonly message?: Json;
}

/**
 * A modal submitted (interaction type 5) with the values typed into its text inputs, by custom id:
 * one the bot showed (inputs left out are submitted empty, as Discord does), or one it never showed.
 */
export interface ModalSpec extends InteractionContext {
  readonly type: 'modal';
  readonly customId: string;
  readonly fields?: Readonly<Record<string, string>>;
  /** The message whose component opened the modal, if one did. */
  readonly message?: Json;
}

/** A user context-menu command ("Apps → name" on a user; application command type 2). */
export interface UserCommandSpec extends InteractionContext {
  readonly type: 'userCommand';
  readonly name: string;
  readonly target: FakeUser;
}

/** Any interaction the driver can send. */
export type InteractionSpec = CommandSpec | AutocompleteSpec | ButtonSpec | SelectSpec | ModalSpec | UserCommandSpec;

/** What the bot did with an interaction. Live while pending; a snapshot once `sendInteraction` resolves. */
export interface InteractionOutcome {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE body that was dispatched. */
  readonly payload: Json;
  readonly shardId: number;
  /** The accepted callback (POST /interactions/:id/:token/callback body), or null if none arrived. */
  callback: { readonly type: number; readonly data?: Json } | null;
  /** Milliseconds from dispatch to the accepted callback's arrival, or null. */
  latencyMs: number | null;
  /** Bodies of PATCH …/messages/@original, in order. */
  readonly edits: Json[];
  /** The id of the message the interaction's reply (or update) is, that @original refers to, once there is one. */
  messageId: string | null;
  /** Bodies of follow-up messages (POST /webhooks/:app/:token), in order. */
  readonly followUps: Json[];
  originalDeleted: boolean;
  /** True when the outcome did not settle before the timeout. */
  timedOut: boolean;
}

/** Everything the ledger keeps about one interaction. */
export interface InteractionRecord extends InteractionOutcome {
  readonly dispatchedAt: number;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly kind: number;
}

/** Whether the bot has finished with the interaction: a final callback, or a deferral followed by an edit or follow-up. */
export function isSettled(outcome: InteractionOutcome): boolean {
  const type = outcome.callback?.type;
  if (type === undefined) return false;
  if (type === CallbackType.DeferredChannelMessageWithSource || type === CallbackType.DeferredUpdateMessage) {
    return outcome.edits.length > 0 || outcome.followUps.length > 0 || outcome.originalDeleted;
  }
  return true;
}

/** A copy of the outcome that later requests no longer change. */
export function snapshot(record: InteractionRecord, timedOut: boolean): InteractionOutcome {
  return {
    id: record.id,
    token: record.token,
    payload: record.payload,
    shardId: record.shardId,
    callback: record.callback,
    latencyMs: record.latencyMs,
    edits: [...record.edits],
    messageId: record.messageId,
    followUps: [...record.followUps],
    originalDeleted: record.originalDeleted,
    timedOut,
  };
}

/** Everything an interaction payload needs besides the spec. */
export interface InteractionEnv {
  readonly id: string;
  readonly applicationId: string;
  /** The registered command's id by name (global or guild), if the bot registered it. */
  readonly commandId: (name: string, guildId: string | null) => string | undefined;
  /** The latest known message carrying a component with this custom id. */
  readonly messageWithCustomId: (customId: string) => Json | undefined;
  /** The latest modal the bot showed with this custom id (a type 9 callback's data). */
  readonly shownModal: (customId: string) => Json | undefined;
  /** A thread the bot started, by id, as its channel object. */
  readonly thread?: (id: string) => Json | undefined;
  readonly newId: () => string;
}

/** Builds the INTERACTION_CREATE body for a spec. */
export function buildInteraction(spec: InteractionSpec, env: InteractionEnv): { payload: Json; guildId: string | null; channelId: string } {
  const user = spec.user ?? PLAIN_USER;
  const guildId = spec.guildId === undefined ? TEST_GUILD_ID : spec.guildId;
  const guild = guildId === null ? undefined : findGuild(guildId);
  if (guildId !== null && !guild) throw new Error(`fake Discord: unknown guild ${guildId}`);
  const where = guild ? guildContext(guild, user, spec, env) : dmContext(user);
  const payload: Json = {
    id: env.id,
    application_id: env.applicationId,
    type: interactionTypeOf(spec),
    data: interactionData(spec, env, guildId),
    token: `fake-${randomBytes(24).toString('base64url')}`,
    version: 1,
    locale: spec.locale ?? 'en-US',
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    ...where.fields,
  };
  if (spec.type === 'button' || spec.type === 'select') {
    payload['message'] = spec.message ?? env.messageWithCustomId(spec.customId) ?? syntheticMessage(spec, env, where.channelId);
  }
  if (spec.type === 'modal' && spec.message !== undefined) payload['message'] = spec.message;
  return { payload, guildId, channelId: where.channelId };
}

function interactionTypeOf(spec: InteractionSpec): number {
  switch (spec.type) {
    case 'command':
    case 'userCommand':
      return InteractionType.ApplicationCommand;
    case 'autocomplete':
      return InteractionType.Autocomplete;
    case 'modal':
      return InteractionType.ModalSubmit;
    default:
      return InteractionType.MessageComponent;
  }
}

function interactionData(spec: InteractionSpec, env: InteractionEnv, guildId: string | null): Json {
  switch (spec.type) {
    case 'command':
    case 'autocomplete': {
      const focused = spec.type === 'autocomplete' ? spec.focused : null;
      let options = Object.entries(spec.options ?? {}).map(([name, value]) => optionPayload(name, value, name === focused));
      if (focused !== null && !options.some((option) => option['focused'])) {
        options.push(optionPayload(focused, '', true));
      }
      if (spec.subcommand) options = [{ name: spec.subcommand, type: 1, options }];
      return {
        id: env.commandId(spec.name, guildId) ?? env.newId(),
        name: spec.name,
        type: 1,
        options,
        ...(guildId ? { guild_id: guildId } : {}),
      };
    }
    case 'button':
      return { custom_id: spec.customId, component_type: 2 };
    case 'select':
      return { custom_id: spec.customId, component_type: 3, values: [...spec.values] };
    case 'modal':
      return modalSubmitData(spec, env);
    case 'userCommand':
      return {
        id: env.commandId(spec.name, guildId) ?? env.newId(),
        name: spec.name,
        type: 2,
        target_id: spec.target.id,
        resolved: { users: { [spec.target.id]: spec.target } },
        ...(guildId ? { guild_id: guildId } : {}),
      };
  }
}

/** The submission of the modal the bot showed: each of its text inputs with the value typed, or empty. */
function modalSubmitData(spec: ModalSpec, env: InteractionEnv): Json {
  const modal = env.shownModal(spec.customId);
  // A modal the bot never showed (a stale client, another app's): its fields as action rows.
  if (modal === undefined) {
    return {
      custom_id: spec.customId,
      components: Object.entries(spec.fields ?? {}).map(([customId, value]) => ({ type: 1, components: [{ type: 4, custom_id: customId, value }] })),
    };
  }
  const inputs = ((modal['components'] ?? []) as Json[]).map((part) => {
    // A label (type 18) holds one input; an older action row (type 1) holds it in a list.
    const input = (part['component'] ?? (part['components'] as Json[] | undefined)?.[0] ?? {}) as Json;
    return { type: part['type'] as number, input };
  });
  const known = new Set(inputs.map(({ input }) => input['custom_id']));
  const unknown = Object.keys(spec.fields ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`fake Discord: the modal ${spec.customId} has no input ${unknown.join(', ')}`);
  return {
    custom_id: spec.customId,
    components: inputs.map(({ type, input }, i) => {
      const submitted = { type: input['type'], id: 2 * i + 2, custom_id: input['custom_id'], value: spec.fields?.[input['custom_id'] as string] ?? '' };
      return type === 18 ? { type, id: 2 * i + 1, component: submitted } : { type, id: 2 * i + 1, components: [submitted] };
    }),
  };
}

function optionPayload(name: string, value: OptionValue, focused: boolean): Json {
  // Discord sends a focused option's partial input as a string, whatever the option type.
  const type = typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : Number.isInteger(value) ? 4 : 10;
  return { name, type, value, ...(focused ? { focused: true } : {}) };
}

function guildContext(guild: GuildFixture, user: FakeUser, spec: InteractionSpec, env: InteractionEnv): { fields: Json; channelId: string } {
  const thread = spec.channelId === undefined ? undefined : env.thread?.(spec.channelId);
  const fixture = guild.channels.find((candidate) => candidate.id === (spec.channelId ?? guild.channels[0]?.id));
  const channel = thread && thread['guild_id'] === guild.id ? thread : fixture ? channelPayload(guild, fixture) : undefined;
  if (!channel) throw new Error(`fake Discord: channel ${spec.channelId ?? '(default)'} is not in guild ${guild.id}`);
  const asMember = guild.members.find((member) => member.user.id === user.id) ?? { user, roles: [] };
  const member = memberPayload(guild, asMember, true);
  if (spec.permissions !== undefined) member['permissions'] = spec.permissions.toString();
  const botMember = guild.members.find((candidate) => candidate.user.id === BOT_USER.id);
  return {
    channelId: channel['id'] as string,
    fields: {
      guild_id: guild.id,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel,
      channel_id: channel['id'],
      member,
      app_permissions: memberPermissions(guild, BOT_USER.id, botMember?.roles ?? []).toString(),
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
    },
  };
}

function dmContext(user: FakeUser): { fields: Json; channelId: string } {
  const channel = dmChannelPayload(user);
  return {
    channelId: channel['id'] as string,
    fields: {
      channel,
      channel_id: channel['id'],
      user,
      app_permissions: '0',
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    },
  };
}

function syntheticMessage(spec: ButtonSpec | SelectSpec, env: InteractionEnv, channelId: string): Json {
  const component =
    spec.type === 'button'
      ? { type: 2, style: 1, label: spec.customId, custom_id: spec.customId }
      : { type: 3, custom_id: spec.customId, options: spec.values.map((value) => ({ label: value, value })) };
  return {
    id: env.newId(),
    type: 0,
    channel_id: channelId,
    author: BOT_USER,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [{ type: 1, components: [component] }],
    pinned: false,
    flags: 0,
    application_id: env.applicationId,
  };
}
