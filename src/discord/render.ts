/**
 * Turns answers, company summaries, the source list and refresh reports into Discord message
 * payloads. Pure: plain data in, plain API data out, cut to every Discord limit, and never able to
 * ping anyone (`allowedMentions: { parse: [] }` on every payload).
 */
import {
  ButtonStyle,
  escapeMarkdown,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
} from 'discord.js';
import { displayText } from '../core/answerer.ts';
import { checkedPhrase } from '../core/checked.ts';
import { freeLabel, wholeWords } from '../core/labels.ts';
import type { Overview } from '../core/overview.ts';
import { ALSO_COVERED, companyHeadline, marker, markerNumbers, MORE_ON, READ_AS, sourceDate, topicLine } from '../core/replyText.ts';
import type {
  Answer,
  AnswerUnit,
  BriefInfo,
  CompanyPoint,
  DeclineReason,
  CompanySummary,
  RefreshOutcome,
  SkippedFile,
  Source,
} from '../core/types.ts';
import { askCustomId, companyCustomId, pickCustomId } from './customIds.ts';
import { LIMITS, truncate } from './limits.ts';
import { quoteUserText } from './userText.ts';

/** A reply the bot sends: usable for interaction replies, edits and message replies alike. */
export interface ReplyPayload {
  readonly content: string;
  readonly embeds: APIEmbed[];
  /** The answer's own rows (follow-ups, picker); other features may append rows of their own, up to five in all. */
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly allowedMentions: { readonly parse: [] };
}

/** What rendering needs besides the data: the clock, the staleness rule, and the corpus the reply is made from. */
export interface RenderContext {
  readonly now: Date;
  readonly staleAfterDays: number;
  /** The live corpus's fingerprint, carried by every button and menu (see customIds.ts). */
  readonly corpus: string;
}

/** How an answer came about, beyond the answer itself. */
export interface AnswerExtras {
  /** The answer gives a previous answer's further units ("tell me more"). */
  readonly gaveMore?: boolean;
  /** The brief the asker picked in the brief picker, shown as chosen. */
  readonly picked?: string;
  /** A one-line summary of each alternative brief (what it would answer), by brief id, for the picker. */
  readonly briefLeads?: ReadonlyMap<string, string>;
}

/** The footer of every fact-check embed. */
export const DISCLAIMER = 'Fact-checks can be wrong — verify important claims.';

export const COLOURS = {
  answer: 0x2b7de9,
  abstain: 0xf0b232,
  info: 0x5865f2,
  failure: 0xda373c,
} as const;

const MAX_BUTTONS = 3;
/** About what fits on one line of an embed title. */
const TITLE_CHARS = 60;
const PLACEHOLDER_CHARS = 60;
/** What a reader takes in at a glance: an answer longer than this is laid out more tightly. */
const TYPICAL_VISIBLE_CHARS = 900;

/** How much of an answer to show: its lead and up to two more units, and how long a source line's title and section may be. */
interface Layout {
  readonly units: number;
  readonly titleChars: number;
  readonly sectionChars: number;
}

/** Roomiest first; source lines are small print, two to a brief at most. */
const LAYOUTS: readonly Layout[] = [
  { units: 3, titleChars: 50, sectionChars: 36 },
  { units: 3, titleChars: 36, sectionChars: 24 },
  { units: 2, titleChars: 36, sectionChars: 24 },
];
/** The source lines of a company summary. */
const COMPANY_LAYOUT: Layout = LAYOUTS[0] as Layout;
const BUTTON_LABEL_CHARS = 40;

/** A plain-text reply (notices, errors), cut to the content limit. */
export function renderNotice(text: string): ReplyPayload {
  return payload({ content: text });
}

/**
 * An answer, lead first: what it is about as the title, the lead unit with its key words in bold,
 * up to two more as a short list, each unit marked (¹ ²) with its source, one compact line per
 * source, and buttons for follow-ups the briefs answer; the brief picker when two briefs answer
 * about equally and differ. A decline looks different and offers what the briefs do cover.
 */
