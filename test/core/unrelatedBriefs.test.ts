import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const desk3 = fileURLToPath(new URL('../fixtures/desk3-corpus', import.meta.url));
const seeds = fileURLToPath(new URL('../../seeds', import.meta.url));

describe('units of a brief on something else do not join an answer', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await openKnowledge({ seedsDir: desk3 });
  });

  // The Chernobyl brief says "half-life", "lived in safely" and "fallen steeply": the words of the
  // question, about another thing.
  it.each(['how far did american life expectancy fall in the pandemic', 'how much did life expectancy in the us fall during covid'])(
    'answers "%s" from the life-expectancy brief alone',
    (question) => {
      const answer = knowledge.answer(question);
      expect(answer.answered, answer.answer).toBe(true);
      expect(answer.sources.map((s) => s.doc)).toEqual(['d08-us-life-expectancy.txt']);
      expect([...answer.units, ...answer.more].map((u) => u.doc)).not.toContain('d13-chernobyl-exclusion-zone.txt');
    },
  );
});

describe('briefs on one subject still answer together', () => {
  it('quotes more than one seed brief where each adds to the answer', async () => {
    // The seeds are five briefs on one subject (cloud companies and ICE): they share much of their words.
    const knowledge = await openKnowledge({ seedsDir: seeds });
    const answer = knowledge.answer('when did amazon employees start pushing leadership to cut ties with palantir');
    expect(answer.answered, answer.answer).toBe(true);
    expect(new Set(answer.units.map((u) => u.doc)).size).toBeGreaterThan(1);
  });
});
