import { fingerprint } from './fingerprint.ts';
import { capitalisedNames } from './initials.ts';
import { furnitureKind, isAppeal, unglue } from './furniture.ts';
import { collapseWhitespace, hasWords, splitSentences } from './sentences.ts';
import {
  BARE_HEADING,
  BOLD_LEAD,
  BOLD_WRAP,
  BULLET,
  CHECKED,
  CHECKED_PREFIX,
  CLAIM,
  CONCLUSION,
  KNOWN_HEADING_PREFIX,
  LINK,
  MARKDOWN_HEADING,
  NUMBERED,
  PROMPTS,
  SUMMARY,
} from './shapes.ts';
import type { Brief, Passage, PassageKind, Sentence } from './types.ts';

/** The outcome of parsing one brief: the brief, or why it cannot be used. */
export type ParseResult =
  | { readonly ok: true; readonly brief: Brief }
  | { readonly ok: false; readonly reason: string };

/** What a parse needs to know of the rest of the folder. */
export interface ParseOptions {
  /** Lines that recur across many briefs of the folder (`FurnitureCensus.recurring()`): furniture. */
  readonly recurring?: ReadonlySet<string>;
}

const CITATION = /\[\d+\]/;
/** A line ending like this is a finished sentence; any other is continued by the next text line, or was cut off. */
const SENTENCE_END = /(?:[.?!…:;]["'”’)\]*]*|\])$/;
/** A numbered line longer than this (after its number) is a heading with its text on the same line. */
const HEADING_MAX_CHARS = 120;
/** A colon, or a dash between words, that may part a numbered heading from its text. */
const HEADING_PARTING = /: | [—–-] /;
/** A bullet or line ending in a colon and no longer than this introduces the items under it ("- Aid breakdown:"). */
const LABEL_MAX_CHARS = 80;
/** Lines after a sidebar header ("Latest Podcasts") taken as its links when no longer than this. */
const SIDEBAR_LINE_MAX_CHARS = 160;

/** A date standing alone on a line, as listing pages print them under each title. */
const DATE_LINE =
  /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d+ (?:minutes?|hours?|days?|weeks?|months?) ago)$/i;
const BREADCRUMB = /^(?:index|home|topics?|organi[sz]ations?|people|categories)(?:\s*[/›»>|]\s*[^/›»>|]+){1,4}$/i;
const RESULT_COUNT = /^\d[\d,]* (?:results?|fact[- ]?checks?|articles?|items?)(?: found)?$/i;
const LISTING_HEADER = /^(?:most viewed|most read|trending|latest|all fact[- ]?checks|browse)$/i;

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

type HeadingKind = Exclude<PassageKind, 'paragraph'>;

/** A piece of a line of the file: its collapsed text and where it starts in the folded file. */
interface Segment {
  readonly text: string;
  readonly at: number;
}

type Line =
  | { readonly kind: 'break' }
  | { readonly kind: 'furniture'; readonly sidebar: boolean }
  | { readonly kind: 'outdated' }
  | { readonly kind: 'checked'; readonly date: string | null; readonly text: Segment }
  | { readonly kind: 'link'; readonly url: string }
  | { readonly kind: 'claim'; readonly claim: string }
  | { readonly kind: 'prompts' }
  | { readonly kind: 'heading'; readonly passage: HeadingKind; readonly heading: string; readonly text: Segment | null }
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'bullet'; readonly text: Segment }
  | { readonly kind: 'text'; readonly text: Segment };

interface Paragraph {
  readonly segments: Segment[];
  readonly bullet: boolean;
  readonly label: string | undefined;
}

interface Draft {
  readonly kind: PassageKind;
  readonly heading: string;
  readonly paragraphs: Paragraph[];
}