export function renderAnswer(answer: Answer, ctx: RenderContext, extras: AnswerExtras = {}): ReplyPayload {
  if (!answer.answered) return renderDecline(answer, ctx);
  const author = askedLine(answer.question, extras.gaveMore === true);
  const title = answer.topic === null ? '' : topicLine(answer.topic, TITLE_CHARS);
  const describe = (layout: Layout): string => {
    const shown = answer.units.slice(0, layout.units);
    const numbering = markerNumbers(shown.map((u) => u.source));
    const [lead, ...rest] = shown;
    return [
      answer.readAs === null ? null : `-# ${READ_AS} ${quoteUserText(answer.readAs, 200)}`,
      lead === undefined ? null : lineStart(unitText(lead, numbering)),
      ...rest.map((u) => `- ${lineStart(unitText(u, numbering))}`),
      answer.note === null ? null : `*${plain(answer.note)}*`,
      '',
      ...sourceLines(answer.sources, numbering, ctx, layout),
    ]
      .filter((line): line is string => line !== null)
      .join('\n');
  };
  // The roomiest layout that keeps the reply within a glance; the last one whatever it takes.
  const fixed = (author ?? '').length + title.length;
  const description =
    LAYOUTS.map(describe).find((d) => fixed + visibleLength(d) <= TYPICAL_VISIBLE_CHARS) ?? describe(LAYOUTS[LAYOUTS.length - 1] as Layout);
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const buttons = questionButtons(answer.followUps.map((f) => ({ question: f.question, label: f.label })), ctx);
  if (buttons !== null) rows.push(buttons);
  const picker = answer.alternatives.length >= 2 ? briefPicker(answer.alternatives, ctx, extras) : null;
  if (picker !== null) rows.push(picker);
  return payload({
    embeds: [
      embed({
        author,
        title,
        description,
        color: COLOURS.answer,
        footer: { text: DISCLAIMER },
      }),
    ],
    components: rows,
  });
}

/** A decline's heading where it is not "Not covered by the briefs": the brief is there, undated. */
const DECLINE_TITLES: Partial<Record<DeclineReason, string>> = { empty: 'Nothing to answer', undated: 'No check date in the brief' };

/**
 * "What would you like to know about ICE?" for a bare term, with buttons for questions about it;
 * otherwise the reason the briefs don't cover the question and what they do cover.
 */
function renderDecline(answer: Answer, ctx: RenderContext): ReplyPayload {
  const suggestions = unique(answer.suggestions).slice(0, MAX_BUTTONS);
  const labels = new Set<string>();
  const labelled = suggestions.flatMap((question) => {
    const label = freeLabel(question, BUTTON_LABEL_CHARS, labels);
    return label === null ? [] : [{ question, label }];
  });
  const buttons = questionButtons(labelled, ctx);
  const bare = answer.declineReason === 'bare-term';
  const description = [
    quoteUserText(answer.answer, 600),
    !bare && suggestions.length > 0 ? `\n**The briefs do cover:**\n${suggestions.map((s) => `- ${plain(s)}`).join('\n')}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join('\n');
  return payload({
    embeds: [
      embed({
        author: askedLine(answer.question, false),
        title: bare ? '' : DECLINE_TITLES[answer.declineReason ?? 'not-covered'] ?? 'Not covered by the briefs',
        description,
        color: bare ? COLOURS.info : COLOURS.abstain,
        footer: { text: DISCLAIMER },
      }),
    ],
    components: buttons === null ? [] : [buttons],
  });
}

/**
 * What the briefs say about one organisation: "Palantir appears in 4 of 5 briefs:" with its first
 * point, two more as a list, the sources block, and a "More about Palantir" menu of its briefs.
 */
export function renderCompany(summary: CompanySummary, ctx: RenderContext): ReplyPayload {
  if (!summary.found) {
    const known = summary.known.length > 0 ? `The briefs name: ${summary.known.join(', ')}.` : '';
    return payload({
      embeds: [
        embed({
          title: `No brief covers “${quoteUserText(summary.name, LIMITS.embedTitle - 20)}”`,
          description: known,
          color: COLOURS.abstain,
          footer: { text: DISCLAIMER },
        }),
      ],
    });
  }
  const numbering = markerNumbers(summary.points.map((p) => p.sourceIndex));
  const [first, ...rest] = summary.points.map((p) => pointText(p, numbering));
  const lines = [`**${plain(companyHeadline(summary))}:** ${first ?? ''}`, ...rest.map((p) => `- ${lineStart(p)}`), '', ...sourceLines(summary.sources, numbering, ctx, COMPANY_LAYOUT)];
  const options = summary.briefs.slice(0, LIMITS.selectOptions).map((brief) => ({
    label: wholeWords(brief.title, LIMITS.selectOptionLabel),
    value: brief.doc,
  }));
  const menu: APIActionRowComponent<APIStringSelectComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: companyCustomId(ctx.corpus, summary.name),
        placeholder: wholeWords(`More about ${summary.name}`, LIMITS.selectPlaceholder),
        options,
        min_values: 1,
        max_values: 1,
      },
    ],
  };
  return payload({
    embeds: [
      embed({
        title: `${summary.name} in the briefs`,
        description: lines.join('\n'),
        color: COLOURS.answer,
        footer: { text: DISCLAIMER },
      }),
    ],
    components: options.length > 0 && summary.name.length <= 80 ? [menu] : [],
  });
}

/** The embed author line of an answer: the question as answered; null when it is empty. */
function askedLine(question: string, gaveMore: boolean): string | null {
  const asked = question.replace(/\s+/g, ' ').trim();
  if (asked === '') return null;
  return truncate(gaveMore ? `${MORE_ON} ${asked}` : asked, LIMITS.authorName);
}

/**
 * The question an answer message answered and whether it gave further units, read back from its
 * embed's author line (see `askedLine`); null for a message that is not an answer.
 */
export function askedIn(embed: { readonly author?: { readonly name?: string } | null } | undefined): { question: string; gaveMore: boolean } | null {
  const name = embed?.author?.name;
  if (name === undefined || name === '') return null;
  return name.startsWith(`${MORE_ON} `) ? { question: name.slice(MORE_ON.length + 1), gaveMore: true } : { question: name, gaveMore: false };
}

/** A unit as shown: "…" where cut, its key words in bold, markdown of the brief shown as text, its marker. */
function unitText(unit: AnswerUnit, numbering: ReadonlyMap<number, number>): string {
  const text = displayText(unit);
  const at = unit.key === null ? -1 : text.indexOf(unit.key);
  const body =
    at < 0 || unit.key === null
      ? plain(text)
      : `${plain(text.slice(0, at))}**${plain(unit.key)}**${plain(text.slice(at + unit.key.length))}`;
  const n = numbering.get(unit.source);
  return n === undefined ? body : `${body}${marker(n)}`;
}

function pointText(point: CompanyPoint, numbering: ReadonlyMap<number, number>): string {
  const n = numbering.get(point.sourceIndex);
  return `${plain(displayText(point))}${n === undefined ? '' : marker(n)}`;
}

/** One small line per source shown: "¹ Title · section · checked 1 Feb 2026", the title a link when the brief has one. */
function sourceLines(sources: readonly Source[], numbering: ReadonlyMap<number, number>, ctx: RenderContext, layout: Layout): string[] {
  return [...numbering.entries()].flatMap(([index, n]) => {
    const source = sources[index];
    if (source === undefined) return [];
    const title = plain(wholeWords(source.title, layout.titleChars));
    const url = safeLink(source.link);
    const named = url === null ? title : `[${title.replace(/[[\]]/g, '')}](${url})`;
    return [`-# ${marker(n)} ${named} · ${plain(wholeWords(source.section, layout.sectionChars))} · ${sourceDate(source, ctx.now, ctx.staleAfterDays)}`];
  });
}

