import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Outcome } from '../core/enrich.ts';
import type { DeclineReason } from '../core/types.ts';

/**
 * How a corpus answers its own titles, claims and prompts (see `assessKnownQuestions`), saved beside
 * its index under the same key: the build worker works them out after the index, at its low
 * priority, and every later start reads them instead of answering each prompt again.
 *
 * A JSON file: `{ "key": …, "outcomes": [[question, answered, reason, lead], …] }`.
 */

/** The outcomes file of a saved-index file. */
export function outcomesFile(indexFile: string): string {
  return `${indexFile}.prompts.json`;
}

type Row = [string, boolean, DeclineReason | null, string | null];

/** The outcomes saved under `key`, or null when there are none for that key (or the file is damaged). */
export async function readOutcomes(file: string, key: string): Promise<[string, Outcome][] | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const saved = parsed as { key?: unknown; outcomes?: unknown };
  if (saved.key !== key || !Array.isArray(saved.outcomes)) return null;
  const rows = saved.outcomes as unknown[];
  if (!rows.every(isRow)) return null;
  return rows.map(([question, answered, reason, lead]) => [question, { answered, reason, lead }]);
}

function isRow(row: unknown): row is Row {
  return (
    Array.isArray(row) &&
    row.length === 4 &&
    typeof row[0] === 'string' &&
    typeof row[1] === 'boolean' &&
    (row[2] === null || typeof row[2] === 'string') &&
    (row[3] === null || typeof row[3] === 'string')
  );
}

/** Saves outcomes under `key`, whole or not at all (written aside, then renamed). */
export async function writeOutcomes(file: string, key: string, outcomes: readonly (readonly [string, Outcome])[]): Promise<void> {
  const rows: Row[] = outcomes.map(([q, o]) => [q, o.answered, o.reason, o.lead]);
  const aside = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(aside, JSON.stringify({ key, outcomes: rows }));
    await rename(aside, file);
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  }
}
