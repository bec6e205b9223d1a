import { describe, expect, it } from 'vitest';
import { buildEngine } from '../../src/core/engine.ts';
import { answerQuestion } from '../../src/core/answerer.ts';
import { analyze, stems, words } from '../../src/core/text.ts';
import { briefFrom } from '../fixtures/answer-core/support.ts';
import { mulberry32 } from '../support/prng.ts';


const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

describe('stems of a brief and of a question agree', () => {
  it.each([
    ['curly and straight apostrophes', 'Amazon’s employees’ letter', "Amazon's employees' letter"],
    ['case', 'PALANTIR RUNS ON AWS', 'palantir runs on aws'],
    ['possessives', "Microsoft's contract", 'Microsoft contract'],
    ['en dash, hyphen and non-breaking hyphen', 'U.S.–Mexico facial‑recognition', 'U.S.-Mexico facial-recognition'],
    ['citation markers', 'cloud support for ICE [3] [6] and Palantir [1][2]', 'cloud support for ICE and Palantir'],
    ['fullwidth letters and ligatures', 'Ｐａｌａｎｔｉｒ ﬁnance', 'Palantir finance'],
  ])('ignores %s', (_label, inBrief, inQuestion) => {
    expect(stems(inBrief)).toEqual(stems(inQuestion));
    expect(stems(inBrief).length).toBeGreaterThan(0);
  });

  it('stems inflections of a word alike ("contracts" in a brief, "contract" in a question)', () => {
    expect(stems('contracts terminated')).toEqual(stems('contract terminate'));
  });

  it('never turns a citation marker into a term', () => {
    expect(stems('[1] [12][3]')).toEqual([]);
    expect(words('ICE [3] [6].')).toEqual(['ice']);
  });

  it('reads a negative as its verb, "can\'t" as "can" and "won\'t" as "will"', () => {
    expect(words("You can't, can you? It won't; it didn't.")).toEqual(['you', 'can', 'can', 'you', 'it', 'will', 'it', 'did']);
  });

  it('keeps a number run into letters as one name ("5G", "3D"), and splits a unit or ending off ("100M", "1990s")', () => {
    expect(words('Are 5G and 6G masts safe?')).toEqual(['are', '5g', 'and', '6g', 'masts', 'safe']);
    expect(words('the $100M deal of the 1990s')).toEqual(['the', 'dollars', '100', 'million', 'deal', 'of', 'the', '1990', 's']);
  });

  it('drops a filler phrase without leaving an empty word ("end up", "ended up")', () => {
    expect(words('Did UNESCO end up listing the reef?')).toEqual(['did', 'unesco', 'listing', 'the', 'reef']);
    expect(stems('it ended up on the list')).not.toContain('');
  });

  it('reads a letter and a number as one name however it is typed ("S-1", "s1", "S‑1")', () => {
    expect(stems('the s1 filing')).toEqual(stems('the S-1 filing'));
    expect(stems('the S\u20111 filing')).toEqual(stems('the s1 filing'));
  });

  it('reads a scale or multiple typed after a number as its word ("$1.4b", "100m", "50k", "2x")', () => {
    expect(stems('over $1.4b in taxes')).toEqual(stems('over $1.4 billion in taxes'));
    expect(words('100m and 50k and 66.5m')).toEqual(['100', 'million', 'and', '50', 'thousand', 'and', '66.5', 'million']);
    expect(words('prices rose 2x')).toEqual(['prices', 'rose', '2', 'times']);
    // A letter on its own is not a scale ("plan b").
    expect(words('plan b')).toEqual(['plan', 'b']);
  });

  it('reads a name and its number as the same words with or without the hyphen ("covid19", "COVID-19")', () => {
    expect(stems('is the covid19 vaccine safe')).toEqual(stems('is the COVID-19 vaccine safe'));
    expect(stems('flight MH17')).toEqual(stems('flight MH-17'));
    // A name with numbers inside it stays one word; a chat spelling is read as what it stands for.
    expect(words('H5N1 bird flu')).toEqual(['h5n1', 'bird', 'flu']);
    expect(words('y does every1 think so')).toEqual(['why', 'does', 'everyone', 'think', 'so']);
  });
});

