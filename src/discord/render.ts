/**
 * Turns answers, company summaries, the source list and refresh reports into Discord message
 * payloads. Pure: plain data in, plain API data out, cut to every Discord limit, and never able to
 * ping anyone (`allowedMentions: { parse: [] }` on every payload).
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
} from 'discord.js';
import type {
  Answer,
  BriefInfo,
  CompanySummary,
  RefreshOutcome,
  SkippedFile,
  Source,
} from '../core/types.ts';
import { checkedPhrase } from '../core/checked.ts';
import type { Overview } from '../core/overview.ts';
import { followUpCustomId, pickCustomId } from './customIds.ts';
import { LIMITS, truncate } from './limits.ts';
import { quoteUserText } from './userText.ts';

/** A reply the bot sends: usable for interaction replies, edits and message replies alike. */
export interface ReplyPayload {
  readonly content: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly allowedMentions: { readonly parse: [] };
}

/** What rendering needs besides the data: the clock, the staleness rule, and custom-id keys. */
export interface RenderContext {
  readonly now: Date;
  readonly staleAfterDays: number;
  /** Stores a text behind a button or select and returns its key (see `RememberedTexts`). */
  readonly remember: (text: string) => string;
}

/** The footer of every fact-check embed. */
export const DISCLAIMER = 'Fact-checks can be wrong — verify important claims.';

export const COLOURS = {
  answer: 0x2b7de9,
  abstain: 0xf0b232,
  info: 0x5865f2,
  failure: 0xda373c,
} as const;

const MAX_SOURCE_FIELDS = 10;
const MAX_FOLLOW_UPS = LIMITS.buttonsPerRow;

/** A plain-text reply (notices, errors), cut to the content limit. */
export function renderNotice(text: string): ReplyPayload {
  return payload({ content: text });
}

/** An answer, or an abstention that looks different and suggests what the briefs cover. */
export function renderAnswer(answer: Answer, ctx: RenderContext): ReplyPayload {
  const question = answer.question.trim();
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const picker = answer.alternatives.length >= 2 ? briefPicker(question, answer.alternatives, ctx) : null;
  if (picker !== null) rows.push(picker);

  if (!answer.answered) {
    const suggestions = unique(answer.suggestions);
    const lines = suggestions.slice(0, 10).map((s) => `• ${s}`);
    const description = [
      question === '' ? null : `> ${quoteUserText(question, 300)}`,
      answer.answer,
      lines.length > 0 ? `**The briefs do cover:**\n${lines.join('\n')}` : null,
    ]
      .filter((part): part is string => part !== null && part !== '')
      .join('\n\n');
    const buttons = followUpRow(suggestions, ctx);
    if (buttons !== null) rows.push(buttons);
    return payload({
      embeds: [
        embed({
          title: 'Not covered by the briefs',
          description,
          color: COLOURS.abstain,
          footer: { text: DISCLAIMER },
        }),
      ],
      components: rows,
    });
  }

  const buttons = followUpRow(answer.followUps.map((f) => f.question), ctx);
  if (buttons !== null) rows.push(buttons);
  return payload({
    embeds: [
      embed({
        title: question === '' ? 'Answer' : quoteUserText(question, LIMITS.embedTitle),
        description: answer.answer,
        color: COLOURS.answer,
        fields: sourceFields(answer.sources, ctx),
        footer: { text: DISCLAIMER },
      }),
    ],
    components: rows,
  });
}

/** What the briefs say about one organisation, or which organisations they do name. */
export function renderCompany(summary: CompanySummary): ReplyPayload {
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
  const points = summary.points.map((point) => `• ${point.text} — *${point.source.title}*`);
  return payload({
    embeds: [
      embed({
        title: `${summary.name}: what the briefs say`,
        description: joinWithin(points, '\n', LIMITS.embedDescription),
        color: COLOURS.answer,
        footer: { text: DISCLAIMER },
      }),
    ],
  });
}

/**
 * The private reply to a name no brief covers: up to five close names the briefs do cover, or,
 * when none is close, what the briefs are about.
 */
