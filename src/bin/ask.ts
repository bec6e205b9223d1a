import { ASK_USAGE, parseAskArgs, runAsk } from '../console/cli.ts';
import { Desk } from '../desk/desk.ts';
import { openKnowledge } from '../io/openKnowledge.ts';
import { createLogger } from '../logger.ts';
import { readConfig } from './environment.ts';

// `npm run ask`: answers from the command line. Only answers go to stdout; notices go to stderr.
const request = parseAskArgs(process.argv.slice(2));
if (request.kind === 'usage') {
  if (request.error) process.stderr.write(`${request.error}\n`);
  process.stderr.write(`${ASK_USAGE}\n`);
  process.exit(request.error ? 2 : 0);
}
const config = readConfig();
try {
  const knowledge = await openKnowledge({ seedsDir: config.seedsDir, cacheDir: config.indexCacheDir });
  for (const s of knowledge.skipped()) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  // Only --stats reads the desk; its questions are not recorded. The running bot prunes, not this.
  const desk =
    request.kind === 'stats'
      ? Desk.open({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger: createLogger({ level: 'warn' }), prune: false })
      : null;
  await runAsk(knowledge, request, { input: process.stdin, output: process.stdout }, desk);
  await desk?.close();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
