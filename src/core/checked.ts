/**
 * How old a brief's check is, in the words of the replies: "checked 1 Feb 2026", "undated", and
 * "may be outdated" once `staleAfterDays` have passed.
 */

// Fixed abbreviations: the locale's own vary by runtime ("Sept" in some).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "checked 1 Feb 2026", "checked 3 Mar 2024 · may be outdated", or "undated". */
export function checkedPhrase(checked: string | null, now: Date, staleAfterDays: number): string {
  if (checked === null) return 'undated';
  const date = new Date(`${checked}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return `checked ${checked}`;
  const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return isStale(date, now, staleAfterDays) ? `checked ${text} · may be outdated` : `checked ${text}`;
}

/** True once more than `staleAfterDays` whole days separate the check from `now`. */
export function isStale(checked: Date, now: Date, staleAfterDays: number): boolean {
  return (now.getTime() - checked.getTime()) / 86_400_000 > staleAfterDays;
}
