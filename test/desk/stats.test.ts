import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/desk/store.ts';
import { answerOf, openTestDesk, place, source, tempDir } from './support.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const DAY = 86_400_000;
const NOW = new Date('2026-12-02T12:00:00Z');

function setUp(retentionDays = 90) {
  const { dir, remove } = tempDir();
  const opened = openTestDesk(dir, { now: () => NOW, retentionDays });
  cleanups.push(remove, () => opened.desk.close());
  return { dir, ...opened };
}

describe('desk figures', () => {
  it('counts questions by period with the share declined, the most asked declines grouped, votes per brief and corrections', async () => {
    const { desk, records } = setUp();
    const ago = (days: number) => place({ at: new Date(NOW.getTime() - days * DAY) });
    records.answers.record(answerOf('Did Amazon end ICE contracts?', [source('a.txt')]), ago(0.5));
    for (const question of ['Is the moon made of cheese?', 'moon cheese made?', 'Is the moon made of cheese?']) {
      records.answers.record(answerOf(question), ago(0.2));
    }
    records.answers.record(answerOf('Who owns Palantir?'), ago(3));
    records.answers.record(answerOf('Who owns Palantir'), ago(30));
    const voted = ago(1.5);
    records.answers.record(answerOf('How much was the GitHub contract?', [source('a.txt'), source('b.txt')]), voted);
    records.answers.vote(voted.key, 'u1', 1, NOW);
    records.answers.vote(voted.key, 'u2', -1, NOW);
    records.answers.vote(voted.key, 'u3', 1, NOW);

    const { health, figures } = desk.report();
    expect(health.state).toBe('on');
    expect(figures?.questions).toEqual({ day: { asked: 4, declined: 3 }, week: { asked: 6, declined: 4 }, kept: { asked: 7, declined: 5 } });
    expect(figures?.topDeclined).toEqual([
      { question: 'Is the moon made of cheese?', asks: 3 },
      { question: 'Who owns Palantir?', asks: 2 },
    ]);
    expect(figures?.votes).toEqual([
      { doc: 'a.txt', up: 2, down: 1 },
      { doc: 'b.txt', up: 2, down: 1 },
    ]);
    expect(figures?.corrections).toEqual({ edits: { sent: 0, waiting: 0, gone: 0, failed: 0 }, replies: { sent: 0, waiting: 0, gone: 0, failed: 0 } });
  });
});

describe('pruning', () => {
  it('deletes answers, votes, requests with their user ids older than the retention period, keeping newer ones', async () => {
    const { dir, desk, records } = setUp(30);
    const old = place({ at: new Date(NOW.getTime() - 31 * DAY) });
    const recent = place({ at: new Date(NOW.getTime() - 29 * DAY) });
    records.answers.record(answerOf('old question', [source('a.txt')]), old);
    records.answers.record(answerOf('recent question', [source('a.txt')]), recent);
    records.answers.vote(old.key, 'voter', 1, NOW);
    records.requests.request({ answerKey: old.key, userId: '1196423538999999999', origin: 'downvote', note: null, at: new Date(NOW.getTime() - 31 * DAY) });

    expect(await desk.prune()).toEqual({ answers: 1, requests: 1, refreshes: 0 });
    expect(records.answers.find(old.key)).toBeUndefined();
    expect(records.answers.find(recent.key)?.question).toBe('recent question');
    expect(desk.report().figures?.votes).toEqual([]);
    expect(desk.health().lastPrune?.deleted.answers).toBe(1);
    await desk.close();
    const bytes = [DATABASE_FILE, `${DATABASE_FILE}-wal`].filter((f) => existsSync(join(dir, f))).map((f) => readFileSync(join(dir, f)).toString('latin1'));
    expect(bytes.join('')).not.toContain('old question');
  });
});
