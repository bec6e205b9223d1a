import { describe, expect, it } from 'vitest';
import { answerOnBrief, collapse } from '../fixtures/answer-core/support.ts';

// A terse verdict ("False.") is completed by the sentence after it. Where the brief writes the two as
// one run of text they are one unit, which leaves the other two units for what the brief adds; where
// a bullet's marker stands between them, they stay two units.
const written = (verdictLine: string): string => `Fact check: "The Larkmoor ferry carries a million passengers a year."
Checked on May 4, 2025
1. Summary of the results
${verdictLine}
2. Missing context/alternative viewpoints
- The Larkmoor ferry's operator counted 412,000 passengers a year in 2024, its busiest year.
- The million figure is the number of passengers the Larkmoor ferry is licensed to carry a year.
- A second Larkmoor ferry, the Larkmoor Spirit, joined the route in 2021.
`;

const answerOn = (text: string, question: string) => answerOnBrief('ferry.txt', text, question);

describe('a terse verdict', () => {
  const question = 'does the larkmoor ferry really carry a million passengers a year?';

  it('is one unit with the sentence it runs on into, at its place in the brief', () => {
    const text = written('- False. The ferry carried well under half that number in every year on record.');
    const answer = answerOn(text, question);
    expect(answer.answered, answer.answer).toBe(true);
    const lead = answer.units[0]!;
    expect(lead.role).toBe('verdict');
    expect(lead.text).toBe('False. The ferry carried well under half that number in every year on record.');
    expect(collapse(text).slice(lead.start, lead.end)).toBe(lead.text);
    // The two sentences are one unit, so the answer still has room for two more of the brief's.
    expect(answer.units).toHaveLength(3);
    expect(answer.units.filter((u) => u.text.includes('well under half'))).toHaveLength(1);
  });

  it('comes first when what it runs on into answers a question that is not whether the claim holds', () => {
    const text = written('- False. The ferry carried 412,000 passengers in 2024, and fewer in every year before it.');
    const answer = answerOn(text, 'how many passengers does the ferry carry each year');
    expect(answer.answered, answer.answer).toBe(true);
    const lead = answer.units[0]!;
    expect(lead.text).toBe('False. The ferry carried 412,000 passengers in 2024, and fewer in every year before it.');
    expect(collapse(text).slice(lead.start, lead.end)).toBe(lead.text);
    expect(lead.key).toBe('412,000 passengers');
  });

  it('stays a unit of its own when the next sentence is another bullet', () => {
    const text = written('- False.\n- The ferry carried well under half that number in every year on record.');
    const answer = answerOn(text, question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toBe('False.');
    expect(answer.units[1]?.text).toBe('The ferry carried well under half that number in every year on record.');
    expect(answer.units).toHaveLength(3);
  });
});
