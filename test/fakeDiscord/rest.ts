/**
 * The fake REST API's routes under /api/v10: gateway discovery, the bot's own user and
 * application, command registration, interaction callbacks and webhooks, channel messages, and
 * guild lookups. Answers like Discord, including its errors for misuse (double acknowledgement,
 * late callbacks, empty or oversized messages).
 */
import {
  BOT_USER,
  GUILDS,
  OWNER_USER,
  Permission,
  findGuild,
  findGuildOfChannel,
  findUser,
  memberPermissions,
  type FakeUser,
} from './fixtures.ts';
import { NO_CONTENT, apiError, invalidForm, ok, type MessageRateLimits, type RecordedRequest, type Reply } from './http.ts';
import { CallbackType, InteractionType, type InteractionRecord } from './interactions.ts';
import { MessageFlag, MessageType, messageBodyProblem, type MessageStore } from './messages.ts';
import { channelPayload, dmChannelPayload, guildPayload, memberPayload, rolePayload, type Json } from './payloads.ts';
import type { ThreadStore } from './threads.ts';

/** What the routes read and change. */
export interface RestContext {
  readonly token: string;
  readonly applicationId: string;
  readonly applicationFlags: number;
  readonly shardCount: number;
  readonly gatewayUrl: () => string;
  /** How long after dispatch an interaction accepts its initial callback (Discord: 3 s). */
  readonly interactionDeadlineMs: number;
  readonly messages: MessageStore;
  /** Registered commands: key 'global' or a guild id. */
  readonly commands: Map<string, Json[]>;
  readonly findInteraction: (match: (record: InteractionRecord) => boolean) => InteractionRecord | undefined;
  /** Called after an interaction record changed, to wake waiters. */
  readonly interactionChanged: () => void;
  /** Called for every message the bot creates, so the gateway can echo MESSAGE_CREATE. */
  readonly messageCreated: (message: Json, guildId: string | null) => void;
  readonly threads: ThreadStore;
  /** Called for every thread the bot starts, so the gateway can send THREAD_CREATE. */
  readonly threadCreated: (thread: Json, guildId: string) => void;
  readonly newId: () => string;
  /** Channels deleted through the driver: their routes answer 404 Unknown Channel. */
  readonly deletedChannels: ReadonlySet<string>;
  /** DM channels the bot opened with POST /users/@me/channels, by channel id. */
  readonly dmChannels: Map<string, Json>;
  /** Users who accept no direct message from the bot: sending them one gets 403 Cannot send messages to this user. */
  readonly closedDms: ReadonlySet<string>;
  /** The modals the bot showed (type 9 callback data), the latest per custom id. */
  readonly shownModals: Map<string, Json>;
  /** Message ids by the nonce they were created with, for `enforce_nonce`. */
  readonly nonces: Map<string, string>;
  /** Per-channel buckets of message creation and edits. */
  readonly messageLimits: MessageRateLimits;
}

type Params = Record<string, string>;
type Handler = (ctx: RestContext, request: RecordedRequest, params: Params) => Reply | Promise<Reply>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** Interaction callbacks and webhook routes authenticate by their token in the URL, not the bot token. */
  readonly auth: boolean;
  readonly handle: Handler;
}

const routes: Route[] = [];

function route(method: string, template: string, auth: boolean, handle: Handler): void {
  const source = template.replace(/:(\w+)/g, (_, name: string) => `(?<${name}>[^/]+)`);
  routes.push({ method, pattern: new RegExp(`^${source}$`), auth, handle });
}

/**
 * Answers one REST request (below /api/v10). Checks the bot token on routes that need it.
 */
export async function handleRest(ctx: RestContext, request: RecordedRequest): Promise<Reply> {
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(request.path);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== request.method) continue;
    if (candidate.auth && request.headers.authorization !== `Bot ${ctx.token}`) {
      return apiError(401, 0, '401: Unauthorized');
    }
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
    return candidate.handle(ctx, request, params);
  }
  return pathMatched ? apiError(405, 0, '405: Method Not Allowed') : apiError(404, 0, '404: Not Found');
}

// ---- gateway discovery, the bot itself -------------------------------------------------------

