/**
 * `npm run bench [-- --sizes 1000,10000,50000] [--skip-seeds] [--skip-lunr] [--skip-discord]`: a benchmark, never a test.
 * Prints markdown tables to stdout (progress to stderr); docs/benchmarks.md records a run.
 *
 * Seeds: index build time, answer latency over test/eval/questions.jsonl, and start-up time — the
 * time from spawning `node --import tsx src/bin/ask.ts --json --stdin` (what `npm run ask` runs) to its first
 * answer line, with a saved index and without; the console chat (`npm start`) starts the same way
 * and then waits for input on a terminal, which a benchmark cannot drive without a pty.
 *
 * Generated corpora (bench/generate.ts, seed 1) per size, each measure in a child process of its own
 * so that memory figures are that measure's alone:
 * - build: load + parse, then the index build as the worker does it; peak RSS of that process;
 *   the saved index's size;
 * - answers: knowledge.answer (retrieval + summary) latency over the generated questions, on the
 *   engine decoded from the saved index (first pass "cold", then "warm");
 * - lunr: lunr's complete index of the same passages built by lunr alone, its default `idx.search`
 *   over each question's analysed terms joined by spaces, and how often our top passage for the same
 *   terms is lunr's;
 * - refresh: questions arriving every 5 ms while a refresh of the same size runs in the worker process,
 *   latency counted from each question's arrival (so a stalled event loop shows); the questions due
 *   at a turn of the event loop are all answered in it, as separate requests would be;
 * - start: `npm run ask -- --json --stdin` black-box with SEEDS_DIR pointing at the corpus and a
 *   saved index present: time to the first answer, ms per question after it, share answered.
 */
import { measureDiscordLatency } from './discordLatency.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lunr from 'lunr';
import { buildEngine, PASSAGE_FIELDS } from '../src/core/engine.ts';
import { LiveKnowledge } from '../src/core/knowledge.ts';
import { analyze } from '../src/core/text.ts';
import { lunrBuilder } from '../src/core/searchIndex.ts';
import { buildInWorker, heapBudgetMb, workerHeapFlags } from '../src/io/buildWorker.ts';
import { buildEncoded, decodeEngine } from '../src/io/engineCodec.ts';
import { cacheFile, corpusKey, readSavedEncoded, writeSavedEngine } from '../src/io/indexCache.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { loadCorpus, readBriefFiles } from '../src/io/seedLoader.ts';
import { writeCorpus } from './generate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const SELF = fileURLToPath(import.meta.url);

type Row = Record<string, number | string>;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const peakRssBytes = () => process.resourceUsage().maxRSS * 1024;

function questionsOf(file: string): { q: string; kind: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { q: string; kind: string });
}

