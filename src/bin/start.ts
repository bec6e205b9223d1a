import { Desk } from '../desk/desk.ts';
import { openKnowledge } from '../io/openKnowledge.ts';
import { createLogger } from '../logger.ts';
import { readConfig } from './environment.ts';

// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the console chat in a terminal.
// discord.js is imported only on the bot path so the console starts fast.

/** SIGTERM/SIGINT must end the process within 5 s; this leaves room for the gateway to close. */
const SHUTDOWN_DEADLINE_MS = 4_500;

const config = readConfig();
const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });

if (config.discordToken === null && !process.stdin.isTTY) {
  process.stderr.write(
    'DISCORD_TOKEN is not set. Set it (in .env or the environment) to run the Discord bot, ' +
      'or run `npm start` in a terminal to chat with the briefs in the console.\n',
  );
  process.exit(1);
}

let knowledge;
try {
  knowledge = await openKnowledge({ seedsDir: config.seedsDir, cacheDir: config.indexCacheDir });
} catch (error) {
  process.stderr.write(`Could not load the briefs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
for (const file of knowledge.skipped()) logger.warn('skipped brief file', { file: file.file, reason: file.reason });

// The console chat shows only the desk's problems: its info lines would interrupt the conversation.
const deskLogger = config.discordToken === null ? createLogger({ level: 'warn' }) : logger;
const desk = Desk.open({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger: deskLogger });

if (config.discordToken === null) {
  const { runConsole } = await import('../console/repl.ts');
  await runConsole(knowledge, { input: process.stdin, output: process.stdout }, desk);
  await desk.close();
  process.exit(0);
}

const { startBot } = await import('../discord/bot.ts');
logger.info('starting', { config });
// Until the bot is ready a signal has nothing to finish, so it just ends the process.
const exitNow = (): void => process.exit(0);
process.once('SIGTERM', exitNow).once('SIGINT', exitNow);
let bot;
try {
  bot = await startBot({ config, knowledge, logger, desk });
} catch (error) {
  logger.error('could not start the bot', { err: error });
  process.exit(1);
}
process.off('SIGTERM', exitNow).off('SIGINT', exitNow);

const running = bot;
const shutdown = (signal: NodeJS.Signals): void => {
  logger.info('signal received', { signal });
  const exit = (): void => {
    void desk.close().finally(() => process.exit(0));
  };
  setTimeout(() => {
    logger.warn('shutdown deadline reached; exiting');
    exit();
  }, SHUTDOWN_DEADLINE_MS).unref();
  running.stop().then(exit, (error: unknown) => {
    logger.error('error while stopping', { err: error });
    exit();
  });
};
process.once('SIGTERM', shutdown).once('SIGINT', shutdown);
// A failure that escaped every handler is logged; one bad event must not end the bot.
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { err: reason }));
process.on('uncaughtException', (error) => logger.error('uncaught exception', { err: error }));
