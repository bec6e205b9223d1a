import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { asksForMoney, givesMoney } from '../../src/core/questionType.ts';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

// Answers on desk5 (test/fixtures/desk5-corpus): 22 briefs of both shapes on new topics.
const desk5 = fileURLToPath(new URL('../fixtures/desk5-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: desk5 });
});

// desk5 checks two claims twice: Norway's electric-car share ("Exaggerated." in January 2024, "Yes,
// almost exactly" in January 2025) and Ovechkin's goal record (false in February 2025, true in April).
describe('a claim checked again later, with another verdict', () => {
  it.each([
    ['norway: nine out of ten new cars sold are fully electric, true?', 'f22-norway-ev-2024.txt', 'f06-norway-ev-2023.txt'],
    ["did ovechkin already break gretzky's goal record last week", 'f13-ovechkin-gretzky-april.txt', 'f02-ovechkin-gretzky-feb.txt'],
  ])('answers "%s" with the later verdict first, and the earlier one after it', (question, later, earlier) => {
    const answer = knowledge.answer(question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.role).toBe('verdict');
    expect(answer.units[0]?.doc).toBe(later);
    expect(answer.units.map((u) => u.doc)).toContain(earlier);
    expect(answer.note).toMatch(/different verdicts/);
    // Both verdicts are set in bold.
    expect(answer.units.filter((u) => u.doc === earlier)[0]?.key).toMatch(/false|exaggerated/i);
    // Each sentence is quoted once.
    const texts = answer.units.map((u) => u.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('a sentence that denies the claim in its own words', () => {
  // The Iceland brief opens "Misleading. Iceland did not move the country to a four-day week.": the
  // second sentence repeats most of the claim's words, and says it is not so.
  it('completes a terse verdict, though it repeats the claim\'s words', () => {
    const answer = knowledge.answer('did iceland put the whole country on a four day week');
    expect(answer.answered, answer.answer).toBe(true);
    // One unit, as the brief writes them, which leaves the other two for what the brief adds.
    expect(answer.units[0]?.text).toBe('Misleading. Iceland did not move the country to a four-day week.');
    expect(answer.units[0]?.role).toBe('verdict');
    expect(answer.units).toHaveLength(3);
  });
});

describe('a yes/no question with a figure the brief never gives', () => {
  // The Death Valley brief checks "134 degrees last summer"; 130 degrees is in none of its sentences.
  it('is not answered by the verdict on the claim the brief checks', () => {
    const answer = knowledge.answer('is it true that death valley recorded 130 degrees back in 2020');
    expect(answer.answered, answer.answer).toBe(false);
  });

  it('still gets the verdict when the figure is the claim\'s own', () => {
    const answer = knowledge.answer('is it true death valley hit 134 degrees last summer');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.role).toBe('verdict');
  });
});

describe('a short name asked about is said by the units that spell it out', () => {
  // The Norway briefs write "electric cars" and "value-added tax", never "EV" or "VAT".
  it.each([
    ['how big was the ev share of new cars in norway in 2024', '88.9 percent'],
    ["what was norway's ev share in 2023", '82.4 percent'],
  ])('answers "%s"', (question, fact) => {
    const answer = knowledge.answer(question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain(fact);
  });
});

describe('a question for a sum of money', () => {
  it('is told from a "how much" of anything else, and from a question about a payment', () => {
    const amount = (asked: string) => ({ whether: false, type: 'amount' as const, asked });
    expect(asksForMoney(amount('how much did the first shinkansen line cost to build'))).toBe(true);
    expect(asksForMoney(amount('how much water does arizona get from the river'))).toBe(false);
    expect(asksForMoney(amount('what was the DOJ trying to pay for'))).toBe(false);
    expect(givesMoney('Microsoft completed its purchase for $68.7 billion.')).toBe(true);
    expect(givesMoney('a fine of 4.3 billion euros')).toBe(true);
    expect(givesMoney('Tokyo and Shin-Osaka, about 515 kilometres apart')).toBe(false);
  });

  // The Shinkansen brief gives the first line's length and its opening date, never what it cost.
  // The Activision brief says Ubisoft got the cloud streaming rights, for 15 years, never for how much.
  it.each(['how much did the original tokaido shinkansen cost', "how much did ubisoft pay for activision's cloud streaming rights"])(
    'declines "%s": no unit gives a sum',
    (question) => {
      const answer = knowledge.answer(question);
      expect(answer.answered, answer.answer).toBe(false);
    },
  );

  it('is answered where a unit gives the sum', () => {
    const answer = knowledge.answer('how much was google fined over android');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('€4.34 billion');
  });
});

describe('a question for one extreme', () => {
  // The centenarians brief says who was oldest and, in another sentence, which prefecture had the
  // highest rate: "the oldest living person" names an extreme, but not the one asked for.
  it('is answered by the unit naming that extreme, not another', () => {
    const answer = knowledge.answer('Which prefecture has the highest proportion of people aged 100 and over?');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('Shimane Prefecture had the highest rate');
  });
});

describe('a short sentence that answers in the context of the one before it', () => {
  // "Kobayashi finished with 66." follows the sentence on the Netflix contest against Chestnut: alone
  // it holds one word of the question.
  it('is quoted for the question it answers with its neighbour', () => {
    const answer = knowledge.answer('how many did kobayashi eat vs chestnut on netflix');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('Kobayashi finished with 66.');
  });
});