export function renderUnknownCompany(name: string, close: readonly string[], topics: readonly string[]): ReplyPayload {
  const shown = truncate(name, 100);
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
          'You can also mention me with a question, or send me a direct message.',
          'The buttons under an answer ask its follow-up questions; 👍 / 👎 tell the fact-check desk whether it helped,',
          'and **Request a fact-check** asks the desk to check what the briefs do not cover yet.',
        ].join('\n'),
        color: COLOURS.info,
        footer: { text: DISCLAIMER },
      }),
    ],
  });
}

/** "Checked on 1 February 2026", flagged when older than the configured age. */
export function checkedLine(
  checked: string | null,
  ctx: Pick<RenderContext, 'now' | 'staleAfterDays'>,
): string {
  if (checked === null) return 'Check date unknown';
  const date = new Date(`${checked}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return `Checked on ${checked}`;
  const text = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const ageDays = (ctx.now.getTime() - date.getTime()) / 86_400_000;
  return ageDays > ctx.staleAfterDays ? `Checked on ${text} ⚠️ may be out of date` : `Checked on ${text}`;
}

function sourceFields(sources: readonly Source[], ctx: RenderContext): APIEmbedField[] {
  const shown = sources.slice(0, MAX_SOURCE_FIELDS);
  const fields = shown.map((source, i) => ({
    name: `${i + 1}. ${source.title}`,
    value: `${source.section}\n${checkedLine(source.checked, ctx)}`,
  }));
  if (sources.length > shown.length) {
    fields.push({ name: 'More sources', value: `…and ${sources.length - shown.length} more.` });
  }
  return fields;
}

function followUpRow(
  texts: readonly string[],
  ctx: RenderContext,
): APIActionRowComponent<APIButtonComponent> | null {
  const buttons: APIButtonComponent[] = unique(texts)
    .slice(0, MAX_FOLLOW_UPS)
    .map((text) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(text, LIMITS.buttonLabel),
      custom_id: followUpCustomId(ctx.remember(text)),
    }));
  return buttons.length === 0 ? null : { type: ComponentType.ActionRow, components: buttons };
}

function briefPicker(
  question: string,
  alternatives: readonly Source[],
  ctx: RenderContext,
): APIActionRowComponent<APIStringSelectComponent> | null {
  const seen = new Set<string>();
  const options = alternatives
    // The value must identify the brief after a restart too, so only ids that fit are offered.
    .filter((alt) => alt.doc.length <= LIMITS.selectOptionValue && !seen.has(alt.doc) && seen.add(alt.doc))
    .slice(0, LIMITS.selectOptions)
    .map((alt) => ({
      label: truncate(alt.title, LIMITS.selectOptionLabel),
      value: alt.doc,
      description: truncate(checkedLine(alt.checked, ctx), LIMITS.selectOptionDescription),
    }));
  if (options.length < 2) return null;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: pickCustomId(ctx.remember(question)),
        placeholder: 'Which brief did you mean?',
        options,
        min_values: 1,
        max_values: 1,
      },
    ],
  };
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
  title: string;
  description?: string;
  color: number;
  fields?: APIEmbedField[];
  footer?: { text: string };
}): APIEmbed {
  const title = truncate(parts.title, LIMITS.embedTitle);
  const footer = parts.footer === undefined ? undefined : truncate(parts.footer.text, LIMITS.footer);
  const fields = (parts.fields ?? [])
    .slice(0, LIMITS.embedFields)
    .map((f) => ({
      name: truncate(f.name, LIMITS.fieldName) || '\u200b',
      value: truncate(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  const fixed = title.length + (footer?.length ?? 0);
  const fieldsLength = (): number => fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  while (fields.length > 0 && fixed + fieldsLength() > LIMITS.embedTotal - 500) fields.pop();
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - fixed - fieldsLength());
  const description = truncate(parts.description ?? '', room);

  const out: APIEmbed = { color: parts.color };
  if (title !== '') out.title = title;
  if (description !== '') out.description = description;
  if (fields.length > 0) out.fields = fields;
  if (footer !== undefined && footer !== '') out.footer = { text: footer };
  return out;
}

function joinWithin(items: readonly string[], separator: string, max: number): string {
  let out = '';
  for (const item of items) {
    const next = out === '' ? item : `${out}${separator}${item}`;
    if (next.length > max) return out === '' ? truncate(item, max) : out;
    out = next;
  }
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
