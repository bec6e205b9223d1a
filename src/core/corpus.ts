import { fingerprint } from './fingerprint.ts';
import { collapseWhitespace, hasWords, splitSentences } from './sentences.ts';
import type { Brief, Passage, PassageKind } from './types.ts';

/** The outcome of parsing one brief: the brief, or why it cannot be used. */
export type ParseResult =
  | { readonly ok: true; readonly brief: Brief }
  | { readonly ok: false; readonly reason: string };

/** Web-page furniture copied along with a brief; dropped, and it ends a paragraph like a blank line. */
const FURNITURE = [
  /^Disclaimer:/i,
  /^\([^()]{0,80}\b(?:images?|photos?|photograph|getty|reuters|ap|afp|credit|shutterstock|istock)\b[^()]{0,80}\)$/i,
  /^Latest Podcasts$/i,
];
const CHECKED = /^Checked on\s+([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\.?$/i;
/** A short "Checked on ..." line whose date cannot be read: still metadata, never body text. */
const CHECKED_PREFIX = /^Checked on\b.{0,30}$/i;
const PROMPTS = /^Want to dive deeper\??$/i;
/** "Executive summary", "Conclusion", "Bottom line", alone or followed by a separator and text. */
const BARE_HEADING = /^(Executive summary|Conclusions?|Bottom line)(?:\s*[:.—–-]\s*(.*))?$/i;
const NUMBERED = /^(\d{1,2}\.) (.+)$/;
const CONCLUSION = /^(?:conclusions?|bottom line)\b/i;
const CITATION = /\[\d+\]/;
/** A line ending like this is a finished paragraph; any other is continued by the next text line. */
const PARAGRAPH_END = /(?:[.?!…:]["'”’)\]]*|\])$/;

/** A numbered line longer than this (after its number) is a heading with its text on the same line. */
const HEADING_MAX_CHARS = 120;

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

type HeadingKind = Exclude<PassageKind, 'paragraph'>;

type Line =
  | { readonly kind: 'break' }
  | { readonly kind: 'checked'; readonly date: string | null }
  | { readonly kind: 'prompts' }
  | { readonly kind: 'heading'; readonly passage: HeadingKind; readonly heading: string; readonly text: string }
  | { readonly kind: 'text'; readonly text: string };

interface Draft {
  readonly kind: PassageKind;
  readonly heading: string;
  readonly paragraphs: string[];
}

/** "February 1, 2026" → "2026-02-01"; null for a month name or day that does not exist. */
function isoDate(month: string, day: string, year: string): string | null {
  const m = month.length < 3 ? -1 : MONTHS.findIndex((name) => name.startsWith(month.toLowerCase()));
  const d = Number(day);
  const y = Number(year);
  if (m < 0 || d < 1 || d > new Date(Date.UTC(y, m + 1, 0)).getUTCDate()) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A numbered line is a heading alone when it is one short sentence without citation markers
 * ("2. Amazon’s public comments: silence from AWS, visible employee activism"). Otherwise it carries
 * its text too, split at the first colon if that comes before the first sentence end, else after the
 * first sentence ("3. Heading. Text [2]."). A long single sentence with no colon cannot be split: it
 * is both the heading and the text, so nothing is lost.
 */
function numberedHeading(number: string, rest: string): { heading: string; text: string } {
  const sentences = splitSentences(rest);
  const first = sentences[0]?.text ?? rest;
  if (sentences.length <= 1 && rest.length <= HEADING_MAX_CHARS && !CITATION.test(rest)) {
    return { heading: `${number} ${rest}`, text: '' };
  }
  const colon = rest.indexOf(': ');
  if (colon > 0 && colon < first.length) {
    return { heading: `${number} ${rest.slice(0, colon)}`, text: rest.slice(colon + 2) };
  }
  if (sentences.length > 1) {
    return { heading: `${number} ${first.replace(/\.$/, '')}`, text: rest.slice(first.length).trim() };
  }
  return { heading: `${number} ${rest}`, text: rest };
}

function classify(raw: string): Line {
  const line = collapseWhitespace(raw);
  if (line === '' || FURNITURE.some((re) => re.test(line))) return { kind: 'break' };
  const checked = CHECKED.exec(line);
  if (checked) return { kind: 'checked', date: isoDate(checked[1]!, checked[2]!, checked[3]!) };
  if (CHECKED_PREFIX.test(line)) return { kind: 'checked', date: null };
  if (PROMPTS.test(line)) return { kind: 'prompts' };
  const bare = BARE_HEADING.exec(line);
  if (bare) {
    const summary = bare[1]!.toLowerCase() === 'executive summary';
    return {
      kind: 'heading',
      passage: summary ? 'summary' : 'conclusion',
      heading: summary ? 'Executive summary' : bare[1]!,
      text: bare[2] ?? '',
    };
  }
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    const { heading, text } = numberedHeading(numbered[1]!, numbered[2]!);
    const rest = heading.slice(numbered[1]!.length + 1);
    return { kind: 'heading', passage: CONCLUSION.test(rest) ? 'conclusion' : 'section', heading, text };
  }
  return { kind: 'text', text: line };
}

/**
 * Groups the body into drafts. Under a heading every paragraph joins that heading's passage; with no
 * heading yet (an article, or text before the first heading) each paragraph is a passage of its own.
 * A paragraph is one line, continued by the next text line when it does not end like a sentence
 * (hard-wrapped text). The lines after "Want to dive deeper?" are prompts until the next heading.
 */
function collect(lines: readonly Line[]): { drafts: Draft[]; prompts: string[]; checked: string | null } {
  const drafts: Draft[] = [];
  const prompts: string[] = [];
  let checked: string | null = null;
  let section: Draft | null = null;
  let inPrompts = false;
  let continues = false;
  for (const line of lines) {
    switch (line.kind) {
      case 'break':
        continues = false;
        break;
      case 'checked':
        checked ??= line.date;
        continues = false;
        break;
      case 'prompts':
        inPrompts = true;
        continues = false;
        break;
      case 'heading':
        inPrompts = false;
        section = { kind: line.passage, heading: line.heading, paragraphs: line.text ? [line.text] : [] };
        drafts.push(section);
        continues = line.text !== '' && !PARAGRAPH_END.test(line.text);
        break;
      case 'text': {
        if (inPrompts) {
          prompts.push(line.text);
          break;
        }
        const last = drafts[drafts.length - 1]?.paragraphs;
        if (continues && last && last.length > 0) {
          last.push(`${last.pop()} ${line.text}`);
        } else if (section) {
          section.paragraphs.push(line.text);
        } else {
          drafts.push({ kind: 'paragraph', heading: '', paragraphs: [line.text] });
        }
        continues = !PARAGRAPH_END.test(line.text);
        break;
      }
    }
  }
  return { drafts, prompts, checked };
}

function toPassages(file: string, drafts: readonly Draft[]): Passage[] {
  let paragraphNumber = 0;
  const passages: Passage[] = [];
  for (const draft of drafts) {
    const sentences = draft.paragraphs.flatMap(splitSentences);
    if (sentences.length === 0) continue;
    const index = passages.length;
    const heading = draft.kind === 'paragraph' ? `Paragraph ${++paragraphNumber}` : draft.heading;
    passages.push({ id: `${file}#${index}`, doc: file, index, kind: draft.kind, heading, sentences });
  }
  return passages;
}

function parse(file: string, text: string): ParseResult {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const lines = raw.map(classify);
  const content = (l: Line): boolean => l.kind !== 'break' && l.kind !== 'checked';
  if (!lines.some((l, i) => content(l) && hasWords(raw[i]!))) {
    return { ok: false, reason: 'contains no readable words' };
  }
  const titleAt = lines.findIndex(content);
  const title = collapseWhitespace(raw[titleAt]!);
  const { drafts, prompts, checked } = collect(lines.filter((_, i) => i !== titleAt));
  const passages = toPassages(file, drafts);
  if (passages.length === 0) {
    return { ok: false, reason: `has a title ("${title.slice(0, 80)}") but no body text` };
  }
  return { ok: true, brief: { id: file, title, checked, passages, prompts, fingerprint: fingerprint(raw) } };
}

/**
 * Parses one brief: title (first line), "Checked on" date, passages (executive summary, numbered
 * sections, conclusion; or one per paragraph for an article without headings), their sentences with
 * citations, and the "Want to dive deeper?" prompts. Web-page furniture (disclaimer, photo credits,
 * "Latest Podcasts") is dropped. Pure; never throws: an unusable text is `{ ok: false, reason }`.
 */
export function parseBrief(file: string, text: string): ParseResult {
  try {
    return parse(file, text);
  } catch (error) {
    // A parser bug must cost one file, not the whole corpus load.
    return { ok: false, reason: `could not be parsed (${error instanceof Error ? error.message : String(error)})` };
  }
}
