import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/core/corpus.ts';
import type { Brief, Passage, Sentence } from '../../src/core/types.ts';

const seedsDir = new URL('../../seeds/', import.meta.url);
const seedFiles = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const readSeed = (file: string): string => readFileSync(new URL(file, seedsDir), 'utf8');
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function parsed(file: string, text: string): Brief {
  const result = parseBrief(file, text);
  if (!result.ok) throw new Error(`expected ${file} to parse, got: ${result.reason}`);
  return result.brief;
}

const seed = (file: string): Brief => parsed(file, readSeed(file));
const sentencesOf = (brief: Brief): Sentence[] => brief.passages.flatMap((p) => [...p.sentences]);
const sentenceWith = (brief: Brief, fragment: string): Sentence | undefined =>
  sentencesOf(brief).find((s) => s.text.includes(fragment));
const texts = (passage: Passage | undefined): string[] => passage?.sentences.map((s) => s.text) ?? [];

describe('every seed brief', () => {
  it('finds five seed files', () => {
    expect(seedFiles).toHaveLength(5);
  });

  it.each(seedFiles)('%s: every sentence is verbatim at its offset in the whitespace-collapsed file', (file) => {
    const source = collapse(readSeed(file));
    for (const sentence of sentencesOf(seed(file))) {
      expect(sentence.text.trim()).not.toBe('');
      expect(source.slice(sentence.at, sentence.at + sentence.text.length)).toBe(sentence.text);
    }
  });

  it.each(seedFiles)('%s: drops the disclaimer, photo credit and "Latest Podcasts"', (file) => {
    const all = sentencesOf(seed(file)).map((s) => s.text).join('\n');
    expect(all).not.toMatch(/Disclaimer|Getty Images|Latest Podcasts|Checked on|Want to dive deeper/);
  });

  it.each(seedFiles)('%s: numbers passages `${file}#${index}` in reading order', (file) => {
    seed(file).passages.forEach((p, i) => {
      expect(p).toMatchObject({ id: `${file}#${i}`, doc: file, index: i });
      expect(p.sentences.length).toBeGreaterThan(0);
    });
  });
});

describe('000: brief with blank lines, summary, five sections, "Conclusion" and prompts', () => {
  const file = '000_cd0a3d8b605ed2a2.txt';
  const brief = seed(file);

  it('reads the title and the checked date', () => {
    expect(brief.id).toBe(file);
    expect(brief.title).toBe(
      'What official statements have Microsoft and Amazon made about their relationships with ICE and Palantir since 2018?',
    );
    expect(brief.checked).toBe('2026-02-01');
  });

  it('finds the summary, five sections and the conclusion', () => {
    expect(brief.passages.map((p) => p.kind)).toEqual([
      'summary', 'section', 'section', 'section', 'section', 'section', 'conclusion',
    ]);
    expect(brief.passages[0]?.heading).toBe('Executive summary');
    expect(brief.passages[2]?.heading).toBe(
      '2. Amazon’s public comments: silence from AWS, visible employee activism',
    );
    expect(brief.passages[6]?.heading).toBe('Conclusion');
  });

  it('keeps the "Want to dive deeper?" lines as prompts, not a passage', () => {
    expect(brief.prompts).toHaveLength(3);
    expect(brief.prompts[0]).toBe('What contracts have been publicly documented between Palantir and ICE since 2018?');
    expect(sentenceWith(brief, 'publicly documented between Palantir')).toBeUndefined();
  });

  it('reads space-separated markers as citations, in order', () => {
    const sentence = sentenceWith(brief, 'Multiple reports underline that Palantir’s software');
    expect(sentence?.citations).toEqual([3, 6, 7]);
    expect(sentence?.text.endsWith('[3] [6] [7].')).toBe(true);
    expect(sentenceWith(brief, 'Since 2018 Microsoft has released')?.citations).toEqual([1, 2, 3, 4, 6]);
  });

  it('splits the summary into its two sentences, "U.S. immigration" inside the first', () => {
    const summary = texts(brief.passages[0]);
    expect(summary).toHaveLength(2);
    expect(summary[0]).toContain('services to U.S. immigration agencies');
    expect(summary[1]?.startsWith('Amazon’s corporate spokespeople')).toBe(true);
  });
});

