import { describe, expect, it } from 'vitest';
import { WorkInFlight } from '../../src/discord/workInFlight.ts';

/** A job the test settles when it chooses. */
function job(): { promise: Promise<void>; finish: () => void } {
  let finish = () => {};
  const promise = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { promise, finish };
}

describe('WorkInFlight', () => {
  it('runs work up to the limit, then only busy notices up to the limit, then drops; room comes back as work settles', async () => {
    const inFlight = new WorkInFlight(2);
    const work = [job(), job()];
    for (const w of work) {
      expect(inFlight.admit()).toBe('run');
      inFlight.track(w.promise, 'run');
    }
    const notices = [job(), job()];
    for (const n of notices) {
      expect(inFlight.admit()).toBe('busy');
      inFlight.track(n.promise, 'busy');
    }
    expect(inFlight.admit()).toBe('drop');
    expect(inFlight.size).toBe(4);

    work[0]?.finish();
    await work[0]?.promise;
    await Promise.resolve();
    expect(inFlight.admit()).toBe('run');
    expect(inFlight.size).toBe(3);
  });

  it('settles once everything in flight has, failures included', async () => {
    const inFlight = new WorkInFlight(5);
    const slow = job();
    inFlight.track(slow.promise, 'run');
    inFlight.track(Promise.reject(new Error('ignored')).catch(() => {}), 'busy');
    let settled = false;
    const done = inFlight.settled().then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    slow.finish();
    await done;
    expect(inFlight.size).toBe(0);
  });
});
