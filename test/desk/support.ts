/**
 * Shared set-up for the desk's tests: a real SQLite file in a fresh temporary folder, a logger
 * that keeps its lines, and answers shaped as the core returns them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer, DeclineReason, Source } from '../../src/core/types.ts';
import { Desk, type DeskRecords } from '../../src/desk/desk.ts';
import { createLogger, type Logger } from '../../src/logger.ts';

/** A logger whose parsed lines the test can read. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { logger: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }), lines };
}

/** A new temporary folder, removed by the returned function. */
export function tempDir(prefix = 'factcheck-desk-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A folder this process cannot write to, made in `parent`: a read-only directory, or, when the
 * tests run with permission to write anywhere (as root), one of the kernel's (sysfs), where no one
 * can create a file.
 */
export function readOnlyFolder(parent: string): string {
  const dir = join(parent, 'read-only');
  mkdirSync(dir, { mode: 0o555 });
  try {
    writeFileSync(join(dir, 'probe'), '');
  } catch {
    return dir;
  }
  return '/sys/kernel';
}

/** A desk on a fresh folder, with its records (it must open). */
export function openTestDesk(dir: string, options: { now?: () => Date; retentionDays?: number; retryMs?: number } = {}) {
  const { logger, lines } = capturingLogger();
  const desk = Desk.open({ dataDir: dir, retentionDays: options.retentionDays ?? 90, logger, ...options });
  if (desk.records === null) throw new Error(`desk did not open: ${JSON.stringify(desk.health())}`);
  return { desk, records: desk.records as DeskRecords, lines };
}

/** A source of brief `doc` at version `fingerprint`. */
export function source(doc: string, fingerprint = `fp-${doc}`): Source {
  return { doc, title: `Title of ${doc}`, section: '1. Section', checked: '2026-02-01', outdated: false, link: null, fingerprint };
}

/** An answer (or, without sources, a decline) to `question`. */
export function answerOf(question: string, sources: readonly Source[] = [], declineReason: DeclineReason = 'not-covered'): Answer {
  const answered = sources.length > 0;
  return {
    question,
    answered,
    declineReason: answered ? null : declineReason,
    answer: answered ? 'A sentence from the brief.' : 'The briefs do not cover that.',
    units: [],
    sources,
    topic: answered ? { doc: sources[0]!.doc, title: sources[0]!.title, claim: null } : null,
    note: null,
    readAs: null,
    more: [],
    followUps: [],
    confidence: answered ? 0.9 : 0.1,
    alternatives: [],
    suggestions: [],
  };
}

/** Where an answer was sent, with a key of its own. */
let nextKey = 1_000;
export function place(overrides: Partial<{ key: string; at: Date; via: string; guildId: string | null; channelId: string | null; messageId: string | null }> = {}) {
  nextKey += 1;
  return {
    key: `${nextKey}`,
    at: new Date(),
    via: 'slash',
    guildId: '111111111111111111',
    channelId: '222222222222222222',
    messageId: `${900_000 + nextKey}`,
    ...overrides,
  };
}
