import { skippedSentence } from '../console/renderText.ts';
import { Desk } from '../desk/desk.ts';
import { loadingLine } from '../console/welcome.ts';
import { fatalLine, FatalDiscordError, type FatalReason } from '../discord/fatal.ts';
import { stopBuilds } from '../io/buildWorker.ts';
import { openKnowledge } from '../io/openKnowledge.ts';
import { countBriefFiles } from '../io/seedLoader.ts';
import { createLogger } from '../logger.ts';
import { readConfig } from './environment.ts';
import { EXIT } from './exitCodes.ts';

// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the console chat in a terminal.
// discord.js is imported only on the bot path so the console starts fast.

/**
 * A stop ends the process within this long, whatever is in flight (the acceptance bar is 5 s). Replies
 * in flight get {@link REPLY_GRACE_MS} of it; a running index build is cut at once, as it may need
 * minutes.
 */
const SHUTDOWN_DEADLINE_MS = 4_500;
const REPLY_GRACE_MS = 3_000;

const config = readConfig();
const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });

// After an error nothing caught, nothing vouches for the process's state: log it in full and end.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    logger.error(event === 'uncaughtException' ? 'uncaught exception' : 'unhandled rejection', { err: error });
    process.exit(EXIT.internal);
  });
}

/** Set once the bot runs: what a stop must finish. */
let stopBot: (() => Promise<void>) | null = null;
/** Set once the desk's file is open: its queued writes are committed before the process ends. */
let closeDesk: () => Promise<void> = async () => {};
let stopping = false;

/**
 * The one way the process ends once it has started: by a signal, or because Discord refused the bot.
 * Idempotent: a second SIGTERM (a runner relaying the first, an impatient operator) is only logged.
 */
function shutdown(why: string, code: number): void {
  if (stopping) {
    logger.info('already stopping; ignored', { why });
    return;
  }
  stopping = true;
  logger.info('shutting down', { why, exitCode: code });
  setTimeout(() => {
    logger.warn('shutdown deadline reached; exiting');
    process.exit(code);
  }, SHUTDOWN_DEADLINE_MS).unref();
  stopBuilds();
  (stopBot?.() ?? Promise.resolve())
    .catch((error: unknown) => logger.error('error while stopping', { err: error }))
    .then(() => closeDesk())
    .catch((error: unknown) => logger.error('error while closing the desk', { err: error }))
    .finally(() => process.exit(code));
}
process.on('SIGTERM', () => shutdown('SIGTERM', EXIT.ok));
process.on('SIGINT', () => shutdown('SIGINT', EXIT.ok));

/** Says in one plain line which setting Discord refused, and ends the process with its exit code. */
function refused(reason: FatalReason): void {
  process.stderr.write(`${fatalLine(reason)}\n`);
  shutdown(`Discord refused the bot (${reason.kind})`, reason.kind === 'token' ? EXIT.token : EXIT.gateway);
}

if (config.discordToken === null && !process.stdin.isTTY) {
  process.stderr.write(
    'DISCORD_TOKEN is not set. Set it (in .env or the environment) to run the Discord bot, ' +
      'or run `npm start` in a terminal to chat with the briefs in the console.\n',
  );
  process.exit(EXIT.startFailed);
}

const inConsole = config.discordToken === null;
if (inConsole) process.stdout.write(`${loadingLine(await countBriefFiles(config.seedsDir))}\n`);
// Among the console chat's answers only problems with the index are worth a line.
const indexLog = inConsole ? { info: () => {}, warn: logger.warn } : logger;
let knowledge;
try {
  knowledge = await openKnowledge({ seedsDir: config.seedsDir, cacheDir: config.indexCacheDir, log: indexLog });
} catch (error) {
  // A stop cuts the first build short; the stop ends the process.
  if (stopping) await new Promise(() => {});
  process.stderr.write(`Could not load the briefs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.startFailed);
}
for (const file of knowledge.skipped()) {
  if (inConsole) process.stdout.write(`${skippedSentence(file)}\n`);
  else logger.warn('skipped brief file', { file: file.file, reason: file.reason });
}

// The console chat shows only the desk's problems: its info lines would interrupt the conversation.
const desk = Desk.open({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger: inConsole ? createLogger({ level: 'warn' }) : logger });
closeDesk = () => desk.close();

if (inConsole) {
  const { runConsole } = await import('../console/repl.ts');
  await runConsole(knowledge, { input: process.stdin, output: process.stdout, staleAfterDays: config.staleAfterDays }, desk);
  await desk.close();
  process.exit(EXIT.ok);
}

const { startBot } = await import('../discord/bot.ts');
logger.info('starting', { config });
try {
  const bot = await startBot({ config, knowledge, logger, onFatal: refused, desk });
  stopBot = () => bot.stop(REPLY_GRACE_MS);
} catch (error) {
  if (error instanceof FatalDiscordError) {
    refused(error.reason);
  } else {
    logger.error('could not start the bot', { err: error });
    process.exit(EXIT.startFailed);
  }
}
