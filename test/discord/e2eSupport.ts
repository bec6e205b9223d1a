/**
 * Shared set-up for the end-to-end tests: the real bot (startBot over the real knowledge of a
 * copy of `seeds/`, with the desk's database in a temporary folder) logged into the fake Discord,
 * with its log lines captured.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Knowledge } from '../../src/core/types.ts';
import { Desk } from '../../src/desk/desk.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import type { CorrectionsOptions } from '../../src/discord/corrections.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { createLogger } from '../../src/logger.ts';
import type { FakeDiscord, FakeUser, InteractionOutcome, Json } from '../fakeDiscord/index.ts';

export const SEEDS = join(import.meta.dirname, '../../seeds');

/** A running bot under test and what it logged. */
export interface BotUnderTest {
  readonly bot: RunningBot;
  readonly config: Config;
  readonly knowledge: Knowledge;
  /** Every log line, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Every log line as written. */
  readonly rawLogs: string[];
  /** A private copy of seeds/ the bot reads, for refresh tests. */
  readonly seedsDir: string;
  readonly desk: Desk;
  /** The desk's folder (DATA_DIR), or null when the desk is off. */
  readonly dataDir: string | null;
  /** Stops the bot and closes the desk, keeping both folders (to start again on them). */
  stop(): Promise<void>;
  /** Stops the bot and removes the folders it was given none of. */
  close(): Promise<void>;
}

/** More of the bot under test: corrections' pacing, and folders to reuse (kept by `close`). */
export interface BotUnderTestOptions {
  readonly corrections?: CorrectionsOptions;
  /** Read these briefs instead of a fresh copy of seeds/. */
  readonly seedsDir?: string;
  /** Answer from this knowledge instead of opening one (indexing the briefs takes seconds on a busy machine). */
  readonly knowledge?: Knowledge;
}

/**
 * Starts the bot against `discord` with `env` added to the minimum environment. `wrap` lets a
 * test put a fault-injecting layer around the real knowledge.
 */
export async function startBotUnderTest(
  discord: FakeDiscord,
  env: Record<string, string> = {},
  wrap: (knowledge: Knowledge) => Knowledge = (knowledge) => knowledge,
  options: BotUnderTestOptions = {},
): Promise<BotUnderTest> {
  const ownSeeds = options.seedsDir === undefined;
  const seedsDir = options.seedsDir ?? (await mkdtemp(join(tmpdir(), 'factcheck-seeds-')));
  if (ownSeeds) await cp(SEEDS, seedsDir, { recursive: true });
  const ownData = env['DATA_DIR'] === undefined;
  const config = loadConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    SEEDS_DIR: seedsDir,
    LOG_LEVEL: 'debug',
    DATA_DIR: ownData ? await mkdtemp(join(tmpdir(), 'factcheck-data-')) : (env['DATA_DIR'] as string),
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const rawLogs: string[] = [];
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.discordToken],
    write: (line) => {
      rawLogs.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const knowledge = wrap(options.knowledge ?? (await openKnowledge({ seedsDir })));
  const desk = Desk.open({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger, retryMs: 50 });
  const bot = await startBot({ config, knowledge, logger, desk, ...(options.corrections === undefined ? {} : { corrections: options.corrections }) });
  const stop = async (): Promise<void> => {
    await bot.stop();
    await desk.close();
  };
  return {
    bot,
    config,
    knowledge,
    logs,
    rawLogs,
    seedsDir,
    desk,
    dataDir: config.dataDir,
    stop,
    close: async () => {
      await stop();
      if (ownSeeds) await rm(seedsDir, { recursive: true, force: true });
      if (ownData && config.dataDir !== null) await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}

let nextUser = 0;

/** A fresh user, so cooldowns of one test never spill into another. */
export function newUser(): FakeUser {
  nextUser += 1;
  const id = `${1300000000000000000n + BigInt(nextUser)}`;
  return { id, username: `asker-${nextUser}`, global_name: null, discriminator: '0', avatar: null };
}

/** The message body the bot sent for an interaction: the callback's data, or the first edit. */
export function replyOf(outcome: InteractionOutcome): Json {
  const data = outcome.callback?.type === 5 ? outcome.edits[0] : outcome.callback?.data;
  if (data === undefined) throw new Error(`no reply: ${JSON.stringify(outcome)}`);
  return data;
}

/** The first embed of a message body. */
export function embedOf(body: Json): {
  author?: { name: string };
  title?: string;
  description?: string;
  color?: number;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
} {
  const embeds = body['embeds'] as Json[] | undefined;
  const first = embeds?.[0];
  if (first === undefined) throw new Error(`no embed in ${JSON.stringify(body)}`);
  return first;
}

/** The question an answer says it answered (its embed's author line). */
export function askedOf(body: Json): string | undefined {
  return embedOf(body).author?.name;
}

/** Every component (button or select) of a message body. */
export function componentsOf(body: Json): {
  type: number;
  custom_id: string;
  label?: string;
  placeholder?: string;
  options?: { value: string; label: string; description?: string; default?: boolean }[];
}[] {
  const rows = (body['components'] ?? []) as { components: never[] }[];
  return rows.flatMap((row) => row.components);
}

/** Whether the body is ephemeral (flag 64). */
export function isEphemeral(body: Json): boolean {
  return ((body['flags'] as number | undefined) ?? 0) & 64 ? true : false;
}
