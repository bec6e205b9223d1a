import { describe, expect, it } from 'vitest';
import { listOf, overview } from '../../src/core/overview.ts';
import type { Answer, BriefInfo, Knowledge, Organisation } from '../../src/core/types.ts';
import { briefInfo } from '../support/briefInfo.ts';

const org = (name: string, kind: Organisation['kind'] = 'company', aliases: string[] = []): Organisation => ({ name, kind, aliases });

/**
 * A knowledge whose answers are decided by the test: only `answered` questions are answered, from
 * the brief `from` names (by default the brief whose title or prompt the question is).
 */
function knowledgeOf(briefs: BriefInfo[], organisations: Organisation[], answered: (q: string) => boolean, from: (q: string) => string | undefined = () => undefined) {
  const asked: string[] = [];
  const own = (q: string) => briefs.find((b) => b.title === q || b.prompts.includes(q))?.doc;
  const knowledge: Pick<Knowledge, 'sources' | 'organisations' | 'answer'> = {
    sources: () => briefs,
    organisations: () => organisations,
    answer: (q) => {
      asked.push(q);
      const yes = answered(q);
      return { question: q, answered: yes, sources: yes ? [{ doc: from(q) ?? own(q) ?? '' }] : [] } as unknown as Answer;
    },
  };
  return { knowledge, asked };
}

describe('overview', () => {
  it('names the organisations of the titles, most often named first, leaving out news outlets', () => {
    const { knowledge } = knowledgeOf(
      [briefInfo('Did Amazon end its ICE contracts?'), briefInfo('What did Bloomberg say about ICE?'), briefInfo('Amazon Web Services and Palantir')],
      [org('Palantir'), org('Amazon', 'company', ['Amazon Web Services']), org('ICE', 'agency'), org('Bloomberg', 'outlet')],
      () => true,
    );
    expect(overview(knowledge).topics).toEqual(['Amazon', 'ICE', 'Palantir']);
  });

  it('names no organisation that only a few of many titles name', () => {
    const titles = ['Is the Amazon rainforest shrinking?', 'Did Everest grow?', 'Is coffee dehydrating?', 'Do sharks bite more often?', 'Is the ozone hole closing?', 'Did Everest shrink?'];
    const { knowledge } = knowledgeOf(titles.map((t) => briefInfo(t)), [org('Amazon')], () => true);
    expect(overview(knowledge).topics).toEqual([]);
  });

  it('gives three questions the briefs answer, from different briefs first, titles before prompts, shorter prompts first', () => {
    const { knowledge } = knowledgeOf(
      [
        briefInfo('Did Amazon end its ICE contracts?', ['Why did Amazon employees protest over the contracts?', 'When?']),
        briefInfo('Palantir and ICE', ['What does Palantir host on AWS?']),
        briefInfo('A headline without a question mark'),
      ],
      [],
      (q) => q !== 'When?',
    );
    // Round one: the first brief's title, the second's prompt (its title asks nothing); round two:
    // "When?" is not answered; round three: the first brief's longer prompt.
    expect(overview(knowledge).examples).toEqual([
      'Did Amazon end its ICE contracts?',
      'What does Palantir host on AWS?',
      'Why did Amazon employees protest over the contracts?',
    ]);
  });

  it('offers no prompt that another brief answers in its place', () => {
    const { knowledge } = knowledgeOf(
      [briefInfo('Do octopuses have nine brains?', ['How long do octopuses live?']), briefInfo('Did the war last 100 years?')],
      [],
      () => true,
      (q) => (q === 'How long do octopuses live?' ? 'Did the war last 100 years?.txt' : undefined),
    );
    expect(overview(knowledge).examples).toEqual(['Do octopuses have nine brains?', 'Did the war last 100 years?']);
  });

  it('keeps trying only a bounded number of candidates when few are answered', () => {
    const briefs = Array.from({ length: 100 }, (_, i) => briefInfo(`Question ${i}?`));
    const { knowledge, asked } = knowledgeOf(briefs, [], () => false);
    expect(overview(knowledge).examples).toEqual([]);
    expect(asked.length).toBeLessThanOrEqual(15);
    expect(overview(knowledge).briefs).toBe(100);
  });
});

describe('listOf', () => {
  it('joins with commas and "and"', () => {
    expect(listOf(['ICE'])).toBe('ICE');
    expect(listOf(['ICE', 'Amazon', 'Palantir'])).toBe('ICE, Amazon and Palantir');
  });
});