function nextTurn(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

// ---------------------------------------------------------------------------------------------
// Child measures: each prints one JSON line.

async function childBuild(dir: string, cache: string): Promise<Row> {
  const started = performance.now();
  let corpus: Awaited<ReturnType<typeof loadCorpus>> | undefined = await loadCorpus(dir);
  const loaded = performance.now();
  const passages = corpus.briefs.reduce((n, b) => n + b.passages.length, 0);
  const encoded = await buildEncoded(async () => {
    const c = corpus as NonNullable<typeof corpus>;
    corpus = undefined;
    return c;
  });
  const built = performance.now();
  const file = cacheFile(cache, dir);
  await writeSavedEngine(file, await corpusKey(await readBriefFiles(dir)), encoded);
  return {
    passages,
    loadMs: loaded - started,
    buildMs: built - loaded,
    peakRss: peakRssBytes(),
    savedBytes: statSync(file).size,
  };
}

async function childAnswers(dir: string, cache: string, questionsFile: string): Promise<Row> {
  const started = performance.now();
  const encoded = await readSavedEncoded(cacheFile(cache, dir), await corpusKey(await readBriefFiles(dir)));
  if (typeof encoded === 'string') throw new Error(`saved index ${encoded}`);
  const engine = await decodeEngine(encoded);
  const loadMs = performance.now() - started;
  const knowledge = await LiveKnowledge.open({ engine: async () => engine, lexicon: loadLexicon() });
  const questions = questionsOf(questionsFile);
  const pass = () =>
    questions.map(({ q }) => {
      const t = performance.now();
      knowledge.answer(q);
      return performance.now() - t;
    });
  const cold = pass();
  const warm = pass();
  const answered = questions.filter((x) => x.kind === 'fact' && knowledge.answer(x.q).answered).length;
  return {
    loadMs,
    questions: questions.length,
    answeredShare: answered / questions.filter((x) => x.kind === 'fact').length,
    coldP50: percentile(cold, 50),
    coldP99: percentile(cold, 99),
    p50: percentile(warm, 50),
    p95: percentile(warm, 95),
    p99: percentile(warm, 99),
    peakRss: peakRssBytes(),
  };
}

async function childLunr(dir: string, cache: string, questionsFile: string): Promise<Row> {
  const encoded = await readSavedEncoded(cacheFile(cache, dir), await corpusKey(await readBriefFiles(dir)));
  if (typeof encoded === 'string') throw new Error(`saved index ${encoded}`);
  const engine = await decodeEngine(encoded);
  const started = performance.now();
  const builder = lunrBuilder(PASSAGE_FIELDS);
  engine.passages.forEach((p, i) => {
    const brief = engine.briefs.get(p.doc);
    builder.add({
      ref: String(i),
      title: brief?.title ?? '',
      heading: p.kind === 'paragraph' ? '' : p.heading,
      body: p.sentences.map((s) => s.text).join(' '),
    });
  });
  const index: lunr.Index = builder.build();
  const buildMs = performance.now() - started;
  const peakRss = peakRssBytes();
  const times: number[] = [];
  const ours: number[] = [];
  let same = 0;
  let compared = 0;
  for (const { q } of questionsOf(questionsFile)) {
    const stems = [...new Set(analyze(q).map((t) => t.stem))];
    if (stems.length === 0) continue;
    let t = performance.now();
    const theirs = index.search(stems.join(' '));
    times.push(performance.now() - t);
    t = performance.now();
    const mine = engine.passageIndex.search(stems.map((stem) => ({ stem, weight: 1 })), 10);
    ours.push(performance.now() - t);
    if (theirs.length === 0 && mine.length === 0) continue;
    compared++;
    if (theirs[0] && mine[0] && theirs[0].ref === engine.passageIndex.ref(mine[0].doc)) same++;
  }
  return {
    buildMs,
    peakRss,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    oursP50: percentile(ours, 50),
    oursP99: percentile(ours, 99),
    sameTop1: same / Math.max(1, compared),
  };
}

/** Resident memory of this process's child processes (Linux; 0 elsewhere). */
function childrenRssBytes(): number {
  try {
    const children = readFileSync(`/proc/self/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.reduce((sum, pid) => {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return sum + Number(kb ?? 0) * 1024;
    }, 0);
  } catch {
    return 0;
  }
}

async function childRefresh(dir: string, cache: string, questionsFile: string): Promise<Row> {
  const lexicon = loadLexicon();
  let first = true;
  let workerPeakRss = 0;
  const knowledge = await LiveKnowledge.open({
    lexicon,
    engine: async () => {
      // Start from the saved index; the refresh then rebuilds the same corpus from scratch.
      const request = { seedsDir: dir, cacheDir: first ? cache : null };
      first = false;
      const built = await buildInWorker(request);
      workerPeakRss = built.peakRssBytes;
      return built.engine;
    },
  });
  const questions = questionsOf(questionsFile).map((x) => x.q);
  for (const q of questions) knowledge.answer(q);
  const latencies: number[] = [];
  let done = false;
  let peakTogether = 0;
  const sampler = setInterval(() => {
    peakTogether = Math.max(peakTogether, process.memoryUsage.rss() + childrenRssBytes());
  }, 50);
  const started = performance.now();
  const refresh = knowledge.refresh().finally(() => {
    done = true;
    clearInterval(sampler);
  });
  const interval = 5;
  let i = 0;
  while (!done) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else await nextTurn();
    // Every question due by now arrived as an event of its own: all are answered in this turn.
    while (!done && started + i * interval <= performance.now()) {
      knowledge.answer(questions[i % questions.length] as string);
      latencies.push(performance.now() - (started + i * interval));
      i++;
    }
  }
  const outcome = await refresh;
  if (outcome.status !== 'refreshed') throw new Error(`refresh failed: ${outcome.error}`);
  return {
    refreshMs: performance.now() - started,
    answered: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    peakRss: peakRssBytes(),
    workerPeakRss,
    peakTogether,
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: spawns children, black-box runs, prints tables.

function runChild(task: string, args: string[], flags: readonly string[] = []): Promise<Row> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', SELF, '--child', task, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${task} child failed (exit ${code}): ${out.slice(-500)}`));
      else resolvePromise(JSON.parse(line) as Row);
    });
  });
}

