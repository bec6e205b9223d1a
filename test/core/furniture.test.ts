import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/core/corpus.ts';
import { FurnitureCensus, furnitureKind, unglue } from '../../src/core/furniture.ts';

const none = new Set<string>();
const brief = (body: string, recurring: ReadonlySet<string> = none) => {
  const parsed = parseBrief('x.txt', body, { recurring });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.brief;
};
const texts = (body: string, recurring?: ReadonlySet<string>) => brief(body, recurring).passages.flatMap((p) => p.sentences.map((s) => s.text));

describe('furniture a site pastes with its pages', () => {
  it.each([
    ['Keep Factually independent', 'furniture'],
    ['Keep Veritas Weekly independent', 'furniture'],
    ['Whether you agree or disagree with our analysis, these conversations matter.', 'furniture'],
    ['Loading...', 'furniture'],
    ['Time left: 3 days', 'furniture'],
    ['Goal: $500', 'furniture'],
    ['Was this fact-check helpful?', 'furniture'],
    ['Your fact-checks', 'furniture'],
    ['Share this fact-check', 'furniture'],
    ['(Photo: Jane Doe/Reuters)', 'furniture'],
    ['Latest Podcasts', 'sidebar'],
    ['Most Viewed', 'sidebar'],
    ['This fact-check may be outdated. Consider refreshing it.', 'outdated'],
    ["Here's my analysis based on the provided information:", 'preamble'],
  ])('recognises "%s" as %s', (line, kind) => {
    expect(furnitureKind(line, none)).toBe(kind);
  });

  it.each(['The claim is false.', 'Donations to the campaign rose by $5 million [2].', 'Share of the vote: 49.8 percent'])(
    'leaves the content line "%s" alone',
    (line) => {
      expect(furnitureKind(line, none)).toBeNull();
    },
  );

  it('takes furniture glued to either end of a line off it, and says where the content starts', () => {
    expect(unglue('Loading...Did the FDA approve it?', none)).toMatchObject({ text: 'Did the FDA approve it?', offset: 10, removed: 1 });
    expect(unglue('It was reviewed here [4].Was this fact-check helpful?', none)).toMatchObject({ text: 'It was reviewed here [4].', offset: 0, removed: 1 });
    expect(unglue('Keep Factually independentDid it happen?', none)).toMatchObject({ text: 'Did it happen?', removed: 1 });
    expect(unglue('Loading...', none).removed).toBe(0);
  });

  it('finds a line that recurs across at least 3 briefs and 20% of the folder, wherever it stands', () => {
    const census = new FurnitureCensus();
    const line = 'Support our newsroom with a monthly gift today';
    for (let i = 0; i < 10; i++) census.add(`Question ${i}?\n${i < 3 ? line : 'Another line'} \nText of brief ${i}.`);
    // 3 of 10 briefs: enough (3 and 30%); "Another line" is in 7 of them.
    expect(census.recurring()).toEqual(new Set([line.toLowerCase(), 'another line']));
    const sparse = new FurnitureCensus();
    for (let i = 0; i < 20; i++) sparse.add(`Question ${i}?\n${i < 3 ? line : `Line ${i}`}\nText ${i}.`);
    // 3 of 20 briefs is under 20%: content two briefs happen to share is not furniture.
    expect(sparse.recurring()).toEqual(new Set());
  });

  it('never counts a brief\'s structure or a cited sentence as recurring furniture', () => {
    const census = new FurnitureCensus();
    for (let i = 0; i < 5; i++) census.add('Fact check: x\n1. Summary of the results\nThe same cited sentence [1].\nWant to dive deeper?');
    expect(census.recurring()).toEqual(new Set());
  });

  it('drops recurring lines and a donation appeal standing next to furniture, keeps the same words elsewhere', () => {
    const recurring = new Set(['support our newsroom with a monthly gift today']);
    const body = [
      'Did the city cut its budget?',
      'Keep Veritas Weekly independent',
      'We are funded by readers, and a small gift keeps our reporting free.',
      'Support our newsroom with a monthly gift today',
      'Executive summary',
      'The city cut the budget by 3 percent [1]. Advertisers and donors gave the city nothing [2].',
    ].join('\n');
    expect(texts(body, recurring)).toEqual(['The city cut the budget by 3 percent [1].', 'Advertisers and donors gave the city nothing [2].']);
    expect(brief(body, recurring).furniture).toBe(3);
  });

  it('drops a sidebar with its links, and keeps "may be outdated" as a flag', () => {
    const b = brief('Did it rain?\nThis fact-check may be outdated.\nExecutive summary\nIt rained [1].\nLatest Podcasts\nEpisode one: rain\nEpisode two: sun');
    expect(b.outdated).toBe(true);
    expect(b.passages.flatMap((p) => p.sentences.map((s) => s.text))).toEqual(['It rained [1].']);
  });
});
