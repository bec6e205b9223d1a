import { describe, expect, it } from 'vitest';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../src/discord/answering.ts';

describe('checkQuestion', () => {
  it('accepts a question at the length limit and collapses whitespace', () => {
    expect(checkQuestion(`  Did   Amazon\nend it?  `)).toEqual({ ok: true, question: 'Did Amazon end it?' });
    expect(checkQuestion('q'.repeat(MAX_QUESTION_LENGTH)).ok).toBe(true);
  });

  it('refuses one character over the limit, saying how long it was', () => {
    const result = checkQuestion('q'.repeat(MAX_QUESTION_LENGTH + 1));
    expect(result).toEqual({ ok: false, notice: expect.stringContaining('1,001 characters') });
  });

  it('refuses an empty or blank question with an example of how to ask', () => {
    for (const raw of ['', '   ', '\n\t']) {
      expect(checkQuestion(raw)).toEqual({ ok: false, notice: expect.stringContaining('/ask question:') });
    }
  });
});
