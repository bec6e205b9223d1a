/**
 * stopBuilds, as the bot's shutdown calls it: a build in progress is cut at once and says why, and no
 * build starts after it. (In a file of its own: it stops builds for the rest of the process.)
 */
import { describe, expect, it } from 'vitest';
import { buildInWorker, stopBuilds } from '../../src/io/buildWorker.ts';
import { isRunning } from '../support/processes.ts';
import { seedsCopyForFile } from '../support/seedsCopy.ts';

const seeds = seedsCopyForFile('stop-builds-');

describe('stopBuilds', () => {
  it('cuts the running build, which fails saying the bot is stopping, and refuses new ones', async () => {
    let worker: number | undefined;
    const build = buildInWorker({ seedsDir: seeds(), cacheDir: null }, {
      started: (pid) => {
        worker = pid;
        stopBuilds();
      },
    });
    await expect(build).rejects.toThrow(/the bot is stopping/);
    expect(worker).toBeDefined();
    expect(isRunning(worker ?? 0)).toBe(false);
    await expect(buildInWorker({ seedsDir: seeds(), cacheDir: null })).rejects.toThrow(/the bot is stopping/);
  });
});
