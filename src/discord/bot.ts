/**
 * The running bot: logs in, routes interactions and messages to their handlers, reports gateway
 * trouble, and stops gracefully (no new work, in-flight replies finished, gateway closed).
 */
import { Events, type Client } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Knowledge } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import { createClient } from './client.ts';
import { CommandMentions } from './commandMentions.ts';
import type { BotContext, CommandContext } from './command.ts';
import { Cooldown } from './cooldown.ts';
import { handleMessage } from './messages.ts';
import { createInteractionRouter } from './router.ts';

export interface StartBotOptions {
  readonly config: Config;
  readonly knowledge: Knowledge;
  readonly logger: Logger;
}

export interface RunningBot {
  readonly client: Client<true>;
  /**
   * Stops taking work, waits for replies in flight (at most `graceMs`, default 3 s), then closes
   * the gateway. Safe to call more than once.
   */
  stop(graceMs?: number): Promise<void>;
}

/** Logs in with `config.discordToken` and resolves once every shard is ready. */
export async function startBot({ config, knowledge, logger }: StartBotOptions): Promise<RunningBot> {
  const token = config.discordToken;
  if (token === null) throw new Error('DISCORD_TOKEN is not set; the bot cannot log in.');

  const client = createClient(config);
  const shared: BotContext = {
    knowledge,
    logger,
    config,
    cooldown: new Cooldown({ limit: config.cooldown.questions, windowMs: config.cooldown.seconds * 1000 }),
    commands: new CommandMentions(),
    now: () => new Date(),
  };
  const route = createInteractionRouter(commands);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  /** Runs `work` unless stopping; failures that escaped the handlers are logged, never thrown. */
  const track = (event: string, id: string, work: (ctx: CommandContext) => Promise<void>): void => {
    if (!accepting) return;
    const ctx: CommandContext = { ...shared, logger: logger.child({ event: id }), receivedAt: Date.now() };
    const running = work(ctx)
      .catch((error: unknown) => logger.error(`${event} handler failed`, { event: id, err: error }))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  client.on(Events.InteractionCreate, (interaction) => {
    track('interaction', interaction.id, (ctx) => route(interaction, ctx));
  });
  client.on(Events.MessageCreate, (message) => {
    // Cheap early exit: the bot's own replies and other bots arrive here too.
    if (message.author.bot) return;
    track('message', message.id, (ctx) => handleMessage(message, ctx));
  });
  client.on(Events.Error, (error) => logger.error('client error', { err: error }));
  client.on(Events.Warn, (message) => logger.warn('client warning', { detail: message }));
  client.on(Events.Debug, (message) => {
    if (logger.enabled('debug')) logger.debug('discord.js', { detail: message });
  });
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn('shard disconnected', { shard, code: event.code }));
  client.on(Events.ShardReconnecting, (shard) => logger.info('shard reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info('shard resumed', { shard, replayed }));
  client.on(Events.ShardError, (error, shard) => logger.error('shard error', { shard, err: error }));
  client.rest.on('rateLimited', (info) =>
    logger.warn('rate limited', { route: info.route, retryAfterMs: info.retryAfter, global: info.global }),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
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
  });

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 3_000): Promise<void> => {
    stopping ??= (async () => {
      accepting = false;
      logger.info('stopping', { inFlight: inFlight.size });
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
      if (inFlight.size > 0) logger.warn('stopped with replies unfinished', { inFlight: inFlight.size });
      await client.destroy();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { client: readyClient, stop };
}
