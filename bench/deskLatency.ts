/**
 * The cost of recording answers for the desk: the Discord answering path (`deliverAnswer`: check,
 * cooldown, answer, render, the desk's buttons, send, record) with the desk's SQLite file on and
 * with `DATA_DIR=off`, on the same knowledge, Discord itself left out (the send resolves at once).
 * Questions arrive on a clock, 50 a second (the rate of the Discord bench), and a reply's latency
 * runs from its question's arrival to the reply being handed to `send`: the desk's writes, committed
 * after the replies, delay only the questions that arrive while they run, and this counts them.
 * Also the event loop's busy time per question (`performance.eventLoopUtilization`), which includes
 * the commits. The modes take turns every 30 questions, so drift on a shared machine falls on both,
 * and the whole is measured 5 times: on a busy machine one measurement's p99 can be spoilt by a
 * spell of other work, so the median over the 5 of (p99 on − p99 off) is reported too. Part of
 * `npm run bench`; alone: `npx tsx bench/deskLatency.ts [SEEDS_DIR [CACHE_DIR [QUESTIONS.jsonl]]]`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import type { Knowledge } from '../src/core/types.ts';
import { Desk } from '../src/desk/desk.ts';
import { GATHER_MS } from '../src/desk/writeQueue.ts';
import { deliverAnswer } from '../src/discord/answering.ts';
import type { CommandContext } from '../src/discord/command.ts';
import { CommandMentions } from '../src/discord/commandMentions.ts';
import { Cooldown } from '../src/discord/cooldown.ts';
import { openKnowledge } from '../src/io/openKnowledge.ts';
import { createLogger } from '../src/logger.ts';

/** Measurements, each of every question twice per mode; the medians over them are reported. */
const REPEATS = 5;
const PASSES = 2;
/** 50 questions a second. */
const INTERVAL_MS = 20;
/** Questions per stretch: the modes take turns every 0.6 s, so a busy spell of the machine falls on both alike. */
const STRETCH = 30;

/** Percentiles of one measure, in milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** One mode's replies over all measurements, and the event loop's busy time per question (ms). */
export interface ModeLatency {
  readonly reply: Percentiles;
  /** The p99 of each measurement, in order. */
  readonly p99s: readonly number[];
  readonly busyPerQuestion: number;
}