/** Spawns `node --import tsx src/bin/ask.ts --json --stdin` (what `npm run ask` runs) and times its answer lines from the spawn. */
function blackBoxAsk(seedsDir: string, cache: string, questions: readonly string[]): Promise<{ firstMs: number; perQuestionMs: number; answered: boolean[] }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/ask.ts', '--json', '--stdin'], {
      cwd: ROOT,
      env: { ...process.env, SEEDS_DIR: seedsDir, INDEX_CACHE_DIR: cache },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const stamps: number[] = [];
    const answered: boolean[] = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        stamps.push(performance.now() - started);
        answered.push((JSON.parse(line) as { answered: boolean }).answered);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || stamps.length !== questions.length) return reject(new Error(`ask exited ${code} after ${stamps.length} answers`));
      const first = stamps[0] as number;
      const last = stamps[stamps.length - 1] as number;
      resolvePromise({ firstMs: first, perQuestionMs: questions.length > 1 ? (last - first) / (questions.length - 1) : 0, answered });
    });
    child.stdin.end(`${questions.join('\n')}\n`);
  });
}

async function seedsTable(): Promise<string> {
  const corpus = await loadCorpus(join(ROOT, 'seeds'));
  const builds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    buildEngine(corpus);
    builds.push(performance.now() - t);
  }
  const knowledge = await LiveKnowledge.open({ load: async () => corpus, lexicon: loadLexicon() });
  const questions = questionsOf(join(ROOT, 'test/eval/questions.jsonl')).map((x) => x.q);
  for (const q of questions) knowledge.answer(q);
  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of questions) {
      const t = performance.now();
      knowledge.answer(q);
      latencies.push(performance.now() - t);
    }
  }
  const cache = join(OUT, 'cache-seeds');
  rmSync(cache, { recursive: true, force: true });
  const cold = await blackBoxAsk(join(ROOT, 'seeds'), cache, [questions[0] as string]);
  const saved = await blackBoxAsk(join(ROOT, 'seeds'), cache, [questions[0] as string]);
  return [
    '### Seed corpus (5 briefs)',
    '',
    '| index build (median of 20) | answer p50 (warm) | answer p99 (warm) | start to first answer, saved index | start to first answer, no saved index |',
    '|---|---|---|---|---|',
    `| ${ms(percentile(builds, 50))} ms | ${ms(percentile(latencies, 50))} ms | ${ms(percentile(latencies, 99))} ms | ${ms(saved.firstMs)} ms | ${ms(cold.firstMs)} ms |`,
    '',
    `Answer latency: ${questions.length} questions of test/eval/questions.jsonl × 5 rounds after one warm-up round.`,
    '',
  ].join('\n');
}

