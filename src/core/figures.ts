import type { Engine } from './engine.ts';
import { briefTopicStems, passageStemSet } from './stemCache.ts';
import { overlapShare } from './text.ts';
import { TUNING } from './tuning.ts';
import type { Brief, Passage } from './types.ts';

/**
 * Figures in a text, to tell near-duplicate briefs that give one thing different numbers ("77.3
 * million" against "77,284,118"): amounts, counts and shares as numbers, years and citation markers
 * aside.
 */
export function figuresOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.replace(/\[\d+\]/g, ' ').matchAll(/(\d[\d,]*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|m|k)\b)?/gi)) {
    const digits = (m[1] as string).replace(/,/g, '');
    if (/^(?:19|20)\d{2}$/.test(digits) && !m[2]) continue;
    out.push(Number(digits) * (m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1));
  }
  return out;
}

const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, bn: 1e9, billion: 1e9, trillion: 1e12 };

/**
 * Two briefs about one thing (near duplicates): their titles and claims share words, and their
 * opening passages much of their vocabulary. Briefs on neighbouring topics share the names but
 * not the rest ("won in a landslide" and "how many votes did Trump win" are one topic; the seeds'
 * five briefs on Microsoft, Amazon and ICE are five).
 */
export function sameTopic(engine: Engine, a: Brief, b: Brief): boolean {
  if (a.id === b.id || a.passages.length === 0 || b.passages.length === 0) return false;
  const t = TUNING.enrich;
  if (overlapShare(briefTopicStems(a), briefTopicStems(b)) < t.sameTopicTitleOverlap) return false;
  const sa = passageStemSet(engine, a.passages[0] as Passage);
  const sb = passageStemSet(engine, b.passages[0] as Passage);
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / (sa.size + sb.size - shared) >= t.sameTopicSummaryShare;
}

/** True when briefs about one thing give figures that differ, by the texts each is quoted with. */
export function figuresDiffer(engine: Engine, texts: ReadonlyMap<string, readonly string[]>): boolean {
  const docs = [...texts.keys()];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = engine.briefs.get(docs[i] as string) as Brief;
      const b = engine.briefs.get(docs[j] as string) as Brief;
      if (!sameTopic(engine, a, b)) continue;
      const fa = (texts.get(a.id) ?? []).flatMap(figuresOf);
      const fb = new Set((texts.get(b.id) ?? []).flatMap(figuresOf));
      if (fa.length > 0 && fb.size > 0 && fa.some((x) => !fb.has(x))) return true;
    }
  }
  return false;
}
