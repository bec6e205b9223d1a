/**
 * A fake Discord for end-to-end tests: REST under http://127.0.0.1:PORT/api/v10 and the gateway
 * WebSocket on the same port, plus a driver API to send interactions and messages to the bot and
 * observe what it did. See README.md in this folder.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APPLICATION_ID,
  BOT_USER,
  FAKE_TOKEN,
  PLAIN_USER,
  TEST_CHANNEL_ID,
  TEST_GUILD_ID,
  findGuild,
  findGuildOfChannel,
  type FakeUser,
} from './fixtures.ts';
import { ReplyCapture } from './capture.ts';
import { Feed } from './feed.ts';
import { FakeGateway, Intent, type ConnectionRecord, type IdentifyRecord } from './gateway.ts';
import {
  FaultQueue,
  MessageRateLimits,
  RateLimitQueue,
  apiError,
  readRequest,
  writeReply,
  type RateLimitSetting,
  type RecordedRequest,
  type RequestMatcher,
} from './http.ts';
import {
  buildInteraction,
  isSettled,
  snapshot,
  type InteractionOutcome,
  type InteractionRecord,
  type InteractionSpec,
} from './interactions.ts';
import { MessageStore, MessageType } from './messages.ts';
import { channelPayload, createSnowflakes, dmChannelId, dmChannelPayload, memberPayload, type Json } from './payloads.ts';
import { handleRest, type RestContext } from './rest.ts';
import { ThreadStore } from './threads.ts';

export * from './fixtures.ts';
export { Intent } from './gateway.ts';
export type { ConnectionRecord, IdentifyRecord } from './gateway.ts';
export type { RecordedRequest, RequestMatcher } from './http.ts';
export type { CapturedAsk, CapturedReply } from './capture.ts';
export type { InteractionOutcome, InteractionSpec, OptionValue } from './interactions.ts';
export type { RateLimitSetting } from './http.ts';
export type { Json } from './payloads.ts';

/** Options for {@link startFakeDiscord}; every field has a default. */
export interface FakeDiscordOptions {
  /** The bot token the fake accepts (default FAKE_TOKEN). */
  readonly token?: string;
  /** The application id (default APPLICATION_ID, the bot user's id). */
  readonly applicationId?: string;
  /** The shard count GET /gateway/bot recommends (default 1). */
  readonly shards?: number;
  /** HELLO's heartbeat_interval (default 41 250 ms, Discord's usual value). */
  readonly heartbeatIntervalMs?: number;
  /** How long an interaction accepts its first callback (default 3000 ms, as on Discord). */
  readonly interactionDeadlineMs?: number;
  /** The application flags READY and /applications/@me report (default: message content intent limited). */
  readonly applicationFlags?: number;
  /** A folder to keep every reply the bot sends in, as JSON lines (default: the CAPTURE_REPLIES variable; unset keeps nothing). */
  readonly captureDir?: string;
  /** Intent bits the app may not use (a privileged intent not enabled in the portal): IDENTIFY with one gets 4014. Default none. */
  readonly disallowedIntents?: number;
  /** Per-channel limit of message creation, and separately of edits (default 5 per 5 s, as on Discord). */
  readonly messageRateLimit?: RateLimitSetting;
}

/** A message the driver dispatched as MESSAGE_CREATE. */
export interface MessageSpec {
  readonly content: string;
  /** Defaults to PLAIN_USER. */
  readonly author?: FakeUser;
  /** Users mentioned; add BOT_USER (and `<@id>` in content) to mention the bot. */
  readonly mentions?: readonly FakeUser[];
  /** Defaults to the test channel, or the author's DM channel when guildId is null. */
  readonly channelId?: string;
  /** Defaults to the channel's guild; null sends a DM. */
  readonly guildId?: string | null;
  /** Makes the message a reply to this message (of the same channel), as Discord's "Reply" does. */
  readonly replyTo?: string;
  /** With `replyTo`: whether the reply pings the replied-to author (Discord's default: yes), which puts them among the mentions. */
  readonly ping?: boolean;
}

