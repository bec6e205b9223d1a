import { describe, expect, it } from 'vitest';
import { answerOnBrief } from '../fixtures/answer-core/support.ts';

// A yes/no question is settled by the verdict of the brief it restates, even when it names a year
// the brief never gives (the year the asker heard the claim). A year after the brief was checked is
// another matter: what happened then is something the brief could not have checked.
const text = `Fact check: "Dockers at Port Hallam walked out for three weeks in 2024."
Checked on June 2, 2024
1. Summary of the results
- False. The Port Hallam dockers' strike lasted nine days, from March 4 to March 12, 2024.
2. Missing context/alternative viewpoints
- The union balloted its Port Hallam members on a longer walkout but called it off after a pay offer.
`;

const ask = (question: string) => answerOnBrief('dockers.txt', text, question);

describe('a yes/no question naming a year', () => {
  it('is answered by the verdict when the year is one the brief could have checked', () => {
    const answer = ask('did port hallam dockers walk out for three weeks in 2023?');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.text).toContain('False.');
  });

  it('is declined when the year comes after the brief was checked, in digits or in words', () => {
    for (const question of ['did port hallam dockers walk out for three weeks again in 2026?', 'did port hallam dockers walk out for three weeks again in twenty twenty six']) {
      const answer = ask(question);
      expect(answer.answered, `${question}: ${answer.answer}`).toBe(false);
    }
  });
});
