import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

// The third fixture corpus has a coral brief whose "global picture" section outranks the measles
// brief for any question that says "global".
const dir = fileURLToPath(new URL('../fixtures/desk3-corpus/', import.meta.url));
let knowledge: LiveKnowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: dir });
});

describe('whether the best passages hold the question', () => {
  it('is judged on the hits near the top, not only on the first, which may owe its rank to one word', () => {
    const answer = knowledge.answer('how many kids caught measles globally', { explain: true });
    const hits = answer.trace?.stages.find((s) => s.stage === 'retrieve')?.lines ?? [];
    expect(hits[0]).toMatch(/great-barrier-reef/);
    expect(answer.answered).toBe(true);
    expect(answer.units[0]?.doc).toBe('d11-global-measles-deaths.txt');
  });
});
