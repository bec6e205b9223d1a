import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Cooldown', () => {
  it('allows the configured number of questions per window, then refuses with the wait', () => {
    const time = clock();
    const cooldown = new Cooldown({ limit: 5, windowMs: 30_000, now: time.now });
    for (let i = 0; i < 5; i++) {
      expect(cooldown.take('u1')).toEqual({ allowed: true });
      time.advance(1_000);
    }
    expect(cooldown.take('u1')).toEqual({ allowed: false, retryAfterMs: 25_000 });
  });

  it('slides: a question frees up exactly when the oldest leaves the window', () => {
    const time = clock();
    const cooldown = new Cooldown({ limit: 2, windowMs: 10_000, now: time.now });
    cooldown.take('u1');
    time.advance(4_000);
    cooldown.take('u1');
    time.advance(5_999);
    expect(cooldown.take('u1').allowed).toBe(false);
    time.advance(1);
    expect(cooldown.take('u1').allowed).toBe(true);
    expect(cooldown.take('u1')).toEqual({ allowed: false, retryAfterMs: 4_000 });
  });

  it('does not count refused questions', () => {
    const time = clock();
    const cooldown = new Cooldown({ limit: 1, windowMs: 10_000, now: time.now });
    cooldown.take('u1');
    for (let i = 0; i < 5; i++) cooldown.take('u1');
    time.advance(10_000);
    expect(cooldown.take('u1').allowed).toBe(true);
  });

  it('keeps users apart', () => {
    const cooldown = new Cooldown({ limit: 1, windowMs: 10_000, now: clock().now });
    expect(cooldown.take('u1').allowed).toBe(true);
    expect(cooldown.take('u2').allowed).toBe(true);
    expect(cooldown.take('u1').allowed).toBe(false);
  });

  it('forgets users whose questions have all left the window', () => {
    const time = clock();
    const cooldown = new Cooldown({ limit: 3, windowMs: 10_000, now: time.now });
    for (let i = 0; i < 100; i++) cooldown.take(`user${i}`);
    expect(cooldown.trackedUsers).toBe(100);
    time.advance(10_000);
    cooldown.take('latecomer');
    expect(cooldown.trackedUsers).toBe(1);
  });
});
