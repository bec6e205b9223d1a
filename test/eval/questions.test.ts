import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/core/corpus.ts';
import { readBriefTexts, readQuestionSet } from '../../src/eval/readEvalInputs.ts';
import { normalizeForMatch } from '../../src/eval/score.ts';
import { KNOWN_QUESTIONS, SUITES } from '../../src/eval/suites.ts';

// A set is only as good as its expectations: these checks keep every set honest as the briefs change.
const root = fileURLToPath(new URL('../../', import.meta.url));
const sets = [
  ...SUITES.flatMap((suite) => suite.sets.map((set) => ({ set, corpus: suite.corpus }))),
  { set: KNOWN_QUESTIONS.set, corpus: KNOWN_QUESTIONS.corpus },
];

describe.each(sets)('the question set $set', ({ set, corpus }) => {
  const items = readQuestionSet(`${root}${set}`);
  const texts = readBriefTexts(`${root}${corpus}`);
  const briefs = new Map([...texts].map(([doc, text]) => [doc, normalizeForMatch(text)]));
  const facts = items.filter((it) => it.kind === 'fact');

  it('expects only briefs that exist and that contain one of the expected facts verbatim', () => {
    const wrong = facts.flatMap((it) =>
      it.docs
        .filter((doc) => !it.facts.some((f) => briefs.get(doc)?.includes(normalizeForMatch(f))))
        .map((doc) => `${it.id}: ${doc}`),
    );
    expect(wrong).toEqual([]);
  });

  it('writes facts in lowercase, as the matcher compares them', () => {
    expect(facts.filter((it) => it.facts.some((f) => f !== f.toLowerCase())).map((it) => it.id)).toEqual([]);
  });

  it('expects facts the briefs state, not only the claims they check', () => {
    const claims = new Map(
      [...texts].flatMap(([doc, text]) => {
        const parsed = parseBrief(doc, text);
        return parsed.ok && parsed.brief.claim ? [[doc, normalizeForMatch(parsed.brief.claim)] as const] : [];
      }),
    );
    const onlyInClaims = facts.filter(
      (it) =>
        !it.docs.some((doc) => {
          const text = briefs.get(doc) ?? '';
          const claim = claims.get(doc);
          const stated = claim === undefined ? text : text.replace(claim, ' ');
          return it.facts.some((f) => stated.includes(normalizeForMatch(f)));
        }),
    );
    expect(onlyInClaims.map((it) => it.id)).toEqual([]);
  });
});

describe('the project suites', () => {
  it('hold at least 200 questions per corpus in two halves (100 for a corpus in one half), a quarter to a third of them out of scope', () => {
    for (const suite of SUITES) {
      const items = suite.sets.flatMap((set) => readQuestionSet(`${root}${set}`));
      expect(items.length, suite.name).toBeGreaterThanOrEqual(suite.only ? 100 : 200);
      const share = items.filter((it) => it.kind === 'abstain').length / items.length;
      expect(share, suite.name).toBeGreaterThanOrEqual(0.25);
      expect(share, suite.name).toBeLessThanOrEqual(0.4);
      expect(new Set(items.map((it) => it.split)), suite.name).toEqual(new Set(suite.only ? [suite.only] : ['tune', 'test']));
    }
  });

  it('draw answers from every brief of each corpus', () => {
    for (const suite of SUITES) {
      const texts = readBriefTexts(`${root}${suite.corpus}`);
      const usable = [...texts].filter(([doc, text]) => parseBrief(doc, text).ok).map(([doc]) => doc);
      const cited = new Set(suite.sets.flatMap((set) => readQuestionSet(`${root}${set}`)).flatMap((it) => it.docs));
      expect(usable.filter((doc) => !cited.has(doc)), suite.name).toEqual([]);
    }
  });
});
