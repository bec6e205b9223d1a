/**
 * Custom ids of the buttons and select menus the bot sends. A follow-up question or the asker's
 * question is often longer than a custom id may be (100), so the id carries a short key and the
 * text is kept here, and in the desk's database when it is on, so a click works after a restart;
 * the text is re-answered against whatever index is live when clicked, so a refresh in between is
 * harmless. Keys the bot no longer knows resolve to nothing and the caller says so kindly.
 */
import { createHash } from 'node:crypto';

/** What a component's custom id asks for. */
export type ComponentAction =
  | { readonly kind: 'followUp'; readonly key: string }
  | { readonly kind: 'pick'; readonly key: string };

const PREFIX = { followUp: 'fu', pick: 'pick' } as const;

/** The custom id of a follow-up button for the text remembered under `key`. */
export function followUpCustomId(key: string): string {
  return `${PREFIX.followUp}:${key}`;
}

/** The custom id of a "which brief did you mean" select for the question under `key`. */
export function pickCustomId(key: string): string {
  return `${PREFIX.pick}:${key}`;
}

/** Reads a custom id the bot made; null for anything else. */
export function parseCustomId(customId: string): ComponentAction | null {
  const match = /^(fu|pick):([\w-]{1,64})$/.exec(customId);
  if (match === null) return null;
  const [, prefix, key] = match;
  if (key === undefined) return null;
  return prefix === PREFIX.followUp ? { kind: 'followUp', key } : { kind: 'pick', key };
}

/** Where texts are kept beyond this process (the desk's database). */
export interface TextBacking {
  save(key: string, text: string): void;
  load(key: string): string | undefined;
}

/** A text kept in memory is saved again to the backing after this long, to keep it from being pruned. */
const RESAVE_AFTER_MS = 86_400_000;

/** Texts behind custom ids, by a short stable hash; the oldest are forgotten past `capacity`. */
export class RememberedTexts {
  readonly #texts = new Map<string, { text: string; savedAt: number }>();

  constructor(
    private readonly capacity = 20_000,
    private readonly backing: TextBacking | null = null,
  ) {}

  /** Stores `text` and returns its key (the same key for the same text). */
  remember(text: string): string {
    const key = createHash('sha256').update(text).digest('base64url').slice(0, 16);
    const now = Date.now();
    const known = this.#texts.get(key);
    let savedAt = known?.savedAt ?? 0;
    if (this.backing !== null && now - savedAt > RESAVE_AFTER_MS) {
      this.backing.save(key, text);
      savedAt = now;
    }
    // Re-inserting moves the key to the newest end, so texts still being shown stay longest.
    this.#texts.delete(key);
    this.#texts.set(key, { text, savedAt });
    if (this.#texts.size > this.capacity) {
      const oldest = this.#texts.keys().next();
      if (oldest.done !== true) this.#texts.delete(oldest.value);
    }
    return key;
  }

  /** The text stored under `key`, or undefined when it was never stored or was forgotten. */
  recall(key: string): string | undefined {
    return this.#texts.get(key)?.text ?? this.backing?.load(key);
  }
}
