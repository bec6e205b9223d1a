import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASK_USAGE, parseAskArgs, runAsk } from '../../src/console/cli.ts';
import { displayText } from '../../src/core/answerer.ts';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import type { Answer, CompanySummary } from '../../src/core/types.ts';
import { Desk, type DeskReport } from '../../src/desk/desk.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { answerOf, capturingLogger, place, source } from '../desk/support.ts';
import { harbourBriefPath, seedsDir } from '../fixtures/answer-core/support.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('parseAskArgs', () => {
  it.each([
    [['how', 'much', 'was', 'it'], { kind: 'question', question: 'how much was it', json: false, explain: false }],
    [['--json', 'did microsoft drop ice?'], { kind: 'question', question: 'did microsoft drop ice?', json: true, explain: false }],
    [['--explain', 'palantir aws'], { kind: 'question', question: 'palantir aws', json: false, explain: true }],
    [['--gaps'], { kind: 'gaps', json: false }],
    [['--gaps', '--json'], { kind: 'gaps', json: true }],
    [['--stdin'], { kind: 'stdin', json: false }],
    [['--stdin', '--json'], { kind: 'stdin', json: true }],
    [['--company', 'Palantir'], { kind: 'company', name: 'Palantir', json: false }],
    [['--json', '--company=Amazon Web Services'], { kind: 'company', name: 'Amazon Web Services', json: true }],
    [['--help'], { kind: 'usage', error: null }],
    [['-h'], { kind: 'usage', error: null }],
    [['--', '--json'], { kind: 'question', question: '--json', json: false, explain: false }],
    [['--stats'], { kind: 'stats', json: false }],
    [['--stats', '--json'], { kind: 'stats', json: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseAskArgs(argv)).toEqual(expected);
  });

  it.each([
    ['no question', []],
    ['--stdin with a question', ['--stdin', 'a question']],
    ['an unknown option', ['--bogus', 'q']],
    ['--company without a name', ['--company']],
    ['--company with a question too', ['--company', 'Palantir', 'what did they do']],
    ['--company with --stdin', ['--company', 'Palantir', '--stdin']],
    ['--gaps with a question', ['--gaps', 'what is missing']],
    ['--stats with a question', ['--stats', 'how many']],
  ])('rejects %s with an error to show', (_label, argv) => {
    const request = parseAskArgs(argv);
    expect(request.kind).toBe('usage');
    if (request.kind === 'usage') expect(request.error).toMatch(/\S/);
  });
});

describe('runAsk', () => {
  let knowledge: LiveKnowledge;
  beforeAll(async () => {
    knowledge = await openKnowledge({ seedsDir });
  });

  async function run(request: Parameters<typeof runAsk>[1], stdin = ''): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
    });
    input.end(stdin);
    await runAsk(knowledge, request, { input, output });
    return written;
  }

  it('prints the rendered answer for a question', async () => {
    const out = await run({ kind: 'question', question: 'palentir aws', json: false, explain: false });
    expect(out).toContain(displayText(knowledge.answer('palentir aws').units[0]!));
  });

  it('prints the answer object as one JSON line with --json', async () => {
    const out = await run({ kind: 'question', question: 'palentir aws', json: true, explain: false });
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(knowledge.answer('palentir aws'))));
  });

  it('answers each stdin line in order, rendered, when not JSON', async () => {
    const out = await run({ kind: 'stdin', json: false }, 'what did nadella say\nhow much was the github contract\n');
    const first = out.indexOf(displayText(knowledge.answer('what did nadella say').units[0]!));
    const second = out.indexOf(displayText(knowledge.answer('how much was the github contract').units[0]!));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
  });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI entry point as `npm run ask` would, with a clean environment. */
