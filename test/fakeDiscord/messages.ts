/**
 * Messages the fake knows about (dispatched to the bot or created by it), and the checks Discord
 * applies to a message body before accepting it.
 */
import type { FakeUser } from './fixtures.ts';
import type { Json } from './payloads.ts';

/** Discord's message type numbers that the fake produces. */
export const MessageType = { Default: 0, Reply: 19, ChatInputCommand: 20 } as const;

/** Message flag bits the fake interprets. */
export const MessageFlag = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

/** What a message is made from: the author, where it lives, and the body the sender gave. */
export interface NewMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly author: FakeUser;
  readonly body: Json;
  readonly type: number;
  readonly extra?: Json;
}

/** Stores message objects by id so replies, edits and component interactions can refer to them. */
export class MessageStore {
  readonly #byId = new Map<string, Json>();

  /** Builds and stores a full message object. */
  create(message: NewMessage): Json {
    const payload: Json = {
      id: message.id,
      type: message.type,
      channel_id: message.channelId,
      ...(message.guildId ? { guild_id: message.guildId } : {}),
      author: message.author,
      content: stringOr(message.body['content'], ''),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: arrayOr(message.body['mentions']),
      mention_roles: [],
      attachments: [],
      embeds: arrayOr(message.body['embeds']),
      components: arrayOr(message.body['components']),
      pinned: false,
      flags: numberOr(message.body['flags'], 0),
      ...message.extra,
    };
    this.#byId.set(message.id, payload);
    return payload;
  }

  /** Stores a message object built elsewhere (e.g. the message a component interaction comes from). */
  remember(message: Json & { id: string }): void {
    if (!this.#byId.has(message.id)) this.#byId.set(message.id, message);
  }

  /** The stored message, if any. */
  get(id: string): Json | undefined {
    return this.#byId.get(id);
  }

  /** Applies an edit body (content, embeds, components) and clears the loading flag of a deferred reply. */
  edit(id: string, body: Json): Json | undefined {
    const message = this.#byId.get(id);
    if (!message) return undefined;
    for (const key of ['content', 'embeds', 'components'] as const) {
      if (key in body) message[key] = body[key] ?? (key === 'content' ? '' : []);
    }
    message['flags'] = numberOr(message['flags'], 0) & ~MessageFlag.Loading;
    message['edited_timestamp'] = new Date().toISOString();
    return message;
  }

  /** Forgets a message; false when it was not known. */
  delete(id: string): boolean {
    return this.#byId.delete(id);
  }

  /** Every message of a channel, in the order they were stored. */
  inChannel(channelId: string): Json[] {
    return [...this.#byId.values()].filter((message) => message['channel_id'] === channelId);
  }

  /** The most recent message whose components include a component with this custom id. */
  findByCustomId(customId: string): Json | undefined {
    const all = [...this.#byId.values()].reverse();
    return all.find((message) => JSON.stringify(message['components'] ?? []).includes(JSON.stringify(customId)));
  }
}

const EMBED_LIMITS: ReadonlyArray<[key: string, max: number]> = [
  ['title', 256],
  ['description', 4096],
];

/**
 * The reason Discord would reject this message body (create or edit), or null if it is valid:
 * empty messages, content over 2000 characters, and embeds over their limits.
 * `partial` is true for edits, which may omit every field.
 */
export function messageBodyProblem(body: Json, partial: boolean): string | null {
  const content = body['content'];
  if (typeof content === 'string' && content.length > 2000) return 'content: Must be 2000 or fewer in length.';
  const embeds = Array.isArray(body['embeds']) ? (body['embeds'] as Json[]) : [];
  if (embeds.length > 10) return 'embeds: Must be 10 or fewer in length.';
  let embedTotal = 0;
  for (const embed of embeds) {
    for (const [key, max] of EMBED_LIMITS) {
      const text = stringOr(embed[key], '');
      if (text.length > max) return `embeds.${key}: Must be ${max} or fewer in length.`;
      embedTotal += text.length;
    }
    const fields = Array.isArray(embed['fields']) ? (embed['fields'] as Json[]) : [];
    if (fields.length > 25) return 'embeds.fields: Must be 25 or fewer in length.';
    for (const field of fields) {
      const name = stringOr(field['name'], '');
      const value = stringOr(field['value'], '');
      if (!name || name.length > 256 || !value || value.length > 1024) return 'embeds.fields: Invalid field.';
      embedTotal += name.length + value.length;
    }
    embedTotal += stringOr((embed['footer'] as Json | undefined)?.['text'], '').length;
  }
  if (embedTotal > 6000) return 'embeds: Embed size exceeds maximum size of 6000';
  const components = Array.isArray(body['components']) ? body['components'] : [];
  const empty = !content && embeds.length === 0 && components.length === 0 && !body['poll'] && !body['sticker_ids'];
  if (empty && !partial) return 'Cannot send an empty message';
  return null;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function arrayOr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