/** Both modes, and what the desk file held at the end. */
export interface DeskLatency {
  readonly questions: number;
  readonly off: ModeLatency;
  readonly on: ModeLatency;
  /** The median over the measurements of (p99 on − p99 off): robust to a busy spell spoiling one of them. */
  readonly medianP99Difference: number;
  /** Committing one answer's record (what an answer arriving meanwhile can wait for at most). */
  readonly commit: Percentiles;
  readonly recorded: number;
  readonly failedWrites: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

let nextEvent = 1_500_000_000_000_000_000n;

/** What deliverAnswer is given besides the question: the shared context of a bot with `desk`. */
function botContext(knowledge: Knowledge, desk: Desk): Omit<CommandContext, 'receivedAt' | 'eventId'> {
  return {
    knowledge,
    logger: createLogger({ level: 'error', write: () => {} }),
    config: loadConfig({ COOLDOWN_QUESTIONS: '10000', COOLDOWN_SECONDS: '1', DATA_DIR: 'off' }),
    cooldown: new Cooldown({ limit: 10_000, windowMs: 1_000 }),
    now: () => new Date(),
    desk,
    corrections: { kick: () => {} },
    commands: new CommandMentions(),
  };
}

/** One stretch of questions, arriving on the clock: each reply's latency, and the loop's busy time. */
async function round(shared: Omit<CommandContext, 'receivedAt' | 'eventId'>, questions: readonly string[]): Promise<{ replies: number[]; busyMs: number }> {
  const replies: number[] = [];
  const pending: Promise<void>[] = [];
  const before = performance.eventLoopUtilization();
  const started = performance.now();
  for (const [i, question] of questions.entries()) {
    const due = started + i * INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    nextEvent += 1n;
    const eventId = nextEvent.toString();
    const asker = { userId: eventId, guildId: '1196423538320343042', channelId: '1196423538362286084', via: 'slash' as const };
    pending.push(
      deliverAnswer(question, asker, { ...shared, receivedAt: Date.now(), eventId }, async () => {
        replies.push(performance.now() - due);
        return { id: eventId, channelId: asker.channelId };
      }),
    );
  }
  await Promise.all(pending);
  // Long enough for the last writes to be committed inside the measured time.
  await new Promise((resolve) => setTimeout(resolve, 3 * GATHER_MS));
  return { replies, busyMs: performance.eventLoopUtilization(before).active };
}

/** Measures `questions` on `knowledge` with the desk off and on (a fresh file in a temporary folder). */
export async function measureDeskLatency(knowledge: Knowledge, questions: readonly string[]): Promise<DeskLatency> {
  const logger = createLogger({ level: 'error', write: () => {} });
  const dataDir = mkdtempSync(join(tmpdir(), 'factcheck-bench-desk-'));
  const on = Desk.open({ dataDir, retentionDays: 90, logger });
  const off = Desk.open({ dataDir: null, retentionDays: 90, logger });
  try {
    const bots = { off: botContext(knowledge, off), on: botContext(knowledge, on) };
    // A warm-up round of both, not counted.
    await round(bots.off, questions);
    await round(bots.on, questions);
    const measured = { off: { replies: [] as number[], p99s: [] as number[], busyMs: 0 }, on: { replies: [] as number[], p99s: [] as number[], busyMs: 0 } };
    let turn = 0;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const these = { off: [] as number[], on: [] as number[] };
      for (let pass = 0; pass < PASSES; pass++) {
        for (let from = 0; from < questions.length; from += STRETCH) {
          const stretch = questions.slice(from, from + STRETCH);
          for (const mode of turn++ % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
            const { replies, busyMs } = await round(bots[mode], stretch);
            these[mode].push(...replies);
            measured[mode].busyMs += busyMs;
          }
        }
      }
      for (const mode of ['off', 'on'] as const) {
        measured[mode].replies.push(...these[mode]);
        measured[mode].p99s.push(percentile(these[mode], 99));
      }
    }
    const summary = ({ replies, p99s, busyMs }: { replies: number[]; p99s: number[]; busyMs: number }): ModeLatency => ({
      reply: { p50: percentile(replies, 50), p99: percentile(replies, 99), max: Math.max(...replies) },
      p99s,
      busyPerQuestion: busyMs / replies.length,
    });
    const commit = commitTimes(knowledge, on, questions);
    const { figures, health } = on.report();
    return {
      questions: measured.on.replies.length,
      off: summary(measured.off),
      on: summary(measured.on),
      medianP99Difference: percentile(measured.on.p99s.map((p99, i) => p99 - (measured.off.p99s[i] as number)), 50),
      commit: { p50: percentile(commit, 50), p99: percentile(commit, 99), max: Math.max(...commit) },
      recorded: figures?.questions.kept.asked ?? 0,
      failedWrites: health.writes?.failedFlushes ?? 0,
    };
  } finally {
    await on.close();
    await off.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * How long committing one answer's record takes, answer by answer: each is queued as the bot
 * queues it, then committed at once by a read (reads commit what is queued first).
 */
function commitTimes(knowledge: Knowledge, desk: Desk, questions: readonly string[]): number[] {
  const records = desk.records;
  if (records === null) return [];
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const question of questions) {
      nextEvent += 1n;
      const key = nextEvent.toString();
      records.answers.record(knowledge.answer(question), { key, at: new Date(), via: 'slash', guildId: '1196423538320343042', channelId: '1196423538362286084', messageId: key });
      const started = performance.now();
      records.answers.find(key);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** The questions of a JSONL question set (`{ "q": … }` per line). */
export function questionsIn(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url)), cacheDir, questionsFile = fileURLToPath(new URL('../test/eval/questions.jsonl', import.meta.url))] =
    process.argv.slice(2);
  const knowledge = await openKnowledge({ seedsDir, cacheDir: cacheDir ?? null });
  console.log(JSON.stringify(await measureDeskLatency(knowledge, questionsIn(questionsFile))));
}
