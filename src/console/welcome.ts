import { listOf, type Overview } from '../core/overview.ts';

/** The console's own words: loading, welcome, help, and replies to small talk. */

/** Shown while the index loads; `files` is null when the folder could not be counted. */
export function loadingLine(files: number | null): string {
  return files === null ? 'Loading the briefs…' : `Loading ${files} brief${files === 1 ? '' : 's'}…`;
}

/** What the briefs cover, three questions they answer, and how to get help or leave. */
export function welcome(overview: Overview): string {
  return [coverage(overview), ...examples(overview, 'Try asking:'), '', 'Type help for commands, exit to leave.'].join('\n');
}

/** The commands, with the examples again. */
export function help(overview: Overview): string {
  return [
    coverage(overview),
    'Ask a question in your own words, then follow on from the answer ("and microsoft?", "when was that?",',
    '"what did he say?", "tell me more"), or use a command:',
    '  :company NAME   what the briefs say about an organisation (e.g. :company Palantir)',
    '  :sources        the loaded briefs',
    '  :refresh        re-read the briefs folder',
    '  :stats          the fact-check desk: questions, declines, votes, requests, corrections',
    '  help            this help',
    '  exit            leave (or Ctrl-D, or Ctrl-C twice on an empty line; one Ctrl-C clears the line)',
    ...examples(overview, 'For example:'),
  ].join('\n');
}

/** The reply to "hi". */
export function greeting(overview: Overview): string {
  const about = overview.topics.length > 0 ? ` about ${listOf(overview.topics)}` : '';
  const example = overview.examples[0];
  return `Hello! Ask me anything the fact-check briefs cover${about}.${example === undefined ? '' : `\nFor example: ${example}`}`;
}

/** The reply to "thanks". */
export const YOU_ARE_WELCOME = "You're welcome. Ask another question, or type exit to leave.";

function coverage(overview: Overview): string {
  const briefs = `${overview.briefs} fact-check brief${overview.briefs === 1 ? '' : 's'}`;
  return overview.topics.length > 0 ? `factcheck-bot answers from ${briefs} about ${listOf(overview.topics)}.` : `factcheck-bot answers from ${briefs}.`;
}

function examples(overview: Overview, heading: string): string[] {
  return overview.examples.length === 0 ? [] : ['', heading, ...overview.examples.map((q) => `  ${q}`)];
}