describe('001: brief without blank lines, date or prompts, ending with "7. Bottom line ..."', () => {
  const brief = seed('001_def9eb3d8057f38a.txt');

  it('reads the title and no checked date', () => {
    expect(brief.title).toBe('Did Microsoft or Amazon end contracts with ICE and when?');
    expect(brief.checked).toBeNull();
    expect(brief.prompts).toEqual([]);
  });

  it('treats a numbered "Bottom line" heading as the conclusion', () => {
    expect(brief.passages.map((p) => p.kind)).toEqual([
      'summary', 'section', 'section', 'section', 'section', 'section', 'section', 'conclusion',
    ]);
    expect(brief.passages[7]?.heading).toBe('7. Bottom line and reporting limits');
    expect(brief.passages[3]?.heading).toBe(
      '3. What Amazon did — employee pressure and indirect ties, not a documented termination',
    );
  });

  it('does not split "U.S.–Mexico" or "U.S. Immigration"', () => {
    expect(sentenceWith(brief, 'family separations at the U.S.–Mexico border in 2018')?.citations).toEqual([5, 6, 3, 2, 1]);
    expect(texts(brief.passages[0])).toHaveLength(1);
    expect(texts(brief.passages[0])[0]).toContain('U.S. Immigration and Customs Enforcement (ICE)');
  });

  it('keeps an uncited closing sentence in the conclusion', () => {
    const conclusion = brief.passages[7]?.sentences ?? [];
    expect(conclusion).toHaveLength(2);
    expect(conclusion[0]?.citations).toEqual([1, 4, 2]);
    expect(conclusion[1]).toMatchObject({
      text: 'If a definitive corporate divestment or termination occurred after the dates covered by these articles, that event is not documented in the materials reviewed here.',
      citations: [],
    });
  });
});

describe('002: brief with adjacent markers and no conclusion', () => {
  const brief = seed('002_edea41602c36ec74.txt');

  it('reads the short title and the checked date', () => {
    expect(brief.title).toBe('Amazon and ICE');
    expect(brief.checked).toBe('2026-01-26');
  });

  it('finds the summary and four sections', () => {
    expect(brief.passages.map((p) => p.kind)).toEqual(['summary', 'section', 'section', 'section', 'section']);
    expect(brief.passages[3]?.heading).toBe('3. Amazon’s products beyond hosting—and the contested Rekognition story');
  });

  it('reads adjacent markers "[1][2][3]" as three citations', () => {
    const first = brief.passages[0]?.sentences[0];
    expect(first?.text.endsWith('records [1][2][3].')).toBe(true);
    expect(first?.citations).toEqual([1, 2, 3]);
  });

  it('keeps the prompts', () => {
    expect(brief.prompts).toHaveLength(3);
    expect(brief.prompts[0]).toBe(
      'What specific contracts link Palantir’s ICM to AWS and can those contracts be publicly audited?',
    );
  });
});