route('GET', '/gateway', false, (ctx) => ok({ url: ctx.gatewayUrl() }));

route('GET', '/gateway/bot', true, (ctx) =>
  ok({
    url: ctx.gatewayUrl(),
    shards: ctx.shardCount,
    // max_concurrency covers every shard, so discord.js identifies them without its 5 s spacing.
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: Math.max(16, ctx.shardCount) },
  }),
);

route('GET', '/users/@me', true, () => ok({ ...BOT_USER, verified: true, mfa_enabled: false, flags: 0, locale: 'en-US' }));

route('GET', '/applications/@me', true, (ctx) =>
  ok({
    id: ctx.applicationId,
    name: BOT_USER.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot: BOT_USER,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: 'fake-verify-key',
    flags: ctx.applicationFlags,
    owner: OWNER_USER,
    team: null,
    approximate_guild_count: GUILDS.length,
    interactions_endpoint_url: null,
    tags: [],
  }),
);

// ---- application commands --------------------------------------------------------------------

for (const scope of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
  route('GET', scope, true, (ctx, _request, params) => withCommandScope(ctx, params, (key) => ok(ctx.commands.get(key) ?? [])));
  route('PUT', scope, true, (ctx, request, params) =>
    withCommandScope(ctx, params, (key) => {
      if (!Array.isArray(request.body)) return invalidForm('body: Must be an array of commands.');
      const problem = request.body.map((command) => commandProblem(command as Json)).find(Boolean);
      if (problem) return invalidForm(problem);
      const previous = ctx.commands.get(key) ?? [];
      const stored = (request.body as Json[]).map((command) => storeCommand(ctx, command, previous, params['guild']));
      ctx.commands.set(key, stored);
      return ok(stored);
    }),
  );
  route('POST', scope, true, (ctx, request, params) =>
    withCommandScope(ctx, params, (key) => {
      const command = (request.body ?? {}) as Json;
      const problem = commandProblem(command);
      if (problem) return invalidForm(problem);
      const previous = ctx.commands.get(key) ?? [];
      const stored = storeCommand(ctx, command, previous, params['guild']);
      ctx.commands.set(key, [...previous.filter((existing) => existing['name'] !== stored['name']), stored]);
      return { status: previous.some((existing) => existing['name'] === stored['name']) ? 200 : 201, body: stored };
    }),
  );
}

