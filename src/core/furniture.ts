import furnitureData from '../../data/furniture.json' with { type: 'json' };
import { isStructural } from './shapes.ts';

/**
 * Site furniture: text of the web page a brief was copied from (donation appeals, share prompts,
 * photo credits, sidebars), which is not the brief's content. Known kinds are listed in
 * `data/furniture.json`; beyond those, a line that recurs across many briefs of one folder is
 * furniture too, whatever it says (see {@link FurnitureCensus}).
 */

const pattern = (source: string): RegExp => new RegExp(source, 'iu');
const LINES = furnitureData.lines.map(pattern);
const GLUED_START = furnitureData.glued.start.map(pattern);
const GLUED_END = furnitureData.glued.end.map(pattern);
const SIDEBARS = furnitureData.sidebars.map(pattern);
const OUTDATED = pattern(furnitureData.outdated);
const PREAMBLE = furnitureData.preamble.map(pattern);
const APPEAL = pattern(furnitureData.appeal);
/** Longest line taken for part of a donation block. */
const APPEAL_MAX_CHARS = 400;

/** Recurring lines are counted only in this length range: shorter ones are headings' words, longer ones prose. */
const CENSUS_MIN_CHARS = 3;
const CENSUS_MAX_CHARS = 400;
/** A line is furniture when at least this many briefs of the folder, and this share of them, have it. */
const RECURRING_MIN_BRIEFS = 3;
const RECURRING_MIN_SHARE = 0.2;
/** A recurring line glued to content is recognised only when it is at least this long. */
const GLUED_RECURRING_MIN_CHARS = 12;

/** What a line of furniture is. */
export type FurnitureKind = 'furniture' | 'sidebar' | 'outdated' | 'preamble';

/** Whitespace that folding changes: a character other than a space, or two in a row. */
const UNFOLDED_SPACE = /[^\S ]| {2}/;

/** The key under which a line is counted and looked up: case and whitespace folded. */
function lineKey(line: string): string {
  // Every line of every brief is looked up, most with nothing to fold but case: a test spares them a copy.
  const spaced = UNFOLDED_SPACE.test(line) ? line.replace(/\s+/g, ' ') : line;
  return spaced.trim().toLowerCase();
}

/**
 * Counts, over the briefs of a folder, the lines each one has (once per brief), to find the lines
 * that recur across many of them: a site's own text, pasted with every page.
 */
export class FurnitureCensus {
  private readonly counts = new Map<string, number>();
  private briefs = 0;

  /** Counts the lines of one brief's text. */
  add(text: string): void {
    this.briefs++;
    const seen = new Set<string>();
    for (const raw of text.split(/\r\n?|\n/)) {
      const key = lineKey(raw);
      if (key.length < CENSUS_MIN_CHARS || key.length > CENSUS_MAX_CHARS || seen.has(key)) continue;
      // A brief's structure ("1. Summary of the results") recurs by design; a cited sentence is content.
      if (isStructural(key) || /\[\d+\]/.test(key)) continue;
      seen.add(key);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  /** The lines (as {@link lineKey}s) that recur in enough of the briefs counted so far. */
  recurring(): ReadonlySet<string> {
    const needed = Math.max(RECURRING_MIN_BRIEFS, Math.ceil(this.briefs * RECURRING_MIN_SHARE));
    const out = new Set<string>();
    for (const [key, n] of this.counts) if (n >= needed) out.add(key);
    return out;
  }
}

/** What a whole line is, if it is furniture; `recurring` is the folder's {@link FurnitureCensus}. */
export function furnitureKind(line: string, recurring: ReadonlySet<string>): FurnitureKind | null {
  if (OUTDATED.test(line)) return 'outdated';
  if (SIDEBARS.some((re) => re.test(line))) return 'sidebar';
  if (PREAMBLE.some((re) => re.test(line))) return 'preamble';
  if (LINES.some((re) => re.test(line)) || recurring.has(lineKey(line))) return 'furniture';
  return null;
}

/**
 * True for a line of a fundraising appeal ("We are funded by readers. A small gift keeps us free…"):
 * furniture when it stands next to other furniture, since the words alone also occur in content.
 */
export function isAppeal(line: string): boolean {
  return line.length <= APPEAL_MAX_CHARS && APPEAL.test(line);
}

/** A line with furniture stuck to its start or end taken off: where the content starts in it, and what is left. */
export interface Unglued {
  readonly offset: number;
  readonly text: string;
  /** How many pieces of furniture were taken off. */
  readonly removed: number;
  /** One of them was the "may be outdated" flag. */
  readonly outdated: boolean;
}

/**
 * Takes off furniture glued to a line of content without a space ("Loading...Did the FDA approve…",
 * "…reviewed here [4].Was this fact-check helpful?"), repeatedly, from either end: known kinds and
 * long recurring lines of the folder.
 */
export function unglue(line: string, recurring: ReadonlySet<string>): Unglued {
  let start = 0;
  let end = line.length;
  let removed = 0;
  let outdated = false;
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const text = line.slice(start, end);
    const head = GLUED_START.map((re) => re.exec(text)).find((m) => m !== null) ?? recurringAt(text, recurring, 'start');
    if (head) {
      start += head[0].length;
      removed++;
      changed = true;
      continue;
    }
    const tail = GLUED_END.map((re) => re.exec(text)).find((m) => m !== null) ?? recurringAt(text, recurring, 'end');
    if (tail) {
      end = start + tail.index;
      removed++;
      outdated ||= OUTDATED.test(tail[0]);
      changed = true;
    }
  }
  const kept = line.slice(start, end);
  const lead = kept.length - kept.trimStart().length;
  return { offset: start + lead, text: kept.trim(), removed, outdated };
}

/** A recurring line glued to the start or end of `text`, as a match. */
function recurringAt(text: string, recurring: ReadonlySet<string>, side: 'start' | 'end'): RegExpExecArray | null {
  if (recurring.size === 0) return null;
  const folded = text.toLowerCase();
  for (const key of recurring) {
    if (key.length < GLUED_RECURRING_MIN_CHARS || key.length >= folded.length) continue;
    if (side === 'start' && folded.startsWith(key)) return matchAt(text, 0, key.length);
    if (side === 'end' && folded.endsWith(key)) return matchAt(text, text.length - key.length, key.length);
  }
  return null;
}

function matchAt(text: string, index: number, length: number): RegExpExecArray {
  const m = [text.slice(index, index + length)] as unknown as RegExpExecArray;
  m.index = index;
  return m;
}
