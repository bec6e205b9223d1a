import { createInterface } from 'node:readline';
import { answerStep, moreAnswer, nextStep, type Turn } from '../core/conversation.ts';
import { overview } from '../core/overview.ts';
import { MORE_ON, NOTHING_MORE } from '../core/replyText.ts';
import type { Knowledge } from '../core/types.ts';
import type { Desk } from '../desk/desk.ts';
import { renderAnswer, renderCompany, renderDeskReport, renderRefresh, renderSources, textContext, type TextContext } from './renderText.ts';
import { smallTalk } from './smallTalk.ts';
import { greeting, help, welcome, YOU_ARE_WELCOME } from './welcome.ts';

/** The console chat: the bot's answers without Discord, for trying the corpus and for moderators. */

/** Streams the chat runs on. */
export interface ConsoleIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Treat the streams as a terminal (keys, Ctrl-C); by default, when the output is one. */
  readonly terminal?: boolean;
  /** Briefs checked longer ago than this are flagged as possibly outdated (`STALE_AFTER_DAYS`). */
  readonly staleAfterDays?: number;
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
  const chat = newChat(io.staleAfterDays);
  for await (const line of rl) {
    leaving = false;
    const reply = await respond(knowledge, line.trim(), chat, desk);
    if (reply === undefined) break;
    if (reply !== '') say(reply);
    rl.prompt();
  }
  rl.close();
}

/** What the chat remembers from line to line: the previous question and its answer, for follow-ups. */
export interface Chat {
  previous: Turn | null;
  readonly text: TextContext;
}

/** A chat with nothing asked yet; briefs checked over `staleAfterDays` ago are flagged. */
export function newChat(staleAfterDays?: number): Chat {
  return { previous: null, text: textContext(staleAfterDays) };
}

/**
 * The reply to one line of the chat; undefined means leave. A question may follow on from the
 * previous one ("and microsoft?", "when was that?", "tell me more"), which `chat` remembers.
 * `desk` answers `:stats`.
 */
export async function respond(knowledge: Knowledge, line: string, chat: Chat = newChat(), desk: Desk | null = null): Promise<string | undefined> {
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
  if (!line.startsWith(':')) return answerInChat(knowledge, line, chat);
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
      return arg === '' ? 'Which organisation? For example: :company Palantir' : renderCompany(knowledge.summarizeCompany(arg), chat.text);
    default:
      return `Unknown command :${command}.\n${help(overview(knowledge))}`;
  }
}

/** A question, read in the context of the previous one when it follows on from it. */
function answerInChat(knowledge: Knowledge, line: string, chat: Chat): string {
  const previous = chat.previous;
  const next = nextStep(previous, line, knowledge.organisations());
  if (next.kind === 'nothing-more') return NOTHING_MORE;
  if (next.kind === 'more' && previous !== null) {
    chat.previous = { ...previous, gaveMore: true };
    const more = moreAnswer(previous.answer, (doc) => knowledge.sources().find((b) => b.doc === doc));
    return `${MORE_ON} ${previous.question}\n${renderAnswer(more, chat.text)}`;
  }
  const { question, answer, inContext } = next.kind === 'ask' ? answerStep(next, line, (q) => knowledge.answer(q)) : { question: line, answer: knowledge.answer(line), inContext: false };
  chat.previous = { question, answer, gaveMore: false };
  const rendered = renderAnswer(answer, chat.text);
  // A follow-up says how it was read, so a wrong reading is seen at once.
  return inContext ? `→ ${question}\n${rendered}` : rendered;
}
