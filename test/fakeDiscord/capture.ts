/**
 * Keeps every reply the bot sends, with what the user did to get it, as JSON lines in a folder
 * (`CAPTURE_REPLIES=dir`, or the `captureDir` option). `npm run render-replies` turns them into
 * pictures; the tests never read them.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeUser } from './fixtures.ts';
import type { RecordedRequest } from './http.ts';
import type { InteractionRecord } from './interactions.ts';
import type { Json } from './payloads.ts';

/** What the user did, as the channel shows it above the bot's reply. */
export type CapturedAsk =
  | { readonly kind: 'command'; readonly user: string; readonly name: string; readonly options: readonly { name: string; value: unknown }[] }
  | { readonly kind: 'autocomplete'; readonly user: string; readonly name: string; readonly options: readonly { name: string; value: unknown }[] }
  | { readonly kind: 'button'; readonly user: string; readonly label: string }
  | { readonly kind: 'select'; readonly user: string; readonly labels: readonly string[] }
  | {
      readonly kind: 'message';
      readonly user: string;
      readonly content: string;
      /** The message is a reply: the start of the message it replies to, and its author. */
      readonly repliesTo?: { readonly user: string; readonly text: string };
    };

/** One captured reply: one line of a capture file. */
export interface CapturedReply {
  /** Order within its capture file. */
  readonly seq: number;
  /** What prompted the reply; null for a message that answers nothing (no reference). */
  readonly asked: CapturedAsk | null;
  /** How it was sent: an interaction's reply, an edit of it, an update of the clicked message, a follow-up, autocomplete choices, or a channel message. */
  readonly how: 'reply' | 'edit' | 'update' | 'follow-up' | 'autocomplete' | 'message';
  readonly ephemeral: boolean;
  /** The message body (or autocomplete data) exactly as the bot sent it. */
  readonly body: Json;
}

/** How the capture finds the interaction or message a request answers. */
export interface CaptureLookup {
  readonly interaction: (match: (record: InteractionRecord) => boolean) => InteractionRecord | undefined;
  readonly message: (id: string) => Json | undefined;
  /** The message a thread was started from, for a thread's id. */
  readonly threadStarter: (threadId: string) => Json | undefined;
}

const EPHEMERAL = 1 << 6;

/** Appends the bot's replies to `dir/replies-<pid>-<port>.jsonl`. */
export class ReplyCapture {
  readonly #file: string;
  #seq = 0;

  constructor(dir: string, port: number) {
    mkdirSync(dir, { recursive: true });
    this.#file = join(dir, `replies-${process.pid}-${port}.jsonl`);
  }

  /** Records `request` if it is a reply the bot sent successfully; ignores everything else. */
  record(request: RecordedRequest, lookup: CaptureLookup): void {
    if (request.status < 200 || request.status >= 300) return;
    const reply = replyOf(request, lookup);
    if (reply === null) return;
    this.#seq += 1;
    appendFileSync(this.#file, `${JSON.stringify({ seq: this.#seq, ...reply })}\n`);
  }
}

function replyOf(request: RecordedRequest, lookup: CaptureLookup): Omit<CapturedReply, 'seq'> | null {
  const body = (request.body ?? {}) as Json;
  const path = request.path;
  let match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
  if (match && request.method === 'POST') {
    const [, id, token] = match;
    const record = lookup.interaction((r) => r.id === id && r.token === token);
    const data = (body['data'] ?? {}) as Json;
    const how = ({ 4: 'reply', 7: 'update', 8: 'autocomplete' } as const)[body['type'] as 4 | 7 | 8];
    if (how === undefined || record === undefined) return null;
    return { asked: askedOf(record), how, ephemeral: isEphemeral(data), body: data };
  }
  // discord.js sends @original percent-encoded.
  match = /^\/webhooks\/\d+\/([^/]+)(\/messages\/(?:@|%40)original)?$/.exec(path);
  if (match && (request.method === 'POST' || request.method === 'PATCH')) {
    const record = lookup.interaction((r) => r.token === match?.[1]);
    if (record === undefined) return null;
    const deferred = (record.callback?.data ?? {}) as Json;
    const how = request.method === 'POST' ? 'follow-up' : 'edit';
    return { asked: askedOf(record), how, ephemeral: isEphemeral(how === 'edit' ? deferred : body), body };
  }
  const posted = request.method === 'POST' ? /^\/channels\/(\d+)\/messages$/.exec(path) : null;
  if (posted) {
    const reference = (body['message_reference'] as Json | undefined)?.['message_id'];
    // A message the bot posts in a thread it started answers the message the thread was started from.
    const original = typeof reference === 'string' ? lookup.message(reference) : lookup.threadStarter(posted[1] as string);
    const asked: CapturedAsk | null = original === undefined ? null : messageAsk(original);
    return { asked, how: 'message', ephemeral: false, body };
  }
  return null;
}

function messageAsk(message: Json): CapturedAsk {
  const referenced = message['referenced_message'] as Json | undefined;
  const ask = { kind: 'message', user: nameOf(message['author'] as FakeUser), content: String(message['content'] ?? '') } as const;
  if (referenced === undefined) return ask;
  const embed = ((referenced['embeds'] ?? []) as Json[])[0];
  const text = String(referenced['content'] || embed?.['title'] || (embed?.['author'] as Json | undefined)?.['name'] || '');
  return { ...ask, repliesTo: { user: nameOf(referenced['author'] as FakeUser), text } };
}

function askedOf(record: InteractionRecord): CapturedAsk {
  const payload = record.payload;
  const user = nameOf((payload['user'] ?? (payload['member'] as Json | undefined)?.['user']) as FakeUser);
  const data = (payload['data'] ?? {}) as Json;
  if (record.kind === 2 || record.kind === 4) {
    const kind = record.kind === 2 ? 'command' : 'autocomplete';
    return { kind, user, name: String(data['name']), options: flatOptions((data['options'] ?? []) as Json[]) };
  }
  const customId = String(data['custom_id']);
  const components = (((payload['message'] as Json | undefined)?.['components'] ?? []) as { components?: Json[] }[]).flatMap((row) => row.components ?? []);
  const component = components.find((c) => c['custom_id'] === customId);
  if (data['component_type'] === 3) {
    const values = (data['values'] ?? []) as string[];
    const options = (component?.['options'] ?? []) as Json[];
    return { kind: 'select', user, labels: values.map((v) => String(options.find((o) => o['value'] === v)?.['label'] ?? v)) };
  }
  return { kind: 'button', user, label: String(component?.['label'] ?? customId) };
}

/** Options with subcommands flattened, as the channel shows them ("/ask question: …"). */
function flatOptions(options: readonly Json[]): { name: string; value: unknown }[] {
  return options.flatMap((o) => (Array.isArray(o['options']) ? flatOptions(o['options'] as Json[]) : [{ name: String(o['name']), value: o['value'] }]));
}

function nameOf(user: FakeUser | undefined): string {
  return user?.global_name ?? user?.username ?? 'someone';
}

function isEphemeral(body: Json): boolean {
  return ((typeof body['flags'] === 'number' ? body['flags'] : 0) & EPHEMERAL) !== 0;
}
