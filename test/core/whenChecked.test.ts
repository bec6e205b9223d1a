import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextStep, type Turn } from '../../src/core/conversation.ts';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { briefNamedIn } from '../../src/core/whenChecked.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { collapse, expectWellFormed, seedsDir } from '../fixtures/answer-core/support.ts';

// "When was the … brief checked?" asks about a brief, not about what it says: its "Checked on" line
// answers, quoted where it stands.
let knowledge: LiveKnowledge;
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});
const text = (doc: string) => readFileSync(join(seedsDir, doc), 'utf8');
const ask = (question: string) => {
  const answer = knowledge.answer(question);
  expectWellFormed(answer, knowledge.engine.briefs.size > 0 ? [...knowledge.engine.briefs.values()] : [], text);
  return answer;
};

describe('a question for the date a brief was checked', () => {
  it('is answered by the "Checked on" line of the brief its words name, at its place in the brief', () => {
    const answer = ask("Which day was the fact-check on Microsoft's and Amazon's official statements last updated?");
    expect(answer.answered, answer.answer).toBe(true);
    const unit = answer.units[0]!;
    expect(unit.text).toMatch(/^Checked on \w+ \d{1,2}, \d{4}$/);
    expect(unit.doc).toBe('000_cd0a3d8b605ed2a2.txt');
    expect(collapse(text(unit.doc)).slice(unit.start, unit.end)).toBe(unit.text);
    expect(answer.sources[0]?.checked).not.toBeNull();
  });

  it('prefers the brief whose whole title it names, and offers the others that fit as well when none does', () => {
    const exact = ask('when was the Amazon and ICE brief written');
    expect(exact.units[0]?.doc).toBe('002_edea41602c36ec74.txt');
    expect(exact.alternatives).toEqual([]);
    const loose = ask('when was the palantir brief checked');
    expect(loose.answered, loose.answer).toBe(true);
    expect(loose.alternatives.length).toBeGreaterThan(0);
    expect(loose.alternatives.map((s) => s.doc)).not.toContain(loose.units[0]?.doc);
  });

  it('says so, naming the brief, when the brief has no "Checked on" line', () => {
    const undated = [...knowledge.engine.briefs.values()].find((b) => b.checked === null)!;
    const answer = ask(`When was the brief "${undated.title}" checked?`);
    expect(answer.answered).toBe(false);
    expect(answer.declineReason).toBe('undated');
    expect(answer.answer).toContain(undated.title);
    expect(answer.answer).toMatch(/does not say when it was checked/);
  });

  it('is declined with the nearest titles, not answered from what a brief says, when no title fits', () => {
    const answer = ask("when was the brief on GitHub's support contract checked");
    expect(answer.answered).toBe(false);
    expect(answer.declineReason).toBe('not-covered');
    expect(answer.answer).toMatch(/could not tell which brief/);
    const titles = new Set([...knowledge.engine.briefs.values()].map((b) => b.title));
    expect(answer.suggestions.length).toBeGreaterThan(0);
    for (const s of answer.suggestions) expect(titles.has(s)).toBe(true);
  });

  it('is only a question naming a brief and asking when it was checked', () => {
    expect(briefNamedIn('When did ICE check the contracts?')).toBeNull();
    expect(briefNamedIn('what did the brief say about Palantir')).toBeNull();
    expect(briefNamedIn('when was the brief checked?')).toBeNull();
    expect(briefNamedIn('When did the brief say Microsoft updated its contract?')).toBeNull();
    expect(briefNamedIn("On what date was the 'Amazon and ICE' brief checked?")).toBe('Amazon and ICE');
    // A brief the briefs do not have is left to the answer pipeline, which declines it.
    expect(ask('when was the fact-check about Tesla layoffs published').answered).toBe(false);
  });

  it('after an answer, "when was that checked?" asks it of the brief the answer came from', () => {
    const question = 'Has ICE ever publicly confirmed that it used Amazon Rekognition?';
    const previous: Turn = { question, answer: knowledge.answer(question), gaveMore: false };
    const next = nextStep(previous, 'when was that checked?', knowledge.organisations());
    expect(next.kind).toBe('ask');
    const answer = ask((next as { question: string }).question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.doc).toBe(previous.answer.units[0]?.doc);
    expect(answer.units[0]?.text).toMatch(/^Checked on /);
  });
});