/** Roughly what a reader sees of markdown: without escapes, emphasis, link targets and line syntax. */
function visibleLength(markdown: string): number {
  return markdown
    .replace(/\\(.)/g, '$1')
    .replace(/\*\*|\*/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^(?:-# |- )/gm, '').length;
}

/** An http(s) address fit for a masked link, or null. */
function safeLink(link: string | null): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return null;
  }
}

/** Buttons that ask questions of the corpus (follow-ups, suggestions): at most three, labelled short. */
function questionButtons(
  questions: readonly { question: string; label: string }[],
  ctx: RenderContext,
): APIActionRowComponent<APIButtonComponent> | null {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = questions
    .filter((q) => q.question.trim() !== '' && !seen.has(q.question) && seen.add(q.question))
    .slice(0, MAX_BUTTONS)
    .map((q) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: wholeWords(q.label, BUTTON_LABEL_CHARS),
      custom_id: askCustomId(ctx.corpus, q.question),
    }));
  return buttons.length === 0 ? null : { type: ComponentType.ActionRow, components: buttons };
}

/** "Also covered by: …": a menu of the briefs that answer about equally, the lead's first. */
function briefPicker(
  alternatives: readonly Source[],
  ctx: RenderContext,
  extras: AnswerExtras,
): APIActionRowComponent<APIStringSelectComponent> | null {
  const seen = new Set<string>();
  const briefs = alternatives
    // The value must identify the brief after a restart too, so only ids that fit are offered.
    .filter((alt) => alt.doc.length <= LIMITS.selectOptionValue && !seen.has(alt.doc) && seen.add(alt.doc))
    .slice(0, LIMITS.selectOptions);
  if (briefs.length < 2) return null;
  const shownDoc = extras.picked ?? briefs[0]?.doc;
  const others = briefs.filter((b) => b.doc !== shownDoc).map((b) => b.title);
  const options = briefs.map((alt) => {
    const lead = extras.briefLeads?.get(alt.doc);
    return {
      label: wholeWords(alt.title, LIMITS.selectOptionLabel),
      value: alt.doc,
      description: wholeWords(lead ?? sourceDate(alt, ctx.now, ctx.staleAfterDays), LIMITS.selectOptionDescription),
      ...(alt.doc === extras.picked ? { default: true } : {}),
    };
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: pickCustomId(ctx.corpus),
        placeholder: wholeWords(`${ALSO_COVERED} ${others.join('; ')}`, PLACEHOLDER_CHARS),
        options,
        min_values: 1,
        max_values: 1,
      },
    ],
  };
}

