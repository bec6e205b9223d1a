import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/core/corpus.ts';
import type { Brief } from '../../src/core/types.ts';

/**
 * Briefs as they arrive when copied out of an editor or a page's reader view rather than as plain
 * text: Markdown heading marks, a bold heading with its text on the same line, a "Checked on" date
 * in another order, a "Published:" line, and the page's list of sources.
 */

function parsed(text: string): Brief {
  const result = parseBrief('markup.txt', text);
  if (!result.ok) throw new Error(`expected the brief to parse, got: ${result.reason}`);
  return result.brief;
}

const allText = (brief: Brief): string => brief.passages.flatMap((p) => p.sentences.map((s) => s.text)).join('\n');

const OLDER = [
  'Fact check: "A volcano in Iceland erupted every week of 2024."',
  'Published: March 9, 2025',
  'Checked on: 9 March 2025',
  '### 1. Summary of the results',
  'The claim is false: the Sundhnúkur crater row erupted six times in 2024, with weeks of quiet between the eruptions [1].',
  '### 2. Missing context/alternative viewpoints',
  '- Each eruption lasted from a few days to several weeks.',
  '**3. Potential misinformation/bias in the original statement:** The claim turns a busy year into a constant one [2].',
  'Sources:',
  '[1] https://example.org/iceland-eruptions-2024',
  '[2] Icelandic Meteorological Office, eruption timeline, 2025.',
  'https://example.org/share',
].join('\n');

describe('a brief with Markdown marks and a source list', () => {
  const brief = parsed(OLDER);

  it('reads "### 1. Summary of the results" as the summary, whose first sentence is the verdict', () => {
    expect(brief.passages.map((p) => p.heading)).toEqual([
      '1. Summary of the results',
      '2. Missing context/alternative viewpoints',
      '3. Potential misinformation/bias in the original statement',
    ]);
    expect(brief.verdict).toMatch(/^The claim is false: the Sundhnúkur crater row erupted six times/);
  });

  it('reads a bold heading and the text after it on one line as both', () => {
    expect(brief.passages[2]?.sentences.map((s) => s.text)).toEqual(['The claim turns a busy year into a constant one [2].']);
  });

  it('reads a day-first "Checked on:" date', () => {
    expect(brief.checked).toBe('2025-03-09');
  });

  it('quotes neither the source list, a bare address, nor the "Published:" line', () => {
    const text = allText(brief);
    expect(text).not.toMatch(/https?:|Meteorological Office|Published|Sources/);
    expect(text).toMatch(/Each eruption lasted/);
  });

  it('counts what it dropped', () => {
    expect(brief.furniture).toBeGreaterThanOrEqual(5);
  });
});

describe('"Checked on" dates', () => {
  const checked = (line: string) => parsed(`Did it happen?\n${line}\nExecutive summary\nIt did not happen [1].`).checked;

  it('reads the orders and forms pages write them in', () => {
    expect(checked('Checked on March 3, 2025')).toBe('2025-03-03');
    expect(checked('Checked on Mar. 3rd, 2025')).toBe('2025-03-03');
    expect(checked('Checked on 3 March 2025')).toBe('2025-03-03');
    expect(checked('Last checked 2025-03-03')).toBe('2025-03-03');
  });

  it('reads no date from an impossible one, and still keeps the line out of the text', () => {
    const brief = parsed('Did it happen?\nChecked on 2025-13-03\nExecutive summary\nIt did not happen [1].');
    expect(brief.checked).toBeNull();
    expect(allText(brief)).not.toMatch(/Checked/);
  });
});

describe('a line that only starts with a citation marker', () => {
  it('is an entry of a source list even without a "Sources" line before it', () => {
    const brief = parsed('Did it happen?\nExecutive summary\nIt did not happen [1].\n[1] A report by the national archive, 2024.');
    expect(allText(brief)).toBe('It did not happen [1].');
  });

  it('and so is a numbered or bulleted address, which is no numbered heading', () => {
    const brief = parsed('Did it happen?\nExecutive summary\nIt did not happen [1].\n## Sources\n1. https://example.org/a - the archive\n2. https://example.org/b\n- www.example.org/c');
    expect(brief.passages.map((p) => p.heading)).toEqual(['Executive summary']);
    expect(allText(brief)).toBe('It did not happen [1].');
  });
});
