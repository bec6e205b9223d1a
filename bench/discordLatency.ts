/**
 * Interaction latency through Discord's protocol: the real bot (startBot over the seed corpus) logged
 * into the fake Discord of test/fakeDiscord, 50 `/ask` interactions dispatched within one second,
 * timed from the INTERACTION_CREATE dispatch to the bot's callback arriving at the fake's REST API;
 * with the desk's database in a temporary folder, or with `DATA_DIR=off`.
 * Run: `npx tsx bench/discordLatency.ts` (also part of `npm run bench`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { Desk } from '../src/desk/desk.ts';
import { startBot } from '../src/discord/bot.ts';
import { openKnowledge } from '../src/io/openKnowledge.ts';
import { createLogger } from '../src/logger.ts';
import { startFakeDiscord, type FakeUser } from '../test/fakeDiscord/index.ts';

const QUESTIONS = 50;
const WINDOW_MS = 1000;
const ROUNDS = 3;

/** Percentile of sorted numbers (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function user(n: number): FakeUser {
  return { id: `${1400000000000000000n + BigInt(n)}`, username: `bench-${n}`, global_name: null, discriminator: '0', avatar: null };
}

/** Runs the rounds with the desk on or off and returns one summary line per round. */
export async function measureDiscordLatency(desk: 'on' | 'off' = 'off'): Promise<string[]> {
  const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
  const questions = readFileSync(fileURLToPath(new URL('../test/eval/questions.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q);
  const discord = await startFakeDiscord();
  const dataDir = desk === 'on' ? mkdtempSync(join(tmpdir(), 'factcheck-bench-data-')) : 'off';
  const config = loadConfig({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, SEEDS_DIR: seedsDir, LOG_LEVEL: 'error', DATA_DIR: dataDir });
  const logger = createLogger({ level: 'error', secrets: [discord.token], write: () => {} });
  const records = Desk.open({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger });
  const bot = await startBot({ config, knowledge: await openKnowledge({ seedsDir }), logger, desk: records });
  const lines: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const outcomes = await Promise.all(
        Array.from({ length: QUESTIONS }, async (_, i) => {
          await new Promise((resolve) => setTimeout(resolve, (i * WINDOW_MS) / QUESTIONS));
          // A user per question: the per-user cooldown is not what is measured here.
          const question = questions[(round * QUESTIONS + i) % questions.length] as string;
          return discord.sendInteraction({ type: 'command', name: 'ask', options: { question }, user: user(round * QUESTIONS + i) });
        }),
      );
      const latencies = outcomes
        .map((o) => o.latencyMs)
        .filter((ms): ms is number => ms !== null)
        .sort((a, b) => a - b);
      lines.push(
        `round ${round + 1}: ${latencies.length}/${QUESTIONS} answered, p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
          `p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms`,
      );
    }
  } finally {
    await bot.stop();
    await records.close();
    await discord.close();
    if (dataDir !== 'off') rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const desk of ['off', 'on'] as const) {
    console.log(`Discord /ask latency, desk ${desk}, ${QUESTIONS} questions within ${WINDOW_MS} ms, ${ROUNDS} rounds:`);
    for (const line of await measureDiscordLatency(desk)) console.log(`  ${line}`);
  }
}