/** Text of a brief shown in markdown as written: its `*`, `_`, `~` and the like are not formatting. */
function plain(text: string): string {
  return escapeMarkdown(text, { maskedLink: true });
}

/** Text that starts a line, its "1.", "- ", "# " or "> " shown as written rather than as a list, heading or quote. */
function lineStart(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, bold: false, italic: false, underline: false, strikethrough: false, spoiler: false, codeBlock: false, inlineCode: false, escape: false }).replace(/^>/, '\\>');
}

/**
 * The private reply to a name no brief covers: up to five close names the briefs do cover, or,
 * when none is close, what the briefs are about.
 */
export function renderUnknownCompany(name: string, close: readonly string[], topics: readonly string[]): ReplyPayload {
  const shown = quoteUserText(name, 100);
  const next =
    close.length > 0
      ? `Did you mean ${listOf(close.map((c) => `**${c}**`), 'or')}?`
      : topics.length > 0
        ? `They are about ${listOf(topics.map((t) => `**${t}**`), 'and')}.`
        : '';
  return renderNotice([`The briefs say nothing about “${shown}”.`, next].filter((line) => line !== '').join(' '));
}

/**
 * The loaded briefs, one per line with its title, then a small line with its check date (flagged
 * when old) and section count; files that could not be loaded are mentioned first.
 */
export function renderSources(
  briefs: readonly BriefInfo[],
  skipped: readonly SkippedFile[],
  ctx: Pick<RenderContext, 'now' | 'staleAfterDays'>,
): ReplyPayload {
  const problems = [
    briefs.length === 0 ? 'No briefs are loaded.' : null,
    skipped.length > 0 ? `⚠️ ${plural(skipped.length, 'file')} could not be loaded; a moderator can see why with /refresh.` : null,
  ].filter((note): note is string => note !== null);
  const entries = briefs.map(
    (brief, i) => `**${i + 1}.** ${brief.title}\n-# ${checkedPhrase(brief.checked, ctx.now, ctx.staleAfterDays)} · ${plural(brief.sections, 'section')}`,
  );
  return payload({
    embeds: [
      embed({
        title: `Fact-check briefs (${briefs.length})`,
        description: [...problems, entriesWithin(entries, LIMITS.embedDescription - problems.join('\n').length - 1)].filter((p) => p !== '').join('\n'),
        color: COLOURS.info,
        footer: { text: DISCLAIMER },
      }),
    ],
  });
}

/**
 * What a refresh changed, problems first, each brief by its title with its file name small under
 * it; "No changes · 5 briefs" on one line when nothing changed. `titleOf` names a brief by its file,
 * from the briefs before the refresh or after it. A failure says the previous briefs keep serving.
 */
export function renderRefresh(outcome: RefreshOutcome, titleOf: (doc: string) => string | undefined = () => undefined): ReplyPayload {
  if (outcome.status === 'failed') {
    return payload({
      embeds: [
        embed({
          title: 'Refresh failed — the previous briefs keep serving',
          description: outcome.error,
          color: COLOURS.failure,
        }),
      ],
    });
  }
  const { report } = outcome;
  const totals = `${plural(report.briefs, 'brief')} · ${plural(report.passages, 'passage')} · took ${report.ms} ms`;
  if (report.added.length + report.changed.length + report.removed.length + report.skipped.length === 0) {
    return renderNotice(`No changes · ${plural(report.briefs, 'brief')}`);
  }
  const brief = (doc: string): string => {
    const title = titleOf(doc);
    return title === undefined ? `- ${doc}` : `- ${title}\n-# ${doc}`;
  };
  const section = (heading: string, lines: readonly string[]): string[] => (lines.length === 0 ? [] : [`**${heading} (${lines.length})**`, ...lines]);
  const lines = [
    ...section('⚠️ Skipped', report.skipped.map((s) => `- ${s.file}\n-# it ${s.reason}`)),
    ...section('Added', report.added.map(brief)),
    ...section('Changed', report.changed.map(brief)),
    ...section('Removed', report.removed.map(brief)),
  ];
  return payload({
    embeds: [
      embed({
        title: 'Briefs refreshed',
        description: entriesWithin(lines, LIMITS.embedDescription),
        color: report.skipped.length > 0 ? COLOURS.abstain : COLOURS.info,
        footer: { text: totals },
      }),
    ],
  });
}

