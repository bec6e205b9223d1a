/**
 * The desk's parts of the bot's messages, kept apart from the answer's own rendering: the row of
 * 👍 / 👎 or "Request a fact-check" under an answer, the request form, the moderators' queue items
 * and lists, /stats, the notice a correction adds to an earlier answer, and the desk's reply to an
 * asker. Pure: plain data in, Discord API data out, within Discord's limits, mentions off.
 */
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { Answer } from '../core/types.ts';
import type { DeskReport } from '../desk/desk.ts';
import type { CorrectionPlan } from '../desk/outbox.ts';
import { reportSections } from '../desk/report.ts';
import type { RequestGroup, RequestOrigin, StoredRequest } from '../desk/requests.ts';
import type { VoteOutcome, VoteValue } from '../desk/answerLog.ts';
import { askAgainCustomId, queueCustomId, requestCustomId, requestFormCustomId, voteCustomId } from './deskIds.ts';
import { LIMITS, truncate } from './limits.ts';
import { COLOURS, renderAnswer, type RenderContext, type ReplyPayload } from './render.ts';
import { quoteUserText } from './userText.ts';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** The text input of the request form. */
export const REQUEST_NOTE_FIELD = 'note';
/** Longest note accepted in the request form. */
export const MAX_NOTE_LENGTH = 500;

/** The first line of every correction notice, so a later one replaces it rather than stacking. */
const NOTICE_MARK = '⚠ The brief this answer quotes';

/** 👍 / 👎 under an answer; "Request a fact-check" under a decline. */
export function feedbackRow(answer: Answer, key: string): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = answer.answered
    ? [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👍' }, custom_id: voteCustomId(key, 1) },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👎' }, custom_id: voteCustomId(key, -1) },
      ]
    : [requestButton(key)];
  return { type: ComponentType.ActionRow, components: buttons };
}

/** `payload` with the desk's row added, when a row is free (Discord allows five). */
export function withDeskControls(payload: ReplyPayload, answer: Answer, key: string): ReplyPayload {
  if (payload.components.length >= LIMITS.actionRows) return payload;
  return { ...payload, components: [...payload.components, feedbackRow(answer, key)] };
}

/** The private reply to a vote; after 👎 it offers a fact-check request. */
export function renderVoteThanks(outcome: Exclude<VoteOutcome, 'unknown-answer'>, value: VoteValue, key: string): ReplyPayload {
  const text =
    outcome === 'changed'
      ? `Thanks — noted. Your vote is now ${value === 1 ? '👍' : '👎'}.`
      : outcome === 'unchanged'
        ? `Thanks — noted (you had already voted ${value === 1 ? '👍' : '👎'}).`
        : 'Thanks — noted.';
  if (value === 1) return plain(text);
  return {
    ...plain(`${text} Was something missing? The desk can check it.`),
    components: [{ type: ComponentType.ActionRow, components: [requestButton(key)] }],
  };
}

/** The request form: an optional "What was missing?" (after a 👎) or "Anything to add?" (after a decline). */
export function requestForm(key: string, origin: RequestOrigin): APIModalInteractionResponseCallbackData {
  return {
    custom_id: requestFormCustomId(key),
    title: 'Request a fact-check',
    components: [
      {
        type: ComponentType.Label,
        label: origin === 'downvote' ? 'What was missing?' : 'Anything the desk should know?',
        description: 'Optional. The desk sees your question and this note.',
        component: {
          type: ComponentType.TextInput,
          custom_id: REQUEST_NOTE_FIELD,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: MAX_NOTE_LENGTH,
        },
      },
    ],
  };
}

/** The private reply once a request is recorded. */
export function renderRequestThanks(status: 'recorded' | 'updated'): ReplyPayload {
  return plain(
    status === 'updated'
      ? 'Your request was already with the desk; I have updated your note.'
      : 'Thanks — your request is with the fact-check desk. If they publish an answer, I will reply to your question here (or by direct message).',
  );
}

