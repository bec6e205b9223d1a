import { checkedPhrase } from './checked.ts';
import { wholeWords } from './labels.ts';
import type { CompanySummary, Source, Topic } from './types.ts';

/**
 * The words every reply uses alike, whichever surface shows it (Discord, console): source markers,
 * a source's date line, what an answer is about, and the head line of a company summary.
 */

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** The marker of the source at `index` (0 → "¹", 9 → "¹⁰"), set after each unit that quotes it. */
export function marker(index: number): string {
  return [...String(index + 1)].map((d) => SUPERSCRIPT[Number(d)]).join('');
}

/**
 * The markers of a reply's units: each source index in the order the units first cite it → the
 * number its marker shows (from 0), so the sources shown are numbered ¹, ², ³ with no gaps.
 */
export function markerNumbers(sourceIndexes: readonly number[]): Map<number, number> {
  const numbers = new Map<number, number>();
  for (const i of sourceIndexes) if (i >= 0 && !numbers.has(i)) numbers.set(i, numbers.size);
  return numbers;
}

/** The label of a checked claim: a claim is never shown bare, as if it were a finding. */
export const CLAIM_CHECKED = 'Claim checked:';

/** The label of the question as read after typos were corrected. */
export const READ_AS = 'Read as:';

/** The label of the menu of other briefs that answer about as well. */
export const ALSO_COVERED = 'Also covered by:';

/**
 * What an answer is about, on one line of at most `max` characters cut on a word: the brief's
 * question or headline, or, for a brief titled by the claim it checks, that claim labelled as such.
 */
export function topicLine(topic: Topic, max: number): string {
  const isClaim = topic.claim !== null && topic.title === topic.claim;
  return isClaim ? wholeWords(`${CLAIM_CHECKED} ${topic.claim}`, max) : wholeWords(topic.title, max);
}

/**
 * "checked 1 Feb 2026", "undated", with "· may be outdated" when the brief says so or its check is
 * older than `staleAfterDays`.
 */
export function sourceDate(source: Pick<Source, 'checked' | 'outdated'>, now: Date, staleAfterDays: number): string {
  const phrase = checkedPhrase(source.checked, now, staleAfterDays);
  return source.outdated && !phrase.endsWith('may be outdated') ? `${phrase} · may be outdated` : phrase;
}

/** "Palantir appears in 4 of 5 briefs" ("in 1 of 5 briefs", "in all 3 briefs"). */
export function companyHeadline(summary: Pick<CompanySummary, 'name' | 'briefs' | 'corpusBriefs'>): string {
  const n = summary.briefs.length;
  const of = summary.corpusBriefs;
  if (n === of && of > 1) return `${summary.name} appears in all ${of} briefs`;
  return `${summary.name} appears in ${n} of ${of} brief${of === 1 ? '' : 's'}`;
}

/** The question asked for "More about NAME" when a brief is picked from a company summary's menu. */
export function companyQuestion(name: string): string {
  return `What do the briefs say about ${name}?`;
}

/** What a "tell me more" reply gives: "More on: <question>". */
export const MORE_ON = 'More on:';

/** Said when "tell me more" finds nothing more to say. */
export const NOTHING_MORE = "That's all the briefs say on this. Ask another question, or try one of the follow-ups.";
