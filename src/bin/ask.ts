import { ASK_USAGE, parseAskArgs, runAsk } from '../console/cli.ts';
import { openKnowledge } from '../io/openKnowledge.ts';
import { readConfig } from './environment.ts';
import { EXIT } from './exitCodes.ts';

// `npm run ask`: answers from the command line. Only answers go to stdout; notices go to stderr.
const request = parseAskArgs(process.argv.slice(2));
if (request.kind === 'usage') {
  if (request.error) process.stderr.write(`${request.error}\n`);
  process.stderr.write(`${ASK_USAGE}\n`);
  process.exit(request.error ? EXIT.usage : EXIT.ok);
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
  await runAsk(knowledge, request, { input: process.stdin, output: process.stdout });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.startFailed);
}