/** A group of open requests as the moderators' queue item. */
export function renderQueueItem(group: RequestGroup): ReplyPayload {
  return {
    ...message([
      {
        title: group.askers === 1 ? 'Fact-check request' : `Fact-check request · ${group.askers} people asked much the same`,
        description: `> ${quoteUserText(group.question, 500)}`,
        color: COLOURS.abstain,
        fields: queueFields(group),
        footer: { text: `Group ${group.groupId} · /queue lists every open request` },
      },
    ]),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Success, label: 'Mark covered', custom_id: queueCustomId(group.groupId, 'covered') },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Dismiss', custom_id: queueCustomId(group.groupId, 'dismissed') },
        ],
      },
    ],
  };
}

/** The queue item once a moderator resolved it: who and when, and no more buttons. */
export function renderResolvedQueueItem(group: RequestGroup, status: 'covered' | 'dismissed', moderatorId: string, at: Date): ReplyPayload {
  const verb = status === 'covered' ? 'Marked covered' : 'Dismissed';
  return {
    ...message([
      {
        title: `Fact-check request — ${status === 'covered' ? 'covered' : 'dismissed'}`,
        description: `> ${quoteUserText(group.question, 500)}`,
        color: status === 'covered' ? COLOURS.answer : COLOURS.info,
        fields: [
          ...queueFields(group),
          {
            name: verb,
            value:
              status === 'covered'
                ? `by <@${moderatorId}> <t:${Math.floor(at.getTime() / 1000)}:R>. The askers are told once a refresh brings the answer.`
                : `by <@${moderatorId}> <t:${Math.floor(at.getTime() / 1000)}:R>.`,
          },
        ],
        footer: { text: `Group ${group.groupId}` },
      },
    ]),
    components: [],
  };
}

/** /queue: the open requests, grouped, most asked first. */
export function renderQueue(groups: readonly RequestGroup[]): ReplyPayload {
  if (groups.length === 0) return plain('No open fact-check requests.');
  const lines = groups.map((group, i) => {
    const who = group.askers === 1 ? '1 person' : `${group.askers} people`;
    const note = group.notes[0] === undefined ? '' : ` — “${quoteUserText(group.notes[0], 120)}”`;
    return `${i + 1}. **${who}** · ${quoteUserText(group.question, 200)}${note} · <t:${Math.floor(group.latestAt / 1000)}:R>`;
  });
  const requests = groups.reduce((n, group) => n + group.requests, 0);
  return message([
    {
      title: `Open fact-check requests (${groups.length})`,
      description: joinWithin(lines, LIMITS.embedDescription),
      color: COLOURS.info,
      footer: { text: `${groups.length} groups · ${requests} requests · Mark covered or Dismiss on the queue items` },
    },
  ]);
}

/** /stats: the desk's report as one embed. */
export function renderDeskStats(report: DeskReport, titleOf: (doc: string) => string): ReplyPayload {
  const sections = reportSections(report, { titleOf, quote: (text) => `“${quoteUserText(text, 150)}”` });
  return message([
    {
      title: 'Fact-check desk',
      color: report.health.state === 'on' ? COLOURS.info : COLOURS.failure,
      fields: sections.map((section) => ({
        name: truncate(section.heading, LIMITS.fieldName),
        value: joinWithin(section.lines, LIMITS.fieldValue),
      })),
    },
  ]);
}

/** What a refresh's corrections will do, added to the moderator's refresh report. */
export function withCorrectionsNote(payload: ReplyPayload, plan: CorrectionPlan): ReplyPayload {
  if (plan.edits === 0 && plan.replies === 0) return payload;
  const parts = [
    plan.edits > 0 ? `${plan.edits} earlier ${plan.edits === 1 ? 'answer quotes' : 'answers quote'} a changed or removed brief and will be marked` : null,
    plan.replies > 0 ? `${plan.replies} ${plan.replies === 1 ? 'asker' : 'askers'} of open requests will get the new answer` : null,
  ].filter((part): part is string => part !== null);
  if (payload.embeds.length >= 10) return payload;
  return { ...payload, embeds: [...payload.embeds, { title: 'Corrections', description: `${parts.join('; ')}. They are sent a little at a time.`, color: COLOURS.info }] };
}

