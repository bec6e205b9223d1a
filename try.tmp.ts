import { openKnowledge } from './src/io/openKnowledge.ts';
const k = await openKnowledge({ seedsDir: './seeds' });
const n = Number(process.argv[2]);
const qs: Record<string,string> = { long: 'x'.repeat(n), words: 'amazon ice palantir '.repeat(n/20) };
for (const [name, q] of Object.entries(qs)) { const t = Date.now(); k.answer(q); console.log(name, n, Date.now()-t, 'ms'); }
