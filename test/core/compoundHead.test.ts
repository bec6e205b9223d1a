import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { parseQuery } from '../../src/core/query.ts';
import { stem } from '../../src/core/text.ts';
import { briefFrom, engineOf, realLexicon } from '../fixtures/answer-core/support.ts';

const lexicon = realLexicon();
const engine = engineOf(
  briefFrom(
    'strike.txt',
    'Did the Hollywood strike last six months?',
    'The Hollywood writers walked out on May 2, 2023 and went back to work on September 27 [1].',
    'The route is 120 kilometres long, and the gate is 9 metres wide [2].',
  ),
  briefFrom('guild.txt', 'Who speaks for television screenwriters?', 'A guild in Los Angeles bargains for about 11,500 screenwriters of television [1].'),
);

describe('a closed compound of two words', () => {
  it('relates to its head noun ("screenwriters" to "writers"), not to the end of a measure ("kilometres")', () => {
    const [screen] = parseQuery('screenwriters', engine.passageIndex, lexicon);
    expect(screen?.related).toContain(stem('writers'));
    const [km] = parseQuery('kilometres', engine.passageIndex, lexicon);
    expect(km?.related ?? []).not.toContain(stem('metres'));
  });

  it('lets a unit that says the head speak of what is asked', () => {
    const answer = answerQuestion(engine, 'On what date did the Hollywood screenwriters walk out?', {}, lexicon);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toContain('May 2, 2023');
  });
});