function ask(args: readonly string[], options: { stdin?: string; seedsDir?: string; dataDir?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
    if (options.seedsDir !== undefined) env.SEEDS_DIR = options.seedsDir;
    if (options.dataDir !== undefined) env.DATA_DIR = options.dataDir;
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/bin/ask.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Every line of stdout parsed as JSON: a blank or non-JSON line fails the parse. */
const jsonLines = (stdout: string): unknown[] =>
  stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n').map((line) => JSON.parse(line) as unknown);

describe('the ask CLI, run as a process', () => {
  let junkDir: string;
  beforeAll(async () => {
    junkDir = await mkdtemp(join(tmpdir(), 'factcheck-cli-'));
    await writeFile(join(junkDir, 'junk.txt'), Buffer.from([0x00, 0xff, 0x00, 0x13]));
    await copyFile(harbourBriefPath, join(junkDir, 'harbour.txt'));
  });
  afterAll(async () => {
    await rm(junkDir, { recursive: true, force: true });
  });

  it('prints exactly one JSON answer per stdin line, in order, and nothing else, with --json --stdin', async () => {
    const questions = ['how much was the github contract', '', 'What is the capital of France?'];
    const run = await ask(['--json', '--stdin'], { stdin: `${questions.join('\n')}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const answers = jsonLines(run.stdout) as Answer[];
    expect(answers).toHaveLength(questions.length);
    expect(answers.map((a) => a.question)).toEqual(questions.map((q) => q.trim()));
    for (const a of answers) expect(typeof a.answered).toBe('boolean');
    expect(answers.map((a) => a.answered)).toEqual([true, false, false]);
    expect(answers[0]?.answer).toContain('$200,000');
  });

  it('prints a company summary as one JSON line with --company --json', async () => {
    const run = await ask(['--company', 'Palantir', '--json']);
    expect(run.code).toBe(0);
    const [summary, ...rest] = jsonLines(run.stdout) as CompanySummary[];
    expect(rest).toEqual([]);
    expect(summary?.name).toBe('Palantir');
    expect(summary?.found).toBe(true);
    expect(summary?.points.length).toBeGreaterThanOrEqual(3);
  });

  it('exits 1 naming the directory when SEEDS_DIR does not exist', async () => {
    const missing = join(junkDir, 'no-such-folder');
    const run = await ask(['--json', 'palantir'], { seedsDir: missing });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stdout).toBe('');
  });

  it('reports a skipped file on stderr and keeps stdout to JSON lines', async () => {
    const run = await ask(['--json', '--stdin'], { seedsDir: junkDir, stdin: 'how much did the harbour drones cost\nwho is tesla\n' });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('junk.txt');
    const answers = jsonLines(run.stdout) as Answer[];
    expect(answers).toHaveLength(2);
    expect(answers[0]?.answered).toBe(true);
    expect(answers[0]?.sources[0]?.doc).toBe('harbour.txt');
  });

  it('prints the desk’s figures from DATA_DIR with --stats, as text or one JSON line', async () => {
    const dataDir = join(junkDir, 'data');
    const { logger } = capturingLogger();
    const desk = Desk.open({ dataDir, retentionDays: 90, logger });
    desk.records?.answers.record(answerOf('Is the moon made of cheese?'), place());
    desk.records?.answers.record(answerOf('How much was the GitHub contract?', [source('001_def9eb3d8057f38a.txt')]), place());
    await desk.close();
    const text = await ask(['--stats'], { dataDir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Questions:\n  Last 24 hours: 2 questions, 1 declined (50%)');
    expect(text.stdout).toContain('1. 1× "Is the moon made of cheese?"');
    const json = await ask(['--stats', '--json'], { dataDir });
    const [report, ...rest] = jsonLines(json.stdout) as DeskReport[];
    expect(rest).toEqual([]);
    expect(report?.health.state).toBe('on');
    expect(report?.figures?.questions.kept).toEqual({ asked: 2, declined: 1 });
    const off = await ask(['--stats'], { dataDir: 'off' });
    expect(off.stdout).toContain('Off: turned off (DATA_DIR=off).');
  });

  it('exits 2 with the usage on stderr for bad arguments', async () => {
    const run = await ask(['--stdin', 'a question']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--stdin/);
  });

  it('prints the usage on stdout and exits 0 for --help', async () => {
    const run = await ask(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${ASK_USAGE}\n`);
    expect(run.stderr).toBe('');
  });

  it('says a wrong flag in one line, then the usage, and exits 2', async () => {
    const run = await ask(['--jsn', 'palantir']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`unknown option --jsn\n${ASK_USAGE}\n`);
  });
});
