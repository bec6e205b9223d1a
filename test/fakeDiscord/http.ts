/**
 * The HTTP plumbing of the fake REST API: reading a request (JSON or multipart with payload_json),
 * the recorded form tests assert on, replies, Discord-shaped errors, and injected 429s.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** The REST API version the fake serves (discord.js v14 uses v10). */
export const API_PREFIX = '/api/v10';

/** A REST request as the fake received it, with the status it answered. */
export interface RecordedRequest {
  readonly method: string;
  /** The path below /api/v10, e.g. `/channels/123/messages`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The JSON body (for multipart requests, the parsed `payload_json` part), or null. */
  readonly body: unknown;
  /** Names of uploaded files in a multipart request. */
  readonly files: readonly string[];
  /** `performance.now()` when the request arrived. */
  readonly receivedAt: number;
  /** The HTTP status the fake answered (429 for an injected rate limit). */
  status: number;
  /** The JSON body the fake answered with (the created message, for a POST of one), or null. */
  response?: unknown;
}

/** What a route handler answers. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A 200 reply with a JSON body. */
export function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** A 204 reply. */
export const NO_CONTENT: Reply = { status: 204 };

/** A Discord JSON error (`{ code, message, errors? }`). */
export function apiError(status: number, code: number, message: string, detail?: string): Reply {
  const errors = detail ? { errors: { _errors: [{ code: 'BASE_TYPE_INVALID', message: detail }] } } : {};
  return { status, body: { code, message, ...errors } };
}

/** A 400 "Invalid Form Body" error naming the problem, as Discord answers bad payloads. */
export function invalidForm(detail: string): Reply {
  return apiError(400, 50035, 'Invalid Form Body', detail);
}

/** Reads and parses a request body. */
export async function readRequest(request: IncomingMessage): Promise<Omit<RecordedRequest, 'status'>> {
  const receivedAt = performance.now();
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const contentType = request.headers['content-type'] ?? '';
  let body: unknown = null;
  const files: string[] = [];
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const [name, value] of form) {
      if (name === 'payload_json' && typeof value === 'string') body = JSON.parse(value);
      else if (typeof value !== 'string') files.push(value.name);
    }
  } else if (raw.length > 0) {
    body = JSON.parse(raw.toString('utf8'));
  }
  return {
    method: request.method ?? 'GET',
    path: url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body,
    files,
    receivedAt,
  };
}

/** Writes a reply. */
export function writeReply(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['content-type'] = 'application/json';
  response.writeHead(reply.status, headers).end(text);
}

/** Chooses which requests an injected rate limit applies to. */
export type RequestMatcher = (request: RecordedRequest) => boolean;

/** A pending injected 429. */
interface InjectedLimit {
  readonly matches: RequestMatcher;
  readonly retryAfterMs: number;
}

/**
 * Rate limits queued by tests: each one answers the next matching request with a 429 carrying
 * the headers and body Discord sends for a per-route (non-global) limit, then is used up.
 */
export class RateLimitQueue {
  readonly #pending: InjectedLimit[] = [];

  /** Queues a 429 for the next request that `matches`. */
  add(matches: RequestMatcher, retryAfterMs: number): void {
    this.#pending.push({ matches, retryAfterMs });
  }

  /** The 429 reply for this request if a queued limit matches it (and consumes that limit). */
  take(request: RecordedRequest): Reply | null {
    const index = this.#pending.findIndex((limit) => limit.matches(request));
    if (index < 0) return null;
    const [limit] = this.#pending.splice(index, 1);
    const seconds = (limit?.retryAfterMs ?? 0) / 1000;
    return {
      status: 429,
      headers: {
        'retry-after': seconds.toString(),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + (limit?.retryAfterMs ?? 0)) / 1000).toFixed(3),
        'x-ratelimit-reset-after': seconds.toFixed(3),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
    };
  }
}

/** What an injected fault does to the request it catches: answer it with `reply`, or hold it `delayMs` before answering as usual. */
export type Fault = { readonly reply: Reply } | { readonly delayMs: number };

/** Faults queued by tests, each used up by the next request it matches. */
export class FaultQueue {
  readonly #pending: { readonly matches: RequestMatcher; readonly fault: Fault }[] = [];

  /** Queues `fault` for the next request that `matches`. */
  add(matches: RequestMatcher, fault: Fault): void {
    this.#pending.push({ matches, fault });
  }

  /** The fault for this request if a queued one matches it (and consumes it). */
  take(request: RecordedRequest): Fault | null {
    const index = this.#pending.findIndex((pending) => pending.matches(request));
    if (index < 0) return null;
    return this.#pending.splice(index, 1)[0]?.fault ?? null;
  }
}

/** A per-route, per-channel limit such as Discord's 5 messages per 5 s in a channel. */
export interface RateLimitSetting {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Discord's per-route buckets for sending and editing channel messages: every answer carries the
 * bucket's `X-RateLimit-*` headers (so discord.js paces itself, as it does against Discord), and a
 * request over the limit gets a 429. Windows are fixed, starting at a bucket's first request.
 */
export class MessageRateLimits {
  readonly #windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly setting: RateLimitSetting) {}

  /** Counts a request in bucket `bucket` for `channelId`; the headers to send, and a 429 when over the limit. */
  take(bucket: string, channelId: string, now = Date.now()): { headers: Record<string, string>; limited: Reply | null } {
    const key = `${bucket}:${channelId}`;
    let window = this.#windows.get(key);
    if (window === undefined || now >= window.start + this.setting.windowMs) {
      window = { start: now, used: 0 };
      this.#windows.set(key, window);
    }
    const resetAt = window.start + this.setting.windowMs;
    const resetAfter = ((resetAt - now) / 1000).toFixed(3);
    const over = window.used >= this.setting.limit;
    if (!over) window.used++;
    const headers = {
      'x-ratelimit-limit': String(this.setting.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.setting.limit - window.used)),
      'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter,
      'x-ratelimit-bucket': bucket,
    };
    if (!over) return { headers, limited: null };
    return {
      headers,
      limited: {
        status: 429,
        headers: { ...headers, 'retry-after': resetAfter, 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: Number(resetAfter), global: false },
      },
    };
  }
}
