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
import { followUpCustomId, pickCustomId } from './customIds.ts';
import { LIMITS, truncate } from './limits.ts';

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
      question === '' ? null : `> ${quote(truncate(question, 300))}`,
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

  const buttons = followUpRow(answer.followUps, ctx);
  if (buttons !== null) rows.push(buttons);
  return payload({
    embeds: [
      embed({
        title: question === '' ? 'Answer' : question,
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
          title: `No brief covers “${summary.name}”`,
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

/** The loaded briefs with titles, check dates (flagged when old) and section counts. */
export function renderSources(
  briefs: readonly BriefInfo[],
  skipped: readonly SkippedFile[],
  ctx: Pick<RenderContext, 'now' | 'staleAfterDays'>,
): ReplyPayload {
  const shown = briefs.length > LIMITS.embedFields ? briefs.slice(0, LIMITS.embedFields - 1) : briefs;
  const fields: APIEmbedField[] = shown.map((brief) => ({
    name: brief.title,
    value: `${checkedLine(brief.checked, ctx)} · ${plural(brief.sections, 'section')}`,
  }));
  if (shown.length < briefs.length) {
    fields.push({ name: 'More briefs', value: `…and ${briefs.length - shown.length} more.` });
  }
  const notes = [
    briefs.length === 0 ? 'No briefs are loaded.' : null,
    skipped.length > 0
      ? `${plural(skipped.length, 'file')} could not be loaded; a moderator can see why with /refresh.`
      : null,
  ].filter((note): note is string => note !== null);
  return payload({
    embeds: [
      embed({
        title: `Fact-check briefs (${briefs.length})`,
        description: notes.join('\n'),
        color: COLOURS.info,
        fields,
        footer: { text: DISCLAIMER },
      }),
    ],
  });
}

/** What a refresh changed, or why it failed and that the previous briefs keep serving. */
export function renderRefresh(outcome: RefreshOutcome): ReplyPayload {
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
  const list = (items: readonly string[]): string => listWithin(items, LIMITS.fieldValue) || 'none';
  return payload({
    embeds: [
      embed({
        title: 'Briefs refreshed',
        description: `${plural(report.briefs, 'brief')} · ${plural(report.passages, 'passage')} · took ${report.ms} ms`,
        color: COLOURS.info,
        fields: [
          { name: `Added (${report.added.length})`, value: list(report.added) },
          { name: `Changed (${report.changed.length})`, value: list(report.changed) },
          { name: `Removed (${report.removed.length})`, value: list(report.removed) },
          {
            name: `Skipped files (${report.skipped.length})`,
            value: list(report.skipped.map((s) => `${s.file}: ${s.reason}`)),
          },
        ],
      }),
    ],
  });
}

/** The /help text. */
export function renderHelp(): ReplyPayload {
  return payload({
    embeds: [
      embed({
        title: 'Fact-check bot',
        description: [
          'I answer questions from a small set of fact-check briefs, quoting them with their sources.',
          '',
          '**/ask** `question` — ask anything the briefs might cover.',
          '**/company** `name` — what the briefs say about an organisation.',
          '**/sources** — the briefs I answer from, and when each was checked.',
          '**/refresh** — reload the briefs (moderators).',
          '**/queue**, **/stats** — open fact-check requests; what is asked, declined and voted (moderators).',
          '',
          'You can also @mention me with a question, or send me a direct message.',
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

/** Items one per line, ending with "…and N more" when they do not all fit in `max`. */
function listWithin(items: readonly string[], max: number): string {
  const lines = items.map((item) => truncate(`• ${item}`, 300));
  if (lines.join('\n').length <= max) return lines.join('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const grown = length + (kept.length > 0 ? 1 : 0) + line.length;
    const more = `\n…and ${lines.length - kept.length - 1} more`;
    if (grown + more.length > max) break;
    kept.push(line);
    length = grown;
  }
  return [...kept, `…and ${lines.length - kept.length} more`].join('\n');
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts.map((t) => t.trim()).filter((t) => t !== ''))];
}

function quote(text: string): string {
  return text.replace(/\n/g, '\n> ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
