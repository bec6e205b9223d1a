import { readFileSync } from 'node:fs';
import { loadCorpus } from '../src/io/seedLoader.ts';
import { buildEngine } from '../src/core/engine.ts';
import { answerQuestion } from '../src/core/answerer.ts';
const dir = process.argv[2]!;
let t = performance.now();
const corpus = await loadCorpus(dir);
console.log('load', (performance.now() - t).toFixed(0), 'ms', corpus.briefs.length);
t = performance.now();
const engine = buildEngine(corpus);
console.log('build', (performance.now() - t).toFixed(0), 'ms', 'rss', (process.resourceUsage().maxRSS / 1024).toFixed(0), 'MB');
const qs = readFileSync(dir.replace(/\/$/, '') + '.questions.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).q as string);
const lat: number[] = [];
for (const q of qs) { const s = performance.now(); answerQuestion(engine, q); lat.push(performance.now() - s); }
lat.sort((a, b) => a - b);
console.log('answer p50', lat[Math.floor(lat.length * 0.5)]!.toFixed(2), 'p99', lat[Math.floor(lat.length * 0.99)]!.toFixed(2), 'max', lat[lat.length-1]!.toFixed(2));
const lat2: number[] = [];
for (const q of qs) { const s = performance.now(); answerQuestion(engine, q); lat2.push(performance.now() - s); }
lat2.sort((a, b) => a - b);
console.log('warm answer p50', lat2[Math.floor(lat2.length * 0.5)]!.toFixed(2), 'p99', lat2[Math.floor(lat2.length * 0.99)]!.toFixed(2));
t = performance.now();
const json = JSON.stringify(engine.passageIndex.lunrIndex.toJSON());
console.log('toJSON', (performance.now() - t).toFixed(0), 'ms', (json.length / 1e6).toFixed(1), 'MB');
