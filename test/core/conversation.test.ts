import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerStep, moreAnswer, nextStep, personOf, type Turn } from '../../src/core/conversation.ts';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});

const turn = (question: string, gaveMore = false): Turn => ({ question, answer: knowledge.answer(question), gaveMore });
const next = (previous: Turn | null, message: string) => nextStep(previous, message, knowledge.organisations());

describe('nextStep', () => {
  it('puts the organisation of "and microsoft?" or "what about amazon" in the place of the previous one of its kind', () => {
    expect(next(turn('did amazon end its contracts with ice?'), 'and microsoft?')).toEqual({ kind: 'ask', question: 'did microsoft end its contracts with ice?', inContext: true });
    expect(next(turn('Did Microsoft drop ICE?'), 'what about amazon')).toEqual({ kind: 'ask', question: 'Did amazon drop ICE?', inContext: true });
    expect(next(turn('did amazon end its contracts with ice?'), 'and CBP?')).toEqual({ kind: 'ask', question: 'did amazon end its contracts with cbp?', inContext: true });
  });

  it('narrows the previous question by what follows "and" when it names no organisation', () => {
    expect(next(turn('did amazon end its contracts with ice?'), 'and in 2019?')).toEqual({ kind: 'ask', question: 'did amazon end its contracts with ice in 2019?', inContext: true });
  });

  it('asks a bare "when was that?" or "why?" of the previous question', () => {
    expect(next(turn('what did nadella say'), 'when was that?')).toEqual({ kind: 'ask', question: 'when did nadella say', inContext: true });
    expect(next(turn('Did Microsoft drop ICE?'), 'why?')).toEqual({ kind: 'ask', question: 'why did Microsoft drop ICE', inContext: true });
    expect(next(turn('how much was the github contract'), 'and when?')).toEqual({ kind: 'ask', question: 'when was the github contract', inContext: true });
  });

  it('reads "he" as the person the previous answer names, the one the question named first', () => {
    const previous = turn('what did nadella say');
    expect(personOf(previous, knowledge.organisations())).toBe('Satya Nadella');
    expect(next(previous, 'what did he say about ice?')).toEqual({ kind: 'ask', question: 'what did Satya Nadella say about ice?', inContext: true });
    expect(next(previous, 'what were his words on ICE?')).toEqual({ kind: 'ask', question: "what were Satya Nadella's words on ICE?", inContext: true });
  });

  it('gives "tell me more" the previous answer’s further units, once', () => {
    const previous = turn('did microsoft drop ice?');
    expect(previous.answer.more.length).toBeGreaterThan(0);
    for (const message of ['tell me more', 'Tell me more!', 'more please', 'go on', 'anything else?']) expect(next(previous, message)).toEqual({ kind: 'more' });
    expect(next({ ...previous, gaveMore: true }, 'tell me more')).toEqual({ kind: 'nothing-more' });
    expect(next(turn('What will the weather be in Lisbon tomorrow?'), 'tell me more')).toEqual({ kind: 'nothing-more' });
  });

  it('says what about a bare term with the message that follows it', () => {
    expect(next(turn('ICE:'), 'contracts since 2018')).toEqual({ kind: 'ask', question: 'ICE contracts since 2018', inContext: true });
  });

  it('answers a question that stands on its own as asked', () => {
    const previous = turn('did amazon end its contracts with ice?');
    for (const message of ['What contracts have been publicly documented between Palantir and ICE since 2018?', 'has ICE confirmed using Amazon Rekognition?', 'what about the contracts Palantir signed with ICE in 2019 and 2020']) {
      expect(next(previous, message)).toEqual({ kind: 'ask', question: message, inContext: false });
    }
    expect(next(null, 'and microsoft?')).toEqual({ kind: 'ask', question: 'and microsoft?', inContext: false });
    // No person in the previous turn: "he" is left to the question itself.
    expect(next(turn('how much was the github contract'), 'what did he say?')).toEqual({ kind: 'ask', question: 'what did he say?', inContext: false });
  });
});

describe('moreAnswer', () => {
  it('answers with the previous answer’s further units, lead first, each marked with a source of its own answer', () => {
    const previous = knowledge.answer('did microsoft drop ice?');
    const more = moreAnswer(previous, (doc) => knowledge.sources().find((b) => b.doc === doc));
    expect(more.answered).toBe(true);
    expect(more.units.map((u) => u.text)).toEqual(previous.more.map((u) => u.text));
    expect(more.units[0]?.role).toBe('lead');
    expect(more.topic).toEqual(previous.topic);
    expect(more.more).toEqual([]);
    for (const unit of more.units) {
      expect(more.sources[unit.source]?.doc).toBe(unit.doc);
      expect(more.sources[unit.source]?.title).toBe(knowledge.sources().find((b) => b.doc === unit.doc)?.title);
    }
    expect(new Set(more.sources.map((s) => s.doc)).size).toBe(more.sources.length);
  });

  it('leaves out a unit whose brief is gone since', () => {
    const previous = knowledge.answer('how much was the github contract');
    const gone = previous.more.find((u) => !previous.sources.some((s) => s.doc === u.doc))?.doc ?? previous.more[0]!.doc;
    const more = moreAnswer({ ...previous, sources: previous.sources.filter((s) => s.doc !== gone) }, (doc) => (doc === gone ? undefined : knowledge.sources().find((b) => b.doc === doc)));
    expect(more.units.some((u) => u.doc === gone)).toBe(false);
  });
});

describe('answerStep', () => {
  it('answers a follow-up as typed where the briefs answer it so and not read in context', async () => {
    const desk8 = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk8-corpus/', import.meta.url)) });
    const bare: Turn = { question: 'NWQA?', answer: desk8.answer('NWQA?'), gaveMore: false };
    expect(bare.answer.declineReason).toBe('bare-term');
    const ask = (q: string) => desk8.answer(q);
    // "What would you like to know about NWQA?" — "who runs corvane air" is a question of its own.
    const own = nextStep(bare, 'who runs corvane air', desk8.organisations());
    expect(own).toEqual({ kind: 'ask', question: 'NWQA who runs corvane air', inContext: true });
    const answered = answerStep(own as Extract<typeof own, { kind: 'ask' }>, 'who runs corvane air', ask);
    expect(answered.question).toBe('who runs corvane air');
    expect(answered.inContext).toBe(false);
    expect(answered.answer.answer).toContain('Marisol Ekwueme');
    // "budget" says what about the NWQA: read in context.
    const about = nextStep(bare, 'budget', desk8.organisations());
    const inContext = answerStep(about as Extract<typeof about, { kind: 'ask' }>, 'budget', ask);
    expect(inContext).toMatchObject({ question: 'NWQA budget', inContext: true });
    expect(inContext.answer.answer).toContain('118 million crowns');
  });
});
