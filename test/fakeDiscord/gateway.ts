/**
 * The fake gateway: a WebSocket endpoint speaking Discord's JSON gateway protocol (v10, no
 * compression): HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay, sharding.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BOT_USER, GUILDS, shardOfGuild, type FakeUser } from './fixtures.ts';
import { guildCreatePayload, type Json } from './payloads.ts';

/** Gateway opcodes (Discord's numbers). */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Gateway intent bits the fake honours. */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** The URL path of the gateway; READY's resume_gateway_url uses RESUME_PATH so resumes can be told apart. */
const GATEWAY_PATH = '/gateway';
const RESUME_PATH = '/gateway-resume';

/** An IDENTIFY the fake accepted (or rejected), as the client sent it. */
export interface IdentifyRecord {
  readonly shard: readonly [id: number, count: number];
  readonly intents: number;
  readonly properties: unknown;
  readonly accepted: boolean;
}

/** One WebSocket connection: which URL the client opened. */
export interface ConnectionRecord {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

/** Settings the gateway needs from the fake server. */
export interface GatewayOptions {
  readonly token: string;
  readonly applicationId: string;
  readonly applicationFlags: number;
  readonly shardCount: number;
  readonly heartbeatIntervalMs: number;
  /** Intent bits an IDENTIFY may not ask for (privileged intents not enabled for the app): 4014. */
  readonly disallowedIntents: number;
  /** The ws:// origin of the server, known only once it listens. */
  readonly origin: () => string;
  /** A guild's active threads, listed in its GUILD_CREATE. */
  readonly threadsOf?: (guildId: string) => readonly Json[];
}

interface Session {
  readonly id: string;
  readonly shardId: number;
  readonly shardCount: number;
  readonly intents: number;
  seq: number;
  /** Every dispatch sent in this session, for replay on RESUME. */
  readonly sent: Json[];
  socket: WebSocket | null;
}

interface Connection {
  readonly socket: WebSocket;
  session: Session | null;
}

/** Close codes the fake sends when the client breaks the protocol. */
const Close = {
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidShard: 4010,
  InvalidApiVersion: 4012,
  DisallowedIntents: 4014,
} as const;

/** The gateway half of the fake: accepts WebSocket upgrades and tracks one session per shard. */
export class FakeGateway {
  /** Every IDENTIFY received, in order. */
  readonly identifies: IdentifyRecord[] = [];
  /** Every WebSocket connection opened, in order. */
  readonly connections: ConnectionRecord[] = [];
  /** How many RESUMEs succeeded. */
  resumes = 0;
  /** How many heartbeats the client sent. */
  heartbeats = 0;

  readonly #server = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  /** The latest identified session of each shard id. */
  readonly #shards = new Map<number, Session>();
  readonly #onShardChange = new Set<() => void>();
  /** Set by revokeToken: the token no longer identifies or resumes. */
  #revoked = false;

  constructor(private readonly options: GatewayOptions) {}

  /** Refuses the token from now on, and closes every open socket with 4004, as Discord does when a token is reset. */
  revokeToken(): void {
    this.#revoked = true;
    this.closeSockets(Close.AuthenticationFailed);
  }

  /** The URL GET /gateway/bot advertises. */
  get url(): string {
    return `${this.options.origin()}${GATEWAY_PATH}`;
  }

  /** Handles an HTTP upgrade request; returns false if the path is not a gateway path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_PATH) return false;
    this.#server.handleUpgrade(request, socket, head, (ws) => {
      this.connections.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
      if (url.searchParams.get('v') !== '10' || (url.searchParams.get('encoding') ?? 'json') !== 'json') {
        ws.close(Close.InvalidApiVersion, 'Invalid API version');
        return;
      }
      this.#accept(ws);
    });
    return true;
  }

  /** The shard that receives events for a guild, or shard 0 for DMs. */
  shardFor(guildId: string | null): number {
    return guildId === null ? 0 : shardOfGuild(guildId, this.options.shardCount);
  }

  /** The intents the shard identified with, or null when the shard has not identified. */
  intentsOf(shardId: number): number | null {
    return this.#shards.get(shardId)?.intents ?? null;
  }

  /**
   * Sends a dispatch on the shard's session. If its socket is down (between a close and the
   * client's RESUME), the event is kept and replayed on RESUME, as Discord does.
   * Throws when the shard never identified.
   */
  dispatch(shardId: number, event: string, data: unknown): void {
    const session = this.#shards.get(shardId);
    if (!session) throw new Error(`fake Discord: shard ${shardId} has not identified; is the client logged in?`);
    this.#dispatch(session, event, data);
  }

