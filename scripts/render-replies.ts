/**
 * `npm run render-replies [-- --from DIR] [--out DIR] [TEST_PATH…]`: runs the end-to-end tests with
 * the fake Discord keeping every reply the bot sends (CAPTURE_REPLIES), then draws each reply as a
 * Discord dark-theme picture with the user's question above it, using headless Chromium (Debian's
 * `chromium` package; CHROMIUM names another binary). Not part of `npm test`: CI has no browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CapturedAsk, CapturedReply } from '../test/fakeDiscord/capture.ts';
import type { Json } from '../test/fakeDiscord/payloads.ts';
import { DEFAULT_CHROMIUM, screenshotElements } from './replies/chromium.ts';
import { replyFacts } from './replies/facts.ts';
import { replyPage, type Shot } from './replies/page.ts';
import { playSession } from './replies/session.ts';

const USAGE = `Usage: npm run render-replies [-- --session [FILE] | --from DIR] [--out DIR] [TEST_PATH…]
  (default)       run the end-to-end tests (default: test/discord) with CAPTURE_REPLIES=OUT/captured, then draw
  --session [FILE] play a session through the real bot (default: scripts/replies/session.txt), then draw
  --from DIR      draw the replies already captured in DIR (*.jsonl written by the fake Discord)
  --out DIR       where the pictures and summary.txt go (default: replies/)`;

const root = fileURLToPath(new URL('..', import.meta.url));
let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      session: { type: 'boolean' },
      out: { type: 'string', default: join(root, 'replies') },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
}
if (args.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const chromium = process.env['CHROMIUM'] ?? DEFAULT_CHROMIUM;
if (!existsSync(chromium)) {
  process.stderr.write(`No browser at ${chromium}. Install Debian's chromium (apt-get install -y chromium fonts-noto-color-emoji) or set CHROMIUM.\n`);
  process.exit(1);
}
const out = resolve(args.values.out);
const captured = args.values.from === undefined ? join(out, 'captured') : resolve(args.values.from);

await rm(out, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
await mkdir(out, { recursive: true });
if (args.values.session === true) {
  const file = resolve(args.positionals[0] ?? join(root, 'scripts/replies/session.txt'));
  const steps = await playSession(file, captured, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`Played ${steps} steps of ${relative(root, file)}.\n`);
} else if (args.values.from === undefined) {
  const tests = args.positionals.length > 0 ? args.positionals : ['test/discord'];
  process.stdout.write(`Running ${tests.join(' ')} with CAPTURE_REPLIES=${relative(root, captured) || '.'}…\n`);
  const run = spawnSync('npx', ['vitest', 'run', ...tests], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CAPTURE_REPLIES: captured } });
  if (run.status !== 0) process.stdout.write('Some tests failed; drawing what was captured anyway.\n');
}

const replies = await readCaptures(captured);
const shots = distinctShots(replies);
const files = await screenshotElements({ chromium, html: replyPage(shots), selector: '.shot', width: 760, outDir: out });
const summary = shots.map((shot) => `${shot.id}.png\n  ${shot.caption.replace(/\n/g, '\n  ')}`).join('\n');
await writeFile(join(out, 'summary.txt'), `${summary}\n`);
process.stdout.write(`${files.length} pictures of ${replies.length} replies in ${relative(process.cwd(), out) || '.'}/ (facts in summary.txt)\n`);

async function readCaptures(dir: string): Promise<CapturedReply[]> {
  const names = existsSync(dir) ? (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort() : [];
  const all: CapturedReply[] = [];
  for (const name of names) {
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
      if (line.trim() !== '') all.push(JSON.parse(line) as CapturedReply);
    }
  }
  if (all.length === 0) throw new Error(`no captured replies in ${dir}`);
  return all;
}

/**
 * One shot per distinct reply: the load and cooldown tests send one question dozens of times, so
 * replies that differ only in their title or custom ids are drawn once, with how often they came.
 */
function distinctShots(replies: readonly CapturedReply[]): Shot[] {
  const byKey = new Map<string, { reply: CapturedReply; count: number }>();
  for (const reply of replies) {
    const key = JSON.stringify([reply.how, reply.ephemeral, reply.asked?.kind, normalise(reply.body)]);
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { reply, count: 1 });
  }
  return [...byKey.values()].map(({ reply, count }, i) => {
    const facts = replyFacts(reply.body);
    const caption = [
      `#${i + 1} ${shorten(describe(reply.asked), 120)} → ${reply.how}${reply.ephemeral ? ' (ephemeral)' : ''}${count > 1 ? ` · same reply ${count}×` : ''}`,
      facts.summary,
      ...facts.notes.map((n) => `! ${n}`),
    ].join('\n');
    return { id: `${String(i + 1).padStart(3, '0')}-${slug(describe(reply.asked))}`, reply, caption };
  });
}

function normalise(body: Json): unknown {
  return JSON.parse(JSON.stringify(body, (key, value: unknown) => (key === 'custom_id' || key === 'title' ? undefined : value)));
}

function describe(asked: CapturedAsk | null): string {
  if (asked === null) return 'message';
  switch (asked.kind) {
    case 'command':
    case 'autocomplete':
      return `/${asked.name} ${asked.options.map((o) => `${o.name}:${String(o.value)}`).join(' ')}`.trim();
    case 'button':
      return `button "${asked.label}"`;
    case 'select':
      return `picked "${asked.labels.join(', ')}"`;
    case 'message':
      return `message "${asked.content.replace(/<@!?\d+>\s*/g, '@bot ')}"`;
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'reply';
}