describe('003: news article without headings', () => {
  const file = '003_cbc81d907373efa0.txt';
  const brief = seed(file);

  it('takes the headline as title and has no checked date or prompts', () => {
    expect(brief.title).toBe('ICE’s $100M cloud deal could renew pressure on AWS, Microsoft over human rights abuses');
    expect(brief.checked).toBeNull();
    expect(brief.prompts).toEqual([]);
  });

  it('makes one passage per paragraph, the subtitle first', () => {
    expect(brief.passages).toHaveLength(14);
    expect(brief.passages.every((p) => p.kind === 'paragraph')).toBe(true);
    expect(brief.passages.map((p) => p.heading)).toEqual(
      Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1}`),
    );
    expect(texts(brief.passages[0])).toEqual([
      "Employees at both companies have previously attempted to stop their involvement with the agency over its enforcement of the Trump administration's child separation policy at the U.S.-Mexico border.",
    ]);
    expect(texts(brief.passages[13])).toEqual(['The new revelations haven’t been addressed by either Amazon or Microsoft.']);
  });

  it('does not split "Jan. 12, 2021"', () => {
    expect(texts(brief.passages[2])).toEqual([
      'ICE announced its intent to issue a solicitation on Jan. 12, 2021, for cloud infrastructure hosting in AWS and Microsoft Azure environments.',
    ]);
  });

  it('splits a paragraph into its sentences', () => {
    expect(texts(brief.passages[4])).toEqual([
      'Neither ICE nor Amazon had responded to requests for comment on the likelihood the contract is executed by the time of publication.',
      'Microsoft declined to comment.',
    ]);
  });
});

describe('004: brief whose markers were stripped, leaving " ." sentence ends', () => {
  const brief = seed('004_9f196b15221342b3.txt');

  it('reads the title and no checked date', () => {
    expect(brief.title.startsWith('How have Palantir and other contractors used cloud infrastructure')).toBe(true);
    expect(brief.checked).toBeNull();
  });

  it('finds the summary, six sections and "7. Bottom line" as conclusion', () => {
    expect(brief.passages.map((p) => p.kind)).toEqual([
      'summary', 'section', 'section', 'section', 'section', 'section', 'section', 'conclusion',
    ]);
    expect(brief.passages[7]?.heading).toBe('7. Bottom line');
  });

  it('splits at " ." and keeps it with the sentence', () => {
    const summary = brief.passages[0]?.sentences ?? [];
    expect(summary).toHaveLength(2);
    expect(summary[0]?.text.endsWith('under FedRAMP constraints .')).toBe(true);
    expect(summary[1]?.text.startsWith('AWS and Azure play the dual role')).toBe(true);
    expect(summary.every((s) => s.citations.length === 0)).toBe(true);
  });
});

describe('numbered lines that carry their text', () => {
  const longSentence =
    '5. Palantir runs its case management system on commercial cloud infrastructure that ICE can reach through several federal procurement vehicles [6].';
  const brief = parsed(
    'inline.txt',
    [
      'Does the parser handle same-line headings?',
      'Executive summary',
      'A summary sentence [1].',
      '1. A short heading',
      'The first section, on the next line.',
      '2. Heading with a colon: The first claim is here [2]. The second claim follows [3].',
      '3. Heading as a sentence. Then the text follows, with a citation of its own [4].',
      '4. Bottom line: Everything ends here [5].',
      longSentence,
      '6. The vaccination gap — Only 83 percent of children had a first dose [7]. Coverage of 95 percent is needed [8].',
      '7. How well it held — Counts kept doubling for decades: the 4004 had about 2,300 transistors [9].',
      '8. The cited opening sentence of a long line carries a finding of its own [10]. A second sentence follows [11].',
    ].join('\n'),
  );

  it('keeps a short numbered line as a heading alone', () => {
    expect(brief.passages[1]?.heading).toBe('1. A short heading');
    expect(texts(brief.passages[1])).toEqual(['The first section, on the next line.']);
  });

  it('splits a long numbered line at the colon when it comes before the first sentence end', () => {
    expect(brief.passages[2]?.heading).toBe('2. Heading with a colon');
    expect(brief.passages[2]?.sentences).toMatchObject([
      { text: 'The first claim is here [2].', citations: [2] },
      { text: 'The second claim follows [3].', citations: [3] },
    ]);
  });

  it('otherwise splits it after the first sentence', () => {
    expect(brief.passages[3]?.heading).toBe('3. Heading as a sentence');
    expect(texts(brief.passages[3])).toEqual(['Then the text follows, with a citation of its own [4].']);
  });

  it('recognises a same-line "Bottom line" as the conclusion', () => {
    expect(brief.passages[4]).toMatchObject({ kind: 'conclusion', heading: '4. Bottom line' });
    expect(texts(brief.passages[4])).toEqual(['Everything ends here [5].']);
  });

  it('keeps an unsplittable cited line as both heading and text', () => {
    expect(brief.passages[5]?.heading).toBe(longSentence);
    expect(brief.passages[5]?.sentences).toMatchObject([{ text: longSentence.slice(3), citations: [6] }]);
  });

  it('splits at a dash between words as at a colon, whichever comes first', () => {
    expect(brief.passages[6]?.heading).toBe('6. The vaccination gap');
    expect(texts(brief.passages[6])).toEqual(['Only 83 percent of children had a first dose [7].', 'Coverage of 95 percent is needed [8].']);
    expect(brief.passages[7]?.heading).toBe('7. How well it held');
    expect(texts(brief.passages[7])).toEqual(['Counts kept doubling for decades: the 4004 had about 2,300 transistors [9].']);
  });

  it('keeps a first sentence that cites as text, not only as the heading', () => {
    expect(texts(brief.passages[8])).toEqual([
      'The cited opening sentence of a long line carries a finding of its own [10].',
      'A second sentence follows [11].',
    ]);
  });
});

describe('paragraphs and sentences', () => {
  it('gives a section every paragraph up to the next heading', () => {
    const brief = parsed(
      'multi.txt',
      'Title\n\n1. Section one\n\nFirst paragraph.\n\nSecond paragraph.\n\nConclusion\n\nThe end.',
    );
    expect(brief.passages.map((p) => [p.heading, texts(p)])).toEqual([
      ['1. Section one', ['First paragraph.', 'Second paragraph.']],
      ['Conclusion', ['The end.']],
    ]);
  });

  it('joins a hard-wrapped line to the line it continues', () => {
    const brief = parsed('wrapped.txt', 'Title\n\nA sentence broken\nacross two lines [1]. Another one.\n\nNext paragraph.');
    expect(brief.passages.map(texts)).toEqual([
      ['A sentence broken across two lines [1].', 'Another one.'],
      ['Next paragraph.'],
    ]);
  });

  it('keeps markers written after the final period with the sentence they follow', () => {
    const brief = parsed('markers.txt', 'Title\n\nFirst claim. [1] Second claim.[2][3] Third claim [4].');
    expect(brief.passages[0]?.sentences).toMatchObject([
      { text: 'First claim. [1]', citations: [1] },
      { text: 'Second claim.[2][3]', citations: [2, 3] },
      { text: 'Third claim [4].', citations: [4] },
    ]);
  });

  it.each([
    [
      'at listed abbreviations',
      ['Dr. Smith of Acme Inc. met U.S. officials on Feb. 3 vs. last year.', 'Then she left.'],
    ],
    [
      'before a lowercase word, at a case\'s "v." or at "No." before a number',
      ['E. coli moved within five seconds.', 'In Biden v. Nebraska the court ruled.', 'A drone hit reactor No. 4 in 2025.', 'The answer was No.', 'Then it changed.'],
    ],
  ])('does not end a sentence %s', (_label, sentences) => {
    const brief = parsed('periods.txt', `Title\n\n${sentences.join(' ')}`);
    expect(texts(brief.passages[0])).toEqual(sentences);
  });

  it('still ends a sentence at a word that merely ends like an abbreviation', () => {
    const brief = parsed('mexico.txt', 'Title\n\nThey went to Mexico. Then home.');
    expect(texts(brief.passages[0])).toEqual(['They went to Mexico.', 'Then home.']);
  });

  it('reads no date from a "Checked on" line that names an impossible day', () => {
    const brief = parsed('date.txt', 'Title\nChecked on February 30, 2026\nBody text.');
    expect(brief.checked).toBeNull();
    expect(brief.passages.map(texts)).toEqual([['Body text.']]);
  });
});

describe('line endings, BOM and tabs', () => {
  it.each(seedFiles)('%s parses the same with CRLF line endings and a BOM', (file) => {
    const lf = readSeed(file);
    expect(parseBrief(file, `\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toEqual(parseBrief(file, lf));
  });

  it('treats tabs and no-break spaces as spaces', () => {
    const brief = parsed('tabs.txt', 'A\ttitle\n\n1.\tHeading\n\tSome\u00a0text\there.');
    expect(brief.title).toBe('A title');
    expect(brief.passages[0]?.heading).toBe('1. Heading');
    expect(texts(brief.passages[0])).toEqual(['Some text here.']);
  });
});