/**
 * The /help text, also the reply to a mention without a question: what the briefs cover, three
 * questions they answer, and the commands (`mention` makes them clickable once their ids are known).
 */
export function renderHelp(overview: Overview, mention: (command: string) => string): ReplyPayload {
  const briefs = plural(overview.briefs, 'fact-check brief');
  const about = overview.topics.length > 0 ? ` about ${listOf(overview.topics, 'and')}` : '';
  const examples = overview.examples.length > 0 ? ['**Try asking**', ...overview.examples.map((q) => `- ${q}`), ''] : [];
  return payload({
    embeds: [
      embed({
        title: 'Fact-check bot',
        description: [
          `I answer from **${briefs}**${about}, quoting them with their sources.`,
          '',
          ...examples,
          `${mention('ask')} \`question\` — ask anything the briefs might cover`,
          `${mention('company')} \`name\` — what the briefs say about an organisation`,
          `${mention('sources')} — the briefs, and when each was checked`,
          `${mention('refresh')} — reload the briefs (moderators)`,
          `${mention('queue')}, ${mention('stats')} — open fact-check requests; what is asked, declined and voted (moderators)`,
          '',
          'You can also mention me with a question, or send me a direct message. Reply to one of my answers to follow on from it: “and Microsoft?”, “when was that?”, “tell me more”.',
          'The buttons under an answer ask its follow-up questions; 👍 / 👎 tell the fact-check desk whether it helped,',
          'and **Request a fact-check** asks the desk to check what the briefs do not cover yet.',
        ].join('\n'),
        color: COLOURS.info,
        footer: { text: DISCLAIMER },
      }),
    ],
  });
}

function payload(parts: {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}): ReplyPayload {
  return {
    content: truncate(parts.content ?? '', LIMITS.content),
    embeds: parts.embeds ?? [],
    components: (parts.components ?? []).slice(0, LIMITS.actionRows),
    allowedMentions: { parse: [] },
  };
}

/**
 * An embed with every part cut to its limit, empty parts dropped (Discord rejects empty strings),
 * and the whole kept within 6,000 characters by shortening the description, then dropping fields.
 */
function embed(parts: {
  author?: string | null;
  title: string;
  description?: string;
  color: number;
  fields?: APIEmbedField[];
  footer?: { text: string };
}): APIEmbed {
  const title = truncate(parts.title, LIMITS.embedTitle);
  const author = parts.author === undefined || parts.author === null ? '' : truncate(parts.author, LIMITS.authorName);
  const footer = parts.footer === undefined ? undefined : truncate(parts.footer.text, LIMITS.footer);
  const fields = (parts.fields ?? [])
    .slice(0, LIMITS.embedFields)
    .map((f) => ({
      name: truncate(f.name, LIMITS.fieldName) || '\u200b',
      value: truncate(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  const fixed = author.length + title.length + (footer?.length ?? 0);
  const fieldsLength = (): number => fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  while (fields.length > 0 && fixed + fieldsLength() > LIMITS.embedTotal - 500) fields.pop();
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - fixed - fieldsLength());
  const description = truncate(parts.description ?? '', room);

  const out: APIEmbed = { color: parts.color };
  if (author !== '') out.author = { name: author };
  if (title !== '') out.title = title;
  if (description !== '') out.description = description;
  if (fields.length > 0) out.fields = fields;
  if (footer !== undefined && footer !== '') out.footer = { text: footer };
  return out;
}

/** Entries one per line, ending with "…and N more" when they do not all fit in `max`. */
function entriesWithin(entries: readonly string[], max: number): string {
  const all = entries.join('\n');
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (const entry of entries) {
    const more = `\n…and ${entries.length - kept.length - 1} more`;
    const grown = length + (kept.length > 0 ? 1 : 0) + entry.length;
    if (grown + more.length > max) break;
    kept.push(entry);
    length = grown;
  }
  return [...kept, `…and ${entries.length - kept.length} more`].join('\n');
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts.map((t) => t.trim()).filter((t) => t !== ''))];
}

/** "A, B or C". */
function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
