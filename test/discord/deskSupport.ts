/**
 * Helpers for the desk's end-to-end tests: reading the bot's real SQLite file, finding the desk's
 * buttons in a reply, requesting a fact-check through the form, and the brief edit that makes the
 * briefs answer a question they declined.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/desk/store.ts';
import type { FakeDiscord, FakeUser, InteractionOutcome, Json } from '../fakeDiscord/index.ts';
import { componentsOf, replyOf } from './e2eSupport.ts';

/** Answered by the seeds from brief 001, which `editBrief001` changes. */
export const COVERED = 'Did Microsoft or Amazon end contracts with ICE?';
/** Declined by the seeds; answered from brief 001 once `editBrief001` has run. */
export const DECLINED_UNTIL_EDIT = 'Did Palantir sell its drone fleet to the Coast Guard?';
/** Much the same question, in other words. */
export const DECLINED_REWORDED = 'did palantir sell the coast guard its drone fleet';
export const BRIEF_001 = '001_def9eb3d8057f38a.txt';

/** Adds a section to brief 001 in `seedsDir` that answers DECLINED_UNTIL_EDIT. */
export async function editBrief001(seedsDir: string): Promise<void> {
  const file = join(seedsDir, BRIEF_001);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const at = lines.findIndex((line) => line.startsWith('7. Bottom line'));
  lines.splice(
    at + 2,
    0,
    '8. Palantir, drones and the Coast Guard',
    'Palantir did not sell its drone fleet to the Coast Guard; the Coast Guard bought its surveillance drones from a different contractor in 2025, according to procurement records [9].',
  );
  await writeFile(file, lines.join('\n'));
}

/** Runs `read` on the bot's database file, opened read-only beside the running bot. */
export function query<T>(dataDir: string | null, read: (db: Database.Database) => T): T {
  if (dataDir === null) throw new Error('the desk is off');
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The custom id of the first component whose custom id starts with `prefix`. */
export function customIdOf(body: Json, prefix: string): string {
  const found = componentsOf(body).find((component) => component.custom_id?.startsWith(prefix));
  if (found === undefined) throw new Error(`no component ${prefix}… in ${JSON.stringify(body['components'])}`);
  return found.custom_id;
}

/** Clicks "Request a fact-check" under `answer` as `user` and submits the form with `note`. */
export async function requestFactCheck(discord: FakeDiscord, answer: Json, user: FakeUser, note = ''): Promise<{ form: InteractionOutcome; submitted: InteractionOutcome }> {
  const form = await discord.sendInteraction({ type: 'button', customId: customIdOf(answer, 'req:'), user });
  if (form.callback?.type !== 9) throw new Error(`no form: ${JSON.stringify(form.callback)}`);
  const customId = form.callback.data?.['custom_id'] as string;
  const submitted = await discord.sendInteraction({ type: 'modal', customId, fields: note === '' ? {} : { note }, user });
  return { form, submitted };
}

/** The text of a reply: its content and its first embed's title and description. */
export function textOf(outcome: InteractionOutcome): string {
  const body = replyOf(outcome);
  const embed = ((body['embeds'] ?? []) as Json[])[0] ?? {};
  return [body['content'], embed['title'], embed['description']].filter((part) => typeof part === 'string').join('\n');
}
