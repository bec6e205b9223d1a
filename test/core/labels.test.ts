import { describe, expect, it } from 'vitest';
import { freeLabel } from '../../src/core/labels.ts';

const label = (question: string, taken = new Set<string>()) => freeLabel(question, 40, taken);

describe('a follow-up button label', () => {
  it('is the question itself when it fits', () => {
    expect(label('Amazon and ICE')).toBe('Amazon and ICE');
  });

  it('is made of the question\'s names and first content words', () => {
    expect(label('What contracts have been publicly documented between Palantir and ICE since 2018?')).toBe('Palantir–ICE contracts');
    expect(label('How can I find out whether my data was in the breach?')).toBe('Find data breach');
  });

  it('keeps a name of several words whole, the first word of the question among them', () => {
    expect(label('How many flights did Corvane Air cancel during the pilots\' strike?')).toBe('Corvane Air flights cancel');
    expect(label('Corvane Air cancelled more than 3,000 flights during the pilots\' strike')).toBe('Corvane Air flights pilots');
    expect(label('Why did Bramfield Metro Transit cut its night bus routes this year?')).toMatch(/^Bramfield Metro Transit /);
    expect(label('What specific contracts link Palantir’s ICM to AWS and can those contracts be publicly audited?')).toBe('Palantir–ICM contracts');
    // Two whole names leave room for one word: one name and what it is about say more.
    expect(label('How much was Corvane Air chief executive Marisol Ekwueme paid for 2024?')).toBe('Corvane Air chief executive');
  });

  it('differs from the labels beside it, or is none', () => {
    const taken = new Set<string>();
    const first = label('How many flights did Corvane Air cancel during the pilots\' strike?', taken);
    const second = label('How many flights did Corvane Air cancel during the pilots\' strike and after it?', taken);
    expect(second).not.toBe(first);
    expect(second).not.toBeNull();
    expect(label('How many flights did Corvane Air cancel during the pilots\' strike?', taken)).not.toBe(first);
    for (const l of taken) expect(l.length).toBeLessThanOrEqual(40);
    const full = new Set<string>();
    label('Amazon and ICE', full);
    expect(label('Amazon and ICE', full)).toBeNull();
  });
});
