import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

// The third fixture corpus: 19 briefs on unrelated topics, several with "Want to dive deeper?" prompts.
const dir = fileURLToPath(new URL('../fixtures/desk3-corpus/', import.meta.url));
let knowledge: LiveKnowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: dir });
});

describe('follow-ups from other briefs', () => {
  it('are on the topic of the answer, not prompts that share one word of the question with it', () => {
    // "work" is in the question and in prompts of the bats and voting-age briefs.
    const answer = knowledge.answer('did the sugar tax work');
    expect(answer.units[0]?.doc).toBe('d10-uk-sugar-tax.txt');
    for (const f of answer.followUps) expect(f.doc, f.question).toBe('d10-uk-sugar-tax.txt');
  });

  it('still come from another brief that shares the answer’s topic', async () => {
    // The first fixture corpus has two briefs on the cost of the Paris Games.
    const desk = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk-corpus/', import.meta.url)) });
    const answer = desk.answer('How much did the Paris 2024 Olympics cost?');
    expect(answer.followUps.some((f) => f.doc !== answer.units[0]?.doc)).toBe(true);
  });
});