/** The outcome of {@link FakeDiscord.sendMessage}. */
export interface SentMessage {
  readonly id: string;
  /** The MESSAGE_CREATE body as the bot received it (content blanked without the MessageContent intent). */
  readonly payload: Json;
  /** False when the bot's intents exclude this message, so Discord would not have sent it. */
  readonly delivered: boolean;
}

/** Options for {@link FakeDiscord.sendInteraction}. */
export interface SendInteractionOptions {
  /** Resolve with timedOut: true after this long (default 2500 ms). */
  readonly timeoutMs?: number;
  /** When the outcome counts as finished (default: a final callback, or a deferral plus an edit or follow-up). */
  readonly until?: (outcome: InteractionOutcome) => boolean;
}

/** A running fake Discord and its driver API. */
export interface FakeDiscord {
  /** Pass to discord.js as `rest: { api: apiUrl }` (e.g. DISCORD_API_URL). */
  readonly apiUrl: string;
  /** The gateway URL GET /gateway/bot advertises. */
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  /** Every REST request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Every IDENTIFY, in order (shard, intents, accepted). */
  readonly identifies: readonly IdentifyRecord[];
  /** Every gateway connection (path and query), in order. */
  readonly connections: readonly ConnectionRecord[];
  /** Successful RESUMEs so far. */
  readonly resumes: number;
  /** Heartbeats received so far. */
  readonly heartbeats: number;
  /** Commands registered by PUT/POST, keyed 'global' or by guild id. */
  readonly commands: ReadonlyMap<string, readonly Json[]>;
  /** Resolves with the first request, past or future, matching `matches`; rejects after timeoutMs (default 2000). */
  waitForRequest(matches: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves once every shard has identified (default timeout 5000 ms). */
  waitForShards(timeoutMs?: number): Promise<void>;
  /** Dispatches INTERACTION_CREATE to the guild's shard and resolves with what the bot did. */
  sendInteraction(spec: InteractionSpec, options?: SendInteractionOptions): Promise<InteractionOutcome>;
  /** Dispatches MESSAGE_CREATE to the guild's shard, honouring the session's intents as Discord does. */
  sendMessage(spec: MessageSpec): SentMessage;
  /** Resolves with the POST /channels/:id/messages whose message_reference points at messageId. */
  waitForReply(messageId: string, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with the first successful POST /channels/:channelId/messages, past or future, that `matches` (default: any). */
  waitForChannelMessage(channelId: string, matches?: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** The threads the bot started, as channel objects, in order. */
  readonly threads: readonly Json[];
  /** Closes the gateway socket(s) (all shards, or one) with a close code; returns how many closed. */
  closeGateway(code?: number, shardId?: number): number;
  /** Answers the next REST request matching `matches` with a 429 (retry_after = retryAfterMs). */
  rateLimitNext(matches: RequestMatcher, retryAfterMs: number): void;
  /** Answers the next REST request matching `matches` with 401 Unauthorized, as Discord answers a token it no longer accepts. */
  unauthorizedNext(matches: RequestMatcher): void;
  /** Holds the next REST request matching `matches` for `delayMs` before answering it as usual (a slow Discord). */
  delayNext(matches: RequestMatcher, delayMs: number): void;
  /**
   * Stops accepting the token, as when it is reset in the Developer Portal: REST answers 401 (unless
   * `rest` is false) and the gateway closes every socket with 4004 and refuses IDENTIFY and RESUME
   * (unless `gateway` is false).
   */
  revokeToken(where?: { readonly rest?: boolean; readonly gateway?: boolean }): void;
  /**
   * Handles the next REST request matching `matches` that succeeds (so its effect happens) but
   * never answers it, as when the bot stops or crashes before Discord's answer arrives.
   */
  stallNext(matches: RequestMatcher): void;
  /** Deletes a fixture channel: its routes answer 404 Unknown Channel and CHANNEL_DELETE is dispatched. */
  deleteChannel(channelId: string): void;
  /** Makes the bot's direct messages to this user fail with 403 Cannot send messages to this user. */
  closeDirectMessages(userId: string): void;
  /** A message as it now stands (after edits), by id. */
  message(messageId: string): Json | undefined;
  /** The messages of a channel, oldest first. */
  channelMessages(channelId: string): Json[];
  /** The DM channel between the bot and a user. */
  dmChannelOf(user: FakeUser): string;
  /** Stops the server and drops every connection. */
  close(): Promise<void>;
}

/** Message content intent limited (1 << 19): what a bot under 100 guilds reports. */
const DEFAULT_APPLICATION_FLAGS = 1 << 19;

/** Starts a fake Discord on 127.0.0.1 at a free port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? FAKE_TOKEN;
  const applicationId = options.applicationId ?? APPLICATION_ID;
  const applicationFlags = options.applicationFlags ?? DEFAULT_APPLICATION_FLAGS;
  const shardCount = options.shards ?? 1;
  const newId = createSnowflakes();
  let origin = '';

  const requests = new Feed<RecordedRequest>((request) => `${request.status} ${request.method} ${request.path}`);
  const interactions = new Feed<InteractionRecord>((record) => `interaction ${record.id} callback=${record.callback?.type ?? 'none'}`);
  const messages = new MessageStore();
  const threads = new ThreadStore();
  const commands = new Map<string, Json[]>();
  const rateLimits = new RateLimitQueue();
  const captureDir = options.captureDir ?? process.env['CAPTURE_REPLIES'];
  let capture: ReplyCapture | null = null;
  const faults = new FaultQueue();
  let restToken: string | null = token;
  const stalls: RequestMatcher[] = [];
  const stalled: ServerResponse[] = [];
  const deletedChannels = new Set<string>();
  const dmChannels = new Map<string, Json>();
  const closedDms = new Set<string>();
  const shownModals = new Map<string, Json>();
  const gateway = new FakeGateway({
    token,
    applicationId,
    applicationFlags,
    shardCount,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    disallowedIntents: options.disallowedIntents ?? 0,
    origin: () => origin.replace(/^http/, 'ws'),
    threadsOf: (guildId) => threads.ofGuild(guildId),
  });

  /** Dispatches MESSAGE_CREATE if the shard's intents let Discord send it; returns the body sent. */
  const dispatchMessage = (message: Json, guildId: string | null): { payload: Json; delivered: boolean } => {
    const shardId = gateway.shardFor(guildId);
    const intents = gateway.intentsOf(shardId) ?? 0;
    const needed = guildId === null ? Intent.DirectMessages : Intent.GuildMessages;
    const author = message['author'] as FakeUser;
    const mentioned = ((message['mentions'] ?? []) as FakeUser[]).some((user) => user.id === BOT_USER.id);
    // Without MessageContent, Discord blanks content unless the bot is mentioned, authored it, or it is a DM.
    const readable = (intents & Intent.MessageContent) !== 0 || mentioned || author.id === BOT_USER.id || guildId === null;
    const payload: Json = readable ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
    if ((intents & needed) === 0) return { payload, delivered: false };
    const member = guildId === null ? undefined : findGuild(guildId)?.members.find((candidate) => candidate.user.id === author.id);
    const guild = guildId === null ? undefined : findGuild(guildId);
    // MESSAGE_CREATE carries the author's member object without its user (the author is separate).
    const { user: _author, ...memberFields } = guild && member ? memberPayload(guild, member) : {};
    const withMember = guild && member ? { ...payload, member: memberFields } : payload;
    // Discord's MESSAGE_CREATE carries channel_type (1 = DM, 0 = guild text); discord.js needs it to
    // build the partial DM channel of a DM from a user it has not cached.
    gateway.dispatch(shardId, 'MESSAGE_CREATE', { ...withMember, channel_type: guildId === null ? 1 : 0 });
    return { payload: withMember, delivered: true };
  };

  const restContext: RestContext = {
    // After revokeToken no Authorization header matches.
    get token() {
      return restToken ?? '\0revoked';
    },
    applicationId,
    applicationFlags,
    shardCount,
    gatewayUrl: () => gateway.url,
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
    messages,
    commands,
    findInteraction: (match) => interactions.items.find(match),
    interactionChanged: () => interactions.changed(),
    messageCreated: (message, guildId) => void dispatchMessage(message, guildId),
    threads,
    threadCreated: (thread, guildId) => gateway.dispatch(gateway.shardFor(guildId), 'THREAD_CREATE', thread),
    newId,
    deletedChannels,
    dmChannels,
    closedDms,
    shownModals,
    nonces: new Map(),
    messageLimits: new MessageRateLimits(options.messageRateLimit ?? { limit: 5, windowMs: 5_000 }),
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      let recorded: RecordedRequest | null = null;
      try {
        recorded = { ...(await readRequest(request)), status: 0 };
        const fault = faults.take(recorded);
        if (fault !== null && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        const reply = (fault !== null && 'reply' in fault ? fault.reply : null) ?? rateLimits.take(recorded) ?? (await handleRest(restContext, recorded));
        recorded.status = reply.status;
        recorded.response = reply.body ?? null;
        const stall = reply.status < 300 ? stalls.findIndex((matches) => matches(recorded as RecordedRequest)) : -1;
        if (stall >= 0) {
          stalls.splice(stall, 1);
          stalled.push(response);
          return;
        }
        writeReply(response, reply);
      } catch (error) {
        writeReply(response, apiError(500, 0, `fake Discord failed: ${String(error)}`));
        if (recorded) recorded.status = 500;
      } finally {
        if (recorded) {
          requests.push(recorded);
          capture?.record(recorded, {
            interaction: (match) => interactions.items.find(match),
            message: (id) => messages.get(id),
            threadStarter: (id) => {
              const thread = threads.get(id);
              return thread ? messages.get(thread.starterMessageId) : undefined;
            },
          });
        }
      }
    })();
  });
  server.on('upgrade', (request, socket, head) => {
    if (!gateway.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  if (captureDir) capture = new ReplyCapture(captureDir, port);

  const sendInteraction = async (spec: InteractionSpec, sendOptions: SendInteractionOptions = {}): Promise<InteractionOutcome> => {
    const id = newId();
    const built = buildInteraction(spec, {
      id,
      applicationId,
      newId,
      commandId: (name, guildId) =>
        [...(guildId ? (commands.get(guildId) ?? []) : []), ...(commands.get('global') ?? [])].find((command) => command['name'] === name)?.[
          'id'
        ] as string | undefined,
      messageWithCustomId: (customId) => messages.findByCustomId(customId),
      thread: (id) => threads.get(id)?.channel,
      shownModal: (customId) => shownModals.get(customId),
    });
    // Discord knows the DM channel an interaction comes from, whoever the user.
    if (built.guildId === null) dmChannels.set(built.channelId, dmChannelPayload(spec.user ?? PLAIN_USER));
    const componentMessage = built.payload['message'] as (Json & { id: string }) | undefined;
    if (componentMessage) messages.remember(componentMessage);
    const shardId = gateway.shardFor(built.guildId);
    const record: InteractionRecord = {
      id,
      token: built.payload['token'] as string,
      payload: built.payload,
      shardId,
      kind: built.payload['type'] as number,
      channelId: built.channelId,
      guildId: built.guildId,
      dispatchedAt: performance.now(),
      callback: null,
      latencyMs: null,
      edits: [],
      followUps: [],
      originalDeleted: false,
      messageId: null,
      timedOut: false,
    };
    interactions.push(record);
    gateway.dispatch(shardId, 'INTERACTION_CREATE', built.payload);
    const until = sendOptions.until ?? isSettled;
    return interactions.waitFor((candidate) => candidate === record && until(candidate), sendOptions.timeoutMs ?? 2500).then(
      () => snapshot(record, false),
      () => snapshot(record, true),
    );
  };

  const sendMessage = (spec: MessageSpec): SentMessage => {
    const author = spec.author ?? PLAIN_USER;
    const guildOfChannel = (id: string) => threads.get(id)?.guild.id ?? findGuildOfChannel(id)?.id ?? null;
    const guildId = spec.guildId !== undefined ? spec.guildId : spec.channelId ? guildOfChannel(spec.channelId) : TEST_GUILD_ID;
    const channelId = spec.channelId ?? (guildId === null ? dmChannelId(author) : (findGuild(guildId)?.channels[0]?.id ?? TEST_CHANNEL_ID));
    const referenced = spec.replyTo === undefined ? undefined : messages.get(spec.replyTo);
    if (spec.replyTo !== undefined && (!referenced || referenced['channel_id'] !== channelId)) {
      throw new Error(`fake Discord: message ${spec.replyTo} is not in channel ${channelId}`);
    }
    const repliedAuthor = referenced?.['author'] as FakeUser | undefined;
    const mentions = [...(spec.mentions ?? []), ...(repliedAuthor && spec.ping !== false ? [repliedAuthor] : [])];
    const message = messages.create({
      id: newId(),
      channelId,
      guildId,
      author,
      body: { content: spec.content },
      type: referenced ? MessageType.Reply : MessageType.Default,
      extra: {
        mentions,
        ...(referenced
          ? {
              message_reference: { type: 0, channel_id: channelId, message_id: referenced['id'], ...(guildId ? { guild_id: guildId } : {}) },
              referenced_message: referenced,
            }
          : {}),
      },
    });
    const { payload, delivered } = dispatchMessage(message, guildId);
    return { id: message['id'] as string, payload, delivered };
  };

  return {
    apiUrl: `${origin}/api`,
    gatewayUrl: gateway.url,
    token,
    applicationId,
    requests: requests.items,
    identifies: gateway.identifies,
    connections: gateway.connections,
    get resumes() {
      return gateway.resumes;
    },
    get heartbeats() {
      return gateway.heartbeats;
    },
    commands,
    waitForRequest: (matches, timeoutMs = 2000) => requests.waitFor(matches, timeoutMs, 'matching request'),
    waitForShards: (timeoutMs = 5000) => gateway.waitForAllShards(timeoutMs),
    sendInteraction,
    sendMessage,
    waitForReply: (messageId, timeoutMs = 2500) =>
      requests.waitFor(
        (request) =>
          request.method === 'POST' &&
          /^\/channels\/\d+\/messages$/.test(request.path) &&
          request.status === 200 &&
          ((request.body as Json | null)?.['message_reference'] as Json | undefined)?.['message_id'] === messageId,
        timeoutMs,
        `reply to message ${messageId}`,
      ),
    waitForChannelMessage: (channelId, matches = () => true, timeoutMs = 2500) =>
      requests.waitFor(
        (request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages` && request.status === 200 && matches(request),
        timeoutMs,
        `message in channel ${channelId}`,
      ),
    get threads() {
      return threads.all();
    },
    closeGateway: (code = 4000, shardId) => gateway.closeSockets(code, shardId),
    rateLimitNext: (matches, retryAfterMs) => rateLimits.add(matches, retryAfterMs),
    unauthorizedNext: (matches) => faults.add(matches, { reply: apiError(401, 0, '401: Unauthorized') }),
    delayNext: (matches, delayMs) => faults.add(matches, { delayMs }),
    revokeToken: ({ rest = true, gateway: onGateway = true } = {}) => {
      if (rest) restToken = null;
      if (onGateway) gateway.revokeToken();
    },
    stallNext: (matches) => void stalls.push(matches),
    deleteChannel: (channelId) => {
      const guild = findGuildOfChannel(channelId);
      const channel = guild?.channels.find((candidate) => candidate.id === channelId);
      if (!guild || !channel) throw new Error(`fake Discord: no fixture channel ${channelId}`);
      deletedChannels.add(channelId);
      gateway.dispatch(gateway.shardFor(guild.id), 'CHANNEL_DELETE', channelPayload(guild, channel));
    },
    closeDirectMessages: (userId) => void closedDms.add(userId),
    message: (messageId) => messages.get(messageId),
    channelMessages: (channelId) => messages.inChannel(channelId),
    dmChannelOf: (user) => dmChannelId(user),
    close: async () => {
      for (const response of stalled.splice(0)) response.destroy();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
