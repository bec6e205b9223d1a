import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { briefFrom, engineOf, realLexicon } from '../fixtures/answer-core/support.ts';

const lexicon = realLexicon();
const engine = engineOf(
  briefFrom(
    'breach.txt',
    'Did hackers steal the records of the Norland Health Agency?',
    'Hackers copied files from a contractor of the Norland Health Agency in May 2024 [1].',
    'The agency says it has not paid a ransom [2].',
  ),
  briefFrom(
    'nurses.txt',
    'Is Norland short of nurses?',
    'The Norland Health Agency counted 8,350 vacant nursing posts and pays its nurses 41 dollars an hour on average [1].',
  ),
);

describe('a yes/no question with a word of money in it', () => {
  it('is answered by what the brief says of it, not by the nearest figure', () => {
    const answer = answerQuestion(engine, 'did the norland health agency pay the ransom or not', {}, lexicon);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toContain('has not paid a ransom');
  });

  it('still wants the figure where it gives one to check', () => {
    const answer = answerQuestion(engine, 'Does the Norland Health Agency really have 20,000 vacant nursing posts?', {}, lexicon);
    expect(answer.units[0]?.text).toContain('8,350');
  });
});
