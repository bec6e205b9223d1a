import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { capitalisedNames } from '../../src/core/initials.ts';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const corpus = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('the names a brief writes, for their initials', () => {
  it('are runs of two to six capitalised words, small inner words kept, an opening "The" left out', () => {
    expect(
      capitalisedNames([
        'The National Water Quality Authority fined Eastmere Water last week.',
        'A complaint reached the Department of Justice and the Premier Basketball Association’s office.',
      ]),
    ).toEqual(['National Water Quality Authority', 'Eastmere Water', 'Department of Justice', 'Premier Basketball Association']);
  });

  it('leave out a run holding an abbreviation or an inner possessive, whose initials are not the name\'s', () => {
    expect(capitalisedNames(['The U.S. Senate heard from NASA Deputy Chief Dana Ruiz.'])).not.toContain('NASA Deputy Chief Dana Ruiz');
    expect(capitalisedNames(['Aldermark’s Finance Ministry said so.'])).toEqual([]);
  });
});

describe('a question that abbreviates a name the briefs spell out', () => {
  let desk8: Knowledge;
  let desk10: Knowledge;
  beforeAll(async () => {
    desk8 = await openKnowledge({ seedsDir: corpus('desk8-corpus') });
    desk10 = await openKnowledge({ seedsDir: corpus('desk10-corpus') });
  });

  it('is read spelled out where no brief writes the abbreviation', () => {
    // desk8 writes "National Water Quality Authority" and never "NWQA".
    const answer = desk8.answer("wat is the nwqa's yearly budget");
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.sources[0]?.doc).toBe('h08-nwqa-leadership.txt');
    expect(answer.question).toBe("wat is the nwqa's yearly budget");
  });

  it('is answered by a brief that only spells it out, where another brief writes it', () => {
    // "All-PBA" in one brief; the brief on the salary cap only says "Premier Basketball Association".
    const answer = desk10.answer('What is the PBA salary cap for 2025–26?');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('$154.6 million');
  });

  it('is still a name alone when typed alone: asked back, as typed', () => {
    for (const typed of ['nwqa', 'the NWQA?']) {
      const answer = desk8.answer(typed);
      expect(answer.declineReason, answer.answer).toBe('bare-term');
      expect(answer.answer).toMatch(/about (?:nwqa|NWQA)\?$/);
    }
  });

  it('is still declined where no brief gives what it asks about the name', () => {
    expect(desk8.answer('who founded the nwqa').answered).toBe(false);
  });

  it('is no abbreviation when a dictionary word typed in lowercase, or a question shouted in capitals', () => {
    // "art" could be "Ashby Regional Transit"'s initials; typed in lowercase it is the word.
    expect(desk8.answer('how much art is there').answered).toBe(false);
    expect(desk8.answer('WHAT IS THE BUDGET OF THE NWQA').sources[0]?.doc).toBe('h08-nwqa-leadership.txt');
  });
});
