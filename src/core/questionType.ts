import currencyData from '../../data/currencies.json' with { type: 'json' };

/**
 * What kind of fact a question asks for, and whether a sentence holds one. Used only to break
 * near-ties between sentences that match the question's words equally well.
 */
export type QuestionType = 'expansion' | 'share' | 'score' | 'amount' | 'count' | 'duration' | 'date' | 'name' | 'reason' | 'other';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const CUES: readonly { readonly type: QuestionType; readonly question: RegExp; readonly sentence: RegExp }[] = [
  // First: "if so many colonies die, why hasn't the number collapsed" asks why, not how many.
  {
    type: 'reason',
    question: /(?:^|[,;:]\s*|\b(?:and|but|so)\s+)why\b|\bwhat (?:caused|drove|led|triggered|prompted)\b|\breason\b/,
    sentence: /\bbecause\b|\bdue to\b|\bforced\b|\bled to\b|\btriggered\b|\bincentive\b|\bso that\b|\bdrove\b|\bsince\b|\brules?\b|\brequire/,
  },
  {
    type: 'share',
    question: /\bwhat (?:share|percentage|proportion|fraction|portion|percent)\b|\bhow many percent\b|\bwhat per ?cent\b/,
    sentence: /\d\s?(?:%|percent|per cent)|\b(?:half|a third|a quarter|a fifth|two-thirds|three-quarters)\b|\b\d+ (?:in|out of) (?:\d|ten|five|four|three)/,
  },
  {
    // A match's or a vote's result: "the final score", "what was the scoreline".
    type: 'score',
    question: /\bscores?\b|\bscoreline\b/,
    sentence: /\b\d+\s?(?:-|–|to)\s?\d+\b/,
  },
  {
    type: 'amount',
    question:
      /\bhow much\b|\b(?:cost|worth|price|value|amount|paid|pay|dollars?|money|revenue|spend|spent|\$)\b|\bhow (?:big|large|heavy|tall|high|deep|far|wide|fast|old|hot|cold|thick)\b|\bwhat (?:weight|height|depth|size|distance|speed|age|temperature)\b/,
    // An amount of money, or of anything measured ("1.1 gallons", "18.4 million hectares", "3,800 metres").
    // (A number joined to a word by a hyphen names something: "potassium-40", "COVID-19".)
    sentence: /[$€£]\s?\d|(?<!\p{L}[-‐‑])\b\d[\d,.]*\b/u,
  },
  {
    type: 'count',
    question: /\bhow many\b|\bnumber of\b|\bcount\b/,
    sentence: /\b\d[\d,]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\b/,
  },
  {
    type: 'duration',
    question: /\bhow long\b|\bfor how many (?:years|months)\b|\bduration\b/,
    sentence: /\b(?:centur(?:y|ies)|decades?|years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b|-(?:year|month|week|day|hour|minute)\b/,
  },
  {
    type: 'date',
    // "when" that asks ("when did…", "…and when?"), not "when it comes to" or "when asked".
    question: /^\W*(?:(?:so|and|but|ok)\W+)?when\b|(?:\band|\bor|,)\s*when\b|\bwhen\W*$|\bwhat (?:year|month|date|day)\b|\bwhich (?:year|month|date)\b|\bon what date\b|\bsince when\b|\bhow long ago\b|\bwhat time\b/,
    // An older year only after a word that makes it one ("in 1431", "by 1453"): "1500 metres" is no date.
    sentence: new RegExp(`\\b${MONTH}\\b|\\b(?:19|20)\\d{2}\\b|\\b(?:in|by|until|since|from|around|after|before|of|to|between|and)\\s+1[0-8]\\d{2}\\b|\\bquarter\\b`),
  },
  {
    type: 'name',
    // "Which amazon-owned grocery chain…", "what supreme court case…": a kind of named thing, a few modifiers in.
    question:
      /^\s*(?:who|whom|whose)\b|\b(?:which|what) (?:[\w'-]+ ){0,3}?(?:compan(?:y|ies)|firms?|agenc(?:y|ies)|vendors?|contractors?|groups?|person|people|ceo|employees|outlets?|organi[sz]ations?|chains?|products?|brands?|banks?|institutions?|publications?|newspapers?|universit(?:y|ies)|retailers?|subsidiar(?:y|ies)|platforms?|court|case|nonprofits?|museum|team|union)\b|\bwho\b|\b(?:what|which)\b.*\bname\b/,
    sentence: /\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b/,
  },
];

/**
 * Words that ask for a sum of money ("cost", "pay", "worth"), and a text that gives one ("$250,000",
 * "4.3 billion euros"): "how much did it cost to build the line" is not answered by its length.
 */
const ASKS_MONEY = /\b(?:cost(?:s|ing)?|price[sd]?|paid|pay(?:s|ing)?|spen[dt]|spending|worth|fined?|fees?|tolls?|salar(?:y|ies)|wages?|revenue|money)\b|[$€£]/i;
/** The words and codes a sum of money is written in after its number (`data/currencies.json`). */
export const CURRENCY = `(?:${[...currencyData.names, ...currencyData.codes].join('|')})`;
const GIVES_MONEY = new RegExp(
  `[$€£¥₹]\\s?\\d|\\b(?:${currencyData.codes.join('|')}|us\\$)\\s?\\d|\\b\\d[\\d,.]*(?:\\s?(?:thousand|million|billion|trillion|bn|m))?\\s${CURRENCY}\\b`,
  'i',
);

/** True for a "how much" question for a sum of money ("how much did Microsoft pay"), not for a yes/no one. */
export function asksForMoney(analysis: { readonly whether: boolean; readonly type: QuestionType; readonly asked: string }): boolean {
  return !analysis.whether && analysis.type === 'amount' && /\bhow much\b/i.test(analysis.asked) && ASKS_MONEY.test(analysis.asked);
}

/** True when a text gives a sum of money. */
export function givesMoney(text: string): boolean {
  return GIVES_MONEY.test(text);
}

/** Question types that ask for a figure or a date: an answer without one does not answer. */
export const FIGURE_TYPES: ReadonlySet<QuestionType> = new Set(['share', 'score', 'amount', 'count', 'date', 'duration']);

/** "What does ICE stand for?": answered by a sentence that spells the name out (see text.ts aliases). */
const EXPANSION = /\bstands? for\b|\bshort for\b|\bacronym\b|\babbreviat|\bfull name\b|\bspelled out\b/;

/** "Did…", "Is it true that…", "…or not?", "fact check: …": a question whether something holds. */
const YES_NO =
  /^\s*(?:(?:so|but|and|ok|hey|wait)[, ]+)?(?:is|isn't|are|aren't|was|wasn't|were|did|didn't|does|doesn't|do|don't|has|hasn't|have|haven't|had|can|could|will|would|should)\b|\b(?:is it true|true that|is that (?:true|right|correct|so)|is this (?:true|right)|really true|or not|fact[- ]?check|debunk(?:ed)?|legit|hoax|myth|a lie|for real)\b|[-–,.]\s*(?:true|right|correct|real|legit|accurate)\s*\?*\s*$/i;

/** True when the question asks whether something holds (answered by a brief's verdict first). */
export function asksWhether(question: string): boolean {
  return YES_NO.test(question);
}

/** The kind of answer a question wants, from its wording. */
export function questionType(question: string): QuestionType {
  const q = question.toLowerCase();
  if (EXPANSION.test(q)) return 'expansion';
  return CUES.find((c) => c.question.test(q))?.type ?? 'other';
}

/**
 * True when a sentence holds the kind of fact the question type wants (an expansion is judged by the
 * answerer). Given the question, a figure it already states is no answer: "by what year will the
 * ozone be back to 1980 levels" is not answered by a sentence whose only year is 1980.
 */
export function sentenceFits(type: QuestionType, sentence: string, question?: string): boolean {
  const cue = CUES.find((c) => c.type === type);
  if (!cue) return false;
  if (type === 'name') return cue.sentence.test(sentence.slice(1));
  const stated = question === undefined ? [] : (question.match(NUMBER) ?? []);
  // A citation marker ("[1]") is no figure.
  const said = sentence.toLowerCase().replace(/\[\d+\]/g, ' ');
  const rest = stated.reduce((text, n) => text.replace(new RegExp(`(?<![\\d,.])${n.replace(/[.]/g, '\\.')}(?![\\d,]|\\.\\d)`, 'g'), ' '), said);
  return cue.sentence.test(rest);
}

const NUMBER = /\d[\d,.]*\d|\d/g;
