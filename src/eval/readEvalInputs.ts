import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionSet } from './questionSet.ts';
import type { EvalItem } from './score.ts';

/** Reads and parses an evaluation set file (JSONL). */
export function readQuestionSet(path: string): EvalItem[] {
  return parseQuestionSet(readFileSync(path, 'utf8'), path);
}

/**
 * Reads every brief's raw text by file name. The verbatim check compares answers with the files
 * themselves rather than with the parser's output, so a parser that altered text would be caught.
 */
export function readBriefTexts(seedsDir: string): Map<string, string> {
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  return new Map(files.map((f) => [f, readFileSync(join(seedsDir, f), 'utf8')]));
}
