import { skippedSentence } from '../console/renderText.ts';
import { loadingLine } from '../console/welcome.ts';
import { openKnowledge } from '../io/openKnowledge.ts';
import { countBriefFiles } from '../io/seedLoader.ts';
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

const inConsole = config.discordToken === null;
if (inConsole) process.stdout.write(`${loadingLine(await countBriefFiles(config.seedsDir))}\n`);
let knowledge;
try {
  knowledge = await openKnowledge({ seedsDir: config.seedsDir, cacheDir: config.indexCacheDir });
} catch (error) {
  process.stderr.write(`Could not load the briefs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
for (const file of knowledge.skipped()) {
  if (inConsole) process.stdout.write(`${skippedSentence(file)}\n`);
  else logger.warn('skipped brief file', { file: file.file, reason: file.reason });
}

if (inConsole) {
  const { runConsole } = await import('../console/repl.ts');
  await runConsole(knowledge, { input: process.stdin, output: process.stdout, staleAfterDays: config.staleAfterDays });
  process.exit(0);
}

const { startBot } = await import('../discord/bot.ts');
logger.info('starting', { config });
// Until the bot is ready a signal has nothing to finish, so it just ends the process.
const exitNow = (): void => process.exit(0);
process.once('SIGTERM', exitNow).once('SIGINT', exitNow);
let bot;
try {
  bot = await startBot({ config, knowledge, logger });
} catch (error) {
  logger.error('could not start the bot', { err: error });
  process.exit(1);
}
process.off('SIGTERM', exitNow).off('SIGINT', exitNow);

const running = bot;
const shutdown = (signal: NodeJS.Signals): void => {
  logger.info('signal received', { signal });
  setTimeout(() => {
    logger.warn('shutdown deadline reached; exiting');
    process.exit(0);
  }, SHUTDOWN_DEADLINE_MS).unref();
  running.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error('error while stopping', { err: error });
      process.exit(0);
    },
  );
};
process.once('SIGTERM', shutdown).once('SIGINT', shutdown);
// A failure that escaped every handler is logged; one bad event must not end the bot.
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { err: reason }));
process.on('uncaughtException', (error) => logger.error('uncaught exception', { err: error }));
