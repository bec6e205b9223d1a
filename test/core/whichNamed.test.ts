import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import { briefFrom, engineOf, realLexicon } from '../fixtures/answer-core/support.ts';

const lexicon = realLexicon();
const engine = engineOf(
  briefFrom(
    'android.txt',
    'Did Europe fine Google over Android?',
    'The European Commission fined Google 4.34 billion euros over Android in July 2018 [1].',
    'The case was brought under the competition commissioner Margrethe Vestager, and a consultancy advised the state [2].',
  ),
);

describe('which person, group or place a question asks for', () => {
  it("reads the kind of a noun's commonest sense from WordNet", () => {
    expect(lexicon.kindOf('commissioner')).toBe('person');
    expect(lexicon.kindOf('agency')).toBe('group');
    expect(lexicon.kindOf('state')).toBe('place');
    expect(lexicon.kindOf('reservoir')).toBeNull();
    expect(lexicon.kindOf('qwxzv')).toBeNull();
  });

  it('asks for a name when "which" or "what" comes before such a noun, and only then', () => {
    const type = (q: string, lx = lexicon) => analyse(engine, q, lx).type;
    expect(type('Which EU commissioner brought the Android case?')).toBe('name');
    expect(type('which state did the case go to')).toBe('name');
    expect(type('Which EU commissioner brought the Android case?', { ...lexicon, kindOf: () => null })).toBe('other');
    // A stop word ends the phrase: the minister is who spoke, not what is asked for.
    expect(type('What did the competition commissioner say about Android?')).toBe('other');
    expect(type('What event set off the Android case?')).toBe('other');
  });
});

describe('the kind of answer a which-question names', () => {
  it('is not part of its focus, modifiers and all ("which government agency")', () => {
    const focus = analyse(engine, 'which government agency fined Google over Android', lexicon).focus.map((t) => t.word);
    expect(focus).not.toContain('government');
    expect(focus).not.toContain('agency');
    expect(focus).toContain('fined');
  });
});

describe('the base form of a word ending in -ed or -ing', () => {
  it('is the one with an "e" where the consonant is not doubled ("fined" is "fine", not "fin")', () => {
    expect(lexicon.kin('fined')).toContain('penalty');
    expect(lexicon.kin('fining')).toEqual(lexicon.kin('fine'));
    expect(lexicon.synonyms('hoped')).toEqual(lexicon.synonyms('hope'));
  });
});
