import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { buildEngine, type Engine } from '../../src/core/engine.ts';
import type { Lexicon } from '../../src/core/types.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { briefFrom } from '../fixtures/answer-core/support.ts';

let lexicon: Lexicon;
let engine: Engine;

beforeAll(() => {
  lexicon = loadLexicon();
  engine = buildEngine({
    briefs: [
      briefFrom(
        'complex.txt',
        'Was Napoleon unusually short?',
        'Napoleon stood about 1.69 metres, average for a Frenchman of his time [1].',
        'The notion that short men make up for their height with aggression is usually credited to the psychologist Alfred Adler [2].',
      ),
      briefFrom(
        'canal.txt',
        'Did the drought close the Panama Canal?',
        'The canal authority cut daily transit slots from 36 to 22 by December 2023 [1].',
        'The idea of a canal without locks was dropped in the 1880s [2].',
      ),
    ],
    skipped: [],
  });
});

describe("a word's nearest kin in WordNet", () => {
  it('gives a verb its fellow members and a noun its broader and narrower kinds', () => {
    expect(lexicon.kin('buy')).toContain('purchase');
    expect(lexicon.kin('idea')).toContain('notion');
    expect(lexicon.kin('cartoonist')).toContain('draftsman');
    expect(lexicon.kin('qwxzv')).toEqual([]);
  });

  it('lets a unit that says a kin of the thing asked about speak of it ("notion" for "idea"), as it would not without', () => {
    const question = 'Whose idea was it that short men are aggressive?';
    const focusLine = (lx: Lexicon) => {
      const answer = answerQuestion(engine, question, { explain: true }, lx);
      expect(answer.units[0]?.text).toContain('Alfred Adler');
      return answer.trace?.stages.find((s) => s.stage === 'gate')?.lines.find((l) => l.startsWith('focus ')) ?? '';
    };
    expect(focusLine(lexicon)).toMatch(/^focus idea, men, aggressive: 100% said/);
    expect(focusLine({ ...lexicon, kin: () => [] })).toMatch(/^focus idea \(missing\)/);
  });
});

describe('a unit that says a word near the asked one', () => {
  it('ranks above one that says only the rest of the question ("homicides" for "murders")', () => {
    const crime = buildEngine({
      briefs: [
        briefFrom(
          'crime.txt',
          'Did violent crime fall in Westmark?',
          'In 2023 the Westmark police recorded 17,310 violent crimes [1].',
          'In 2023 the Westmark police recorded 262 homicides [2].',
        ),
      ],
      skipped: [],
    });
    const lead = (lx: Lexicon) => answerQuestion(crime, 'how many murders did the westmark police record in 2023', {}, lx).units[0]?.text ?? '';
    expect(lead(lexicon)).toContain('262 homicides');
    expect(lead({ ...lexicon, kin: () => [] })).not.toContain('262 homicides');
  });
});
