/**
 * The one path every question takes, whichever way it arrived (slash command, mention, DM, answer
 * channel, reply to an answer, message in the bot's thread, follow-up button, brief picker, Ask
 * again): check it, apply the asker's cooldown, read it in the conversation's context, answer,
 * render, send, record it for the desk once sent, and log one line without the question's text.
 */
import { displayText } from '../core/answerer.ts';
import { answerStep, moreAnswer, nextStep, type Turn } from '../core/conversation.ts';
import { NOTHING_MORE } from '../core/replyText.ts';
import type { Answer } from '../core/types.ts';
import type { CommandContext } from './command.ts';
import { withDeskControls } from './deskRender.ts';
import { renderAnswer, renderNotice, type RenderContext } from './render.ts';
import type { Reply, SentMessage } from './respond.ts';

/**
 * Longest question accepted. Real questions are far shorter; beyond this the text is more likely
 * pasted noise, and it could not be shown back in an embed title anyway.
 */
export const MAX_QUESTION_LENGTH = 1_000;

/** How a question reached the bot, for logs. */
export type QuestionSource = 'slash' | 'mention' | 'dm' | 'channel' | 'reply' | 'thread' | 'button' | 'select' | 'again';

/** Who asked, where, and how. */
export interface Asker {
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly via: QuestionSource;
}

/** The question's text after trimming, or a notice saying why it cannot be asked. */
export type QuestionCheck =
  | { readonly ok: true; readonly question: string }
  | { readonly ok: false; readonly notice: string };

/** Rejects empty and over-long questions with a message the asker can act on. */
export function checkQuestion(raw: string): QuestionCheck {
  const question = raw.replace(/\s+/g, ' ').trim();
  if (question === '') {
    return { ok: false, notice: 'Please ask a question — for example `/ask question: Did Amazon end its contracts with ICE?`' };
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      notice: `That question is ${question.length.toLocaleString('en-US')} characters long; please keep it under ${MAX_QUESTION_LENGTH.toLocaleString('en-US')}.`,
    };
  }
  return { ok: true, question };
}

/** Options of `deliverAnswer`. */
export interface DeliverOptions {
  /** Answer from this brief only (the asker picked it among several that matched). */
  readonly doc?: string;
  /** The turn the question may follow on from (the bot's answer it replies to, the last answer of its thread). */
  readonly previous?: Turn | null;
  /** Send the answer so that only the asker sees it (a click on a button outside the bot's threads). */
  readonly ephemeral?: boolean;
  /** With `doc`: keep offering the briefs that answer the question about equally (the picker's own edit). */
  readonly keepPicker?: boolean;
}

/** What was asked and answered, for the sender (a thread is named after the answer's topic). */
export interface Delivered {
  readonly answer: Answer;
  readonly gaveMore: boolean;
}

/**
 * Answers `raw` for `asker` and hands the reply to `send`: read in the context of `previous` when it
 * follows on from it ("and microsoft?", "tell me more"), on its own otherwise. Notices (empty, too
 * long, cooldown) are ephemeral where the channel allows; answers are public unless asked otherwise.
 */
export async function deliverAnswer(
  raw: string,
  asker: Asker,
  ctx: CommandContext,
  send: (reply: Reply, delivered: Delivered | null) => Promise<SentMessage | null | void>,
  options: DeliverOptions = {},
): Promise<void> {
  const log = (outcome: string, fields: Record<string, unknown> = {}): void => {
    ctx.logger.info('question', {
      via: asker.via,
      guild: asker.guildId,
      user: asker.userId,
      outcome,
      latencyMs: Date.now() - ctx.receivedAt,
      ...fields,
    });
  };
  if (ctx.logger.enabled('debug')) ctx.logger.debug('question text', { text: raw });

  const checked = checkQuestion(raw);
  if (!checked.ok) {
    await send({ payload: renderNotice(checked.notice), ephemeral: true }, null);
    log('invalid', { length: raw.length });
    return;
  }
  const turn = ctx.cooldown.take(asker.userId);
  if (!turn.allowed) {
    const seconds = Math.max(1, Math.ceil(turn.retryAfterMs / 1000));
    const notice = `You're asking quickly — you can ask ${ctx.config.cooldown.questions} questions every ${ctx.config.cooldown.seconds} seconds. Try again in ${seconds} s.`;
    await send({ payload: renderNotice(notice), ephemeral: true }, null);
    log('cooldown');
    return;
  }

  const previous = options.previous ?? null;
  const next = nextStep(previous, checked.question, ctx.knowledge.organisations());
  if (next.kind === 'nothing-more') {
    await send({ payload: renderNotice(NOTHING_MORE), ephemeral: options.ephemeral === true }, null);
    log('nothing-more', { inContext: true });
    return;
  }
  const gaveMore = next.kind === 'more';
  const ask = (q: string) => ctx.knowledge.answer(q, options.doc === undefined ? {} : { doc: options.doc });
  const step = next.kind === 'ask' ? answerStep(next, checked.question, ask) : null;
  const question = step?.question ?? checked.question;
  let answer =
    next.kind === 'more' && previous !== null
      ? moreAnswer(previous.answer, (doc) => ctx.knowledge.sources().find((b) => b.doc === doc))
      : (step?.answer ?? ask(question));
  // An answer from a picked brief has no alternatives of its own; the picker offers the question's.
  if (options.doc !== undefined && options.keepPicker === true) answer = { ...answer, alternatives: ctx.knowledge.answer(question).alternatives };
  const picked = options.doc === undefined ? {} : { picked: options.doc };
  const rendered = renderAnswer(answer, renderContext(ctx), { gaveMore, briefLeads: briefLeads(answer, ctx), ...picked });
  const records = ctx.desk.records;
  const payload = records === null ? rendered : withDeskControls(rendered, answer, ctx.eventId);
  records?.answers.sending(ctx.eventId);
  let sent: SentMessage | null | void;
  try {
    sent = await send({ payload, ephemeral: options.ephemeral === true }, { answer, gaveMore });
  } catch (error) {
    records?.answers.notSent(ctx.eventId);
    throw error;
  }
  // Queued and written shortly, with others: the reply has already gone out.
  records?.answers.record(answer, {
    key: ctx.eventId,
    at: new Date(ctx.receivedAt),
    via: asker.via,
    guildId: asker.guildId,
    channelId: sent?.channelId ?? asker.channelId,
    // A private reply cannot be edited later from its channel, so no correction is planned for it.
    messageId: options.ephemeral === true ? null : (sent?.id ?? null),
  });
  log(answer.answered ? 'answered' : 'abstained', {
    answered: answer.answered,
    declineReason: answer.declineReason,
    inContext: next.kind === 'more' || step?.inContext === true,
    confidence: Math.round(answer.confidence * 100) / 100,
    sources: answer.sources.length,
  });
}

/** The render context of the live corpus. */
export function renderContext(ctx: CommandContext): RenderContext {
  return { now: ctx.now(), staleAfterDays: ctx.config.staleAfterDays, corpus: ctx.knowledge.fingerprint() };
}

/**
 * For the brief picker: what each alternative brief would answer (its lead unit), so a reader can
 * tell them apart before picking.
 */
export function briefLeads(answer: Answer, ctx: CommandContext): ReadonlyMap<string, string> {
  const leads = new Map<string, string>();
  for (const alt of answer.alternatives) {
    const lead = alt.doc === answer.topic?.doc && answer.units[0]?.doc === alt.doc ? answer.units[0] : ctx.knowledge.answer(answer.question, { doc: alt.doc }).units[0];
    if (lead !== undefined) leads.set(alt.doc, displayText(lead));
  }
  return leads;
}