/** "⚠ The brief this answer quotes was updated on 2 Dec 2026." */
export function correctionNotice(refreshedAt: number, removed: boolean): string {
  const date = new Date(refreshedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return removed
    ? `${NOTICE_MARK} was withdrawn on ${date}. Ask again for what the briefs say now.`
    : `${NOTICE_MARK} was updated on ${date}. Ask again for the current answer.`;
}

/**
 * The edit that adds `notice` and an "Ask again" button to an earlier answer, as its message now
 * stands; null when the message already carries this notice (the edit was made before a restart).
 */
export function correctedAnswer(
  current: { readonly content?: string; readonly components?: readonly unknown[] },
  notice: string,
  key: string,
): { content: string; components: Row[]; allowed_mentions: { parse: [] } } | null {
  const content = current.content ?? '';
  const [firstLine = '', ...rest] = content.split('\n');
  if (firstLine === notice) return null;
  const body = firstLine.startsWith(NOTICE_MARK) ? rest.join('\n') : content;
  const again: APIButtonComponent = { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Ask again', custom_id: askAgainCustomId(key) };
  const rows = ((current.components ?? []) as Row[]).map((row) => ({
    ...row,
    components: row.components.filter((component) => !('custom_id' in component && component.custom_id === again.custom_id)),
  }));
  const desk = rows.find((row) => row.components.some((component) => 'custom_id' in component && /^(vote|req):/.test(component.custom_id)));
  if (desk !== undefined && desk.components.length < LIMITS.buttonsPerRow) desk.components.push(again);
  else if (rows.length < LIMITS.actionRows) rows.push({ type: ComponentType.ActionRow, components: [again] });
  else rows[rows.length - 1] = { type: ComponentType.ActionRow, components: [again] };
  return {
    content: truncate(body === '' ? notice : `${notice}\n${body}`, LIMITS.content),
    components: rows.filter((row) => row.components.length > 0),
    allowed_mentions: { parse: [] },
  };
}

/** The desk's reply to an asker whose request the briefs now answer. */
export function renderRequestAnswered(request: StoredRequest, answer: Answer, ctx: RenderContext): ReplyPayload {
  const rendered = renderAnswer(answer, ctx);
  return {
    ...rendered,
    content: truncate(`The desk has published an answer to your question: “${quoteUserText(request.question, 300)}”`, LIMITS.content),
  };
}

function queueFields(group: RequestGroup): { name: string; value: string }[] {
  const fields = [
    { name: 'Asked', value: `${group.askers === 1 ? '1 person' : `${group.askers} people`} (${group.requests === 1 ? '1 request' : `${group.requests} requests`}), first <t:${Math.floor(group.firstAt / 1000)}:R>` },
    {
      name: 'How it came',
      value: group.origins.map((origin) => (origin === 'decline' ? 'the briefs did not cover it' : 'an answer was marked 👎')).join('; '),
    },
  ];
  if (group.notes.length > 0) {
    fields.push({
      name: 'What was missing?',
      value: joinWithin(group.notes.map((note) => `• ${quoteUserText(note, 300)}`), LIMITS.fieldValue),
    });
  }
  return fields;
}

function requestButton(key: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Request a fact-check', custom_id: requestCustomId(key) };
}

function plain(content: string): ReplyPayload {
  return { content: truncate(content, LIMITS.content), embeds: [], components: [], allowedMentions: { parse: [] } };
}

function message(embeds: APIEmbed[]): ReplyPayload {
  return { content: '', embeds, components: [], allowedMentions: { parse: [] } };
}

function joinWithin(lines: readonly string[], max: number): string {
  let out = '';
  for (const [i, line] of lines.entries()) {
    const more = `\n…and ${lines.length - i} more`;
    const next = out === '' ? line : `${out}\n${line}`;
    if (next.length > max - (i < lines.length - 1 ? more.length : 0)) return out === '' ? truncate(line, max) : `${out}${more}`;
    out = next;
  }
  return out || '\u200b';
}
