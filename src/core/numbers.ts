/**
 * Numbers written in words ("four hundred", "seventy-seven", "twelve") read as digits, so a question
 * typed either way finds a brief written either way. Scale words that briefs write after digits
 * ("million", "billion") stay words: "$175 billion" and "one hundred seventy five billion" then
 * share "175" and "billion".
 */

const SMALL = new Map<string, number>(
  [
    'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
    'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  ].map((w, i) => [w, i]),
);
const TENS = new Map<string, number>(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, (i + 2) * 10]),
);

const isNumberWord = (w: string | undefined): boolean =>
  w !== undefined && (SMALL.has(w) || TENS.has(w) || w === 'hundred' || w === 'thousand');

/** Thousands said the chatty way after a number: "200k", "two hundred grand". */
const THOUSANDS = new Set(['k', 'grand']);

/** Words that may change what is read: every text's words are looked up here, once each. */
const READ = new Set([...SMALL.keys(), ...TENS.keys(), 'hundred', 'thousand', ...THOUSANDS]);

/** Replaces each run of number words in a list of folded words by its value in digits. */
export function readNumbers(words: readonly string[]): string[] {
  let first = 0;
  while (first < words.length && !READ.has(words[first] as string)) first++;
  if (first === words.length) return words as string[];
  const out: string[] = [];
  // Where a value read from words stands in `out`: "nineteen ninety-two" is two of them, and a year.
  const read = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!isNumberWord(words[i]) || words[i] === 'hundred' || words[i] === 'thousand') {
      out.push(words[i] as string);
      continue;
    }
    let total = 0;
    let current = 0;
    let j = i;
    // "one hundred and five": "and" joins the run only between a scale word and a number word.
    for (; j < words.length; j++) {
      const w = words[j] as string;
      if (w === 'and' && (words[j - 1] === 'hundred' || words[j - 1] === 'thousand') && isNumberWord(words[j + 1])) continue;
      if (SMALL.has(w)) {
        // "twenty twenty", "one two", "twenty nineteen": a digit word after a units digit, or a teen
        // after a tens word, starts a new number.
        if (current % 10 !== 0 || (current > 0 && current < 20) || ((SMALL.get(w) as number) >= 10 && current % 100 !== 0)) break;
        current += SMALL.get(w) as number;
      } else if (TENS.has(w)) {
        if (current % 100 !== 0) break;
        current += TENS.get(w) as number;
      } else if (w === 'hundred') {
        if (current % 100 === 0 && current !== 0) break;
        current = Math.max(current, 1) * 100;
      } else if (w === 'thousand') {
        total += Math.max(current, 1) * 1000;
        current = 0;
      } else break;
    }
    read.add(out.length);
    out.push(String(total + current));
    i = j - 1;
  }
  // "eighteen eighty-nine", "twenty twenty-four": a year said as two numbers.
  for (let i = out.length - 2; i >= 0; i--) {
    if (!read.has(i) || !read.has(i + 1)) continue;
    const [century, rest] = [Number(out[i]), Number(out[i + 1])];
    if (century >= 10 && century <= 20 && rest >= 10 && rest <= 99) out.splice(i, 2, String(century * 100 + rest));
  }
  // "200k", "two hundred grand" → 200000.
  for (let i = out.length - 1; i > 0; i--) {
    if (THOUSANDS.has(out[i] as string) && /^\d+(?:\.\d+)?$/.test(out[i - 1] as string)) {
      out.splice(i - 1, 2, String(Math.round(Number(out[i - 1]) * 1000)));
    }
  }
  return out;
}
