import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { buildEngine } from '../../src/core/engine.ts';
import { givesMeasure, measureAsked, type Measure } from '../../src/core/measures.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { briefFrom } from '../fixtures/answer-core/support.ts';

const asked = (question: string): Measure => {
  const measure = measureAsked(question);
  if (!measure) throw new Error(`expected "${question}" to ask for a measure`);
  return measure;
};

describe('what a "how <adjective>" question measures', () => {
  it('reads the measure from the adjective after "how", and none from words that say money or time', () => {
    expect(measureAsked('how tall is the tower')?.kinds).toEqual(['length']);
    expect(measureAsked('How HOT is a lightning bolt?')?.kinds).toEqual(['temperature']);
    expect(measureAsked('how much did it cost')).toBeNull();
    expect(measureAsked('how long did the strike last')).toBeNull();
    expect(measureAsked('how big is the deal')).toBeNull();
  });

  it('takes a figure in the measure’s units as an answer, written with a space, a hyphen or neither', () => {
    expect(givesMeasure(asked('how tall'), 'It stands 8,848.86 metres above sea level.')).toBe(true);
    expect(givesMeasure(asked('how tall'), 'a 330m tower')).toBe(true);
    expect(givesMeasure(asked('how deep'), 'a 12,500-foot dive')).toBe(true);
    expect(givesMeasure(asked('how heavy'), 'at least 79,000 tonnes of plastic')).toBe(true);
    expect(givesMeasure(asked('how hot'), 'a bolt can reach about 30,000 °C')).toBe(true);
    expect(givesMeasure(asked('how high did rates go'), 'to 5.5 percent')).toBe(true);
  });

  it('reads an age written around the number', () => {
    for (const text of ['He died aged 94.', 'failed overall at 16, two years early', 'an 86-year-old', 'dated to the 9th century', 'Pruett, 81, founded the chain in 1978.']) {
      expect(givesMeasure(asked('how old'), text)).toBe(true);
    }
    expect(givesMeasure(asked('how old'), 'at 16,000 feet')).toBe(false);
    expect(givesMeasure(asked('how old'), 'In March, 2, 3 and 4 of the sites closed.')).toBe(false);
  });

  it('takes no other figure for one', () => {
    expect(givesMeasure(asked('how hot'), 'The odds of being struck are 1 in 15,300.')).toBe(false);
    expect(givesMeasure(asked('how tall'), 'It took 2 years and 300 workers.')).toBe(false);
    expect(givesMeasure(asked('how tall'), '12 metresticks')).toBe(false);
    expect(givesMeasure(asked('how tall'), 'a top speed of 44.72 km/h')).toBe(false);
  });
});

describe('an answer to a question for a measure', () => {
  const engine = buildEngine({
    briefs: [
      briefFrom(
        'tower.txt',
        'Is the harbour tower the tallest building in the city?',
        'The harbour tower is the tallest building in the city, and the first tall one built on the waterfront [1].',
        'The harbour tower reached 212 metres with its mast when its 41 floors were finished in 2019 [2].',
      ),
    ],
    skipped: [],
  });
  const lexicon = loadLexicon();

  it('leads with the unit that gives the measure, not the one that says the word', () => {
    const answer = answerQuestion(engine, 'how tall is the harbour tower', {}, lexicon);
    expect(answer.units[0]?.text).toMatch(/212 metres/);
  });

  it('is declined when no unit gives a figure in its units', () => {
    // Its other words are all said, so only the measure can decline it.
    const answer = answerQuestion(engine, 'how heavy is the mast of the harbour tower', { explain: true }, lexicon);
    expect(answer.declineReason).toBe('focus-missing');
    expect(answer.trace?.stages.find((s) => s.stage === 'gate')?.lines).toContain('asks how heavy; no unit gives a figure in its units');
  });
});
