import { createInterface } from 'node:readline';
import type { Knowledge } from '../core/types.ts';
import type { Desk } from '../desk/desk.ts';
import { renderAnswer, renderCompany, renderDeskReport, renderRefresh, renderSources } from './renderText.ts';

/** The console chat: the bot's answers without Discord, for trying the corpus and for moderators. */

const HELP = [
  'Ask a question about the fact-check briefs, or use a command:',
  '  :company NAME   what the briefs say about an organisation (e.g. :company Palantir)',
  '  :sources        the loaded briefs',
  '  :refresh        re-read the briefs folder',
  '  :stats          the fact-check desk: questions, declines, votes, requests, corrections',
  '  :help           this help',
  '  :quit           leave (or Ctrl-D)',
].join('\n');

/** Streams the chat runs on. */
export interface ConsoleIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/** Runs the chat until `:quit` or the end of input; `desk` answers `:stats` (the chat's own questions are not recorded). */
export async function runConsole(knowledge: Knowledge, io: ConsoleIo, desk: Desk | null = null): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, prompt: 'ask> ' });
  const say = (text: string) => io.output.write(`${text}\n\n`);
  say(`factcheck-bot: ${knowledge.sources().length} briefs loaded. Type :help for commands.`);
  rl.prompt();
  for await (const line of rl) {
    const reply = await respond(knowledge, line.trim(), desk);
    if (reply === undefined) break;
    if (reply !== '') say(reply);
    rl.prompt();
  }
  rl.close();
}

/** The reply to one line of the chat; undefined means leave. */
export async function respond(knowledge: Knowledge, line: string, desk: Desk | null = null): Promise<string | undefined> {
  if (line === '') return '';
  if (!line.startsWith(':')) return renderAnswer(knowledge.answer(line));
  const [command = '', ...rest] = line.slice(1).split(/\s+/);
  const arg = rest.join(' ');
  switch (command.toLowerCase()) {
    case 'quit':
    case 'exit':
    case 'q':
      return undefined;
    case 'help':
      return HELP;
    case 'sources':
      return renderSources(knowledge.sources(), knowledge.skipped());
    case 'refresh':
      return renderRefresh(await knowledge.refresh());
    case 'stats':
      return desk === null ? 'The fact-check desk is not open in this chat.' : renderDeskReport(desk.report(), knowledge.sources());
    case 'company':
      return arg === '' ? 'Which organisation? For example: :company Palantir' : renderCompany(knowledge.summarizeCompany(arg));
    default:
      return `Unknown command :${command}.\n${HELP}`;
  }
}
