import { readFileSync, readdirSync } from 'node:fs';
import { parseBrief } from '/work/main/src/core/corpus.ts';
import { LiveKnowledge } from '/work/main/src/core/knowledge.ts';
import type { Brief } from '/work/main/src/core/types.ts';
const dir = '/work/main/seeds';
const briefs: Brief[] = [];
for (const f of readdirSync(dir).sort()) { const r = parseBrief(f, readFileSync(`${dir}/${f}`, 'utf8')); if (r.ok) briefs.push(r.brief); else console.log('skip', f, r.reason); }
const k = await LiveKnowledge.open({ load: async () => ({ briefs, skipped: [] }) });
for (const b of briefs) console.log(b.id, b.title.slice(0,50), b.checked, b.passages.length, b.passages.map(p=>p.kind[0]+p.sentences.length).join(','), b.prompts.length);
const qs = process.argv.slice(2);
for (const q of qs) { const a = k.answer(q); console.log('\nQ:', q, '=>', a.answered, a.confidence, a.sources.map(s=>s.doc.slice(0,3)+':'+s.section.slice(0,20)).join(' | ')); console.log('  ', a.answer.slice(0, 600)); }