describe('rejections', () => {
  it.each([
    ['an empty text', ''],
    ['only whitespace', ' \n\t\r\n\u00a0\n'],
    ['only punctuation', '!!! ---\n... [] ()\n—'],
    ['only page furniture', 'Disclaimer: Factually can make mistakes. Learn more.\n(Getty Images)\nLatest Podcasts\n'],
  ])('rejects %s as having no readable words', (_, text) => {
    expect(parseBrief('junk.txt', text)).toEqual({ ok: false, reason: 'contains no readable words' });
  });

  it.each([
    ['a title alone', 'Just a title\n\n'],
    ['a title and a date', 'Just a title\nChecked on February 1, 2026\n'],
    ['a title and prompts', 'Just a title\nWant to dive deeper?\nA follow-up question?'],
    ['a title and an empty section', 'Just a title\n1. A heading\n\n'],
  ])('rejects %s as having no body', (_, text) => {
    const result = parseBrief('title.txt', text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/title .* but no body text/);
  });
});

describe('listing pages', () => {
  const listing = [
    'Home / Index / Topics / Weather',
    '6 results',
    '',
    'Was July the hottest month ever measured?',
    'August 3, 2025',
    '',
    'Fact check: "It never snows in the Sahara."',
    'February 9, 2025',
    '',
    'Do hurricanes really get names from a list?',
    'October 21, 2024',
    '',
    'Most Viewed',
    '1. Was July the hottest month ever measured?',
    '2. Do hurricanes really get names from a list?',
  ].join('\n');

  it('skips a listing page whose "Most Viewed" list is numbered like sections', () => {
    const result = parseBrief('index-weather.txt', listing);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/listing page/);
  });

  it('still reads a brief with numbered sections and a "Most Viewed" sidebar under it', () => {
    const brief = [
      'Was July the hottest month ever measured?',
      'Executive summary',
      'Yes, by a small margin: the global average for July came out about 0.1 degrees above the previous high.',
      '1. How it was measured',
      'Two agencies combined ship, buoy and station readings with satellite data.',
      '',
      listing,
    ].join('\n');
    expect(parsed('hottest-july.txt', brief).title).toBe('Was July the hottest month ever measured?');
  });
});

