/**
 * End to end through the real entry points, as `npm run deploy` and `npm start` run them: child
 * processes with only the documented environment, against the fake Discord. Signals go to the real
 * `npm start` process group, as a service manager sends them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.ts';
import { EXIT } from '../../src/bin/exitCodes.ts';
import { BOT_USER, Intent, MODERATOR_USER, TEST_CHANNEL_ID, TEST_GUILD_ID, startFakeDiscord, type FakeDiscord, type Json } from '../fakeDiscord/index.ts';
import { isRunning } from '../support/processes.ts';
import { askedOf, embedOf, newUser, replyOf, SEEDS } from './e2eSupport.ts';
import { watchRun, type Run } from './processSupport.ts';

const ROOT = join(import.meta.dirname, '../..');
const TSX_LOADER = import.meta.resolve('tsx');
/** Every variable the bot reads, blank: a developer's `.env` never fills one in (dotenv leaves set variables alone). */
const BLANK_CONFIG = Object.fromEntries(
  ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'SEEDS_DIR', 'INDEX_CACHE_DIR', 'ANSWER_CHANNEL_IDS', 'LOG_LEVEL', 'COOLDOWN_QUESTIONS', 'COOLDOWN_SECONDS', 'STALE_AFTER_DAYS', 'MAX_IN_FLIGHT', 'DISCORD_SHARDS', 'DISCORD_SHARD_COUNT', 'DATA_DIR', 'RETENTION_DAYS', 'MOD_CHANNEL_ID', 'MOD_ROLE_ID'].map((name) => [name, '']),
);

let discord: FakeDiscord;
/** A scratch directory: the children's working directory (no `.env` there), corpora, caches. */
let work: string;
/** A corpus whose index build takes seconds, for stops during a refresh. */
let largeCorpus: string;
const children: ChildProcess[] = [];

function watch(child: ChildProcess): Run {
  children.push(child);
  return watchRun(child);
}