async function sizeRows(size: number, skipLunr: boolean): Promise<Row> {
  const dir = join(OUT, `gen-${size}`);
  const questionsFile = `${dir}.questions.jsonl`;
  if (!existsSync(questionsFile)) {
    process.stderr.write(`generating ${size} sections...\n`);
    writeCorpus(dir, { sections: size, seed: 1 });
  }
  const cache = join(OUT, `cache-${size}`);
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const args = [dir, cache, questionsFile];
  process.stderr.write(`${size}: build\n`);
  // The build runs with the heap flags the worker process has.
  const build = await runChild('build', args, workerHeapFlags(heapBudgetMb(dirBytes(dir))));
  process.stderr.write(`${size}: answers\n`);
  const answers = await runChild('answers', args);
  process.stderr.write(`${size}: refresh\n`);
  const refresh = await runChild('refresh', args);
  process.stderr.write(`${size}: black-box start\n`);
  const questions = questionsOf(questionsFile);
  const box = await blackBoxAsk(dir, cache, questions.map((x) => x.q));
  const share = (kind: string, answered: boolean) => {
    const of = questions.map((x, i) => ({ kind: x.kind, answered: box.answered[i] })).filter((x) => x.kind === kind);
    return ((100 * of.filter((x) => x.answered === answered).length) / Math.max(1, of.length)).toFixed(0);
  };
  const lunrRow = skipLunr ? undefined : (process.stderr.write(`${size}: lunr reference\n`), await runChild('lunr', args, ['--max-old-space-size=12000']));
  return {
    size,
    passages: build['passages'] as number,
    corpusMb: mb(dirBytes(dir)),
    loadS: ((build['loadMs'] as number) / 1000).toFixed(1),
    buildS: ((build['buildMs'] as number) / 1000).toFixed(1),
    buildRss: mb(build['peakRss'] as number),
    savedMb: mb(build['savedBytes'] as number),
    savedLoadS: ((answers['loadMs'] as number) / 1000).toFixed(2),
    p50: ms(answers['p50'] as number),
    p95: ms(answers['p95'] as number),
    p99: ms(answers['p99'] as number),
    coldP99: ms(answers['coldP99'] as number),
    answeredRss: mb(answers['peakRss'] as number),
    refreshS: ((refresh['refreshMs'] as number) / 1000).toFixed(1),
    refreshN: refresh['answered'] as number,
    refreshP50: ms(refresh['p50'] as number),
    refreshP99: ms(refresh['p99'] as number),
    refreshMax: ms(refresh['max'] as number),
    refreshRss: mb(refresh['peakRss'] as number),
    refreshWorkerRss: mb(refresh['workerPeakRss'] as number),
    refreshTogetherRss: mb(refresh['peakTogether'] as number),
    startS: (box.firstMs / 1000).toFixed(2),
    perQuestionMs: ms(box.perQuestionMs),
    answeredPct: share('fact', true),
    declinedPct: share('abstain', false),
    questions: questions.length,
    lunrBuildS: lunrRow ? ((lunrRow['buildMs'] as number) / 1000).toFixed(1) : '—',
    lunrRss: lunrRow ? mb(lunrRow['peakRss'] as number) : '—',
    lunrP50: lunrRow ? ms(lunrRow['p50'] as number) : '—',
    lunrP99: lunrRow ? ms(lunrRow['p99'] as number) : '—',
    oursP50: lunrRow ? ms(lunrRow['oursP50'] as number) : '—',
    oursP99: lunrRow ? ms(lunrRow['oursP99'] as number) : '—',
    sameTop1: lunrRow ? `${((lunrRow['sameTop1'] as number) * 100).toFixed(0)}%` : '—',
  };
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function sizeTables(rows: readonly Row[]): string {
  const table = (header: string[], keys: ((r: Row) => string)[]) =>
    [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${keys.map((k) => k(r)).join(' | ')} |`)].join('\n');
  return [
    '### Build, saved index, memory',
    '',
    table(
      ['sections', 'passages', 'corpus', 'load + parse', 'index build', 'peak RSS (load + build, worker heap budget)', 'saved index', 'saved index load + decode', 'RSS answering'],
      [
        (r) => String(r['size']),
        (r) => String(r['passages']),
        (r) => `${r['corpusMb']} MB`,
        (r) => `${r['loadS']} s`,
        (r) => `${r['buildS']} s`,
        (r) => `${r['buildRss']} MB`,
        (r) => `${r['savedMb']} MB`,
        (r) => `${r['savedLoadS']} s`,
        (r) => `${r['answeredRss']} MB`,
      ],
    ),
    '',
    '### Answers (knowledge.answer: retrieval + summary), and lunr default as reference',
    '',
    table(
      ['sections', 'questions', 'answer p50', 'p95', 'p99', 'p99 first pass', 'lunr idx.search p50', 'lunr p99', 'our retrieval p50 / p99', 'same top-1 as lunr', 'lunr build / peak RSS'],
      [
        (r) => String(r['size']),
        (r) => String(r['questions']),
        (r) => `${r['p50']} ms`,
        (r) => `${r['p95']} ms`,
        (r) => `${r['p99']} ms`,
        (r) => `${r['coldP99']} ms`,
        (r) => `${r['lunrP50']} ms`,
        (r) => `${r['lunrP99']} ms`,
        (r) => `${r['oursP50']} / ${r['oursP99']} ms`,
        (r) => String(r['sameTop1']),
        (r) => `${r['lunrBuildS']} s / ${r['lunrRss']} MB`,
      ],
    ),
    '',
    '### Refresh without a stall, and the black-box start',
    '',
    table(
      ['sections', 'refresh (worker process: load, parse, build, write; then read, decode)', 'answers during it', 'latency p50', 'p99', 'max', 'peak RSS: answering process / worker process / both at once (sampled every 50 ms)', '`node --import tsx src/bin/ask.ts` (what `npm run ask` runs) start to first answer (saved index)', 'per question after', 'in-corpus questions answered', 'off-corpus declined'],
      [
        (r) => String(r['size']),
        (r) => `${r['refreshS']} s`,
        (r) => String(r['refreshN']),
        (r) => `${r['refreshP50']} ms`,
        (r) => `${r['refreshP99']} ms`,
        (r) => `${r['refreshMax']} ms`,
        (r) => `${r['refreshRss']} / ${r['refreshWorkerRss']} / ${r['refreshTogetherRss']} MB`,
        (r) => `${r['startS']} s`,
        (r) => `${r['perQuestionMs']} ms`,
        (r) => `${r['answeredPct']}%`,
        (r) => `${r['declinedPct']}%`,
      ],
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      sizes: { type: 'string', default: '1000,10000,50000' },
      'skip-seeds': { type: 'boolean', default: false },
      'skip-lunr': { type: 'boolean', default: false },
      'skip-discord': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: false,
  });
  if (typeof values.child === 'string') {
    const [dir, cache, questions] = process.argv.slice(process.argv.indexOf(values.child) + 1).map((a) => resolve(a));
    const task = { build: () => childBuild(dir as string, cache as string), answers: () => childAnswers(dir as string, cache as string, questions as string), lunr: () => childLunr(dir as string, cache as string, questions as string), refresh: () => childRefresh(dir as string, cache as string, questions as string) }[values.child];
    if (!task) throw new Error(`unknown child task ${values.child}`);
    process.stdout.write(`${JSON.stringify(await task())}\n`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const cpu = cpus();
  process.stdout.write(
    `## factcheck-bot benchmark\n\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${mb(totalmem())} MB RAM, Node ${process.version}.\n\n`,
  );
  if (!values['skip-seeds']) process.stdout.write(`${await seedsTable()}\n`);
  if (!values['skip-discord']) {
    const rounds = await measureDiscordLatency();
    process.stdout.write(`### Discord /ask through the fake Discord (50 questions within 1 s)\n\n${rounds.map((r) => `- ${r}`).join('\n')}\n\n`);
  }
  const sizes = String(values.sizes)
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  const rows: Row[] = [];
  for (const size of sizes) rows.push(await sizeRows(size, values['skip-lunr'] === true));
  if (rows.length > 0) process.stdout.write(`${sizeTables(rows)}\n`);
}

await main();