describe('never throws', () => {
  /** Deterministic PRNG (mulberry32) so a failing input can be reproduced. */
  function random(seedValue: number): () => number {
    let a = seedValue;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = [
    'a', 'Word', ' ', ' ', '\t', '\n', '\r\n', '\r', '\uFEFF', '\u00a0', '\u2028', '.', '. ', '?', '!', '…',
    '[1]', '[22] ', ']', '[', 'U.S.', 'Jan.', '“', '”', '—', '–', ':', '1. ', '12. ', '\0', '\ud800', '😀',
    'Executive summary\n', 'Conclusion\n', 'Want to dive deeper?\n', 'Checked on May 5, 2025\n',
    'Disclaimer: x\n', '(Getty Images)\n', '{{NUMBER_0}}', '{{DELIM_1}}', 'http://x.y/z.', '3.5', '$',
    '\n- ', '\n• ', '\n* ', 'Label:\n', 'Loading...', 'Keep Factually independent', 'Was this fact-check helpful?',
    '\nFact check: ', '1. Summary of the results', '**', '2. 2. ', 'Latest Podcasts\n', 'Link: https://x.y\n',
    'This fact-check may be outdated.\n', 'Index/Topics/X\n', 'Jun 3, 2025\n', '11 results\n',
  ];

  it('returns a result for random strings, and every sentence is non-empty and verbatim at its offset', () => {
    const next = random(42);
    for (let run = 0; run < 1500; run++) {
      const length = Math.floor(next() * 300);
      const text = Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const result = parseBrief('random.txt', text);
      if (!result.ok) continue;
      const source = collapse(text.replace(/^\uFEFF/, ''));
      for (const sentence of sentencesOf(result.brief)) {
        expect(sentence.text).not.toBe('');
        expect(source.slice(sentence.at, sentence.at + sentence.text.length)).toBe(sentence.text);
      }
    }
  });

  it.each([
    ['a very long line of words', `Title\n${'word '.repeat(200_000)}`],
    ['a very long line of short sentences', `Title\n${'A b. '.repeat(50_000)}`],
    ['a very long line of delimiters without spaces', `Title\n${'x.(?'.repeat(100_000)}`],
    ['many numbered lines', Array.from({ length: 5_000 }, (_, i) => `${i % 99}. line ${i}`).join('\n')],
    ['control characters', '\u0001\u0002\u0007\u001b[31m\u007f\n\u0000\u0000'],
  ])('returns a result for %s', (_, text) => {
    const result = parseBrief('big.txt', text);
    expect(typeof result.ok).toBe('boolean');
  });

  it('returns a rejection instead of throwing when given a non-string at run time', () => {
    const result = parseBrief('bad.txt', undefined as unknown as string);
    expect(result.ok).toBe(false);
  });
});
