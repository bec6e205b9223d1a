import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture(level: 'debug' | 'info' | 'warn' | 'error', secrets: string[] = []) {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger({
    level,
    secrets,
    now: () => new Date('2026-01-01T00:00:00Z'),
    write: (line) => {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  return { logger, lines, raw };
}

describe('createLogger', () => {
  it('writes one JSON line per event with level, message and fields', () => {
    const { logger, lines, raw } = capture('info');
    logger.info('question', { guild: '1', answered: true });
    expect(raw).toEqual([expect.stringMatching(/\n$/)]);
    expect(lines[0]).toEqual({ time: '2026-01-01T00:00:00.000Z', level: 'info', msg: 'question', guild: '1', answered: true });
  });

  it('drops lines below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((line) => line['msg'])).toEqual(['c', 'd']);
    expect(logger.enabled('info')).toBe(false);
    expect(logger.enabled('error')).toBe(true);
  });

  it('adds child fields to every line', () => {
    const { logger, lines } = capture('info');
    logger.child({ shard: 2 }).child({ event: 'x' }).info('hello', { more: 1 });
    expect(lines[0]).toMatchObject({ shard: 2, event: 'x', more: 1 });
  });

  it('expands errors with their stack and cause', () => {
    const { logger, lines } = capture('info');
    logger.error('failed', { err: new Error('outer', { cause: new TypeError('inner') }) });
    expect(lines[0]?.['err']).toMatchObject({ name: 'Error', message: 'outer', cause: { name: 'TypeError', message: 'inner' } });
  });

  it('redacts the token wherever it appears', () => {
    const { logger, raw } = capture('debug', ['tok.en.SECRET']);
    logger.debug('Provided token: tok.en.SECRET', { header: 'Bot tok.en.SECRET', err: new Error('bad tok.en.SECRET') });
    expect(raw.join('')).not.toContain('tok.en.SECRET');
    expect(raw.join('')).toContain('[redacted]');
  });
});
