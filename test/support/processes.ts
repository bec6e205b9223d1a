/** Small helpers for tests about processes: whether one runs, and a pid that no longer does. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Whether the process with this pid runs. A zombie (dead, not yet reaped: an orphan waits for its
 * new parent to reap it, which can take seconds) does not.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state follows the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** The pid of a process that has ended. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}
