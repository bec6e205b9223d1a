import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import type { Answer, Brief } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { expectWellFormed } from '../fixtures/answer-core/support.ts';

// Answers over the desk fixture corpus: both page shapes, checked claims, near-duplicate briefs.
const dir = fileURLToPath(new URL('../fixtures/desk-corpus/', import.meta.url));
let knowledge: LiveKnowledge;
let briefs: readonly Brief[];

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: dir });
  briefs = knowledge.engine.corpus.briefs;
});

function ask(question: string): Answer {
  const answer = knowledge.answer(question);
  expectWellFormed(answer, briefs, (doc) => readFileSync(`${dir}${doc}`, 'utf8'));
  return answer;
}

describe('answers from real-shaped briefs', () => {
  it('answers whether a checked claim holds with the brief’s verdict first, never with the claim', () => {
    const answer = ask('did america realy give ukraine 400 billion dollars');
    expect(answer.units[0]).toMatchObject({ role: 'verdict', doc: 'a01-us-aid-ukraine-400-billion.txt' });
    expect(answer.units[0]?.text).toMatch(/^The claim is false: Congress approved about \$175 billion/);
    expect(answer.units[0]?.key).toBe('The claim is false');
    expect(answer.topic?.claim).toBe('"America gave Ukraine over 400 billion dollars and weapons."');
    for (const u of answer.units) expect(u.text).not.toMatch(/America gave Ukraine over 400 billion dollars and weapons/);
  });

  it('answers "is the covid vaccine safe" with the vaccine brief’s verdict', () => {
    const answer = ask('is the covid vaccine safe');
    expect(answer.units[0]).toMatchObject({ role: 'verdict', doc: 'a02-mrna-vaccine-myocarditis.txt' });
  });

  it('quotes near-duplicate briefs that give different figures, says so, most recently checked first', () => {
    const answer = ask('how many votes did trump get in 2024');
    expect(answer.note).toMatch(/different figures/);
    const docs = answer.sources.map((s) => s.doc);
    expect(docs).toEqual(['a19-trump-2024-popular-vote-total.txt', 'a18-trump-2024-popular-vote-landslide.txt']);
    expect(answer.sources[0]?.checked).toBe('2025-02-03');
    expect(answer.answer).toMatch(/77,284,118/);
    expect(answer.answer).toMatch(/77\.3 million/);
  });

  it('gives the figure asked for in bold, and cuts a long sentence to the clause that answers', () => {
    const answer = ask('how much did musk pay for twitter');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/\$44 billion/);
    expect(answer.units[0]?.key).toMatch(/^(?:about )?\$\d/);
    expect(answer.units.every((u) => u.text.length <= 250)).toBe(true);
  });

  it('answers "how deep" with the sentence that gives metres, not the one that says "depths"', () => {
    const answer = ask('how deep is the titanic wreck');
    expect(answer.units[0]?.text).toMatch(/3,800 metres/);
  });

  it.each([
    ['how tall is elon musk'],
    ['When was Twitter founded?'],
    ['What is the minimum wage in California?'],
    ['How many overdose deaths did Canada have in 2023?'],
    ['How big was the ozone hole in 2024?'],
    // "jeff bezos" is an alias of "bezos", whom no desk brief names: the name must not vanish.
    ['what is jeff bezos net worth'],
  ])('declines the near miss "%s", with the reason', (question) => {
    const answer = ask(question);
    expect(answer.answered).toBe(false);
    expect(['focus-missing', 'not-covered', 'unknown-name']).toContain(answer.declineReason);
  });

  it('never takes a listing page for a brief', () => {
    expect(knowledge.sources().map((s) => s.doc)).not.toContain('a22-index-who.txt');
    expect(knowledge.skipped().map((s) => s.file)).toContain('a22-index-who.txt');
  });

  it('reads typed numbers, percent signs and chat spellings', () => {
    expect(ask('did the us give ukraine four hundred billion').units[0]?.doc).toBe('a01-us-aid-ukraine-400-billion.txt');
    expect(ask('wat % of us plastic gets recycled').answer).toMatch(/8\.7 percent/);
    // "covid19" is the briefs' "COVID-19", not a name they never mention.
    expect(ask('is the covid19 vaccine safe for teenage boys').units[0]?.doc).toBe('a02-mrna-vaccine-myocarditis.txt');
  });

  it('explains itself stage by stage when asked', () => {
    const answer = knowledge.answer('how tall is elon musk', { explain: true });
    expect(answer.trace?.stages.map((s) => s.stage)).toEqual(['analyse', 'retrieve', 'select', 'gate']);
    expect(answer.trace?.stages.at(-1)?.lines.at(-1)).toBe(`declined: ${answer.declineReason}`);
    const answered = knowledge.answer('did america give ukraine 400 billion', { explain: true });
    expect(answered.trace?.stages.map((s) => s.stage)).toEqual(['analyse', 'retrieve', 'select', 'gate', 'enrich']);
    expect(knowledge.answer('did america give ukraine 400 billion').trace).toBeUndefined();
  });
});
