import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import type { Answer, Brief } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { expectWellFormed, seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
let briefs: readonly Brief[];
const briefText = (doc: string): string => readFileSync(join(seedsDir, doc), 'utf8');

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
  briefs = knowledge.engine.corpus.briefs;
});

/** Asks, and checks the invariants every answer keeps before the test looks at its content. */
function ask(question: string, options?: { doc: string }): Answer {
  const answer = knowledge.answer(question, options);
  expectWellFormed(answer, briefs, briefText);
  return answer;
}

const mentions = (answer: Answer, pattern: RegExp): boolean => pattern.test(answer.answer);

describe('the questions of the issue', () => {
  it('answers "did microsoft drop ice?" from briefs about Microsoft and ICE', () => {
    const answer = ask('did microsoft drop ice?');
    expect(answer.answered).toBe(true);
    expect(mentions(answer, /Microsoft/)).toBe(true);
    expect(mentions(answer, /\bICE\b|Immigration and Customs Enforcement/)).toBe(true);
  });

  it('gives the amount of the GitHub contract', () => {
    const answer = ask('how much was the github contract');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('$200,000');
  });

  it('reads through the typo in "palentir aws" and answers about Palantir and AWS', () => {
    const answer = ask('palentir aws');
    expect(answer.answered).toBe(true);
    expect(mentions(answer, /Palantir/)).toBe(true);
    expect(mentions(answer, /\bAWS\b|Amazon Web Services/)).toBe(true);
  });

  it('quotes Nadella for "what did nadella say"', () => {
    const answer = ask('what did nadella say');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/cruel and abusive|Nadella/);
  });
});

describe('questions the briefs do not cover', () => {
  it.each([
    ['What is the capital of France?', 'france'],
    ["Tesla's Pentagon contracts", 'tesla'],
  ])('declines "%s" with a message naming what is missing, and suggests topics', (question, missing) => {
    const answer = ask(question);
    expect(answer.answered).toBe(false);
    expect(answer.answer.toLowerCase()).toContain(missing);
    expect(answer.confidence).toBe(0);
  });

  it('names only the thing asked about that the briefs leave unsaid, not a name they are full of', () => {
    const answer = ask('when was amazon founded');
    expect(answer.declineReason).toBe('focus-missing');
    expect(answer.answer).toContain('“founded”');
    expect(answer.answer.toLowerCase()).not.toContain('amazon');
  });
});

describe('questions for a figure of a year or a count', () => {
  it('declines a year the quoted passages never name, and answers the same question without it', () => {
    const dated = ask('how many children died in immigration custody in 2022');
    expect(dated.answered).toBe(false);
    expect(dated.declineReason).toBe('focus-missing');
    const undated = ask('how many children died in immigration custody');
    expect(undated.answered).toBe(true);
    expect(mentions(undated, /\bseven children\b/i)).toBe(true);
  });

  it('takes a year said in the question\'s own phrase as what is asked about', () => {
    const answer = ask('What did the inspector general find in the November 2019 report?');
    expect(answer.answered).toBe(true);
    expect(mentions(answer, /November 2019 report/)).toBe(true);
  });

  it('answers "how many" with a number that counts what is asked, not money said near it', () => {
    const workers = ask('how many Microsoft workers signed the letter against the ICE contract');
    expect(workers.answered).toBe(true);
    expect(mentions(workers, /more than 100 Microsoft employees/)).toBe(true);
    // "$8 million in contracts" is in the briefs; how many contracts is not.
    const contracts = ask('how many contracts did ICE sign with Amazon in 2019');
    expect(contracts.answered).toBe(false);
    expect(contracts.declineReason).toBe('focus-missing');
  });
});

describe('what a name stands for', () => {
  it.each([
    ['what does ICE stand for', /Immigration and Customs Enforcement/],
    ['what is CBP short for', /Customs and Border Protection/],
  ])('answers "%s" from a sentence that spells the name out', (question, spelled) => {
    const answer = ask(question);
    expect(answer.answered).toBe(true);
    expect(mentions(answer, spelled)).toBe(true);
  });
});

