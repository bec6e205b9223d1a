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
    // desk8 has a brief on the recall of Volt Orchard, and one on the ads its owner posted, which
    // asks whether one of its flavours was recalled.
    const desk8 = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk8-corpus/', import.meta.url)) });
    const answer = desk8.answer('did volt orchard get recalled');
    expect(answer.units[0]?.doc).toBe('h14-volt-orchard-recall.txt');
    expect(answer.followUps.some((f) => f.doc === 'h15-marlowe-ad-disclosure.txt')).toBe(true);
  });

  it('leave out another brief’s prompt whose answer opens as this answer does', async () => {
    // The desk corpus's autumn-2024 brief on the Paris Games asks what security cost "the French
    // state"; answered, that opens with the Court of Audit's total, as the question below does.
    const desk = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk-corpus/', import.meta.url)) });
    const answer = desk.answer('How much did the Paris 2024 Olympics cost?');
    const prompt = desk.answer('How much did security for the Paris Olympics cost the French state?');
    expect(prompt.units[0]?.text).toBe(answer.units[0]?.text);
    expect(answer.followUps.map((f) => f.question)).not.toContain('How much did security for the Paris Olympics cost the French state?');
  });
});
