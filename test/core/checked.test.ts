import { describe, expect, it } from 'vitest';
import { checkedPhrase } from '../../src/core/checked.ts';

const now = new Date('2026-03-01T12:00:00Z');

describe('checkedPhrase', () => {
  it('says when a brief was checked, with the month abbreviated the same on every runtime', () => {
    expect(checkedPhrase('2026-02-01', now, 365)).toBe('checked 1 Feb 2026');
    expect(checkedPhrase('2025-09-30', now, 365)).toBe('checked 30 Sep 2025');
  });

  it('flags a check older than the configured age, and not one exactly that old', () => {
    expect(checkedPhrase('2025-02-28', new Date('2026-03-01T00:00:00Z'), 365)).toBe('checked 28 Feb 2025 · may be outdated');
    expect(checkedPhrase('2025-03-01', new Date('2026-03-01T00:00:00Z'), 365)).toBe('checked 1 Mar 2025');
  });

  it('says "undated" for a brief without a check date', () => {
    expect(checkedPhrase(null, now, 365)).toBe('undated');
  });
});
