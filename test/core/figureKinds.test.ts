import { describe, expect, it } from 'vitest';
import { figureKinds, kindsDiffer } from '../../src/core/figures.ts';

const differ = (a: string, b: string) => kindsDiffer(figureKinds(a), figureKinds(b));

describe('figures of one thing, by what they count', () => {
  it('reads money, shares and the word after the number as the kind', () => {
    expect(figureKinds('It cancelled 1,240 flights and paid $2.1 billion, 9% of its revenue, in 2025 [3].')).toEqual(
      new Map([
        ['flight', new Set([1240])],
        ['money', new Set([2.1e9])],
        ['share', new Set([9])],
      ]),
    );
    expect(figureKinds('fined 38.5 million crowns').get('money')).toEqual(new Set([38.5e6]));
  });

  it('differ where one thing is counted otherwise, not where two things are counted', () => {
    expect(differ('Corvane cancelled 1,240 flights.', 'Corvane cancelled about 1,200 flights.')).toBe(true);
    expect(differ('The airline had received 41,500 compensation claims.', 'Corvane cancelled 1,240 flights.')).toBe(false);
    expect(differ('The final count was 7,482,310 people.', 'The preliminary count was about 7.49 million, close to the final one.')).toBe(true);
    expect(differ('Corvane cancelled 1,240 flights.', 'Corvane cancelled 1,240 flights over nine days.')).toBe(false);
  });
});
