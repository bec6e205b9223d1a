import { beforeAll, describe, expect, it } from 'vitest';
import { initialsOf, spellOutAbbreviations } from '../../src/core/acronyms.ts';
import { answerQuestion } from '../../src/core/answerer.ts';
import { buildEngine, type Engine } from '../../src/core/engine.ts';
import { stem } from '../../src/core/text.ts';
import type { Lexicon } from '../../src/core/types.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { briefFrom } from '../fixtures/answer-core/support.ts';

let lexicon: Lexicon;
let engine: Engine;
const indexed = (w: string) => engine.passageIndex.documentsWith(stem(w)).length > 0;

beforeAll(() => {
  lexicon = loadLexicon();
  engine = buildEngine({
    briefs: [
      briefFrom(
        'regulator.txt',
        'Who pays for the National Water Quality Authority?',
        'The National Water Quality Authority’s budget of 118 million crowns a year comes from licence fees [1].',
        'The Norland Food Standards Office (NFSO) is funded by the ministry [2].',
      ),
    ],
    skipped: [],
  });
});

describe('an abbreviation the briefs never write', () => {
  it('is read as the capitalised name whose initials it is', () => {
    expect(initialsOf(engine).get('nwqa')).toBe('National Water Quality Authority');
    expect(spellOutAbbreviations(engine, "wat is the NWQA's budget", indexed, lexicon)).toBe("wat is the National Water Quality Authority's budget");
  });

  it('leaves words, stop words, chat spellings and abbreviations the briefs use alone', () => {
    expect(spellOutAbbreviations(engine, 'wat did the nfso say to them', indexed, lexicon)).toBeNull();
    expect(spellOutAbbreviations(engine, 'how much is the water budget', indexed, lexicon)).toBeNull();
  });

  it('answers from the brief on that name, and says how it read the question', () => {
    const answer = answerQuestion(engine, "what is the nwqa's yearly budget", {}, lexicon);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toContain('118 million crowns');
    expect(answer.readAs).toContain('National Water Quality Authority');
  });
});
