/**
 * Clicks on the desk's controls under answers: 👍 / 👎 (one vote per person and answer, a second
 * click changes it), "Request a fact-check" (opens the form), the form's submission (recorded,
 * then posted to the moderators' queue), and "Ask again" on a corrected answer. What a click needs
 * comes from its custom id and the database, so it works after a restart.
 */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { RequestOrigin } from '../desk/requests.ts';
import { deliverAnswer } from './answering.ts';
import type { CommandContext } from './command.ts';
import type { DeskAction } from './deskIds.ts';
import { REQUEST_NOTE_FIELD, renderRequestThanks, renderVoteThanks, requestForm } from './deskRender.ts';
import { handleQueueButton, publishToQueue } from './modQueue.ts';
import { renderNotice } from './render.ts';
import { sendReply } from './respond.ts';

const DESK_OFF = 'The fact-check desk’s records are unavailable right now, so I could not note that. Your question can still be asked with /ask.';

/** Handles a click on a desk button. */
export async function handleDeskButton(interaction: ButtonInteraction, action: DeskAction, ctx: CommandContext): Promise<void> {
  if (action.kind === 'queue') {
    await handleQueueButton(interaction, action, ctx);
    return;
  }
  const notice = (text: string) => sendReply(interaction, { payload: renderNotice(text), ephemeral: true });
  const records = ctx.desk.records;
  if (records === null) {
    await notice(DESK_OFF);
    return;
  }
  const forgotten = forgottenAnswer(ctx);
  // A click can arrive before the bot has heard back that the answer was sent.
  await records.answers.whenSent(action.key);
  switch (action.kind) {
    case 'vote': {
      const outcome = records.answers.vote(action.key, interaction.user.id, action.value, ctx.now());
      if (outcome === 'unknown-answer') await notice(forgotten);
      else await sendReply(interaction, { payload: renderVoteThanks(outcome, action.value, action.key), ephemeral: true });
      ctx.logger.info('vote', { guild: interaction.guildId, vote: action.value, outcome });
      return;
    }
    case 'request':
    case 'askAgain': {
      const answer = records.answers.find(action.key);
      if (answer === undefined) await notice(forgotten);
      else if (action.kind === 'request') await interaction.showModal(requestForm(action.key, originOf(answer.answered)));
      else {
        const asker = { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, via: 'again' as const };
        await deliverAnswer(answer.question, asker, ctx, (reply) => sendReply(interaction, reply));
      }
      return;
    }
    case 'requestForm':
      // A form id on a button is not one the bot made.
      await notice('That control is not mine or has expired. Try /help.');
  }
}

/** Handles the request form: records the request, thanks the asker, then updates the moderators' queue. */
export async function handleRequestForm(interaction: ModalSubmitInteraction, key: string, ctx: CommandContext): Promise<void> {
  const records = ctx.desk.records;
  const notice = (text: string) => sendReply(interaction, { payload: renderNotice(text), ephemeral: true });
  if (records === null) {
    await notice(DESK_OFF);
    return;
  }
  const answer = records.answers.find(key);
  const note = interaction.fields.fields.has(REQUEST_NOTE_FIELD) ? interaction.fields.getTextInputValue(REQUEST_NOTE_FIELD) : '';
  let outcome;
  try {
    outcome = records.requests.request({
      answerKey: key,
      userId: interaction.user.id,
      origin: originOf(answer?.answered ?? false),
      note,
      at: ctx.now(),
    });
  } catch (error) {
    ctx.logger.warn('request not recorded', { err: error });
    await notice('Sorry — the desk’s records are busy and your request was not recorded. Please try again in a minute.');
    return;
  }
  if (outcome.status === 'unknown-answer') {
    await notice(forgottenAnswer(ctx));
    return;
  }
  await sendReply(interaction, { payload: renderRequestThanks(outcome.status), ephemeral: true });
  ctx.logger.info('fact-check request', { guild: interaction.guildId, status: outcome.status, group: outcome.group.groupId, askers: outcome.group.askers });
  await publishToQueue(interaction.client, outcome.group, ctx);
}

function forgottenAnswer(ctx: CommandContext): string {
  return `I no longer have a record of that answer (answers are kept ${ctx.config.retentionDays} days). Please ask again with /ask.`;
}

function originOf(answered: boolean): RequestOrigin {
  return answered ? 'downvote' : 'decline';
}
