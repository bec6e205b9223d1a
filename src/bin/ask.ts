import { ASK_USAGE, parseAskArgs, runAsk } from '../console/cli.ts';
import { Desk } from '../desk/desk.ts';
import { openKnowledge } from '../io/openKnowledge.ts';
import { createLogger } from '../logger.ts';
import { readConfig } from './environment.ts';
import { EXIT } from './exitCodes.ts';

// `npm run ask`: answers from the command line. Only answers go to stdout; notices go to stderr.
// A reader that stops early (`| head`) closes the pipe; that ends the run, it is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const request = parseAskArgs(process.argv.slice(2));
if (request.kind === 'usage') {
  // Asked-for help is the output; a mistake is one line and the usage, on standard error.
  if (request.error === null) process.stdout.write(`${ASK_USAGE}\n`);
  else process.stderr.write(`${request.error}\n${ASK_USAGE}\n`);
  process.exit(request.error === null ? EXIT.ok : EXIT.usage);
}
const config = readConfig();
try {
  // Problems with the saved index are worth a line; where each index came from is not.
  const log = {
    info: () => {},
    warn: (message: string, fields?: Readonly<Record<string, unknown>>) =>
      process.stderr.write(`${[message, fields?.['detail']].filter((part) => part !== undefined).join(': ')}\n`),
  };
  const knowledge = await openKnowledge({ seedsDir: config.seedsDir, cacheDir: config.indexCacheDir, log });
  for (const s of knowledge.skipped()) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  // Only --stats reads the desk; its questions are not recorded. The running bot prunes, not this.
  const desk =
    request.kind === 'stats'
      ? Desk.open({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger: createLogger({ level: 'warn' }), prune: false })
      : null;
  await runAsk(knowledge, request, { input: process.stdin, output: process.stdout, staleAfterDays: config.staleAfterDays }, desk);
  await desk?.close();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.startFailed);
}
