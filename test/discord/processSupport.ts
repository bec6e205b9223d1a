/**
 * Running the real entry points as child processes, the way `npm start` and `npm run deploy` run
 * them: tsx, only PATH, HOME and the variables given, output captured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
/** tsx's loader, by path: the children's working directory has no node_modules to find it in. */
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** A child process and what it wrote. */
export interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
}

/**
 * Starts `script` (relative to the repository) in `cwd` with `env` added to PATH and HOME. The
 * `tsx` command runs the script in a second process and passes SIGTERM on; `direct` runs it in one
 * (`node --import tsx`), so that SIGKILL ends the script itself, as a crash would.
 */
export function runScript(script: string, cwd: string, env: Record<string, string>, options: { direct?: boolean } = {}): Run {
  const [command, args] = options.direct === true ? [process.execPath, ['--import', TSX_LOADER, join(ROOT, script)]] : [TSX, [join(ROOT, script)]];
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return watchRun(child);
}

/** Keeps what a child process writes, and when it ends. */
export function watchRun(child: ChildProcess): Run {
  const result: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1))),
  };
  child.stdout?.on('data', (chunk: Buffer) => (result.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  return result;
}
