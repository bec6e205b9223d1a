/**
 * A stop signal sent to the whole process group (a terminal's Ctrl-C, a supervisor's SIGTERM) ends the
 * build worker and the bot together; the worker's end may be heard first. The build must still say
 * that the bot is stopping. (In a file of its own: stopBuilds stops builds for the rest of the process.)
 */
import { describe, expect, it } from 'vitest';
import { buildInWorker, stopBuilds } from '../../src/io/buildWorker.ts';
import { seedsCopyForFile } from '../support/seedsCopy.ts';

const seeds = seedsCopyForFile('stop-signal-');

describe('a stop signal to the process group', () => {
  it('says the bot is stopping when the worker ends before the shutdown handler runs', async () => {
    const build = buildInWorker({ seedsDir: seeds(), cacheDir: null }, {
      started: (pid) => {
        process.kill(pid, 'SIGTERM');
        setTimeout(stopBuilds, 50);
      },
    });
    await expect(build).rejects.toThrow(/the bot is stopping/);
  });
});
