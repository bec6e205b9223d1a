/**
 * Sending the corrections a refresh planned (src/desk/outbox.ts): edits of earlier answers that
 * quoted a changed or removed brief, and the desk's answer to askers of open requests. One at a
 * time with a pause between, so the corrections never crowd out answers or run into Discord's
 * rate limits (discord.js waits out any limit it is told of). Each is claimed before it is sent
 * and settled after; a restart carries on with what is left, and a correction interrupted mid-send
 * cannot arrive twice: an edit first reads the message and skips a notice already there, and a
 * reply carries a nonce Discord enforces.
 */
import { Routes, type APIChannel, type APIMessage, type Client } from 'discord.js';
import type { RefreshReport } from '../core/types.ts';
import type { AnswerEdit, Correction, CorrectionPlan, CorrectionResult, RequestReply } from '../desk/outbox.ts';
import type { BotContext } from './command.ts';
import { correctedAnswer, correctionNotice, renderRequestAnswered } from './deskRender.ts';
import { CANNOT_MESSAGE_USER, codeOf, isPassingFailure, UNREACHABLE_CODES } from './apiErrors.ts';
import { restBody } from './respond.ts';

/** Pacing and retries (defaults suit production; tests shorten them). */
export interface CorrectionsOptions {
  /** Pause between two corrections (default 1 s: at most one a second, within every per-channel limit). */
  readonly paceMs?: number;
  /** First pause before retrying a correction that failed for a passing reason (default 30 s, doubling). */
  readonly retryMs?: number;
  /** Attempts before a correction is given up as failed (default 5). */
  readonly maxAttempts?: number;
}

/** What the runner works with. */
export type CorrectionsContext = Pick<BotContext, 'knowledge' | 'desk' | 'config' | 'logger' | 'now'>;

/** Runs the outbox in the background of the running bot. */
export class CorrectionsRunner {
  #running: Promise<void> | null = null;
  /** Kicked while a run was ending: run again, for what was planned meanwhile. */
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #paceMs: number;
  readonly #retryMs: number;
  readonly #maxAttempts: number;

  constructor(
    private readonly client: Client,
    private readonly ctx: CorrectionsContext,
    options: CorrectionsOptions = {},
  ) {
    this.#paceMs = options.paceMs ?? 1_000;
    this.#retryMs = options.retryMs ?? 30_000;
    this.#maxAttempts = options.maxAttempts ?? 5;
  }

