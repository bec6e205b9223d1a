/**
 * The running bot: logs in, routes interactions and messages to their handlers within a cap on work
 * in flight, sends the desk's pending corrections, reports gateway trouble, tells its caller when
 * Discord refuses it for good, and stops gracefully (no new work, in-flight replies finished,
 * gateway closed).
 */
import { Events, type Client, type Interaction, type Message } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Knowledge } from '../core/types.ts';
import type { Desk } from '../desk/desk.ts';
import type { Logger } from '../logger.ts';
import { createClient, DM_CHANNEL_SWEEP_MS, sweepDirectMessageChannels } from './client.ts';
import { CommandMentions } from './commandMentions.ts';
import type { BotContext, CommandContext } from './command.ts';
import { Cooldown } from './cooldown.ts';
import { CorrectionsRunner, type CorrectionsOptions } from './corrections.ts';
import { FatalDiscordError, gatewayCloseReason, type FatalReason } from './fatal.ts';
import { answerMessage, questionIn, replyTo } from './messages.ts';
import { renderNotice } from './render.ts';
import { sendReply } from './respond.ts';
import { createInteractionRouter } from './router.ts';
import { WorkInFlight } from './workInFlight.ts';

export interface StartBotOptions {
  readonly config: Config;
  readonly knowledge: Knowledge;
  readonly logger: Logger;
  /**
   * Told once, after the bot is ready, that it cannot go on: Discord refused the token or closed the
   * gateway for good. The caller stops the bot and ends the process. (Before ready, `startBot` rejects
   * with a {@link FatalDiscordError} instead.)
   */
  readonly onFatal?: (reason: FatalReason) => void;
  /** The desk's records, opened by the caller (which also closes them). */
  readonly desk: Desk;
  readonly corrections?: CorrectionsOptions;
}

export interface RunningBot {
  readonly client: Client<true>;
  /**
   * Stops taking work, waits for replies in flight (at most `graceMs`, default 3 s), then closes
   * the gateway. Safe to call more than once.
   */
  stop(graceMs?: number): Promise<void>;
}

/** The reply to work beyond the cap on work in flight. */
export const BUSY_NOTICE = "I'm answering a lot of questions right now — please ask again in a few seconds.";

/** Work dropped beyond the cap is logged at most this often. */
const DROP_LOG_INTERVAL_MS = 10_000;

/**
 * Logs in with `config.discordToken` and resolves once every shard is ready.
 * @throws FatalDiscordError when Discord refuses the token or the gateway settings.
 */
