import { createInterface } from 'node:readline';
import { overview } from '../core/overview.ts';
import type { Knowledge } from '../core/types.ts';
import type { Desk } from '../desk/desk.ts';
import { renderAnswer, renderCompany, renderDeskReport, renderRefresh, renderSources } from './renderText.ts';
import { smallTalk } from './smallTalk.ts';
import { greeting, help, welcome, YOU_ARE_WELCOME } from './welcome.ts';

/** The console chat: the bot's answers without Discord, for trying the corpus and for moderators. */

/** Streams the chat runs on. */
export interface ConsoleIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Treat the streams as a terminal (keys, Ctrl-C); by default, when the output is one. */
  readonly terminal?: boolean;
}

/**
 * Runs the chat until it is left (exit, Ctrl-D, or Ctrl-C twice on an empty line). Ctrl-C on a
 * line being typed clears it, as in a shell. `desk` answers `:stats` (the chat's own questions are
 * not recorded).
 */
export async function runConsole(knowledge: Knowledge, io: ConsoleIo, desk: Desk | null = null): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, prompt: 'ask> ', ...(io.terminal === undefined ? {} : { terminal: io.terminal }) });
  const say = (text: string) => io.output.write(`${text}\n\n`);
  let leaving = false;
  rl.on('SIGINT', () => {
    if (rl.line !== '') {
      // As in a shell: the typed text stays on screen with ^C after it, and a fresh line begins.
      leaving = false;
      io.output.write('^C\n');
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
    } else if (leaving) {
      io.output.write('\n');
      rl.close();
      return;
    } else {
      leaving = true;
      io.output.write('\n(Press Ctrl-C again to leave, or type exit.)\n');
    }
    rl.prompt();
  });
  say(welcome(overview(knowledge)));
  rl.prompt();
  for await (const line of rl) {
    leaving = false;
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
  switch (smallTalk(line)) {
    case 'leave':
      return undefined;
    case 'help':
      return help(overview(knowledge));
    case 'thanks':
      return YOU_ARE_WELCOME;
    case 'greeting':
      return greeting(overview(knowledge));
  }
  if (!line.startsWith(':')) return renderAnswer(knowledge.answer(line));
  const [command = '', ...rest] = line.slice(1).split(/\s+/);
  const arg = rest.join(' ');
  switch (command.toLowerCase()) {
    case 'sources':
      return renderSources(knowledge.sources(), knowledge.skipped());
    case 'refresh':
      return renderRefresh(await knowledge.refresh());
    case 'stats':
      return desk === null ? 'The fact-check desk is not open in this chat.' : renderDeskReport(desk.report(), knowledge.sources());
    case 'company':
      return arg === '' ? 'Which organisation? For example: :company Palantir' : renderCompany(knowledge.summarizeCompany(arg));
    default:
      return `Unknown command :${command}.\n${help(overview(knowledge))}`;
  }
}
