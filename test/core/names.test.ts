import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { namesOtherThan } from '../../src/core/names.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
const lexicon = loadLexicon();
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});

const terms = (question: string) => analyse(knowledge.engine, question, lexicon).terms;

describe('whether a sentence names someone the question does not', () => {
  it('counts a capitalised word mid-sentence that the question lacks', () => {
    expect(namesOtherThan('The review was chaired by Thomas Young.', terms('who chaired the review'))).toBe(true);
    expect(namesOtherThan('The review was chaired by the agency.', terms('who chaired the review'))).toBe(false);
    expect(namesOtherThan('Employees wrote to Palantir.', terms('who did the employees write to at palantir'))).toBe(false);
  });

  it('does not count a month or a weekday, which names no one', () => {
    // "Who led the review" is not answered by "…a review in July 2011 found…".
    expect(namesOtherThan('An independent review in July 2011 found the programme badly run.', terms('who led the independent review'))).toBe(false);
    expect(namesOtherThan('The letter went out on a Monday in October.', terms('who sent the letter'))).toBe(false);
  });
});
