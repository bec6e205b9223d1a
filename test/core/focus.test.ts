import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
const lexicon = loadLexicon();
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});

const focus = (question: string) => analyse(knowledge.engine, question, lexicon).focus.map((t) => t.word);

describe('the focus of a question', () => {
  it('leaves out the word that names the kind of answer asked for', () => {
    expect(focus('On what date was the GitHub ICE contract renewed?')).toEqual(['contract', 'renewed']);
    expect(focus('In which year did Microsoft employees publish their letter?')).not.toContain('year');
    expect(focus('What share of Palantir revenue comes from ICE?')).toEqual(['revenue']);
    // A question for a result: its score is what the answer gives ("312 to 226"), not a word it says.
    expect(focus('whats the final electoral college score')).not.toContain('score');
    // Nor is a sum's value: "$200,000" gives it.
    expect(focus('what is the value of the github contract with ice')).not.toContain('value');
    expect(focus('what amount did ice pay palantir')).not.toContain('amount');
  });

  it('leaves out "the idea" before the claim it frames, in the question only', () => {
    expect(focus('where did the idea that palantir runs on aws come from')).not.toContain('idea');
    expect(focus('whose idea was it that palantir should run on aws')).toContain('idea');
  });

  it('keeps the same word where it is what is asked about', () => {
    expect(focus('Did the contract have an end date?')).toContain('date');
    expect(focus('Which brief gives the date the contract ends?')).toContain('date');
    // Scoring a goal is no question for a result.
    expect(focus('which microsoft employee scored the most signatures')).toContain('scored');
  });
});
