import { describe, expect, it } from 'vitest';
import { analyseClauses, analysePassage } from '../../src/core/passageStems.ts';
import { stems } from '../../src/core/text.ts';
import { TUNING } from '../../src/core/tuning.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';
import { mulberry32 } from '../support/prng.ts';

const sentence = (text: string) => ({ text, citations: [], at: 0 });

/** What the index and the saved index would get from each sentence and the body analysed apart. */
const apart = (texts: readonly string[]) => ({ body: stems(texts.join(' ')), clauses: texts.map((t) => analyseClauses(sentence(t))) });

describe('analysePassage: one analysis for the body and the clause stems', () => {
  it('gives the body the stems of its sentences joined, and each sentence its clause stems', async () => {
    const corpus = await loadCorpus(seedsDir);
    for (const passage of corpus.briefs.flatMap((b) => b.passages)) {
      expect(analysePassage(passage.sentences)).toEqual(apart(passage.sentences.map((s) => s.text)));
    }
  });

  it('reads what runs across two clauses or sentences as the body says it', () => {
    const long = (tail: string) => `${'A clause that runs on well past the length of one unit of an answer, '.repeat(3)}until it ends${tail}`;
    const cases = [
      // A number in words, a chat phrase and an alias, each split by a clause boundary or a sentence end.
      ['It cost twenty; five more came later, and the rest of this clause makes the sentence long enough to be cut apart.'.repeat(3)],
      ['They said they would walk.', 'Away from the deal, they went.'],
      // As many words either way: "cut ties" reads as "end ties".
      ['The board chose to cut.', 'Ties with the firm were old.'],
      ['Revenue came from amazon.', 'Web services grew; amazon — web services grew more.'],
      ['The price was 200.', 'K is what the chat said.'],
      [long(': immigration and customs enforcement said so.'), long('; customs enforcement said more.')],
      ['Eighteen.', 'Eighty-nine was the year.', `${long(', but')} the end.`],
    ];
    for (const texts of cases) expect(analysePassage(texts.map(sentence))).toEqual(apart(texts));
  });

  it('agrees with the sentences analysed apart on random text cut at every kind of boundary', () => {
    const random = mulberry32(11);
    const atoms = ['one', 'twenty', 'hundred', 'and', 'k', 'walk', 'away', 'per', 'cent', 'amazon', 'web', 'services', 'ice', 'msft', 'the', 'fy24', 's1', 'covid19', 'every1', '1.4b', '2x', '$5', '40%', 'café', 'ΣΟΦΟΣ', "didn't", '[3]', '1,000'];
    const marks = [' ', ' ', ' ', '; ', ': ', ', ', ', but ', ' — ', ' -- '];
    const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
    let long = 0;
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = 0; i < 120; i++) text += pick(atoms) + (random() < 0.03 ? '. ' : pick(marks));
      const texts = text.trim().split('. ').filter((t) => t !== '');
      const passage = texts.map(sentence);
      if (passage.some((s) => s.text.length > TUNING.select.maxUnitChars)) long++;
      expect(analysePassage(passage)).toEqual(apart(texts));
    }
    // Most passages have a sentence long enough to be cut into clauses.
    expect(long).toBeGreaterThan(200);
  });
});
