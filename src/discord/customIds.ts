/**
 * Custom ids of the buttons and select menus the bot sends. They carry everything a click needs,
 * so they keep working after a restart: the corpus fingerprint the reply was made from, and for a
 * question button a short hash of the question (a brief's title or "Want to dive deeper?" prompt),
 * which is looked up among the live briefs' titles and prompts when clicked. The brief picker reads
 * the question from the message it sits on; the values of both menus are brief ids.
 */
import { createHash } from 'node:crypto';
import type { Knowledge } from '../core/types.ts';

/** What a component's custom id asks for. */
export type ComponentAction =
  /** Ask the title or prompt whose key is `key` (a follow-up or a suggestion button). */
  | { readonly kind: 'ask'; readonly corpus: string; readonly key: string }
  /** Answer the message's question again from the chosen brief (the brief picker). */
  | { readonly kind: 'pick'; readonly corpus: string }
  /** Answer what the chosen brief says about the organisation `name` ("More about Palantir"). */
  | { readonly kind: 'company'; readonly corpus: string; readonly name: string }
  /** A component of an earlier version of the bot, whose id carries too little to act on. */
  | { readonly kind: 'expired' };

const CORPUS = '[0-9a-f]{8}';
/** Organisation names are short; the limit keeps the id within Discord's 100 characters. */
const MAX_NAME = 80;

/** The key of a question: 12 characters of its SHA-256, in base64url. */
export function questionKey(question: string): string {
  return createHash('sha256').update(question).digest('base64url').slice(0, 12);
}

/** The custom id of a button that asks `question` (a title or prompt of the corpus `corpus`). */
export function askCustomId(corpus: string, question: string): string {
  return `ask:${corpus}:${questionKey(question)}`;
}

/** The custom id of the "which brief did you mean" menu. */
export function pickCustomId(corpus: string): string {
  return `pick:${corpus}`;
}

/** The custom id of the "More about NAME" menu of a company summary. */
export function companyCustomId(corpus: string, name: string): string {
  return `co:${corpus}:${name.slice(0, MAX_NAME)}`;
}

/** Reads a custom id the bot made; null for anything else. */
export function parseCustomId(customId: string): ComponentAction | null {
  let m = new RegExp(`^ask:(${CORPUS}):([\\w-]{12})$`).exec(customId);
  if (m) return { kind: 'ask', corpus: m[1] as string, key: m[2] as string };
  m = new RegExp(`^pick:(${CORPUS})$`).exec(customId);
  if (m) return { kind: 'pick', corpus: m[1] as string };
  m = new RegExp(`^co:(${CORPUS}):(.{1,${MAX_NAME}})$`, 's').exec(customId);
  if (m) return { kind: 'company', corpus: m[1] as string, name: m[2] as string };
  // Ids of the version that kept the texts in memory: "fu:KEY" and "pick:KEY".
  if (/^(?:fu|pick):[\w-]{1,64}$/.test(customId)) return { kind: 'expired' };
  return null;
}

const known = new WeakMap<Pick<Knowledge, 'sources'>, { corpus: string; byKey: Map<string, string> }>();

/**
 * The title or prompt of the live briefs whose key is `key`, or undefined when none has it (the
 * briefs changed since the button was made). The table is built once per corpus.
 */
export function questionFor(knowledge: Pick<Knowledge, 'sources' | 'fingerprint'>, key: string): string | undefined {
  const corpus = knowledge.fingerprint();
  let table = known.get(knowledge);
  if (table?.corpus !== corpus) {
    const byKey = new Map<string, string>();
    for (const brief of knowledge.sources()) {
      for (const question of [brief.title, ...brief.prompts]) byKey.set(questionKey(question), question);
    }
    table = { corpus, byKey };
    known.set(knowledge, table);
  }
  return table.byKey.get(key);
}