  /** Resolves once every shard (0..count-1) has an identified session. */
  waitForAllShards(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.#shards.size < this.options.shardCount) return;
        clearTimeout(timer);
        this.#onShardChange.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#onShardChange.delete(check);
        reject(new Error(`fake Discord: only ${this.#shards.size}/${this.options.shardCount} shards identified`));
      }, timeoutMs);
      this.#onShardChange.add(check);
      check();
    });
  }

  /** Closes the open sockets (of one shard, or all) with a close code; sessions stay resumable. */
  closeSockets(code: number, shardId?: number): number {
    let closed = 0;
    for (const session of this.#shards.values()) {
      if (shardId !== undefined && session.shardId !== shardId) continue;
      if (!session.socket) continue;
      session.socket.close(code, code === Close.AuthenticationFailed ? 'Authentication failed.' : 'closed by the test');
      session.socket = null;
      closed += 1;
    }
    return closed;
  }

  /** Terminates every connection. */
  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: WebSocket): void {
    const connection: Connection = { socket, session: null };
    socket.on('message', (raw, isBinary) => this.#onMessage(connection, raw, isBinary));
    socket.on('close', () => {
      if (connection.session?.socket === socket) connection.session.socket = null;
    });
    socket.on('error', () => socket.terminate());
    send(socket, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-gateway'] } });
  }

  #onMessage(connection: Connection, raw: RawData, isBinary: boolean): void {
    let payload: Json;
    try {
      if (isBinary) throw new Error('binary frames need compression, which the fake does not speak');
      payload = JSON.parse(rawText(raw)) as Json;
    } catch {
      connection.socket.close(Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    const data = (payload['d'] ?? null) as Json | null;
    switch (payload['op']) {
      case Op.Heartbeat:
        this.heartbeats += 1;
        send(connection.socket, { op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        this.#identify(connection, data ?? {});
        return;
      case Op.Resume:
        this.#resume(connection, data ?? {});
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.session) connection.socket.close(Close.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        connection.socket.close(Close.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #identify(connection: Connection, data: Json): void {
    const [shardId, shardCount] = Array.isArray(data['shard']) ? (data['shard'] as number[]) : [0, 1];
    const shard = [shardId ?? 0, shardCount ?? 1] as const;
    const intents = typeof data['intents'] === 'number' ? data['intents'] : 0;
    const record = { shard, intents, properties: data['properties'] };
    if (connection.session) {
      this.identifies.push({ ...record, accepted: false });
      connection.socket.close(Close.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (this.#revoked || data['token'] !== this.options.token) {
      this.identifies.push({ ...record, accepted: false });
      connection.socket.close(Close.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if ((intents & this.options.disallowedIntents) !== 0) {
      this.identifies.push({ ...record, accepted: false });
      connection.socket.close(Close.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    if (shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      this.identifies.push({ ...record, accepted: false });
      connection.socket.close(Close.InvalidShard, 'Invalid shard.');
      return;
    }
    this.identifies.push({ ...record, accepted: true });
    const session: Session = {
      id: randomUUID().replaceAll('-', ''),
      shardId: shard[0],
      shardCount: shard[1],
      intents,
      seq: 0,
      sent: [],
      socket: connection.socket,
    };
    this.#sessions.set(session.id, session);
    this.#shards.set(session.shardId, session);
    connection.session = session;

    const guilds = GUILDS.filter((guild) => shardOfGuild(guild.id, session.shardCount) === session.shardId);
    this.#dispatch(session, 'READY', this.#readyPayload(session, guilds.map((guild) => guild.id)));
    if (intents & Intent.Guilds) {
      for (const guild of guilds) {
        this.#dispatch(session, 'GUILD_CREATE', guildCreatePayload(guild, (intents & Intent.GuildMembers) !== 0, this.options.threadsOf?.(guild.id) ?? []));
      }
    }
    for (const notify of this.#onShardChange) notify();
  }

  #resume(connection: Connection, data: Json): void {
    const session = typeof data['session_id'] === 'string' ? this.#sessions.get(data['session_id']) : undefined;
    const seq = typeof data['seq'] === 'number' ? data['seq'] : -1;
    if (this.#revoked || data['token'] !== this.options.token) {
      connection.socket.close(Close.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (!session || seq > session.seq || this.#shards.get(session.shardId) !== session) {
      send(connection.socket, { op: Op.InvalidSession, d: false });
      return;
    }
    session.socket?.close(4000, 'session resumed elsewhere');
    session.socket = connection.socket;
    connection.session = session;
    this.resumes += 1;
    for (const frame of session.sent) {
      if ((frame['s'] as number) > seq) send(connection.socket, frame);
    }
    this.#dispatch(session, 'RESUMED', { _trace: ['fake-gateway'] });
  }

  #dispatch(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const frame: Json = { op: Op.Dispatch, t: event, s: session.seq, d: data };
    session.sent.push(frame);
    if (session.socket) send(session.socket, frame);
  }

  #readyPayload(session: Session, guildIds: readonly string[]): Json {
    const user: FakeUser & Json = { ...BOT_USER, verified: true, mfa_enabled: false, flags: 0, email: null };
    return {
      v: 10,
      user,
      user_settings: {},
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: `${this.options.origin()}${RESUME_PATH}`,
      shard: [session.shardId, session.shardCount],
      application: { id: this.options.applicationId, flags: this.options.applicationFlags },
      auth: {},
      _trace: ['fake-gateway'],
    };
  }
}

function send(socket: WebSocket, payload: Json): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw as ArrayBuffer).toString('utf8');
}