function withCommandScope(ctx: RestContext, params: Params, answer: (key: string) => Reply): Reply {
  if (params['app'] !== ctx.applicationId) return apiError(403, 50001, 'Missing Access');
  const guildId = params['guild'];
  if (guildId !== undefined && !findGuild(guildId)) return apiError(404, 10004, 'Unknown Guild');
  return answer(guildId ?? 'global');
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Why Discord would reject this command (or option) definition, or null. */
function commandProblem(command: Json, path = 'command'): string | null {
  const name = command['name'];
  const isChatInput = (command['type'] ?? 1) === 1;
  if (typeof name !== 'string' || !COMMAND_NAME.test(name) || (isChatInput && name !== name.toLowerCase())) {
    return `${path}.name: Invalid name ${JSON.stringify(name)} (1-32 lowercase letters, digits, - or _).`;
  }
  const description = command['description'];
  if (isChatInput && (typeof description !== 'string' || description.length < 1 || description.length > 100)) {
    return `${path}.description: Must be between 1 and 100 in length.`;
  }
  const options = Array.isArray(command['options']) ? (command['options'] as Json[]) : [];
  if (options.length > 25) return `${path}.options: Must be 25 or fewer in length.`;
  let sawOptional = false;
  for (const [index, option] of options.entries()) {
    const problem = commandProblem(option, `${path}.options[${index}]`);
    if (problem) return problem;
    if (option['required'] === true && sawOptional) return `${path}.options[${index}]: Required options must be placed before non-required options.`;
    if (option['required'] !== true) sawOptional = true;
  }
  return null;
}

function storeCommand(ctx: RestContext, command: Json, previous: readonly Json[], guildId: string | undefined): Json {
  const existing = previous.find((candidate) => candidate['name'] === command['name']);
  return {
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    ...command,
    id: (existing?.['id'] as string | undefined) ?? ctx.newId(),
    application_id: ctx.applicationId,
    version: ctx.newId(),
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

// ---- interaction callbacks -------------------------------------------------------------------

const ALLOWED_CALLBACKS: Readonly<Record<number, readonly number[]>> = {
  [InteractionType.ApplicationCommand]: [CallbackType.ChannelMessageWithSource, CallbackType.DeferredChannelMessageWithSource, CallbackType.Modal],
  [InteractionType.MessageComponent]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.DeferredUpdateMessage,
    CallbackType.UpdateMessage,
    CallbackType.Modal,
  ],
  [InteractionType.Autocomplete]: [CallbackType.AutocompleteResult],
  [InteractionType.ModalSubmit]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.DeferredUpdateMessage,
    CallbackType.UpdateMessage,
  ],
};

route('POST', '/interactions/:id/:token/callback', false, (ctx, request, params) => {
  const record = ctx.findInteraction((candidate) => candidate.id === params['id'] && candidate.token === params['token']);
  if (!record) return apiError(404, 10062, 'Unknown interaction');
  if (record.callback) return apiError(400, 40060, 'Interaction has already been acknowledged.');
  if (request.receivedAt - record.dispatchedAt > ctx.interactionDeadlineMs) return apiError(404, 10062, 'Unknown interaction');
  const body = (request.body ?? {}) as Json;
  const type = body['type'];
  const data = (body['data'] ?? {}) as Json;
  if (typeof type !== 'number' || !(ALLOWED_CALLBACKS[record.kind] ?? []).includes(type)) {
    return invalidForm(`type: Interaction response type ${String(type)} is not valid for interaction type ${record.kind}.`);
  }
  const problem = callbackProblem(type, data);
  if (problem) return invalidForm(problem);

  const message = applyCallback(ctx, record, type, data);
  if (type === CallbackType.Modal) ctx.shownModals.set(data['custom_id'] as string, data);
  record.callback = 'data' in body ? { type, data } : { type };
  record.latencyMs = request.receivedAt - record.dispatchedAt;
  ctx.interactionChanged();

  if (request.query['with_response'] !== 'true') return NO_CONTENT;
  const flags = typeof message?.['flags'] === 'number' ? message['flags'] : 0;
  return ok({
    interaction: {
      id: record.id,
      type: record.kind,
      activity_instance_id: null,
      response_message_id: message?.['id'] ?? null,
      response_message_loading: (flags & MessageFlag.Loading) !== 0,
      response_message_ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
    },
    resource: { type, ...(message && type !== CallbackType.DeferredUpdateMessage ? { message } : {}) },
  });
});

function callbackProblem(type: number, data: Json): string | null {
  if (type === CallbackType.ChannelMessageWithSource) return messageBodyProblem(data, false);
  if (type === CallbackType.Modal) return modalProblem(data);
  if (type === CallbackType.UpdateMessage) return messageBodyProblem(data, true);
  if (type === CallbackType.AutocompleteResult) {
    const choices = data['choices'];
    if (!Array.isArray(choices)) return 'data.choices: This field is required';
    if (choices.length > 25) return 'data.choices: Must be 25 or fewer in length.';
    for (const choice of choices as Json[]) {
      const name = choice['name'];
      if (typeof name !== 'string' || name.length < 1 || name.length > 100) return 'data.choices.name: Must be between 1 and 100 in length.';
      if (typeof choice['value'] === 'string' && choice['value'].length > 100) return 'data.choices.value: Must be 100 or fewer in length.';
    }
  }
  return null;
}

/** Why Discord would reject this modal: its id, title, and one to five text inputs in labels (or action rows). */
function modalProblem(data: Json): string | null {
  const length = (value: unknown, min: number, max: number) => typeof value === 'string' && value.length >= min && value.length <= max;
  if (!length(data['custom_id'], 1, 100)) return 'data.custom_id: Must be between 1 and 100 in length.';
  if (!length(data['title'], 1, 45)) return 'data.title: Must be between 1 and 45 in length.';
  const parts = Array.isArray(data['components']) ? (data['components'] as Json[]) : [];
  if (parts.length < 1 || parts.length > 5) return 'data.components: Must be between 1 and 5 in length.';
  for (const [index, part] of parts.entries()) {
    const at = `data.components[${index}]`;
    let input: Json | undefined;
    if (part['type'] === 18) {
      if (!length(part['label'], 1, 45)) return `${at}.label: Must be between 1 and 45 in length.`;
      if (part['description'] !== undefined && !length(part['description'], 0, 100)) return `${at}.description: Must be 100 or fewer in length.`;
      input = part['component'] as Json | undefined;
    } else if (part['type'] === 1) {
      const row = Array.isArray(part['components']) ? (part['components'] as Json[]) : [];
      if (row.length !== 1) return `${at}.components: Must hold exactly one text input.`;
      input = row[0];
    } else {
      return `${at}.type: A modal holds labels (18) or action rows (1).`;
    }
    if (input?.['type'] !== 4) return `${at}: Must hold a text input (type 4).`;
    if (!length(input['custom_id'], 1, 100)) return `${at}.custom_id: Must be between 1 and 100 in length.`;
    if (input['style'] !== 1 && input['style'] !== 2) return `${at}.style: Must be 1 (short) or 2 (paragraph).`;
    if (typeof input['max_length'] === 'number' && (input['max_length'] < 1 || input['max_length'] > 4000)) return `${at}.max_length: Must be between 1 and 4000.`;
  }
  return null;
}

/** Creates or edits the message a callback implies and returns it (null for autocomplete). */
function applyCallback(ctx: RestContext, record: InteractionRecord, type: number, data: Json): Json | null {
  const componentMessageId = ((record.payload['message'] as Json | undefined)?.['id'] as string | undefined) ?? null;
  switch (type) {
    case CallbackType.ChannelMessageWithSource:
    case CallbackType.DeferredChannelMessageWithSource: {
      const body = type === CallbackType.ChannelMessageWithSource ? data : { flags: numberOr(data['flags']) | MessageFlag.Loading };
      const messageType = record.kind === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
      const message = createInteractionMessage(ctx, record, body, messageType);
      record.messageId = message['id'] as string;
      if (type === CallbackType.ChannelMessageWithSource) announce(ctx, message, record.guildId);
      return message;
    }
    case CallbackType.UpdateMessage:
    case CallbackType.DeferredUpdateMessage: {
      record.messageId = componentMessageId;
      if (!componentMessageId) return null;
      return type === CallbackType.UpdateMessage ? (ctx.messages.edit(componentMessageId, data) ?? null) : (ctx.messages.get(componentMessageId) ?? null);
    }
    default:
      return null;
  }
}

/** A message the bot posts in answer to an interaction (its reply or a follow-up). */
function createInteractionMessage(ctx: RestContext, record: InteractionRecord, body: Json, type: number): Json {
  return ctx.messages.create({
    id: ctx.newId(),
    channelId: record.channelId,
    guildId: record.guildId,
    author: BOT_USER,
    body,
    type,
    extra: interactionMessageFields(ctx, record),
  });
}

function interactionMessageFields(ctx: RestContext, record: InteractionRecord): Json {
  const user = (record.payload['user'] ?? (record.payload['member'] as Json | undefined)?.['user']) as FakeUser;
  return {
    webhook_id: ctx.applicationId,
    application_id: ctx.applicationId,
    interaction_metadata: { id: record.id, type: record.kind, user, authorizing_integration_owners: record.payload['authorizing_integration_owners'] },
  };
}

/** Echoes a non-ephemeral message the bot created as MESSAGE_CREATE, as Discord does. */
function announce(ctx: RestContext, message: Json, guildId: string | null): void {
  if ((numberOr(message['flags']) & MessageFlag.Ephemeral) === 0) ctx.messageCreated(message, guildId);
}

// ---- interaction webhooks (@original and follow-ups) -----------------------------------------

function withWebhook(ctx: RestContext, params: Params, answer: (record: InteractionRecord) => Reply): Reply {
  const record = ctx.findInteraction((candidate) => candidate.token === params['token']);
  if (!record || params['app'] !== ctx.applicationId || !record.callback) return apiError(404, 10015, 'Unknown Webhook');
  return answer(record);
}

function webhookMessageId(record: InteractionRecord, id: string | undefined): string | null {
  return id === '@original' ? record.messageId : (id ?? null);
}

route('POST', '/webhooks/:app/:token', false, (ctx, request, params) =>
  withWebhook(ctx, params, (record) => {
    const body = (request.body ?? {}) as Json;
    const problem = messageBodyProblem(body, false);
    if (problem) return invalidForm(problem);
    const message = createInteractionMessage(ctx, record, body, MessageType.Default);
    record.followUps.push(body);
    ctx.interactionChanged();
    announce(ctx, message, record.guildId);
    return request.query['wait'] === 'true' ? ok(message) : NO_CONTENT;
  }),
);

route('GET', '/webhooks/:app/:token/messages/:message', false, (ctx, _request, params) =>
  withWebhook(ctx, params, (record) => {
    const message = ctx.messages.get(webhookMessageId(record, params['message']) ?? '');
    return message ? ok(message) : apiError(404, 10008, 'Unknown Message');
  }),
);

route('PATCH', '/webhooks/:app/:token/messages/:message', false, (ctx, request, params) =>
  withWebhook(ctx, params, (record) => {
    const body = (request.body ?? {}) as Json;
    const problem = messageBodyProblem(body, true);
    if (problem) return invalidForm(problem);
    const message = ctx.messages.edit(webhookMessageId(record, params['message']) ?? '', body);
    if (!message) return apiError(404, 10008, 'Unknown Message');
    if (params['message'] === '@original') {
      record.edits.push(body);
      ctx.interactionChanged();
    }
    return ok(message);
  }),
);

route('DELETE', '/webhooks/:app/:token/messages/:message', false, (ctx, _request, params) =>
  withWebhook(ctx, params, (record) => {
    if (!ctx.messages.delete(webhookMessageId(record, params['message']) ?? '')) return apiError(404, 10008, 'Unknown Message');
    if (params['message'] === '@original') {
      record.originalDeleted = true;
      ctx.interactionChanged();
    }
    return NO_CONTENT;
  }),
);

// ---- channels and messages -------------------------------------------------------------------

/** A channel the bot can see: a fixture guild's text channel, a thread started in one, its DM with a known user, or a DM it opened. */
function channelObject(ctx: RestContext, channelId: string): { channel: Json; guildId: string | null } | null {
  if (ctx.deletedChannels.has(channelId)) return null;
  const opened = ctx.dmChannels.get(channelId);
  if (opened) return { channel: opened, guildId: null };
  const thread = ctx.threads.get(channelId);
  if (thread) return { channel: thread.channel, guildId: thread.guild.id };
  const guild = findGuildOfChannel(channelId);
  const fixture = guild?.channels.find((channel) => channel.id === channelId);
  if (guild && fixture) return { channel: channelPayload(guild, fixture), guildId: guild.id };
  for (const candidate of GUILDS.flatMap((known) => known.members.map((member) => member.user))) {
    const dm = dmChannelPayload(candidate);
    if (dm['id'] === channelId) return { channel: dm, guildId: null };
  }
  return null;
}

route('GET', '/channels/:channel', true, (ctx, _request, params) => {
  const found = channelObject(ctx, params['channel'] ?? '');
  return found ? ok(found.channel) : apiError(404, 10003, 'Unknown Channel');
});

route('POST', '/channels/:channel/typing', true, (ctx, _request, params) =>
  channelObject(ctx, params['channel'] ?? '') ? NO_CONTENT : apiError(404, 10003, 'Unknown Channel'),
);

route('POST', '/users/@me/channels', true, (ctx, request) => {
  const recipientId = ((request.body ?? {}) as Json)['recipient_id'];
  if (typeof recipientId !== 'string' || !/^\d{17,20}$/.test(recipientId)) return invalidForm('recipient_id: Value "" is not snowflake.');
  const recipient: FakeUser = findUser(recipientId) ?? { id: recipientId, username: `user-${recipientId}`, global_name: null, discriminator: '0', avatar: null };
  const channel = dmChannelPayload(recipient);
  ctx.dmChannels.set(channel['id'] as string, channel);
  return ok(channel);
});

route('POST', '/channels/:channel/messages', true, (ctx, request, params) => {
  const channelId = params['channel'] ?? '';
  const found = channelObject(ctx, channelId);
  if (!found) return apiError(404, 10003, 'Unknown Channel');
  const recipients = (found.channel['recipients'] ?? []) as FakeUser[];
  if (recipients.some((recipient) => ctx.closedDms.has(recipient.id))) return apiError(403, 50007, 'Cannot send messages to this user');
  const { headers, limited } = ctx.messageLimits.take('fake-message-create', channelId);
  if (limited) return limited;
  const body = (request.body ?? {}) as Json;
  const problem = messageBodyProblem(body, false);
  if (problem) return invalidForm(problem);
  const nonce = typeof body['nonce'] === 'string' || typeof body['nonce'] === 'number' ? String(body['nonce']) : null;
  if (nonce !== null && nonce.length > 25) return invalidForm('nonce: Must be 25 or fewer in length.');
  const earlier = nonce !== null && body['enforce_nonce'] === true ? ctx.messages.get(ctx.nonces.get(nonce) ?? '') : undefined;
  // As Discord does with enforce_nonce: the message already created with this nonce, not a second one.
  if (earlier) return { ...ok(earlier), headers };
  const reference = body['message_reference'] as Json | undefined;
  const referenced = typeof reference?.['message_id'] === 'string' ? ctx.messages.get(reference['message_id']) : undefined;
  if (reference && !referenced && reference['fail_if_not_exists'] !== false) {
    return invalidForm('message_reference: Unknown message');
  }
  const message = ctx.messages.create({
    id: ctx.newId(),
    channelId,
    guildId: found.guildId,
    author: BOT_USER,
    body,
    type: referenced ? MessageType.Reply : MessageType.Default,
    extra: {
      ...(nonce === null ? {} : { nonce }),
      ...(referenced
        ? {
            message_reference: { type: 0, channel_id: channelId, message_id: referenced['id'], ...(found.guildId ? { guild_id: found.guildId } : {}) },
            referenced_message: referenced,
          }
        : {}),
    },
  });
  if (nonce !== null) ctx.nonces.set(nonce, message['id'] as string);
  const thread = ctx.threads.get(channelId);
  if (thread) {
    thread.channel['message_count'] = Number(thread.channel['message_count'] ?? 0) + 1;
    thread.channel['total_message_sent'] = Number(thread.channel['total_message_sent'] ?? 0) + 1;
    thread.channel['last_message_id'] = message['id'];
  }
  announce(ctx, message, found.guildId);
  return { ...ok(message), headers };
});

route('GET', '/channels/:channel/messages', true, (ctx, request, params) => {
  const channelId = params['channel'] ?? '';
  if (!channelObject(ctx, channelId)) return apiError(404, 10003, 'Unknown Channel');
  const limit = Math.min(100, Math.max(1, Number(request.query['limit'] ?? 50) || 50));
  const before = request.query['before'];
  const after = request.query['after'];
  // Newest first, as Discord lists them.
  const listed = ctx.messages
    .inChannel(channelId)
    .filter((m) => (before === undefined || BigInt(m['id'] as string) < BigInt(before)) && (after === undefined || BigInt(m['id'] as string) > BigInt(after)))
    .sort((a, b) => (BigInt(b['id'] as string) > BigInt(a['id'] as string) ? 1 : -1))
    .slice(0, limit);
  return ok(listed);
});

route('POST', '/channels/:channel/messages/:message/threads', true, (ctx, request, params) => {
  const channelId = params['channel'] ?? '';
  const guild = findGuildOfChannel(channelId);
  if (!guild) return ctx.threads.get(channelId) ? apiError(400, 50024, 'Cannot execute action on this channel type') : apiError(404, 10003, 'Unknown Channel');
  const starter = ctx.messages.get(params['message'] ?? '');
  if (!starter || starter['channel_id'] !== channelId) return apiError(404, 10008, 'Unknown Message');
  const bot = guild.members.find((member) => member.user.id === BOT_USER.id);
  if ((memberPermissions(guild, BOT_USER.id, bot?.roles ?? []) & Permission.CreatePublicThreads) === 0n) return apiError(403, 50013, 'Missing Permissions');
  if (ctx.threads.fromMessage(starter['id'] as string)) return apiError(400, 160004, 'A thread has already been created for this message');
  const body = (request.body ?? {}) as Json;
  const name = body['name'];
  if (typeof name !== 'string' || name.length < 1 || name.length > 100) return invalidForm('name: Must be between 1 and 100 in length.');
  const thread = ctx.threads.create({
    id: starter['id'] as string,
    parentId: channelId,
    starterMessageId: starter['id'] as string,
    name,
    ownerId: BOT_USER.id,
    autoArchiveDuration: typeof body['auto_archive_duration'] === 'number' ? body['auto_archive_duration'] : 4320,
  });
  if (!thread) return apiError(404, 10003, 'Unknown Channel');
  // Discord marks the starter message with its thread and sends THREAD_CREATE to the guild.
  starter['thread'] = thread.channel;
  ctx.threadCreated({ ...thread.channel, newly_created: true }, guild.id);
  return { status: 201, body: thread.channel };
});

route('GET', '/channels/:channel/messages/:message', true, (ctx, _request, params) => {
  if (!channelObject(ctx, params['channel'] ?? '')) return apiError(404, 10003, 'Unknown Channel');
  const message = ctx.messages.get(params['message'] ?? '');
  return message && message['channel_id'] === params['channel'] ? ok(message) : apiError(404, 10008, 'Unknown Message');
});

route('PATCH', '/channels/:channel/messages/:message', true, (ctx, request, params) => {
  const channelId = params['channel'] ?? '';
  if (!channelObject(ctx, channelId)) return apiError(404, 10003, 'Unknown Channel');
  const existing = ctx.messages.get(params['message'] ?? '');
  if (!existing || existing['channel_id'] !== channelId) return apiError(404, 10008, 'Unknown Message');
  if ((existing['author'] as FakeUser | undefined)?.id !== BOT_USER.id) return apiError(403, 50005, 'Cannot edit a message authored by another user');
  const { headers, limited } = ctx.messageLimits.take('fake-message-edit', channelId);
  if (limited) return limited;
  const body = (request.body ?? {}) as Json;
  const problem = messageBodyProblem(body, true);
  if (problem) return invalidForm(problem);
  return { ...ok(ctx.messages.edit(existing['id'] as string, body)), headers };
});

route('DELETE', '/channels/:channel/messages/:message', true, (ctx, _request, params) =>
  ctx.messages.delete(params['message'] ?? '') ? NO_CONTENT : apiError(404, 10008, 'Unknown Message'),
);

route('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', true, (ctx, _request, params) =>
  ctx.messages.get(params['message'] ?? '') ? NO_CONTENT : apiError(404, 10008, 'Unknown Message'),
);

// ---- guilds ----------------------------------------------------------------------------------

route('GET', '/guilds/:guild', true, (_ctx, _request, params) => {
  const guild = findGuild(params['guild'] ?? '');
  return guild ? ok(guildPayload(guild)) : apiError(404, 10004, 'Unknown Guild');
});

route('GET', '/guilds/:guild/channels', true, (_ctx, _request, params) => {
  const guild = findGuild(params['guild'] ?? '');
  return guild ? ok(guild.channels.map((channel, position) => channelPayload(guild, channel, position))) : apiError(404, 10004, 'Unknown Guild');
});

route('GET', '/guilds/:guild/roles', true, (_ctx, _request, params) => {
  const guild = findGuild(params['guild'] ?? '');
  return guild ? ok(guild.roles.map(rolePayload)) : apiError(404, 10004, 'Unknown Guild');
});

route('GET', '/guilds/:guild/members/:user', true, (_ctx, _request, params) => {
  const guild = findGuild(params['guild'] ?? '');
  if (!guild) return apiError(404, 10004, 'Unknown Guild');
  const member = guild.members.find((candidate) => candidate.user.id === params['user']);
  if (member) return ok(memberPayload(guild, member));
  return findUser(params['user'] ?? '') ? apiError(404, 10007, 'Unknown Member') : apiError(404, 10013, 'Unknown User');
});

function numberOr(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
