import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { analyse, namesKindAsked } from '../../src/core/analyse.ts';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
const lexicon = loadLexicon();
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});

const focus = (question: string) => analyse(knowledge.engine, question, lexicon).focus.map((t) => t.word);

describe('the focus of a question', () => {
  it('leaves out the word that names the kind of answer asked for', () => {
    expect(focus('On what date was the GitHub ICE contract renewed?')).toEqual(['contract', 'renewed']);
    expect(focus('In which year did Microsoft employees publish their letter?')).not.toContain('year');
    expect(focus('What share of Palantir revenue comes from ICE?')).toEqual(['revenue']);
  });

  it('tells the words that name the kind of answer asked for, which the gate does not ask a unit to say', () => {
    const kind = (question: string, word: string) => namesKindAsked(analyse(knowledge.engine, question, lexicon), word);
    // A result's score is what the answer gives ("312 to 226"), a sum's value "$200,000".
    expect(kind('whats the final electoral college score', 'score')).toBe(true);
    expect(kind('what is the value of the github contract with ice', 'value')).toBe(true);
    expect(kind('what amount did ice pay palantir', 'amount')).toBe(true);
    // Scoring a goal is no question for a result; the value of a contract to its staff is no sum.
    expect(kind('which microsoft employee scored the most signatures', 'scored')).toBe(false);
    expect(kind('did employees value the github contract', 'value')).toBe(false);
    // "Pay", "cost", "spend" in a question for a sum ask for the sum; whether someone paid asks no sum.
    expect(kind('how much did microsoft pay for github', 'pay')).toBe(true);
    expect(kind('how much does the night bus cost', 'cost')).toBe(true);
    expect(kind('did ice pay palantir', 'pay')).toBe(false);
  });

  it('asks a unit that gives a sum to say the thing priced, not only that something costs', async () => {
    const desk8 = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk8-corpus/', import.meta.url)) });
    // The brief gives what the night buses cost the city to run, not the fare for one ride.
    const ride = desk8.answer('what does one ride on nighthop cost');
    expect(ride.declineReason).toBe('focus-missing');
  });

  it('answers a question for a sum or a score from units that give it without the word', async () => {
    const desk = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk-corpus/', import.meta.url)) });
    const score = desk.answer('what was the final electoral college score in 2024');
    expect(score.declineReason).toBeNull();
    expect(score.units.map((u) => u.text).join(' ')).toMatch(/312 to 226/);
    const value = knowledge.answer('whats the value of the github support contract with ice');
    expect(value.declineReason).toBeNull();
    expect(value.units.map((u) => u.text).join(' ')).toMatch(/\$200,000/);
  });

  it('leaves out "the idea" before the claim it frames, in the question only', () => {
    expect(focus('where did the idea that palantir runs on aws come from')).not.toContain('idea');
    expect(focus('whose idea was it that palantir should run on aws')).toContain('idea');
  });

  it('keeps the same word where it is what is asked about', () => {
    expect(focus('Did the contract have an end date?')).toContain('date');
    expect(focus('Which brief gives the date the contract ends?')).toContain('date');
  });
});