/** "February 1, 2026" → "2026-02-01"; null for a month name or day that does not exist. */
function isoDate(month: string, day: string, year: string): string | null {
  const m = month.length < 3 ? -1 : MONTHS.findIndex((name) => name.startsWith(month.toLowerCase()));
  const d = Number(day);
  const y = Number(year);
  if (m < 0 || d < 1 || d > new Date(Date.UTC(y, m + 1, 0)).getUTCDate()) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date of a "Checked on" line, in whichever of its orders it is written. */
function checkedDate(m: RegExpExecArray): string | null {
  if (m[1]) return isoDate(m[1], m[2]!, m[3]!);
  if (m[4]) return isoDate(m[5]!, m[4], m[6]!);
  const month = Number(m[8]);
  return month >= 1 && month <= 12 ? isoDate(MONTHS[month - 1]!, m[9]!, m[7]!) : null;
}

/** A segment's text from `from` on (a heading's text after its heading), or null when nothing is left. */
function rest(segment: Segment, from: number): Segment | null {
  const tail = segment.text.slice(from);
  const text = tail.trim();
  return text === '' ? null : { text, at: segment.at + from + (tail.length - tail.trimStart().length) };
}

/**
 * A numbered line is a heading alone when it is one short sentence without citation markers
 * ("2. Amazon’s public comments: silence from AWS, visible employee activism"). Otherwise it carries
 * its text too, split at the first colon or dash if that comes before the first sentence end, else
 * after a short first sentence ("3. Heading. Text [2]."). A first sentence that cites or runs long
 * cannot be split off: it is both the heading and the text, so nothing is lost.
 */
function numberedHeading(number: string, body: Segment): { heading: string; text: Segment | null } {
  const line = body.text;
  const known = KNOWN_HEADING_PREFIX.exec(line);
  if (known && (/\S/.test(known[2]!) || /^\p{Lu}/u.test(line.slice(known[0].length)))) {
    return { heading: `${number} ${known[1]}`, text: rest(body, known[0].length) };
  }
  const sentences = splitSentences(line);
  const first = sentences[0]?.text ?? line;
  if (sentences.length <= 1 && line.length <= HEADING_MAX_CHARS && !CITATION.test(line)) {
    return { heading: `${number} ${stripBold(line).replace(/:$/, '')}`, text: null };
  }
  // A colon parts the heading from its text, and so does a dash ("2. The vaccination gap — Only 83
  // percent …"), whichever comes first.
  const parting = HEADING_PARTING.exec(line);
  if (parting && parting.index > 0 && parting.index < first.length) {
    return { heading: `${number} ${stripBold(line.slice(0, parting.index))}`, text: rest(body, parting.index + parting[0].length) };
  }
  if (sentences.length > 1 && first.length <= HEADING_MAX_CHARS && !CITATION.test(first)) {
    return { heading: `${number} ${first.replace(/\.$/, '')}`, text: rest(body, first.length) };
  }
  return { heading: `${number} ${sentences.length > 1 ? first : line}`, text: body };
}

function stripBold(text: string): string {
  return text.replace(/^\*\*|\*\*$/g, '').replace(/\*\*:?$/, '').trim();
}

/** The heading kind of a heading's words. */
function headingKind(words: string): HeadingKind {
  if (SUMMARY.test(words)) return 'summary';
  return CONCLUSION.test(words) ? 'conclusion' : 'section';
}

function classify(whole: Segment, recurring: ReadonlySet<string>): Line {
  if (whole.text === '') return { kind: 'break' };
  const marks = MARKDOWN_HEADING.exec(whole.text);
  const segment = marks ? (rest(whole, marks[0].length) as Segment) : whole;
  const line = segment.text;
  const furniture = furnitureKind(line, recurring);
  if (furniture === 'outdated') return { kind: 'outdated' };
  if (furniture !== null) return { kind: 'furniture', sidebar: furniture === 'sidebar' };
  const checked = CHECKED.exec(line);
  if (checked) return { kind: 'checked', date: checkedDate(checked), text: segment };
  if (CHECKED_PREFIX.test(line)) return { kind: 'checked', date: null, text: segment };
  const link = LINK.exec(line);
  if (link) return { kind: 'link', url: link[1]! };
  const claim = CLAIM.exec(line);
  if (claim) return { kind: 'claim', claim: claim[1]! };
  if (PROMPTS.test(line)) return { kind: 'prompts' };
  // "**1. Summary of the results:** The claim…" is that heading, and its text.
  const lead = BOLD_LEAD.exec(line);
  const leading = lead ? boldHeading(lead[1]!) : null;
  if (lead && leading) return { kind: 'heading', ...leading, text: rest(segment, lead[0].length) };
  // "**3. Potential misinformation…**" is the heading "3. Potential misinformation…".
  const unbolded = BOLD_WRAP.exec(line);
  const bare = unbolded ? { text: unbolded[1]!, at: segment.at + 2 } : segment;
  const named = BARE_HEADING.exec(bare.text);
  if (named) {
    const words = named[1]!;
    const text = named[2] ? rest(bare, bare.text.length - named[2].length) : null;
    return { kind: 'heading', passage: headingKind(words), heading: headingName(words), text };
  }
  const numbered = NUMBERED.exec(bare.text);
  if (numbered) {
    const body = rest(bare, bare.text.length - numbered[2]!.length) as Segment;
    const { heading, text } = numberedHeading(`${numbered[1]}.`, body);
    return { kind: 'heading', passage: headingKind(heading.slice(heading.indexOf(' ') + 1)), heading, text };
  }
  const bullet = BULLET.exec(line);
  if (bullet) {
    const item = rest(segment, line.length - bullet[1]!.length) as Segment;
    return isLabel(item.text) ? { kind: 'label', label: labelOf(item.text) } : { kind: 'bullet', text: item };
  }
  if (isLabel(line) && !/[.?!]/.test(line.slice(0, -1))) return { kind: 'label', label: labelOf(line) };
  return { kind: 'text', text: segment };
}

/** The heading a bold start of a line names, if it names one. */
function boldHeading(words: string): { passage: HeadingKind; heading: string } | null {
  const named = BARE_HEADING.exec(words);
  if (named && !named[2]) return { passage: headingKind(named[1]!), heading: headingName(named[1]!) };
  const numbered = NUMBERED.exec(words);
  return numbered ? { passage: headingKind(numbered[2]!), heading: `${numbered[1]}. ${numbered[2]}` } : null;
}

/** "Executive summary", "Conclusion", "Summary of the results" as a reader sees them. */
function headingName(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isLabel(text: string): boolean {
  return text.length <= LABEL_MAX_CHARS && /:(?:\*\*)?$/.test(text) && !CITATION.test(text);
}

function labelOf(text: string): string {
  return stripBold(text.replace(/\*\*/g, '')).replace(/:$/, '').trim();
}

/**
 * The file's lines as segments: each line's collapsed text with its offset in the folded file
 * (every whitespace run one space), with furniture glued onto it taken off.
 */
function segments(text: string, recurring: ReadonlySet<string>): { segments: Segment[]; glued: number; outdated: boolean } {
  const out: Segment[] = [];
  let at = 0;
  let glued = 0;
  let outdated = false;
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = collapseWhitespace(raw);
    if (line === '') {
      out.push({ text: '', at });
      continue;
    }
    const kept = unglue(line, recurring);
    glued += kept.removed;
    outdated ||= kept.outdated;
    out.push({ text: kept.text, at: at + kept.offset });
    at += line.length + 1;
  }
  return { segments: out, glued, outdated };
}

/**
 * A donation block spreads: a line with a fundraising appeal's words next to furniture (blank lines
 * aside) is furniture too, so a site's appeal is dropped whatever its wording.
 */
function absorbAppeals(lines: readonly Line[]): Line[] {
  const out = [...lines];
  const isFurniture = (l: Line | undefined) => l?.kind === 'furniture';
  const neighbour = (i: number, step: 1 | -1): Line | undefined => {
    for (let j = i + step; j >= 0 && j < out.length; j += step) if (out[j]!.kind !== 'break') return out[j];
    return undefined;
  };
  for (let changed = true; changed; ) {
    changed = false;
    out.forEach((line, i) => {
      if (line.kind !== 'text' || !isAppeal(line.text.text)) return;
      if (isFurniture(neighbour(i, -1)) || isFurniture(neighbour(i, 1))) {
        out[i] = { kind: 'furniture', sidebar: false };
        changed = true;
      }
    });
  }
  return out;
}

/** Why a page is a listing (a topic or organisation index) rather than a brief, or null. */
function listingReason(lines: readonly Line[]): string | null {
  const texts = lines.flatMap((l) => (l.kind === 'text' || l.kind === 'bullet' ? [l.text.text] : []));
  const dates = texts.filter((t) => DATE_LINE.test(t)).length;
  const marks = [
    texts.some((t) => BREADCRUMB.test(t)) ? 'a breadcrumb' : null,
    texts.some((t) => RESULT_COUNT.test(t)) ? 'a result count' : null,
    texts.some((t) => LISTING_HEADER.test(t)) ? 'a "most viewed" list' : null,
  ].filter((m): m is string => m !== null);
  const structured = lines.some((l, i) => l.kind === 'checked' || (l.kind === 'heading' && !inListedRun(lines, i)));
  if (dates >= 3 && marks.length > 0 && !structured) {
    return `looks like a listing page (${[...marks, `${dates} dated titles`].join(', ')}), not a brief`;
  }
  if (dates >= 5 && dates * 4 >= texts.length && !structured) {
    return `looks like a listing page (${dates} dated titles and little else), not a brief`;
  }
  return null;
}

/**
 * True for a numbered line in the run right under a "Most viewed" header (or another sidebar's): titles ranked
 * ("1. Did the Ever Given…"), not a brief's sections.
 */
function inListedRun(lines: readonly Line[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i] as Line;
    if (l.kind === 'heading' || l.kind === 'claim') continue;
    return (l.kind === 'furniture' && l.sidebar) || ((l.kind === 'text' || l.kind === 'bullet') && LISTING_HEADER.test(l.text.text));
  }
  return false;
}

