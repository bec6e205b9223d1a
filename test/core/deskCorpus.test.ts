import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../src/core/sentences.ts';
import type { Brief, Corpus } from '../../src/core/types.ts';
import { isFurnitureText } from '../../src/eval/suites.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';

// The desk fixture corpus (test/fixtures/desk-corpus, written for this project) holds every shape a
// real desk's folder does: both page shapes, site furniture at the top, the bottom and glued onto
// lines, listing pages, truncated files and near-duplicate briefs.
const dir = fileURLToPath(new URL('../fixtures/desk-corpus/', import.meta.url));
let corpus: Corpus;
const brief = (prefix: string): Brief => {
  const found = corpus.briefs.find((b) => b.id.startsWith(prefix));
  if (!found) throw new Error(`no brief ${prefix}`);
  return found;
};
const sentences = (b: Brief) => b.passages.flatMap((p) => p.sentences);

beforeAll(async () => {
  corpus = await loadCorpus(dir);
});

describe('the desk fixture corpus', () => {
  it('loads 46 briefs and skips the two listing pages, saying why', () => {
    expect(corpus.briefs).toHaveLength(46);
    expect(corpus.skipped.map((s) => s.file)).toEqual(['a22-index-who.txt', 'b22-index-elections.txt']);
    for (const s of corpus.skipped) expect(s.reason).toMatch(/listing page/);
  });

  it('titles every brief with its question or its claim, never with furniture', () => {
    for (const b of corpus.briefs) {
      expect(isFurnitureText(b.title), `${b.id}: ${b.title}`).toBe(false);
      expect(b.title, b.id).not.toMatch(/independent|donation|Loading|helpful|reader/i);
    }
  });

  it('keeps furniture out of every sentence, and counts what it dropped', () => {
    for (const b of corpus.briefs) {
      for (const s of sentences(b)) {
        expect(s.text, b.id).not.toMatch(/Keep \w+( \w+)? independent|donation helps|Was this fact-check helpful|^Loading|Time left|Goal: \$|Your fact-checks|Latest Podcasts|may be outdated|Disclaimer:/);
      }
      expect(b.furniture, b.id).toBeGreaterThan(0);
    }
  });

  it('places every sentence at its offset in the folded file', () => {
    for (const b of corpus.briefs) {
      const folded = collapseWhitespace(readFileSync(`${dir}${b.id}`, 'utf8'));
      for (const s of sentences(b)) expect(folded.slice(s.at, s.at + s.text.length), b.id).toBe(s.text);
    }
  });

  it('reads the claim of a "Fact check:" brief apart from its findings, with the verdict that judges it', () => {
    const aid = brief('a01-');
    expect(aid.claim).toBe('"America gave Ukraine over 400 billion dollars and weapons."');
    expect(aid.title).toBe(aid.claim);
    expect(aid.verdict).toMatch(/^The claim is false: Congress approved about \$175 billion/);
    expect(sentences(aid).map((s) => s.text)).not.toContain(aid.claim);
    const older = corpus.briefs.filter((b) => b.claim !== null);
    expect(older.length).toBeGreaterThanOrEqual(20);
    for (const b of older) expect(b.verdict, b.id).not.toBeNull();
  });

  it('reads the newer shape: question title, check date, verdict from the executive summary', () => {
    const votes = brief('a19-');
    expect(votes.title).toBe('How many votes did Donald Trump win in the 2024 presidential election?');
    expect(votes.claim).toBeNull();
    expect(votes.checked).toBe('2025-02-03');
    expect(votes.passages[0]?.kind).toBe('summary');
    expect(votes.verdict).toBe(votes.passages[0]?.sentences[0]?.text);
    expect(votes.prompts.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps bullet items as units of their own, under the label that introduces them', () => {
    const items = sentences(brief('a01-')).filter((s) => s.bullet);
    expect(items.length).toBeGreaterThan(5);
    expect(items.find((s) => s.text.startsWith('Military assistance to Ukraine'))?.label).toBe('Where the money went');
    expect(sentences(brief('a01-')).some((s) => s.text === 'Where the money went:')).toBe(false);
  });

  it('reads headings written in bold, with a colon, with a repeated number, or run into their text', () => {
    expect(brief('b04-').passages.map((p) => p.heading)).toEqual([
      '1. Summary of the results',
      '2. Missing context/alternative viewpoints',
      '3. Potential misinformation/bias in the original statement',
    ]);
    for (const id of ['a03-', 'b13-', 'a05-', 'b17-', 'b15-']) {
      const b = brief(id);
      expect(b.passages[0]?.heading, id).toBe('1. Summary of the results');
      expect(b.verdict, id).toMatch(/^(The claim|The height|This is a myth)/);
    }
  });

  it('leaves out the unfinished last sentence of a truncated file', () => {
    for (const id of ['a07-', 'a14-', 'a24-', 'b09-', 'b15-', 'b24-']) {
      const b = brief(id);
      expect(b.truncated, id).toBe(true);
      const last = sentences(b).at(-1)?.text ?? '';
      expect(last, id).toMatch(/[.?!…"”')\]]$/);
    }
    expect(brief('a19-').truncated).toBe(false);
  });

  it('keeps "may be outdated" as a flag, and the brief\'s own link', () => {
    expect(corpus.briefs.filter((b) => b.outdated).map((b) => b.id.slice(0, 3))).toEqual(['a02', 'a12', 'a19', 'b12', 'b16', 'b19']);
    expect(brief('a04-').link).toBe('https://factually.co/fact-checks/elon-musk-twitter-44-billion-financing');
    expect(brief('a16-').link).toBe('https://factually.co/fact-checks/us-measles-cases-2025-highest-since-1992');
  });

  it('takes furniture glued onto a line off it, keeping the rest', () => {
    expect(brief('a06-').title).toBe('How fast has the Amazon rainforest been cleared in Brazil since 2019?');
    expect(brief('b03-').title).toMatch(/^How many shark attacks were there worldwide in 2023/);
    const tariffs = sentences(brief('a10-')).map((s) => s.text).join(' ');
    expect(tariffs).not.toMatch(/helpful/);
  });

  it('drops a donation appeal in words it does not list, when it stands with other furniture', () => {
    for (const id of ['a09-', 'a20-', 'b10-', 'b16-']) {
      expect(sentences(brief(id)).map((s) => s.text).join(' '), id).not.toMatch(/funded by readers|reader-funded|Chip in|readers like you/);
    }
  });
});
