import { describe, expect, it } from 'vitest';
import { asksWhether, givesMoney, questionType, sentenceFits } from '../../src/core/questionType.ts';

describe('what kind of fact a question asks for', () => {
  it.each([
    ['how much was the GitHub contract', 'amount'],
    ['how heavy is the plastic in the patch', 'amount'],
    ['what depth does the wreck lie at', 'amount'],
    ['how many employees signed the letter', 'count'],
    ['when did Microsoft sign it?', 'date'],
    ['By roughly what year will the ozone layer recover?', 'date'],
    ['who runs the shark attack file', 'name'],
    ['employees of which amazon-owned grocery chain protested', 'name'],
    ['what supreme court case sank the plan', 'name'],
    ['What was the name of the captain of the flight?', 'name'],
    ['what does ICE stand for', 'expansion'],
    ['why did the workers protest', 'reason'],
    ['wat was the final score isner mahut', 'score'],
    ['if so many hives die each winter, why has the number of colonies held up', 'reason'],
    ['what did Nadella say', 'other'],
  ])('reads "%s" as asking for a %s', (question, type) => {
    expect(questionType(question)).toBe(type);
  });

  it('tells a question whether something holds from one asking what', () => {
    expect(asksWhether('did america give ukraine 400 billion')).toBe(true);
    expect(asksWhether('pentagon wants 1 trillion, true?')).toBe(true);
    expect(asksWhether('I heard the wage has not gone up since 2009. Correct?')).toBe(true);
    expect(asksWhether('what did the pentagon ask for')).toBe(false);
  });
});

describe('whether a sentence gives the fact asked for', () => {
  it('takes a date or a figure the question already states as no answer', () => {
    const asked = 'By what year should the ozone layer be back to 1980 levels?';
    expect(sentenceFits('date', 'The benchmark of 1980 values was chosen for a reason.', asked)).toBe(false);
    expect(sentenceFits('date', 'It should be back to 1980 levels by around 2066.', asked)).toBe(true);
    expect(sentenceFits('date', 'The benchmark of 1980 values was chosen for a reason.')).toBe(true);
  });

  it('takes a year before 1900 for a date where a word makes it one, not a bare number', () => {
    expect(sentenceFits('date', 'She was tried and burned at Rouen in 1431.')).toBe(true);
    expect(sentenceFits('date', 'The course runs for 1500 metres along the river.')).toBe(false);
  });

  it('takes no number joined to a word by a hyphen for an amount: it names something', () => {
    expect(sentenceFits('amount', 'The scanners pick up potassium-40 in a full container.')).toBe(false);
    expect(sentenceFits('amount', 'Deaths from COVID-19 fell sharply.')).toBe(false);
    expect(sentenceFits('amount', 'One banana: about 0.1 microsieverts')).toBe(true);
  });

  it('takes a result written as two numbers for a score', () => {
    expect(sentenceFits('score', 'He also won the Electoral College by 312 to 226.')).toBe(true);
    expect(sentenceFits('score', 'The final score was 6-4, 3-6, 6-7, 7-6, 70-68.')).toBe(true);
    expect(sentenceFits('score', 'Isner hit 113 aces and Mahut 103.')).toBe(false);
  });

  it('takes hours and minutes, as well as days and years, for a duration', () => {
    expect(sentenceFits('duration', 'The faulty file was withdrawn 78 minutes later.')).toBe(true);
    expect(sentenceFits('duration', 'The match took 11 hours and 5 minutes of play.')).toBe(true);
    expect(sentenceFits('duration', 'The faulty file reached 8.5 million computers.')).toBe(false);
  });

  it('keeps a larger number that merely contains a stated one', () => {
    expect(sentenceFits('amount', 'It cost $1,980 in all.', 'was it 980 or more?')).toBe(true);
    expect(sentenceFits('amount', 'It cost $980 in all.', 'was it 980 or more?')).toBe(false);
  });

  it('takes a citation marker for no figure', () => {
    expect(sentenceFits('amount', 'The numbers come from a satellite programme [1] [2].')).toBe(false);
    expect(sentenceFits('count', 'Children died in custody [3].')).toBe(false);
    expect(sentenceFits('count', '7 children died in custody [3].')).toBe(true);
  });
});

describe('whether a text gives a sum of money', () => {
  it('reads a sign, a code, or a currency of data/currencies.json after the number', () => {
    expect(givesMoney('The regulator fined Eastmere Water 38.5 million crowns on May 27.')).toBe(true);
    expect(givesMoney('a penalty of 2.1 billion zloty')).toBe(true);
    expect(givesMoney('It cost CHF 120 a night.')).toBe(true);
    expect(givesMoney('It cost $120 a night.')).toBe(true);
    expect(givesMoney('Leicester in 2016 won the league at odds of 5,000-1.')).toBe(false);
    expect(givesMoney('Wages fell in 2023 real terms.')).toBe(false);
    expect(givesMoney('The spill released 9,800 barrels.')).toBe(false);
  });
});