interface Collected {
  readonly drafts: Draft[];
  readonly prompts: string[];
  readonly checked: string | null;
  readonly checkedLine: Segment | null;
  readonly link: string | null;
  readonly claim: string | null;
  readonly outdated: boolean;
  readonly furniture: number;
}

/**
 * Groups the body into drafts. Under a heading every paragraph joins that heading's passage; with no
 * heading yet (an article, or text before the first heading) each paragraph is a passage of its own.
 * A paragraph is one line, continued by the next text line when it does not end like a sentence
 * (hard-wrapped text); a bullet item is a paragraph of its own. The lines after "Want to dive
 * deeper?" are prompts while they ask something. A sidebar's links are furniture.
 */
function collect(lines: readonly Line[]): Collected {
  const drafts: Draft[] = [];
  const prompts: string[] = [];
  let checked: string | null = null;
  let checkedLine: Segment | null = null;
  let link: string | null = null;
  let claim: string | null = null;
  let outdated = false;
  let furniture = 0;
  let section: Draft | null = null;
  // After the prompts, what is not a prompt is the page's trailer (related links, footers) until a heading.
  let mode: 'body' | 'prompts' | 'trailer' = 'body';
  // Under a sidebar header ("Latest Podcasts", "Most Viewed"), its short lines are its links.
  let sidebar = false;
  let label: string | undefined;
  let open: Paragraph | null = null;

  const paragraphFor = (segment: Segment, bullet: boolean): void => {
    const last = open?.segments[open.segments.length - 1];
    // A hard-wrapped line continues the one before when nothing came between them in the file.
    if (open && last && !SENTENCE_END.test(last.text) && last.at + last.text.length + 1 === segment.at && !bullet) {
      open.segments.push(segment);
      return;
    }
    open = { segments: [segment], bullet, label: bullet ? label : undefined };
    if (!bullet) label = undefined;
    if (section) section.paragraphs.push(open);
    else drafts.push({ kind: 'paragraph', heading: '', paragraphs: [open] });
  };

  for (const line of lines) {
    if (sidebar) {
      if ((line.kind === 'text' || line.kind === 'bullet') && line.text.text.length <= SIDEBAR_LINE_MAX_CHARS) {
        furniture++;
        continue;
      }
      if (line.kind !== 'furniture') sidebar = false;
    }
    switch (line.kind) {
      case 'break':
        open = null;
        break;
      case 'furniture':
        furniture++;
        open = null;
        sidebar ||= line.sidebar;
        break;
      case 'outdated':
        outdated = true;
        furniture++;
        open = null;
        break;
      case 'checked':
        if (checked === null && line.date !== null) {
          checked = line.date;
          checkedLine = line.text;
        }
        open = null;
        break;
      case 'link':
        link ??= line.url;
        open = null;
        break;
      case 'claim':
        claim ??= line.claim;
        open = null;
        break;
      case 'prompts':
        mode = 'prompts';
        open = null;
        break;
      case 'heading':
        mode = 'body';
        label = undefined;
        section = { kind: line.passage, heading: line.heading, paragraphs: [] };
        drafts.push(section);
        open = null;
        if (line.text) paragraphFor(line.text, false);
        break;
      case 'label':
        if (mode === 'prompts' || mode === 'trailer') {
          mode = 'trailer';
          furniture++;
          break;
        }
        label = line.label;
        open = null;
        break;
      case 'bullet':
      case 'text':
        if (mode === 'prompts' && /\?["'”’)]*$/.test(line.text.text)) {
          prompts.push(line.text.text);
          break;
        }
        if (mode === 'prompts' || mode === 'trailer') {
          mode = 'trailer';
          furniture++;
          break;
        }
        paragraphFor(line.text, line.kind === 'bullet');
        break;
    }
  }
  return { drafts, prompts, checked, checkedLine, link, claim, outdated, furniture };
}

function sentencesOf(paragraph: Paragraph): Sentence[] {
  const first = paragraph.segments[0] as Segment;
  const text = paragraph.segments.map((s) => s.text).join(' ');
  return splitSentences(text).map((s) => ({
    ...s,
    at: first.at + s.at,
    ...(paragraph.bullet ? { bullet: true } : {}),
    ...(paragraph.label !== undefined ? { label: paragraph.label } : {}),
  }));
}

function toPassages(file: string, drafts: readonly Draft[]): Passage[] {
  let paragraphNumber = 0;
  const passages: Passage[] = [];
  for (const draft of drafts) {
    const sentences = draft.paragraphs.flatMap(sentencesOf);
    if (sentences.length === 0) continue;
    const index = passages.length;
    const heading = draft.kind === 'paragraph' ? `Paragraph ${++paragraphNumber}` : draft.heading;
    passages.push({ id: `${file}#${index}`, doc: file, index, kind: draft.kind, heading, sentences });
  }
  return passages;
}

/**
 * Drops the last sentence of the brief when the file stops in the middle of it (a truncated page):
 * an unfinished sentence is never quoted. A last bullet item without a full stop is unfinished only
 * when the brief's other items end with one.
 */
function dropUnfinished(drafts: Draft[]): boolean {
  const draft = drafts[drafts.length - 1];
  const paragraph = draft?.paragraphs[draft.paragraphs.length - 1];
  const last = paragraph?.segments[paragraph.segments.length - 1];
  if (!draft || !paragraph || !last || SENTENCE_END.test(last.text)) return false;
  if (paragraph.bullet) {
    const items = drafts.flatMap((d) => d.paragraphs).filter((p) => p.bullet && p !== paragraph);
    const finished = items.filter((p) => SENTENCE_END.test(p.segments[p.segments.length - 1]!.text)).length;
    if (finished * 2 <= items.length) return false;
  }
  const text = paragraph.segments.map((s) => s.text).join(' ');
  const sentences = splitSentences(text);
  const cut = sentences[sentences.length - 1];
  if (!cut) return false;
  const keep = text.slice(0, cut.at).trimEnd();
  draft.paragraphs.pop();
  if (keep !== '') {
    // The kept text is the start of the paragraph: one segment from its first offset (the paragraph's
    // segments are consecutive in the folded file, joined by single spaces as they are there).
    draft.paragraphs.push({ ...paragraph, segments: [{ text: keep, at: (paragraph.segments[0] as Segment).at }] });
  }
  return true;
}

/** The brief's bottom line: the first sentence of its summary, else of its conclusion. */
function verdictOf(passages: readonly Passage[]): string | null {
  const lead = (kind: PassageKind) =>
    passages.find((p) => p.kind === kind)?.sentences.find((s) => /\p{L}{2,}/u.test(s.text))?.text ?? null;
  return lead('summary') ?? lead('conclusion');
}

function parse(file: string, text: string, options: ParseOptions): ParseResult {
  const recurring = options.recurring ?? new Set<string>();
  const raw = text.replace(/^\uFEFF/, '');
  const split = segments(raw, recurring);
  const lines = absorbAppeals(split.segments.map((s) => classify(s, recurring)));
  const contentAt = (l: Line): boolean => l.kind === 'text' || l.kind === 'heading' || l.kind === 'bullet' || l.kind === 'label';
  if (!split.segments.some((s, i) => lines[i]!.kind !== 'furniture' && lines[i]!.kind !== 'checked' && hasWords(s.text))) {
    return { ok: false, reason: 'contains no readable words' };
  }
  const listing = listingReason(lines);
  if (listing) return { ok: false, reason: listing };

  // The title is the first line of content, unless a claim comes first: then the claim is what the brief is about.
  const titleAt = lines.findIndex((l) => contentAt(l) || l.kind === 'claim');
  const titleLine = lines[titleAt];
  const title = titleLine?.kind === 'text' || titleLine?.kind === 'bullet' ? titleLine.text.text : null;
  const body = title === null ? lines : lines.filter((_, i) => i !== titleAt);
  const collected = collect(body);
  const truncated = dropUnfinished(collected.drafts);
  const passages = toPassages(file, collected.drafts);
  const shownTitle = title ?? collected.claim;
  if (shownTitle === null) {
    return passages.length === 0
      ? { ok: false, reason: 'contains no brief text (only headings or site furniture)' }
      : { ok: false, reason: 'has no title line (a question, headline or "Fact check:" claim) before its text' };
  }
  if (passages.length === 0) {
    return { ok: false, reason: `has a title ("${shownTitle.slice(0, 80)}") but no body text` };
  }
  return {
    ok: true,
    brief: {
      id: file,
      title: shownTitle,
      claim: collected.claim,
      verdict: verdictOf(passages),
      checked: collected.checked,
      checkedLine: collected.checkedLine,
      outdated: collected.outdated || split.outdated,
      link: collected.link,
      furniture: collected.furniture + split.glued,
      truncated,
      passages,
      prompts: collected.prompts,
      names: capitalisedNames([shownTitle, ...passages.flatMap((p) => [p.heading, ...p.sentences.map((x) => x.text)])]),
      fingerprint: fingerprint(raw.split(/\r\n?|\n/)),
    },
  };
}

/**
 * Parses one brief, in either page shape: title (its question, headline, or the claim it checks),
 * the claim of a `Fact check:` line (kept apart: it is what is checked, never a finding), "Checked
 * on" date, link, passages (executive summary or "Summary of the results", numbered sections,
 * conclusion; or one per paragraph for an article without headings), their sentences and bullet
 * items with citations and offsets, the verdict, and the "Want to dive deeper?" prompts. Site
 * furniture (listed in `data/furniture.json`, or recurring across the folder per `options`) is
 * dropped and counted; "may be outdated" is kept as a flag; an unfinished last sentence is left out;
 * a listing page is refused. Pure; never throws: an unusable text is `{ ok: false, reason }`.
 */
export function parseBrief(file: string, text: string, options: ParseOptions = {}): ParseResult {
  try {
    return parse(file, text, options);
  } catch (error) {
    // A parser bug must cost one file, not the whole corpus load.
    return { ok: false, reason: `could not be parsed (${error instanceof Error ? error.message : String(error)})` };
  }
}
