import type { Engine } from './engine.ts';
import { briefTopicStems, passageStemSet } from './stemCache.ts';
import { CURRENCY } from './questionType.ts';
import { isStopWord, overlapShare } from './text.ts';
import { TUNING } from './tuning.ts';
import type { Brief, Passage } from './types.ts';

const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, bn: 1e9, billion: 1e9, trillion: 1e12 };

/**
 * The figures of a text (amounts, counts and shares; years and citation markers aside), to tell
 * near-duplicate briefs that give one thing different numbers, by what they are figures of: a sum
 * of money, a share, or the word after the number ("1,240 flights", "77.3 million votes"),
 * singular; a number with no such word ("about 7.49 million, …") is of kind "".
 */
export function figureKinds(text: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const clean = text.replace(/\[\d+\]/g, ' ');
  for (const m of clean.matchAll(FIGURE)) {
    const digits = (m[2] as string).replace(/,/g, '');
    if (/^(?:19|20)\d{2}$/.test(digits) && !m[3]) continue;
    const value = Number(digits) * (m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1);
    const after = (m[4] ?? '').toLowerCase();
    const kind = m[1] || MONEY_WORDS.test(after) ? 'money' : /^(?:%|percent|per)$/.test(after) ? 'share' : /^\p{L}{3,}$/u.test(after) && !isStopWord(after) ? after.replace(/s$/, '') : '';
    out.set(kind, new Set([...(out.get(kind) ?? []), value]));
  }
  return out;
}
const FIGURE = /([$€£¥₹])?\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|m|k)\b)?(?:\s?(%|[\p{L}'’-]+))?/giu;
const MONEY_WORDS = new RegExp(`^${CURRENCY}$`, 'i');

/**
 * True when two texts' figures of one thing differ: of one kind ("1,240 flights" and "about 1,200
 * flights", not "41,500 claims"), or of any kind but close to each other ("7,482,310 people" and
 * "about 7.49 million", within `NEAR_FIGURES`).
 */
export function kindsDiffer(a: ReadonlyMap<string, ReadonlySet<number>>, b: ReadonlyMap<string, ReadonlySet<number>>): boolean {
  for (const [kind, values] of a) {
    const theirs = b.get(kind);
    if (kind !== '' && theirs && [...values].some((v) => !theirs.has(v))) return true;
  }
  const all = (m: ReadonlyMap<string, ReadonlySet<number>>) => [...m.values()].flatMap((s) => [...s]);
  const theirs = all(b);
  return all(a).some((v) => v >= 10 && !theirs.includes(v) && theirs.some((w) => w >= 10 && Math.abs(v - w) <= NEAR_FIGURES * Math.max(v, w)));
}
/** Two figures this close (a share of the larger) are one thing counted twice. */
const NEAR_FIGURES = 0.1;

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
      if (kindsDiffer(figureKinds((texts.get(a.id) ?? []).join(' ')), figureKinds((texts.get(b.id) ?? []).join(' ')))) return true;
    }
  }
  return false;
}