  /** Starts sending what is due, or has the run in progress look again when it is done. */
  kick(): void {
    if (this.#stopped || this.ctx.desk.records === null) return;
    if (this.#running !== null) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = this.#run().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  /** Sends no more; waits for the correction in flight, at most `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (this.#running === null) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.#running, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  async #run(): Promise<void> {
    const records = this.ctx.desk.records;
    if (records === null) return;
    const { outbox } = records;
    const log = this.ctx.logger;
    while (!this.#stopped) {
      let item: Correction | undefined;
      try {
        item = outbox.next(this.ctx.now());
        if (item !== undefined) outbox.claim(item.id);
      } catch (error) {
        log.warn('corrections paused: the desk’s records are busy', { err: error });
        this.#wakeAt(Date.now() + this.#retryMs);
        return;
      }
      if (item === undefined) {
        const due = outbox.nextDueAt();
        if (due !== undefined) this.#wakeAt(due);
        return;
      }
      const result = await this.#send(item);
      try {
        outbox.settle(item.id, result, this.ctx.now());
      } catch (error) {
        // Left "sending": sent again on the next run, which cannot duplicate it.
        log.warn('correction sent but not yet settled', { correction: item.id, err: error });
      }
      log.info('correction', { correction: item.id, kind: item.kind, state: result.state, ...(result.state === 'sent' ? { by: result.by } : { error: result.error }) });
      if (!this.#stopped) await new Promise((resolve) => setTimeout(resolve, this.#paceMs));
    }
  }

  #wakeAt(at: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.kick(), Math.max(0, at - Date.now()));
    this.#timer.unref();
  }

  async #send(item: Correction): Promise<CorrectionResult> {
    try {
      return item.kind === 'edit' ? await this.#edit(item) : await this.#reply(item);
    } catch (error) {
      const attempt = item.attempts + 1;
      if (!isPassingFailure(error) || attempt >= this.#maxAttempts) return { state: 'failed', error: describe(error) };
      return { state: 'retry', error: describe(error), retryAt: new Date(Date.now() + this.#retryMs * 2 ** (attempt - 1)) };
    }
  }

  async #edit(item: AnswerEdit): Promise<CorrectionResult> {
    const { channelId, messageId, key } = item.answer;
    let current: APIMessage;
    try {
      current = (await this.client.rest.get(Routes.channelMessage(channelId, messageId))) as APIMessage;
    } catch (error) {
      if (UNREACHABLE_CODES.has(codeOf(error))) return { state: 'gone', error: describe(error) };
      throw error;
    }
    const body = correctedAnswer(current, correctionNotice(item.refreshedAt, item.briefRemoved), key);
    if (body !== null) await this.client.rest.patch(Routes.channelMessage(channelId, messageId), { body });
    return { state: 'sent', by: 'edit' };
  }

  async #reply(item: RequestReply): Promise<CorrectionResult> {
    const { request } = item;
    const answer = this.ctx.knowledge.answer(request.question);
    if (!answer.answered) return { state: 'gone', error: 'the briefs no longer answer the question' };
    const payload = renderRequestAnswered(request, answer, {
      now: this.ctx.now(),
      staleAfterDays: this.ctx.config.staleAfterDays,
      corpus: this.ctx.knowledge.fingerprint(),
    });
    // Discord returns the message already sent with this nonce instead of sending it again.
    const body = { ...restBody(payload), nonce: `fc${item.id}`, enforce_nonce: true };
    if (request.channelId !== null) {
      try {
        const reference = request.messageId === null ? {} : { message_reference: { message_id: request.messageId, fail_if_not_exists: false } };
        await this.client.rest.post(Routes.channelMessages(request.channelId), { body: { ...body, ...reference } });
        return { state: 'sent', by: 'channel' };
      } catch (error) {
        if (!UNREACHABLE_CODES.has(codeOf(error))) throw error;
      }
    }
    try {
      const dm = (await this.client.rest.post(Routes.userChannels(), { body: { recipient_id: request.userId } })) as APIChannel;
      await this.client.rest.post(Routes.channelMessages(dm.id), { body });
      return { state: 'sent', by: 'dm' };
    } catch (error) {
      if (codeOf(error) === CANNOT_MESSAGE_USER || UNREACHABLE_CODES.has(codeOf(error))) return { state: 'failed', error: describe(error) };
      throw error;
    }
  }
}

/** Attempts at writing a refresh's plan while the database is locked elsewhere, a second apart. */
const PLAN_ATTEMPTS = 5;

/**
 * Plans the corrections of a refresh and wakes the runner; null when the desk is off or the plan
 * could not be written (logged: the refresh itself stands). A lock held elsewhere is waited out a
 * few times, so a busy moment does not lose the refresh's corrections.
 */
export async function planCorrections(ctx: BotContext, report: RefreshReport, refreshedAt: Date): Promise<CorrectionPlan | null> {
  const records = ctx.desk.records;
  if (records === null) return null;
  for (let attempt = 1; ; attempt++) {
    try {
      const plan = await records.outbox.plan(report, refreshedAt, ctx.desk.keptSince(), (question) => ctx.knowledge.answer(question));
      ctx.logger.info('corrections planned', { ...plan });
      ctx.corrections.kick();
      return plan;
    } catch (error) {
      const busy = /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown } | null)?.code ?? ''));
      if (!busy || attempt >= PLAN_ATTEMPTS) {
        ctx.logger.error('corrections could not be planned', { err: error, attempts: attempt });
        return null;
      }
      ctx.logger.warn('corrections wait for the database, locked elsewhere', { attempt });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