/** An entry point run as its npm script runs it (node with tsx's loader), `preload` imported first. */
function run(script: string, env: Record<string, string>, preload?: string): Run {
  const imports = ['--import', TSX_LOADER, ...(preload === undefined ? [] : ['--import', join(import.meta.dirname, preload)])];
  return watch(
    spawn(process.execPath, [...imports, join(ROOT, script)], {
      cwd: work,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...BLANK_CONFIG, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
}

/** `npm start` in the project, in a process group of its own (so the test can signal the group). */
function npmStart(env: Record<string, string>): Run {
  return watch(
    spawn('npm', ['start'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...BLANK_CONFIG, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );
}

/** Sends `signal` to every process of the run's group, as systemd does (npm relays it to the bot too). */
function signalGroup(run: Run, signal: NodeJS.Signals): void {
  process.kill(-(run.child.pid ?? 0), signal);
}

function botEnv(fake: FakeDiscord, extra: Record<string, string> = {}): Record<string, string> {
  return { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, SEEDS_DIR: SEEDS, INDEX_CACHE_DIR: 'off', ...extra };
}

/** Resolves once the run's standard error (from offset `from` on) matches `pattern`, with the match. */
async function logged(run: Run, pattern: RegExp, from = 0, timeoutMs = 20_000): Promise<RegExpExecArray> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(run.stderr.slice(from));
    if (match) return match;
    if (Date.now() > until) throw new Error(`not logged: ${pattern}\n${run.stderr.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A copy of the seeds, for a bot whose briefs a test changes. */
async function seedsCopy(): Promise<string> {
  const dir = await mkdtemp(join(work, 'seeds-'));
  await cp(SEEDS, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  discord = await startFakeDiscord();
  work = await mkdtemp(join(tmpdir(), 'factcheck-process-'));
  largeCorpus = join(work, 'large');
  writeCorpus(largeCorpus, { sections: 1500, questions: 1 });
});

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
});

afterAll(async () => {
  await discord?.close();
  await rm(work, { recursive: true, force: true });
});

describe('npm run deploy', () => {
  it('registers the commands in DISCORD_GUILD_ID', async () => {
    const deploy = run('src/bin/deploy.ts', botEnv(discord, { DISCORD_CLIENT_ID: discord.applicationId, DISCORD_GUILD_ID: TEST_GUILD_ID }));
    expect(await deploy.exited).toBe(0);
    expect(deploy.stdout).toContain(`Registered 7 commands in guild ${TEST_GUILD_ID}`);
    expect((discord.commands.get(TEST_GUILD_ID) ?? []).map((c) => c['name'])).toEqual(['ask', 'company', 'sources', 'refresh', 'help', 'queue', 'stats']);
  });

  it('says which variables are missing', async () => {
    const deploy = run('src/bin/deploy.ts', { DISCORD_API_URL: discord.apiUrl });
    expect(await deploy.exited).toBe(1);
    expect(deploy.stderr).toContain('DISCORD_TOKEN');
    expect(deploy.stderr).toContain('DISCORD_CLIENT_ID');
  });
});

describe('npm start and signals', () => {
  it('logs in, answers, and exits 0 on SIGTERM without ever logging the token', async () => {
    const bot = npmStart(botEnv(discord));
    await logged(bot, /"msg":"ready"/);
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

  it('finishes a reply in flight through repeated SIGTERMs and a SIGINT, then exits 0', async () => {
    const bot = npmStart(botEnv(discord, { LOG_LEVEL: 'debug' }));
    await logged(bot, /"msg":"ready"/);
    // Discord is slow to take the reply: it is in flight when the signals come.
    discord.delayNext((request) => request.path.endsWith('/callback'), 1500);
    const pending = discord.sendInteraction(
      { type: 'command', name: 'ask', options: { question: 'Did Amazon end its contracts with ICE?' }, user: newUser() },
      { timeoutMs: 10_000 },
    );
    await logged(bot, /"msg":"question text"/);
    // The group gets it, and npm relays it to the bot: two SIGTERMs; then an impatient SIGINT.
    signalGroup(bot, 'SIGTERM');
    await logged(bot, /"msg":"shutting down"/);
    signalGroup(bot, 'SIGTERM');
    bot.child.kill('SIGINT');
    const outcome = await pending;
    expect(await bot.exited).toBe(0);
    expect(outcome.callback?.type).toBe(4);
    expect(askedOf(replyOf(outcome))).toBe('Did Amazon end its contracts with ICE?');
    expect(bot.stderr).toContain('"msg":"already stopping; ignored"');
    expect(bot.stderr).toContain('"msg":"stopped"');
    expect(bot.stderr).not.toContain('stopped with replies unfinished');
  });

  it('cuts a running refresh on SIGTERM: the moderator is told, the worker is gone, exit 0', async () => {
    const seedsDir = await seedsCopy();
    const bot = npmStart(botEnv(discord, { SEEDS_DIR: seedsDir }));
    await logged(bot, /"msg":"ready"/);
    await cp(largeCorpus, seedsDir, { recursive: true });
    const from = bot.stderr.length;
    const pending = discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 30_000 });
    const worker = Number((await logged(bot, /"msg":"index build started".*?"pid":(\d+)/, from))[1]);
    expect(isRunning(worker)).toBe(true);
    signalGroup(bot, 'SIGTERM');
    const outcome = await pending;
    expect(await bot.exited).toBe(0);
    expect(isRunning(worker)).toBe(false);
    const report = embedOf(replyOf(outcome));
    expect(report.title).toBe('Refresh failed — the previous briefs keep serving');
    expect(report.description).toContain('the bot is stopping');
  });
});

describe('npm start and settings', () => {
  it('without a token and a terminal, says how to set DISCORD_TOKEN and exits 1', async () => {
    const start = run('src/bin/start.ts', { SEEDS_DIR: SEEDS });
    start.child.stdin?.end();
    expect(await start.exited).toBe(EXIT.startFailed);
    expect(start.stderr).toContain('DISCORD_TOKEN is not set');
  });

  it('stops at a bad variable, naming it', async () => {
    const start = run('src/bin/start.ts', botEnv(discord, { LOG_LEVEL: 'verbose', COOLDOWN_SECONDS: '-1' }));
    expect(await start.exited).toBe(EXIT.startFailed);
    expect(start.stderr).toContain('LOG_LEVEL');
    expect(start.stderr).toContain('COOLDOWN_SECONDS');
  });
});

describe('a token Discord refuses', () => {
  const fakes: FakeDiscord[] = [];
  afterAll(async () => {
    for (const fake of fakes) await fake.close();
  });
  async function fakeDiscord(): Promise<FakeDiscord> {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    return fake;
  }
  /** The plain line naming DISCORD_TOKEN, and that it is the only line of its kind. */
  function expectTokenLine(stderr: string): void {
    const lines = stderr.split('\n').filter((line) => line.startsWith('Discord rejected DISCORD_TOKEN'));
    expect(lines).toHaveLength(1);
  }

  it('at start, on REST: exits 3 with one line naming DISCORD_TOKEN', async () => {
    const fake = await fakeDiscord();
    const start = run('src/bin/start.ts', botEnv(fake, { DISCORD_TOKEN: 'not-the-token' }));
    expect(await start.exited).toBe(EXIT.token);
    expectTokenLine(start.stderr);
  });

  it('at start, on the gateway (4004 at IDENTIFY): exits 3 with one line naming DISCORD_TOKEN', async () => {
    const fake = await fakeDiscord();
    fake.revokeToken({ rest: false });
    const start = run('src/bin/start.ts', botEnv(fake));
    expect(await start.exited).toBe(EXIT.token);
    expectTokenLine(start.stderr);
    expect(start.stderr).toContain('4004');
  });

  it('revoked while running (gateway 4004): exits 3 with one line naming DISCORD_TOKEN', async () => {
    const fake = await fakeDiscord();
    const bot = run('src/bin/start.ts', botEnv(fake));
    await logged(bot, /"msg":"ready"/);
    fake.revokeToken();
    expect(await bot.exited).toBe(EXIT.token);
    expectTokenLine(bot.stderr);
  });

  it('answered with 401 while running: logs what was being sent, exits 3 with one line naming DISCORD_TOKEN', async () => {
    const fake = await fakeDiscord();
    const bot = run('src/bin/start.ts', botEnv(fake));
    await logged(bot, /"msg":"ready"/);
    fake.unauthorizedNext((request) => request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path));
    fake.sendMessage({ content: `<@${BOT_USER.id}> Did Amazon end its contracts with ICE?`, mentions: [BOT_USER], author: newUser() });
    expect(await bot.exited).toBe(EXIT.token);
    const sent = (await logged(bot, /\{[^\n]*"msg":"Discord answered 401 Unauthorized"[^\n]*/))[0];
    expect(JSON.parse(sent) as Json).toMatchObject({ method: 'POST', path: expect.stringMatching(/^\/channels\/\d+\/messages$/) });
    expectTokenLine(bot.stderr);
  });
});

describe('a gateway Discord closes for good', () => {
  it('for a privileged intent not enabled (4014): exits 4 with one line naming ANSWER_CHANNEL_IDS and the Message Content Intent', async () => {
    const fake = await startFakeDiscord({ disallowedIntents: Intent.MessageContent });
    try {
      const start = run('src/bin/start.ts', botEnv(fake, { ANSWER_CHANNEL_IDS: TEST_CHANNEL_ID }));
      expect(await start.exited).toBe(EXIT.gateway);
      const lines = start.stderr.split('\n').filter((line) => line.startsWith('Discord closed the connection for good'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('ANSWER_CHANNEL_IDS');
      expect(lines[0]).toContain('Message Content Intent');
    } finally {
      await fake.close();
    }
  });
});

describe('an error nothing catches', () => {
  it('is logged and ends the process with 70, its build worker with it', async () => {
    const seedsDir = await seedsCopy();
    const bot = run('src/bin/start.ts', botEnv(discord, { SEEDS_DIR: seedsDir }), 'crashOnSignal.ts');
    await logged(bot, /"msg":"ready"/);
    await cp(largeCorpus, seedsDir, { recursive: true });
    const from = bot.stderr.length;
    void discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 1 });
    const worker = Number((await logged(bot, /"msg":"index build started".*?"pid":(\d+)/, from))[1]);
    expect(isRunning(worker)).toBe(true);
    bot.child.kill('SIGUSR2');
    expect(await bot.exited).toBe(EXIT.internal);
    expect(bot.stderr).toMatch(/"msg":"uncaught exception".*injected failure for the test/);
    expect(isRunning(worker)).toBe(false);
  });
});
