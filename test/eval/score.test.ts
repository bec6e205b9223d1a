import { describe, expect, it } from 'vitest';
import { DONE_BAR, formatReport, rate, scoreAnswers, shortfalls } from '../../src/eval/score.ts';
import type { EvalItem, ScoredAnswer } from '../../src/eval/score.ts';

const fact = (id: string, facts: string[], docs: string[]): EvalItem => ({ id, q: `question ${id}`, kind: 'fact', facts, docs });
const outOfScope = (id: string): EvalItem => ({ id, q: `question ${id}`, kind: 'abstain', facts: [], docs: [] });
const said = (answer: string, ...docs: string[]): ScoredAnswer => ({ answered: true, answer, sources: docs.map((doc) => ({ doc })) });
const declined: ScoredAnswer = { answered: false, answer: 'The briefs do not cover that.', sources: [] };

describe('scoreAnswers', () => {
  it('counts a fact as hit when any expected fact appears, ignoring case, curly quotes and dashes', () => {
    const items = [fact('f1', ['microsoft’s $20 million', 'nope'], ['a.txt']), fact('f2', ['2022-2023'], ['a.txt']), fact('f3', ['chef'], ['a.txt'])];
    const report = scoreAnswers(items, [
      said("Microsoft's $20 MILLION contract.", 'a.txt'),
      said('Reporting through 2022–2023 shows it.', 'a.txt'),
      said('Nothing relevant here.', 'a.txt'),
    ]);
    expect(report.facts).toEqual({ hit: 2, total: 3 });
    expect(report.misses.filter((m) => m.kind === 'fact').map((m) => m.id)).toEqual(['f3']);
  });

  it('scores the first source for source@1 and any of the first three for source@3', () => {
    const items = [fact('f1', ['x'], ['a.txt']), fact('f2', ['x'], ['a.txt']), fact('f3', ['x'], ['a.txt'])];
    const report = scoreAnswers(items, [
      said('x', 'a.txt', 'b.txt'),
      said('x', 'b.txt', 'c.txt', 'seeds/a.txt'),
      said('x', 'b.txt', 'c.txt', 'd.txt', 'a.txt'),
    ]);
    expect(report.source1).toEqual({ hit: 1, total: 3 });
    expect(report.source3).toEqual({ hit: 2, total: 3 });
    expect(report.misses.filter((m) => m.kind === 'source').map((m) => m.id)).toEqual(['f2', 'f3']);
  });

  it('separates declined out-of-scope questions from wrongly declined in-scope ones', () => {
    const items = [outOfScope('a1'), outOfScope('a2'), fact('f1', ['x'], ['a.txt'])];
    const report = scoreAnswers(items, [declined, said('Paris is the capital.', 'a.txt'), declined]);
    expect(report.abstain).toEqual({ hit: 1, total: 2 });
    expect(report.falseAbstain).toEqual({ hit: 1, total: 1 });
    expect(report.facts).toEqual({ hit: 0, total: 1 });
    expect(report.misses.map((m) => `${m.id}:${m.kind}`)).toEqual(['a2:abstain', 'f1:false-abstain']);
  });

  it('checks each answer sentence against the briefs the answer cites, markers and spacing aside', () => {
    const corpus = new Map([
      ['a.txt', 'Microsoft declined to comment [2].\nChef stopped renewing contracts with ICE.'],
      ['b.txt', 'Amazon employees sent an internal email.'],
    ]);
    const items = [fact('f1', ['chef'], ['a.txt']), fact('f2', ['amazon'], ['a.txt'])];
    const report = scoreAnswers(items, [
      said('Microsoft declined to comment [2]. Chef  stopped renewing contracts with ICE.', 'a.txt'),
      said('Amazon employees sent an internal email. Amazon is great and good.', 'a.txt'),
    ], { corpus });
    // f2's first sentence is in b.txt, which the answer does not cite, so it does not count.
    expect(report.verbatim).toEqual({ hit: 2, total: 4 });
    expect(report.misses.filter((m) => m.kind === 'verbatim').map((m) => m.id)).toEqual(['f2', 'f2']);
  });

  it('skips the verbatim check without a corpus, and flags long and unsourced answers', () => {
    const report = scoreAnswers([fact('f1', ['x'], ['a.txt']), outOfScope('a1')], [said('x'.repeat(5000)), said('short')]);
    expect(report.verbatim).toBeNull();
    expect(report.over4096).toBe(1);
    expect(report.longestAnswer).toBe(5000);
    expect(report.unsourced).toBe(2);
  });

  it('refuses answer lists that do not line up with the items', () => {
    expect(() => scoreAnswers([fact('f1', ['x'], ['a.txt'])], [])).toThrow(/expected 1 answers, got 0/);
  });
});

describe('shortfalls', () => {
  const items = [...Array.from({ length: 20 }, (_, i) => fact(`f${i}`, ['yes'], ['a.txt'])), outOfScope('a1')];

  it('is empty when every measure meets the bar', () => {
    const answers = [...Array.from({ length: 19 }, () => said('yes', 'a.txt')), declined, declined];
    const report = scoreAnswers(items, answers);
    expect(rate(report.facts)).toBe(0.95);
    expect(shortfalls(report, DONE_BAR)).toEqual([]);
  });

  it('names each measure below the bar', () => {
    const answers = [
      ...Array.from({ length: 16 }, () => said('yes', 'b.txt')),
      ...Array.from({ length: 4 }, () => declined),
      said('an answer anyway', 'a.txt'),
    ];
    expect(shortfalls(scoreAnswers(items, answers))).toEqual([
      'facts 80% < 90%',
      'source@1 0% < 85%',
      'abstain 0% < 90%',
      'false-abstain 20% > 5%',
    ]);
  });

  it('reports the measures in one line', () => {
    const line = formatReport(scoreAnswers([fact('f1', ['yes'], ['a.txt'])], [said('yes', 'a.txt')]));
    expect(line).toMatch(/^facts 1\/1 \(100%\), source@1 100%, source@3 100%, abstain 0\/0, false-abstain 0\/1/);
  });
});
