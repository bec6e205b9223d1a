import type { EvalItem } from './score.ts';

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');

/**
 * Parses an evaluation set: one JSON object per line, `{id, q, kind, facts, docs}`. Out-of-scope
 * items may leave out `facts` and `docs` (as `../shared/eval/dev.jsonl` does).
 * @param origin names the set in error messages.
 * @throws on the first malformed line, naming it: a broken set must stop the run, not score zero.
 */
export function parseQuestionSet(text: string, origin: string): EvalItem[] {
  const items: EvalItem[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${origin}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not JSON`);
    }
    const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const { id, q, kind } = o;
    const facts = o['facts'] ?? [];
    const docs = o['docs'] ?? [];
    if (typeof id !== 'string' || id === '') throw new Error(`${where}: missing "id"`);
    if (ids.has(id)) throw new Error(`${where}: duplicate id "${id}"`);
    if (typeof q !== 'string' || q.trim() === '') throw new Error(`${where}: missing "q"`);
    if (kind !== 'fact' && kind !== 'abstain') throw new Error(`${where}: "kind" must be "fact" or "abstain"`);
    if (!isStringArray(facts) || !isStringArray(docs)) throw new Error(`${where}: "facts" and "docs" must be lists of strings`);
    if (kind === 'fact' && (facts.length === 0 || docs.length === 0)) {
      throw new Error(`${where}: a fact question needs at least one fact and one doc`);
    }
    const split = o['split'];
    if (split !== undefined && split !== 'tune' && split !== 'test') throw new Error(`${where}: "split" must be "tune" or "test"`);
    ids.add(id);
    items.push({ id, q, kind, facts, docs, ...(split !== undefined ? { split } : {}) });
  });
  return items;
}
