/**
 * The one path every question takes, whichever way it arrived (slash command, mention, DM,
 * answer channel, follow-up button, brief picker): check it, apply the asker's cooldown, answer,
 * render, send, record it for the desk once sent, and log one line without the question's text.
 */
import type { CommandContext } from './command.ts';
import { withDeskControls } from './deskRender.ts';
import { renderAnswer, renderNotice } from './render.ts';
import type { Reply, SentMessage } from './respond.ts';

/**
 * Longest question accepted. Real questions are far shorter; beyond this the text is more likely
 * pasted noise, and it could not be shown back in an embed title anyway.
 */
export const MAX_QUESTION_LENGTH = 1_000;

/** How a question reached the bot, for logs. */
export type QuestionSource = 'slash' | 'mention' | 'dm' | 'channel' | 'button' | 'select' | 'again';

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
}

/**
 * Answers `raw` for `asker` and hands the reply to `send`. Notices (empty, too long, cooldown)
 * are ephemeral where the channel allows; answers are public.
 */
export async function deliverAnswer(
  raw: string,
  asker: Asker,
  ctx: CommandContext,
  send: (reply: Reply) => Promise<SentMessage | null>,
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
    await send({ payload: renderNotice(checked.notice), ephemeral: true });
    log('invalid', { length: raw.length });
    return;
  }
  const turn = ctx.cooldown.take(asker.userId);
  if (!turn.allowed) {
    const seconds = Math.max(1, Math.ceil(turn.retryAfterMs / 1000));
    const notice = `You're asking quickly — you can ask ${ctx.config.cooldown.questions} questions every ${ctx.config.cooldown.seconds} seconds. Try again in ${seconds} s.`;
    await send({ payload: renderNotice(notice), ephemeral: true });
    log('cooldown');
    return;
  }

  const answer = ctx.knowledge.answer(checked.question, options.doc === undefined ? {} : { doc: options.doc });
  const rendered = renderAnswer(answer, {
    now: ctx.now(),
    staleAfterDays: ctx.config.staleAfterDays,
    remember: (text) => ctx.texts.remember(text),
  });
  const records = ctx.desk.records;
  const payload = records === null ? rendered : withDeskControls(rendered, answer, ctx.eventId);
  records?.answers.sending(ctx.eventId);
  let sent: SentMessage | null;
  try {
    sent = await send({ payload, ephemeral: false });
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
    messageId: sent?.id ?? null,
  });
  log(answer.answered ? 'answered' : 'abstained', {
    answered: answer.answered,
    confidence: Math.round(answer.confidence * 100) / 100,
    sources: answer.sources.length,
  });
}
