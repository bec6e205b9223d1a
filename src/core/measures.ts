import measureData from '../../data/measures.json' with { type: 'json' };

/**
 * What a "how tall / how hot / how old" question measures, and whether a text gives a figure in that
 * measure's units ("8,848.86 metres", "30,000 °C", "86 years old"). The adjective asked is often not
 * the word a brief uses ("stands 330 metres"), so the units say it; and a figure in none of them
 * ("the odds of being struck") is no answer to "how hot".
 */

export type Measure = { readonly asked: string; readonly kinds: readonly string[] };

const ASKS = new Map<string, readonly string[]>(Object.entries(measureData.asks));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A number and, after a space or a hyphen or nothing, one of the measure's units, not the start of a longer word or of a rate ("km/h" is no length). */
const FIGURE_IN = new Map<string, RegExp>(
  Object.entries(measureData.units).map(([kind, units]) => {
    const alternatives = [...units].sort((a, b) => b.length - a.length).map((u) => escape(u).replace(/ /g, '[ -]'));
    return [kind, new RegExp(`\\d(?:[\\d,.]*\\d)?\\s?-?(?:${alternatives.join('|')})(?![\\p{L}\\p{N}/])`, 'iu')];
  }),
);
/** "aged 86", "at the age of 86", "at 16", "an 86-year-old", "in the 9th century": an age without units after it. */
const AGE_BEFORE = /\b(?:aged|age of|at age|at) \d{1,3}\b(?![,.]\d|\s?(?:percent|%|a\.m|p\.m))|\d-year-old|\d(?:st|nd|rd|th) century/i;

/** "Pruett, 81, founded Crestway": an age set off by commas after a name. */
const AGE_APPOSITIVE = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]+, \d{1,3}, (?!\d)/u;

/** The measure a question asks for ("how tall is…" → length), or null. */
export function measureAsked(question: string): Measure | null {
  const m = /\bhow (\p{L}+)\b/iu.exec(question);
  const kinds = m ? ASKS.get(m[1]!.toLowerCase()) : undefined;
  return kinds ? { asked: m![1]!.toLowerCase(), kinds } : null;
}

/** True when the text gives a figure of the measure. */
export function givesMeasure(measure: Measure, text: string): boolean {
  return measure.kinds.some((kind) => (kind === 'age' && (AGE_BEFORE.test(text) || AGE_APPOSITIVE.test(text))) || (FIGURE_IN.get(kind)?.test(text) ?? false));
}
