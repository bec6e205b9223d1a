import { describe, expect, it } from 'vitest';
import { askMuchTheSame, groupByTerms, termSet, termsOf } from '../../src/desk/terms.ts';

const same = (a: string, b: string) => askMuchTheSame(termSet(termsOf(a)), termSet(termsOf(b)));

describe('termsOf', () => {
  it('is the sorted distinct stems without stop words, with aliases folded in', () => {
    expect(termsOf('Did Amazon END its contracts with ICE? ICE!')).toBe(termsOf('ice contract amazon end'));
    expect(termSet(termsOf('Immigration and Customs Enforcement')).has(termsOf('ICE'))).toBe(true);
    expect(termsOf('🤔 what is it?')).toBe('');
  });
});

describe('askMuchTheSame', () => {
  it('meets rewordings of one question', () => {
    expect(same('Did Amazon end its contracts with ICE?', 'did amazon stop ICE contracts')).toBe(true);
    expect(same('How much was the GitHub contract with ICE?', 'github ice contract how much')).toBe(true);
  });

  it('keeps apart questions that share a name only, and a one-word question from a longer one', () => {
    expect(same('Who owns Palantir?', 'Palantir contracts with ICE')).toBe(false);
    expect(same('ICE', 'Did Amazon end its contracts with ICE?')).toBe(false);
    expect(same('🤔', '🤔')).toBe(false);
  });
});

describe('groupByTerms', () => {
  it('groups much the same questions, heaviest first, and leaves termless ones alone', () => {
    const items = [
      { q: 'Who owns Palantir?', n: 1 },
      { q: 'Did Amazon end its contracts with ICE?', n: 2 },
      { q: '🙃', n: 5 },
      { q: 'did amazon stop ICE contracts', n: 3 },
      { q: '🙃', n: 1 },
    ];
    const groups = groupByTerms(items, (item) => termsOf(item.q), (item) => item.n);
    expect(groups.map((group) => [group.weight, group.items.map((item) => item.q)])).toEqual([
      [5, ['Did Amazon end its contracts with ICE?', 'did amazon stop ICE contracts']],
      [5, ['🙃']],
      [1, ['Who owns Palantir?']],
      [1, ['🙃']],
    ]);
  });
});
