import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

// Answers on desk6 (test/fixtures/desk6-corpus): briefs in topic clusters, several on one company,
// agency or state, each answering a different question about it.
const desk6 = fileURLToPath(new URL('../fixtures/desk6-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: desk6 });
});

describe('a question about someone the cluster names, on a thing no brief gives', () => {
  // The donations brief gives what Crestway's founder gave to campaigns, not what he owns; the
  // cluster names chief executives of other companies, not Crestway's.
  it.each([
    ['whats dale pruetts net worth'],
    ['Who is the chief executive of Crestway Stores?'],
  ])('declines "%s"', (question) => {
    const answer = knowledge.answer(question);
    expect(answer.answered, answer.answer).toBe(false);
    expect(answer.declineReason).toBe('focus-missing');
  });

  it('answers the same kinds of question where a brief gives them', () => {
    const founder = knowledge.answer('how much did dale pruett give in the 2024 election cycle');
    expect(founder.answered, founder.answer).toBe(true);
    expect(founder.answer).toContain('$31.6 million');
    const ceo = knowledge.answer('who is the chief executive of Vantly');
    expect(ceo.answered, ceo.answer).toBe(true);
    expect(ceo.answer).toContain('Marisa Okafor');
  });
});

describe('a "how old" question', () => {
  // The donations brief gives the founder's age only as "Pruett, 81, founded Crestway in 1978".
  it('is answered by an age set off by commas, which never says "old"', () => {
    const answer = knowledge.answer('How old is Crestway founder Dale Pruett?');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toContain('Pruett, 81,');
  });
});

describe('two checks of one claim', () => {
  // The EU fine on Vantly was checked in March 2024 (g09, a draft decision) and in October 2024 (g20,
  // the fine and the appeal): what the later check adds answers a question about the claim.
  it('count as one brief for what a question asks about', () => {
    const answer = knowledge.answer('is vantly appealing the eu fine?');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toMatch(/appeal/);
  });

  it('come newest first where they give different figures, even after a yes/no question', () => {
    // March found no fine yet ("False, at least for now"); October found the €382 million fine.
    const answer = knowledge.answer('Did Europe really fine Vantly a billion euros?');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.doc).toBe('g20-vantly-eu-fine-october.txt');
    expect(answer.units.some((u) => u.doc === 'g09-vantly-eu-fine-march.txt')).toBe(true);
    expect(answer.note).toMatch(/different figures for this; the most recently checked comes first/);
  });
});