describe('aliases', () => {
  it('adds the short name to a text that spells it out, so either spelling shares a term', () => {
    const spelled = new Set(stems('Immigration and Customs Enforcement'));
    for (const s of stems('ICE')) expect(spelled).toContain(s);
    expect(new Set(stems('Immigration & Customs Enforcement'))).toEqual(spelled);
  });

  it.each([
    ['FTC', 'the Federal Trade Commission sued'],
    ['VAT', 'no value-added tax on the first 500,000 kroner'],
    ['EVs', 'electric cars made up most sales'],
    ['PM', 'a letter from the prime minister'],
  ])('finds "%s" in a text that spells it out ("%s")', (short, text) => {
    const spelled = new Set(stems(text));
    for (const s of stems(short)) expect(spelled).toContain(s);
  });

  it('replaces a one-word variant by its canonical name ("MSFT" → microsoft)', () => {
    expect(stems('MSFT')).toEqual(stems('Microsoft'));
    expect(analyze('msft contracts').map((t) => t.word)).toContain('microsoft');
  });

  it('marks the term an alias adds, and keeps the words it came from', () => {
    const terms = analyze('Amazon Web Services');
    expect(terms.filter((t) => t.alias).map((t) => t.word)).toEqual(['aws']);
    expect(terms.filter((t) => !t.alias).map((t) => t.word)).toEqual(['amazon', 'web', 'services']);
  });

  describe('in answers', () => {
    const spelled = briefFrom(
      'spelled.txt',
      'Cloud hosting for Immigration and Customs Enforcement',
      'The agency known as Immigration and Customs Enforcement renewed a hosting contract in 2021 [1].',
    );
    const short = briefFrom('short.txt', 'Badge readers at ICE offices', 'ICE bought badge readers for its field offices in 2019 [1].');
    const unrelated = briefFrom('unrelated.txt', 'Harbour drones', 'The port authority bought twelve drones from Zephyrline in 2024 [1].');

    it('answers a question saying "ICE" from a brief that only spells the name out', () => {
      const answer = answerQuestion(buildEngine({ briefs: [spelled, unrelated], skipped: [] }), 'ICE hosting contract');
      expect(answer.answered).toBe(true);
      expect(answer.sources[0]?.doc).toBe('spelled.txt');
    });

    it('answers a question spelling the name out from a brief that only says "ICE"', () => {
      const engine = buildEngine({ briefs: [short, unrelated], skipped: [] });
      for (const question of ['Immigration and Customs Enforcement badge readers', 'did immigration and customs enforcement buy badge readers?']) {
        const answer = answerQuestion(engine, question);
        expect(answer.answered, `${question} → ${answer.answer}`).toBe(true);
        expect(answer.sources[0]?.doc).toBe('short.txt');
      }
    });
  });
});

describe('analysing arbitrary text (property)', () => {
  const pieces = [
    'a', 'Z', 'é', 'ß', 'ﬁ', 'İ', '0', '9', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u001b', '\u200b', '\u00ad', '\ufeff',
    "'", '’', '`', '´', '-', '–', '—', '‑', '[', ']', '[3]', '&', '@', ':', '~', '^', '+', '*', '"', '“', '.', '\\',
    '🙂', '👩🏽‍💻', '🇺🇸', '\ud800', '\udfff', '\u0301', 'ICE', 'immigration and customs enforcement', 'msft', "Amazon's",
  ];

  function randomText(next: () => number): string {
    const length = next() < 0.05 ? 10_000 : Math.floor(next() * 200);
    let out = '';
    while (out.length < length) out += pick(next, pieces);
    return out;
  }

  it('never throws and yields only non-empty, space-free stems (300 random texts, up to 10k chars)', () => {
    const next = mulberry32(20260201);
    for (let i = 0; i < 300; i++) {
      const text = randomText(next);
      let result: string[] = [];
      expect(() => {
        result = stems(text);
      }, `text #${i}: ${JSON.stringify(text.slice(0, 80))}`).not.toThrow();
      for (const s of result) expect(s).toMatch(/^\S+$/u);
    }
  });

  it('gives a question the stems of the brief it was copied from, whatever its typography (200 random sentences)', () => {
    const vocabulary = ['Amazon', 'Palantir', 'contract', 'employees', 'protested', 'ICE', 'cloud', 'hosting', 'Microsoft', 'border', 'GitHub', 'immigration', 'agency', 'facial', 'recognition'];
    const next = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const chosen = Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick(next, vocabulary));
      // The brief's typography: curly possessives, en dashes between words, citation markers.
      const brief = chosen.map((w) => (next() < 0.3 ? `${w}’s` : w)).join(next() < 0.5 ? ' – ' : ' ') + ' [1] [2].';
      const question = brief.replace(/’/g, "'").replace(/ – /g, ' - ').replace(/\[\d+\]/g, '').toUpperCase();
      expect(stems(question), brief).toEqual(stems(brief));
    }
  });
});
