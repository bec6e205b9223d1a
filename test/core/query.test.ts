import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { coverage, isKnown, parseQuery, searchTerms, type QueryTerm } from '../../src/core/query.ts';
import type { SearchIndex } from '../../src/core/searchIndex.ts';
import { stem } from '../../src/core/text.ts';
import type { Lexicon } from '../../src/core/types.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
let index: SearchIndex;
let lexicon: Lexicon;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
  index = knowledge.engine.passageIndex;
  lexicon = loadLexicon();
});

const termFor = (terms: readonly QueryTerm[], word: string): QueryTerm | undefined => terms.find((t) => t.word === word);

describe('parseQuery over the seed index', () => {
  it.each([
    ['palentir', 'palantir'],
    ['microsft', 'microsoft'],
    ['amazn', 'amazon'],
    ['rekogntion', 'rekognition'],
  ])('corrects the typo "%s" to the indexed "%s"', (typo, word) => {
    const term = termFor(parseQuery(`${typo} contract`, index, lexicon), typo);
    expect(term?.matches).toContain(stem(word));
    expect(term?.corrected).toBe(true);
    expect(isKnown(term as QueryTerm)).toBe(true);
  });

  it('reads a decade as any year of it', () => {
    for (const typed of ['2010s', "the '10s"]) {
      const decade = parseQuery(`ice protests in ${typed}`, index, lexicon).find((t) => t.word.endsWith('10s'));
      expect(decade?.matches).toEqual(expect.arrayContaining(['2018', '2019']));
      expect(decade?.matches).not.toContain('2020');
    }
  });

  it('matches a word the briefs use exactly, without correction', () => {
    const term = termFor(parseQuery('palantir', index, lexicon), 'palantir');
    expect(term?.matches).toEqual([stem('palantir')]);
    expect(term?.corrected).toBe(false);
  });

  it('leaves a name the briefs never mention unmatched and marks it as a name', () => {
    const tesla = termFor(parseQuery("Tesla's Pentagon contracts", index, lexicon), 'tesla');
    expect(tesla?.matches).toEqual([]);
    expect(tesla?.name).toBe(true);
    expect(isKnown(tesla as QueryTerm)).toBe(false);
  });

  it('weighs "altogether", a way of asking for a total, as little as "overall"', () => {
    const terms = parseQuery('how much did the cloud contracts cost altogether', index, lexicon);
    expect(termFor(terms, 'altogether')?.weak).toBe(true);
  });

  it('reads "how did X describe" as asking what X said', () => {
    const describe = termFor(parseQuery('how did microsoft describe its ice work', index, lexicon), 'describe');
    expect(describe?.synonyms).toEqual(expect.arrayContaining([stem('statement'), stem('said')]));
  });

  it('weighs chat\'s "loads" (a lot) as little as "lots", and "mid" of a date ("mid feb") as little', () => {
    expect(termFor(parseQuery('did amazon staff send loads of letters', index, lexicon), 'loads')?.weak).toBe(true);
    expect(termFor(parseQuery('what did amazon say in mid 2019', index, lexicon), 'mid')?.weak).toBe(true);
  });

  it('reads a past tense WordNet also lists as a name ("Drew") as the verb', () => {
    const drew = termFor(parseQuery('which artist drew the amazon logo', index, lexicon), 'drew');
    expect(drew?.name).toBe(false);
    const ukraine = termFor(parseQuery('did amazon host servers in ukraine', index, lexicon), 'ukraine');
    expect(ukraine?.name).toBe(true);
  });

  it('takes a numeral or a number run into letters for a name the briefs never give, not for any 4 or 6 they do', () => {
    const iv = termFor(parseQuery('when is Palantir IV due', index, lexicon), 'iv');
    expect(iv?.synonyms).toEqual([]);
    expect(isKnown(iv as QueryTerm)).toBe(false);
    const sixG = termFor(parseQuery('does ICE use 6g networks', index, lexicon), '6g');
    expect(sixG?.name).toBe(true);
    expect(isKnown(sixG as QueryTerm)).toBe(false);
  });

  it('does not "correct" a real English word into a different indexed one', () => {
    const capital = termFor(parseQuery('what is the capital of france', index, lexicon), 'capital');
    expect(capital?.matches).toEqual([]);
  });

  it('reaches an indexed word through a synonym ("drop" → the briefs\' "end"/"cancel")', () => {
    const drop = termFor(parseQuery('did microsoft drop ice', index, lexicon), 'drop');
    expect(drop?.synonyms.length).toBeGreaterThan(0);
    for (const s of drop?.synonyms ?? []) expect(index.documentFrequency(s)).toBeGreaterThan(0);
  });

  it.each(['ICE:', 'ICE~', 'ICE~2', 'ICE^10', '+ICE -palantir', 'title:ICE', 'ICE*', 'body:foo -bar'])(
    'reads the query syntax in "%s" as plain words',
    (text) => {
      const plain = text.replace(/[:~^+*-]/g, ' ');
      expect(parseQuery(text, index, lexicon).map((t) => t.stem)).toEqual(parseQuery(plain, index, lexicon).map((t) => t.stem));
    },
  );

  it('searches only indexed stems, and weighs weak words ("say") below the words that carry the topic', () => {
    const terms = parseQuery('what did nadella say about palentir', index, lexicon);
    for (const t of searchTerms(terms)) expect(index.documentFrequency(t.stem)).toBeGreaterThan(0);
    const say = termFor(terms, 'say');
    const nadella = termFor(terms, 'nadella');
    expect(say?.weak).toBe(true);
    expect(say?.weight ?? 1).toBeLessThan(nadella?.weight ?? 0);
  });

  it('keeps coverage within 0..1 and gives 1 only when every weighed term is present', () => {
    const terms = parseQuery('github support contract', index, lexicon);
    expect(terms.every(isKnown)).toBe(true);
    const stems = new Set(terms.flatMap((t) => t.matches));
    expect(coverage(terms, (s) => stems.has(s))).toBe(1);
    expect(coverage(terms, () => false)).toBe(0);
    const partial = coverage(terms, (s) => s === terms[0]?.matches[0]);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
  });

  it('takes at most 48 distinct terms from a pasted essay', () => {
    const essay = Array.from({ length: 400 }, (_, i) => `word${i}x`).join(' ');
    expect(parseQuery(essay, index, lexicon).length).toBeLessThanOrEqual(48);
  });

  it('handles one enormous word quickly enough to answer (no fuzzy blow-up)', () => {
    // A 2,000-letter word once built a fuzzy token set that exhausted the heap.
    const [term] = parseQuery('x'.repeat(6000), index, lexicon);
    expect(term?.matches).toEqual([]);
  });
});
