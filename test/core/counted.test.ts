import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import { countsOrOmits } from '../../src/core/counted.ts';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
const lexicon = loadLexicon();
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});

const counted = (question: string) => analyse(knowledge.engine, question, lexicon).counted;

describe('what a "how many" question counts', () => {
  it('is the words up to the plural after "how many" or "number of", names left out', () => {
    expect(counted('how many separated kids still have not been reunited').map((t) => t.word)).toEqual(['separated', 'kids']);
    expect(counted('How many Microsoft staffers signed the letter?').map((t) => t.word)).toEqual(['staffers']);
    expect(counted('what was the number of children in custody').map((t) => t.word)).toEqual(['children']);
  });

  it('is nothing when no plural follows, or the plural asks how often or how long', () => {
    expect(counted('how many times did ICE renew the deal')).toEqual([]);
    expect(counted('how much was the GitHub contract')).toEqual([]);
    expect(counted('how many years did the contract run')).toEqual([]);
  });

  it('is counted by a number standing near it, not by money or a share', () => {
    const kids = counted('how many separated kids');
    expect(countsOrOmits(kids, 'As many as 666 children have yet to be reunited with their separated parents.')).toBe('counts');
    const contracts = counted('how many contracts did ICE sign');
    expect(countsOrOmits(contracts, 'It asked the company to drop its more than $8 million in contracts with ICE.')).toBe('names only');
    expect(countsOrOmits(contracts, 'Cloud spending rose 40 percent in contracts like these.')).toBe('names only');
    expect(countsOrOmits(contracts, 'Hundreds of contracts were reviewed.')).toBe('counts');
    expect(countsOrOmits(contracts, 'The agency spent 12 million on hosting.')).toBe('omits');
  });
});
