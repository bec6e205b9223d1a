import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { buildEngine } from '../../src/core/engine.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { briefFrom } from '../fixtures/answer-core/support.ts';

const engine = buildEngine({
  briefs: [
    briefFrom(
      'loans.txt',
      'What has Aldermark pledged to Veskania?',
      'Aldermark has pledged $56.9 billion to Veskania since March 2023 [1].',
      'About $12.0 billion of the pledged aid is loans, repayable over 25 years [1].',
      'The sources provided do not say whether Aldermark plans to forgive any of the loans [2].',
    ),
  ],
  skipped: [],
});
const lexicon = loadLexicon();

describe('a brief that says its sources are silent on what is asked', () => {
  it('does not answer it: the question is declined as not covered', () => {
    const answer = answerQuestion(engine, 'what will aldermark do about forgiving the loans', {}, lexicon);
    expect(answer.answered, answer.answer).toBe(false);
    expect(answer.declineReason).toBe('not-covered');
  });

  it('still answers what the brief does say', () => {
    const answer = answerQuestion(engine, 'how much of the pledged aid is loans', {}, lexicon);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('$12.0 billion');
  });
});