export async function startBot({ config, knowledge, logger, onFatal, desk, corrections }: StartBotOptions): Promise<RunningBot> {
  const token = config.discordToken;
  if (token === null) throw new Error('DISCORD_TOKEN is not set; the bot cannot log in.');

  const client = createClient(config);
  const now = (): Date => new Date();
  const sending = new CorrectionsRunner(client, { knowledge, desk, config, logger, now }, corrections);
  const shared: BotContext = {
    knowledge,
    logger,
    config,
    cooldown: new Cooldown({ limit: config.cooldown.questions, windowMs: config.cooldown.seconds * 1000 }),
    commands: new CommandMentions(),
    now,
    desk,
    corrections: sending,
  };
  const route = createInteractionRouter(commands);
  const inFlight = new WorkInFlight(config.maxInFlight);
  let accepting = true;
  let dropped = 0;
  let lastDropLog = 0;

  /**
   * Runs `work`, or only `busy` (a short "ask again" reply) when the cap is reached, or nothing when
   * even the notices are at their cap. Failures that escaped the handlers are logged, never thrown.
   */
  const take = (event: string, id: string, work: (ctx: CommandContext) => Promise<void>, busy: () => Promise<void>): void => {
    if (!accepting) return;
    const admission = inFlight.admit();
    if (admission === 'drop') {
      dropped += 1;
      if (Date.now() - lastDropLog >= DROP_LOG_INTERVAL_MS) {
        logger.warn('too busy: work dropped', { dropped, inFlight: inFlight.size, maxInFlight: config.maxInFlight });
        lastDropLog = Date.now();
        dropped = 0;
      }
      return;
    }
    const ctx: CommandContext = { ...shared, logger: logger.child({ event: id }), receivedAt: Date.now(), eventId: id };
    if (admission === 'busy') ctx.logger.info('too busy: asked to wait', { kind: event, inFlight: inFlight.size });
    const job = (admission === 'run' ? work(ctx) : busy()).catch((error: unknown) =>
      logger.error(`${event} handler failed`, { event: id, err: error }),
    );
    inFlight.track(job, admission);
  };

  client.on(Events.InteractionCreate, (interaction) => {
    take('interaction', interaction.id, (ctx) => route(interaction, ctx), () => replyBusy(interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    // Cheap early exit: the bot's own replies and other bots arrive here too.
    if (message.author.bot) return;
    const addressed = questionIn(message, config);
    if (addressed === null) return;
    take('message', message.id, (ctx) => answerMessage(message, addressed, ctx), () => replyBusyTo(message));
  });
  client.on(Events.Error, (error) => logger.error('client error', { err: error }));
  client.on(Events.Warn, (message) => logger.warn('client warning', { detail: message }));
  client.on(Events.Debug, (message) => {
    if (logger.enabled('debug')) logger.debug('discord.js', { detail: message });
  });
  client.on(Events.ShardReconnecting, (shard) => logger.info('shard reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info('shard resumed', { shard, replayed }));
  client.on(Events.ShardError, (error, shard) => logger.error('shard error', { shard, err: error }));
  client.rest.on('rateLimited', (info) =>
    logger.warn('rate limited', { route: info.route, retryAfterMs: info.retryAfter, global: info.global }),
  );

  // Failures nothing can retry: told to the caller once, or, before ready, thrown by startBot.
  let fatal: FatalReason | null = null;
  let started = false;
  let failedBeforeReady: (reason: FatalReason) => void = () => {};
  const failure = new Promise<FatalReason>((resolve) => {
    failedBeforeReady = resolve;
  });
  const fail = (reason: FatalReason): void => {
    if (fatal !== null) return;
    fatal = reason;
    logger.error('Discord refused the bot for good', { reason });
    if (started) onFatal?.(reason);
    else failedBeforeReady(reason);
  };
  // discord.js emits this only for close codes it does not reconnect after.
  client.on(Events.ShardDisconnect, (event, shard) => {
    logger.warn('shard disconnected', { shard, code: event.code });
    const reason = gatewayCloseReason(event.code);
    if (reason !== null) fail(reason);
  });
  // After a 401 discord.js drops the token, and every later request that needs it fails.
  client.rest.on('response', (request, response) => {
    if (response.status !== 401 || !request.data.auth) return;
    const method = request.method.toUpperCase();
    logger.error('Discord answered 401 Unauthorized', { method, path: request.path, route: request.route, retries: request.retries });
    fail({ kind: 'token', detail: `HTTP 401 on ${method} ${request.route}` });
  });

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let readyClient: Client<true> | FatalReason;
  try {
    await client.login(token);
    readyClient = await Promise.race([ready, failure]);
  } catch (error) {
    await client.destroy();
    throw fatal === null ? error : new FatalDiscordError(fatal);
  }
  if (!('user' in readyClient)) {
    await client.destroy();
    throw new FatalDiscordError(readyClient);
  }
  started = true;
  try {
    await shared.commands.fetch(readyClient.application, config.discordGuildId);
  } catch (error) {
    // Help texts then say "/ask" in plain text until a command is used; nothing else depends on it.
    logger.warn('could not read the registered commands', { err: error });
  }
  logger.info('ready', {
    user: readyClient.user.tag,
    applicationId: readyClient.application.id,
    guilds: readyClient.guilds.cache.size,
    shards: readyClient.ws.shards.size,
    maxInFlight: config.maxInFlight,
    desk: desk.health().state,
  });
  const sweep = setInterval(() => sweepDirectMessageChannels(client), DM_CHANNEL_SWEEP_MS).unref();
  // Corrections a previous run left unsent carry on now.
  sending.kick();

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 3_000): Promise<void> => {
    stopping ??= (async () => {
      accepting = false;
      clearInterval(sweep);
      logger.info('stopping', { inFlight: inFlight.size });
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.all([Promise.race([inFlight.settled(), grace]), sending.stop(graceMs)]);
      clearTimeout(timer);
      if (inFlight.size > 0) logger.warn('stopped with replies unfinished', { inFlight: inFlight.size });
      await client.destroy();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { client: readyClient, stop };
}

/** The short reply to an interaction beyond the cap: private where it can be, empty choices for autocomplete. */
async function replyBusy(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await sendReply(interaction, { payload: renderNotice(BUSY_NOTICE), ephemeral: true });
}

async function replyBusyTo(message: Message): Promise<void> {
  await replyTo(message, renderNotice(BUSY_NOTICE));
}
