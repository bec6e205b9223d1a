import { describe, expect, it } from 'vitest';
import { followUpCustomId, parseCustomId, pickCustomId, RememberedTexts } from '../../src/discord/customIds.ts';

describe('custom ids', () => {
  it('round-trip through parseCustomId', () => {
    const texts = new RememberedTexts();
    const key = texts.remember('What contracts link Palantir to AWS?');
    expect(parseCustomId(followUpCustomId(key))).toEqual({ kind: 'followUp', key });
    expect(parseCustomId(pickCustomId(key))).toEqual({ kind: 'pick', key });
    expect(followUpCustomId(key).length).toBeLessThanOrEqual(100);
  });

  it('reject ids the bot did not make', () => {
    for (const id of ['', 'fu:', 'other:abc', 'fu:a b', `fu:${'x'.repeat(200)}`]) expect(parseCustomId(id)).toBeNull();
  });
});

describe('RememberedTexts', () => {
  it('gives the same key for the same text and recalls long texts whole', () => {
    const texts = new RememberedTexts();
    const long = 'q'.repeat(5000);
    expect(texts.remember(long)).toBe(texts.remember(long));
    expect(texts.recall(texts.remember(long))).toBe(long);
  });

  it('forgets the least recently remembered texts past its capacity', () => {
    const texts = new RememberedTexts(2);
    const a = texts.remember('a');
    const b = texts.remember('b');
    texts.remember('a');
    texts.remember('c');
    expect(texts.recall(a)).toBe('a');
    expect(texts.recall(b)).toBeUndefined();
  });

  it('recalls nothing for an unknown key', () => {
    expect(new RememberedTexts().recall('AAAAAAAAAAAAAAAA')).toBeUndefined();
  });
});
