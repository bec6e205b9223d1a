/**
 * End to end through the real entry points, as `npm run deploy` and `npm start` run them: child
 * processes with only the documented environment, against the fake Discord.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_GUILD_ID, startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { askedOf, newUser, replyOf, SEEDS } from './e2eSupport.ts';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

let discord: FakeDiscord;
/** An empty working directory, so no developer's `.env` is read by the children. */
let cwd: string;
const children: ChildProcess[] = [];

interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
}

function run(script: string, env: Record<string, string>): Run {
  const child = spawn(TSX, [join(ROOT, script)], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group: tsx runs the script in a child process, which a kill of tsx alone
    // would leave running (reconnecting to a closed fake Discord) after a failed test.
    detached: true,
  });
  children.push(child);
  const result: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1))),
  };
  child.stdout?.on('data', (chunk: Buffer) => (result.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  return result;
}

function botEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, SEEDS_DIR: SEEDS, ...extra };
}

beforeAll(async () => {
  discord = await startFakeDiscord();
  cwd = await mkdtemp(join(tmpdir(), 'factcheck-cwd-'));
});

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }
});

afterAll(async () => {
  await discord?.close();
  await rm(cwd, { recursive: true, force: true });
});

describe('npm run deploy', () => {
  it('registers the commands in DISCORD_GUILD_ID', async () => {
    const deploy = run('src/bin/deploy.ts', botEnv({ DISCORD_CLIENT_ID: discord.applicationId, DISCORD_GUILD_ID: TEST_GUILD_ID }));
    expect(await deploy.exited).toBe(0);
    expect(deploy.stdout).toContain(`Registered 5 commands in guild ${TEST_GUILD_ID}`);
    expect((discord.commands.get(TEST_GUILD_ID) ?? []).map((c) => c['name'])).toEqual(['ask', 'company', 'sources', 'refresh', 'help']);
  });

  it('says which variables are missing', async () => {
    const deploy = run('src/bin/deploy.ts', { DISCORD_API_URL: discord.apiUrl });
    expect(await deploy.exited).toBe(1);
    expect(deploy.stderr).toContain('DISCORD_TOKEN');
    expect(deploy.stderr).toContain('DISCORD_CLIENT_ID');
  });
});

describe('npm start', () => {
  it('logs in, answers, and exits 0 on SIGTERM without ever logging the token', async () => {
    const bot = run('src/bin/start.ts', botEnv());
    await discord.waitForShards(20_000);
    const outcome = await discord.sendInteraction(
      { type: 'command', name: 'ask', options: { question: 'Did Microsoft or Amazon end contracts with ICE?' }, user: newUser() },
      { timeoutMs: 10_000 },
    );
    expect(askedOf(replyOf(outcome))).toBe('Did Microsoft or Amazon end contracts with ICE?');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr).toContain('"msg":"stopped"');
    expect(bot.stderr).toContain('"msg":"question"');
    expect(bot.stderr).not.toContain(discord.token);
  });

  it('without a token and a terminal, says how to set DISCORD_TOKEN and exits 1', async () => {
    const start = run('src/bin/start.ts', { SEEDS_DIR: SEEDS });
    start.child.stdin?.end();
    expect(await start.exited).toBe(1);
    expect(start.stderr).toContain('DISCORD_TOKEN is not set');
  });

  it('stops at a bad variable, naming it', async () => {
    const start = run('src/bin/start.ts', botEnv({ LOG_LEVEL: 'verbose', COOLDOWN_SECONDS: '-1' }));
    expect(await start.exited).toBe(1);
    expect(start.stderr).toContain('LOG_LEVEL');
    expect(start.stderr).toContain('COOLDOWN_SECONDS');
  });
});
