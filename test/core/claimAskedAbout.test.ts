import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answerer.ts';
import { parseBrief } from '../../src/core/corpus.ts';
import { buildEngine } from '../../src/core/engine.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import type { Brief } from '../../src/core/types.ts';
import { briefFrom, realLexicon } from '../fixtures/answer-core/support.ts';

// Two briefs on one person: one checks a claim about money she raised, the other how many people
// follow her. A yes/no question with a figure is about the claim that gives that figure, not about
// another claim that gives other figures and shares her name.
const parsed = (file: string, text: string): Brief => {
  const p = parseBrief(file, text);
  if (!p.ok) throw new Error(`${file}: ${p.reason}`);
  return p.brief;
};

const charity = parsed(
  'vale-charity.txt',
  `Fact check: "Tamsin Vale raised $3 million for the Harrow Lane shelter."
Checked on May 2, 2025
1. Summary of the results
Misleading. Tamsin Vale's livestream collected $1.2 million in pledges for the Harrow Lane shelter, and the shelter says it has received $0.9 million so far.
2. Missing context/alternative viewpoints
- The $3 million figure was the stream's goal, not what it raised.
`,
);

const followers = parsed(
  'vale-followers.txt',
  `How many followers does Tamsin Vale have?
Checked on June 9, 2025

Executive summary
Tamsin Vale told a radio show in May 2025 that she speaks to "fifty million fans" every week. Her accounts on the three big platforms add up to 31.4 million followers, and many of those are the same people counted more than once.
`,
);

// Briefs on other things, so that her name is as rare in the corpus as a name in a real desk's folder.
const others = [
  briefFrom('tides.txt', 'How high do the tides rise at Port Wen?', 'The spring tides at Port Wen rise about 6 metres.', 'Neap tides rise about half as much.'),
  briefFrom('bridge.txt', 'When did the Orrin bridge open?', 'The Orrin bridge opened to traffic in March 1998.', 'It carries about 40,000 vehicles a day.'),
  briefFrom('wheat.txt', 'Did wheat prices double in 2022?', 'Wheat futures rose by about 60 percent in the first months of 2022.', 'They fell back by the end of the year.'),
  briefFrom('library.txt', 'How many books does the Calder library hold?', 'The Calder library holds about 1.3 million books.', 'A third of them are kept in an off-site store.'),
];

describe('the brief a yes/no question with a figure asks about', () => {
  it('is not a brief whose claim gives other figures, though its title and claim share the names', () => {
    const engine = buildEngine({ briefs: [charity, followers, ...others], skipped: [] });
    const answer = answerQuestion(engine, 'Does Tamsin Vale really have 50 million fans?', {}, realLexicon());
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.doc).toBe('vale-followers.txt');
    expect(answer.answer).not.toMatch(/^Misleading/);
  });

  it('is still the brief whose claim gives the figure asked about', () => {
    const engine = buildEngine({ briefs: [charity, followers, ...others], skipped: [] });
    const answer = answerQuestion(engine, 'Did Tamsin Vale really raise 3 million dollars for the shelter?', {}, realLexicon());
    expect(answer.units[0]?.doc).toBe('vale-charity.txt');
    expect(answer.units[0]?.role).toBe('verdict');
  });
});

describe('a question for a name about what a brief checks', () => {
  it('is led by a unit that names someone, not by the verdict ("Yes, in part" names no company)', async () => {
    const desk8 = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk8-corpus/', import.meta.url)) });
    const answer = desk8.answer("which beverage company is behind kiko marlowe's volt orchard drink");
    expect(answer.units[0]?.role).not.toBe('verdict');
    expect(answer.units.map((u) => u.text).join(' ')).toMatch(/Tallow & Finch/);
  });
});
