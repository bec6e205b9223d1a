import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../src/core/numbers.ts';
import { analyze, words } from '../../src/core/text.ts';
import { clauseCuts, clausePieces, spansOf } from '../../src/core/units.ts';
import { mulberry32 } from '../support/prng.ts';

const sentence = (text: string) => ({ text, citations: [], at: 0 });

describe('spansOf: the verbatim pieces of a long sentence an answer may quote', () => {
  const long =
    'The claim is false: Congress approved about $175 billion in Ukraine-related funding across five bills [1]; ' +
    'even that total overstates what was given, because a sizeable part of it was spent in the United States, ' +
    'while loans and guarantees were counted as if they were gifts, but the record shows otherwise [2].';

  it('gives a sentence that fits whole, uncut', () => {
    expect(spansOf(sentence('It rained [1].'), 250)).toEqual([{ text: 'It rained [1].', offset: 0, citations: [1], cutBefore: false, cutAfter: false, pieces: [0, 0], wordCut: false }]);
  });

  it('cuts a long one at clause boundaries into spans that fit, each a slice of the sentence at its offset', () => {
    const spans = spansOf(sentence(long), 120);
    expect(spans.length).toBeGreaterThan(2);
    for (const s of spans) {
      expect(s.text.length).toBeLessThanOrEqual(120);
      expect(long.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
      expect(s.cutBefore || s.cutAfter).toBe(true);
      expect(s.citations).toEqual([...s.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    }
    expect(spans.map((s) => s.text)).toContain('The claim is false');
    // The opening conjunction of a clause is left out: the unit reads from what it says.
    expect(spans.some((s) => s.text.startsWith('loans and guarantees were counted'))).toBe(true);
    expect(spans.at(-1)?.text.endsWith('[2].')).toBe(true);
  });

  it('never cuts a date between its day and its year, where it cuts a long clause at its commas', () => {
    const dated =
      'Yes, in part: on February 28, 2025 the food standards office ordered a recall of about 410,000 cans of the drink, ' +
      'after tests found up to 312 milligrams of caffeine per can, against the 200 milligrams printed on the label, ' +
      'and the maker offered refunds to everyone who had bought one in the shops or online.';
    const spans = spansOf(sentence(dated), 150);
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.some((s) => s.text.includes('February 28, 2025'))).toBe(true);
    expect(spans.some((s) => s.text === 'on February 28' || s.text.startsWith('2025 the food'))).toBe(false);
  });

  it('cuts a clause too long on its own after its last whole word, never mid-word', () => {
    const run = `${'word '.repeat(80)}end.`;
    const spans = spansOf(sentence(run), 100);
    for (const s of spans) {
      expect(s.text.length).toBeLessThanOrEqual(100);
      expect(run.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
      expect(run[s.offset + s.text.length] === ' ' || s.offset + s.text.length === run.length).toBe(true);
    }
    // Only a span cut at a word, not at a clause boundary, says so: it is scored on the words it shows.
    expect(spans.some((s) => s.wordCut)).toBe(true);
    expect(spansOf(sentence(long), 120).every((s) => !s.wordCut)).toBe(true);
  });

  it('keeps every span of random sentences a slice within the limit', () => {
    const next = mulberry32(7);
    const pieces = ['word', ' ', ', ', '; ', ' — ', ': ', ', but ', ', while ', '[3]', '.', 'Claim', ' x'];
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: 20 + Math.floor(next() * 200) }, () => pieces[Math.floor(next() * pieces.length)]).join('').trim();
      if (text === '') continue;
      for (const s of spansOf(sentence(text), 80)) {
        expect(s.text.length).toBeLessThanOrEqual(80);
        expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
      }
    }
  });

  it('gives a build the same clause pieces and word cuts without making every span', () => {
    const next = mulberry32(9);
    const parts = ['word', ' ', ', ', '; ', ' — ', ': ', ', but ', 'averylongwordwithoutanyspace', '[3]', '.'];
    let cuts = 0;
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: 20 + Math.floor(next() * 200) }, () => parts[Math.floor(next() * parts.length)]).join('').trim();
      if (text === '') continue;
      const s = sentence(text);
      const cut = spansOf(s, 80).filter((x) => x.wordCut);
      cuts += cut.length;
      expect(clauseCuts(text, 80)).toEqual({ pieces: clausePieces(s, 80), cuts: cut.map((x) => [x.pieces[0], x.text]) });
    }
    expect(cuts).toBeGreaterThan(0);
  });
});

describe('the words people type', () => {
  it('reads numbers written in words as digits', () => {
    expect(readNumbers('four hundred billion dollars'.split(' '))).toEqual(['400', 'billion', 'dollars']);
    expect(readNumbers('seventy seven million'.split(' '))).toEqual(['77', 'million']);
    expect(readNumbers('one hundred and five'.split(' '))).toEqual(['105']);
    expect(readNumbers('two thousand nineteen'.split(' '))).toEqual(['2019']);
    expect(readNumbers('the hundred days'.split(' '))).toEqual(['the', 'hundred', 'days']);
  });

  it('reads a year said as two numbers ("eighteen eighty nine"), and leaves a count of digits alone', () => {
    expect(readNumbers('opened in eighteen eighty nine'.split(' '))).toEqual(['opened', 'in', '1889']);
    expect(readNumbers('by twenty twenty four'.split(' '))).toEqual(['by', '2024']);
    expect(readNumbers('in twenty nineteen'.split(' '))).toEqual(['in', '2019']);
    expect(readNumbers('one hundred nineteen'.split(' '))).toEqual(['119']);
    expect(readNumbers('one two three'.split(' '))).toEqual(['1', '2', '3']);
  });

  it('reads $ as dollars, % as percent, and keeps a number with its separators whole', () => {
    expect(words('$400 billion, 77,284,118 votes, 66.5%')).toEqual(['dollars', '400', 'billion', '77284118', 'votes', '66.5', 'percent']);
    expect(analyze('400 dollars').map((t) => t.stem)).toEqual(analyze('$400').map((t) => t.stem).reverse());
  });

  it('reads chat spellings and contractions as the words they stand for', () => {
    expect(words('wat r u saying abt the govt pls')).toEqual(['what', 'are', 'you', 'saying', 'about', 'the', 'government', 'please']);
    expect(words("they've didn't Palantir's")).toEqual(['they', 'did', 'palantir']);
    expect(words('did america walk away')).toEqual(['did', 'america', 'withdraw']);
    expect(analyze('lol idk tbh')).toEqual([]);
  });
});