describe('odd input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \t\n '],
    ['6,000 characters of text', 'what did microsoft say about ice '.repeat(190).slice(0, 6000)],
    ['one 6,000-letter word', 'x'.repeat(6000)],
    ['only emoji', '🙂🙃🇺🇸👩🏽‍💻'],
    ['a mass mention', '@everyone'],
    ['a field prefix', 'ICE:'],
    ['a fuzzy marker', 'ICE~'],
    ['a boost and a plus', '^boost +'],
    ['a field and a negation', 'title:foo -bar'],
    ['only query syntax', '~^+-*:'],
    ['control characters', '\u0000\u0007ICE\u001b[31m'],
  ])('gives a sensible answer to %s', (_label, question) => {
    const answer = ask(question);
    expect(answer.question).toBe(question.trim());
  });

  it('declines input with no words without pretending to have looked it up', () => {
    for (const question of ['', '   ', '🙂🙃', '~^+-*:', '@everyone']) {
      const answer = ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('answers "ICE:" and "ICE~" exactly as it answers "ICE"', () => {
    const plain = knowledge.answer('ICE');
    for (const q of ['ICE:', 'ICE~']) {
      const answer = ask(q);
      expect({ ...answer, question: 'ICE' }).toEqual(plain);
    }
  });

  it('never echoes a mass mention back in a decline', () => {
    expect(ask('@everyone hello').answer).not.toContain('@everyone');
  });
});

describe('answers from the briefs', () => {
  it.each([
    ['microsft github contract', /GitHub|Microsoft/],
    ['amazn rekogntion', /Rekognition/],
  ])('answers the typo question "%s"', (question, topic) => {
    const answer = ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(topic);
  });

  it('offers as follow-ups only prompts the briefs answer, with labels that end on a word', () => {
    let offered = 0;
    for (const brief of briefs) {
      const answer = ask(brief.title);
      for (const f of answer.followUps) {
        offered++;
        expect(ask(f.question).answered, f.question).toBe(true);
        expect(f.label.length).toBeLessThanOrEqual(40);
        // Made of the prompt's own whole words, so none is cut.
        const words = new Set(f.question.toLowerCase().match(/[\p{L}\p{N}]+/gu));
        for (const w of f.label.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) expect(words, f.label).toContain(w);
      }
    }
    expect(offered).toBeGreaterThan(0);
  });

  it('lists the prompts no brief answers as coverage gaps, with the reason', () => {
    const gaps = knowledge.gaps();
    for (const gap of gaps) {
      expect(ask(gap.prompt).answered).toBe(false);
      expect(ask(gap.prompt).declineReason).toBe(gap.reason);
    }
    const prompts = briefs.flatMap((b) => b.prompts);
    for (const p of prompts.filter((q) => !gaps.some((g) => g.prompt === q))) expect(ask(p).answered, p).toBe(true);
  });

  it('keeps to the brief the asker picked with the doc option', () => {
    let answeredBriefs = 0;
    for (const brief of briefs) {
      const answer = ask('palantir aws hosting', { doc: brief.id });
      if (!answer.answered) continue;
      answeredBriefs++;
      expect(answer.sources.every((s) => s.doc === brief.id)).toBe(true);
      expect(answer.units.every((u) => u.doc === brief.id)).toBe(true);
      expect(answer.alternatives).toEqual([]);
    }
    expect(answeredBriefs).toBeGreaterThanOrEqual(3);
  });

  it('declines when the doc option names no loaded brief', () => {
    expect(ask('palantir aws', { doc: 'no-such-brief.txt' }).answered).toBe(false);
  });

  it("keeps every answer of the project's question set well formed", () => {
    const questions = readFileSync(new URL('../eval/questions.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { q: string }).q);
    expect(questions.length).toBeGreaterThan(20);
    for (const q of questions) ask(q);
  });
});
