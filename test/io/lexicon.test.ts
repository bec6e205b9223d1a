import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

// A nationality's adjective is the country's name in another form: "Irish" asks about Ireland as
// "Ukrainian" asks about Ukraine, though the two words share too few letters for a derived form.
const lexicon = loadLexicon();

describe('the country a nationality names', () => {
  it.each([
    ['irish', 'ireland'],
    ['french', 'france'],
    ['spanish', 'spain'],
    ['dutch', 'netherlands'],
    ['ukrainian', 'ukraine'],
  ])('relates "%s" to "%s"', (adjective, country) => {
    expect(lexicon.forms(adjective)).toContain(country);
  });

  it('takes the country of the first sense only ("Chinese" is China\'s, not Taiwan\'s)', () => {
    expect(lexicon.forms('chinese')).toContain('china');
    expect(lexicon.forms('chinese')).not.toContain('taiwan');
  });

  it('still keeps unrelated pertainyms and derivations out', () => {
    expect(lexicon.forms('found')).not.toContain('institution');
  });

  it('answers a question about "the Irish regulator" from the brief on Ireland\'s regulator', async () => {
    const desk6 = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk6-corpus/', import.meta.url)) });
    const answer = desk6.answer('how big a fine did the irish regulator want vantly to pay');
    expect(answer.declineReason).toBeNull();
    expect(answer.units.map((u) => u.text).join(' ')).toMatch(/Ireland/);
  });
});

describe('the base form of a short inflected word', () => {
  it('finds a base of three letters ("sued" is "sue", "died" is "die", "cried" is "cry")', () => {
    for (const word of ['sued', 'died', 'owed', 'cried']) expect(lexicon.has(word)).toBe(true);
  });

  it('does not strip a word down to two letters ("goed" is no form of "go")', () => {
    expect(lexicon.has('go')).toBe(true);
    expect(lexicon.has('goed')).toBe(false);
  });
});
