import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Knowledge } from '../core/types.ts';
import type { Desk } from '../desk/desk.ts';
import { renderAnswer, renderCompany, renderDeskReport, renderGaps, renderTrace, textContext } from './renderText.ts';

/**
 * `npm run ask`: one question, a company, or one question per line of stdin, answered by the same
 * core as the bot. With --json, stdout carries only JSON lines (one per question, in order).
 */

export const ASK_USAGE = [
  'Usage:',
  '  npm run ask -- "question"                           the rendered answer',
  '  npm run --silent ask -- --json "question"           the answer object as one JSON line',
  '  npm run --silent ask -- --stdin [--json]            one question per line of stdin, one answer each, in order',
  '  npm run --silent ask -- --company NAME [--json]     what the briefs say about an organisation',
  '  npm run ask -- --explain "question"                 the answer and why: term weights, candidate',
  '                                                      passages, the gate that decided, unit scores',
  '  npm run --silent ask -- --gaps [--json]             "Want to dive deeper?" prompts no brief answers',
  '  npm run --silent ask -- --stats [--json]            the fact-check desk: questions, declines, votes, requests, corrections',
  '(--silent keeps npm\'s own lines off standard output, so it carries only the answers.)',
].join('\n');

/** What the CLI was asked to do, or why the arguments make no sense. */
export type AskRequest =
  | { readonly kind: 'question'; readonly question: string; readonly json: boolean; readonly explain: boolean }
  | { readonly kind: 'gaps'; readonly json: boolean }
  | { readonly kind: 'stdin'; readonly json: boolean }
  | { readonly kind: 'company'; readonly name: string; readonly json: boolean }
  | { readonly kind: 'stats'; readonly json: boolean }
  | { readonly kind: 'usage'; readonly error: string | null };

/** Reads the command line (the arguments after `--`). */
export function parseAskArgs(argv: readonly string[]): AskRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        stdin: { type: 'boolean', default: false },
        company: { type: 'string' },
        explain: { type: 'boolean', default: false },
        gaps: { type: 'boolean', default: false },
        stats: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage', error: argumentError(error) };
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  if (values.help) return { kind: 'usage', error: null };
  if (values.gaps) {
    return positionals.length > 0 || values.stdin || values.company !== undefined
      ? { kind: 'usage', error: '--gaps takes no question' }
      : { kind: 'gaps', json };
  }
  if (values.stats) {
    return positionals.length > 0 || values.stdin || values.company !== undefined
      ? { kind: 'usage', error: '--stats takes no question, --stdin or --company' }
      : { kind: 'stats', json };
  }
  if (values.company !== undefined) {
    return positionals.length > 0 || values.stdin
      ? { kind: 'usage', error: '--company takes the name only; ask questions separately' }
      : { kind: 'company', name: values.company, json };
  }
  if (values.stdin) {
    return positionals.length > 0
      ? { kind: 'usage', error: '--stdin reads the questions from standard input; give no question argument' }
      : { kind: 'stdin', json };
  }
  if (positionals.length === 0) return { kind: 'usage', error: 'no question given' };
  return { kind: 'question', question: positionals.join(' '), json, explain: values.explain === true };
}

/** node's parse errors, said shortly: "unknown option --foo". */
function argumentError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '(--\w+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message;
}

/** Streams the CLI reads and writes. */
export interface AskIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Briefs checked longer ago than this are flagged as possibly outdated (`STALE_AFTER_DAYS`). */
  readonly staleAfterDays?: number;
}

/** Answers a parsed request; resolves when every answer is written. `desk` answers `--stats`. */
export async function runAsk(knowledge: Knowledge, request: Exclude<AskRequest, { kind: 'usage' }>, io: AskIo, desk: Desk | null = null): Promise<void> {
  const write = (text: string) => io.output.write(`${text}\n`);
  const text = textContext(io.staleAfterDays);
  switch (request.kind) {
    case 'question': {
      const answer = knowledge.answer(request.question, { explain: request.explain });
      write(request.json ? JSON.stringify(answer) : renderAnswer(answer, text));
      if (request.explain && !request.json && answer.trace) write(renderTrace(answer.trace));
      return;
    }
    case 'gaps': {
      const gaps = knowledge.gaps();
      write(request.json ? JSON.stringify(gaps) : renderGaps(gaps));
      return;
    }
    case 'company': {
      const summary = knowledge.summarizeCompany(request.name);
      write(request.json ? JSON.stringify(summary) : renderCompany(summary, text));
      return;
    }
    case 'stats': {
      const report = desk?.report() ?? null;
      if (report === null) write(request.json ? 'null' : 'The fact-check desk is not open.');
      else write(request.json ? JSON.stringify(report) : renderDeskReport(report, knowledge.sources()));
      return;
    }
    case 'stdin': {
      const lines = createInterface({ input: io.input, crlfDelay: Infinity });
      for await (const line of lines) {
        const answer = knowledge.answer(line);
        write(request.json ? JSON.stringify(answer) : `> ${line}\n${renderAnswer(answer, text)}\n`);
      }
    }
  }
}
