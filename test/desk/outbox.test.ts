import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/types.ts';
import { answerOf, openTestDesk, place, source, tempDir } from './support.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const DAY = 86_400_000;

function setUp() {
  const { dir, remove } = tempDir();
  const opened = openTestDesk(dir);
  cleanups.push(remove);
  return { dir, ...opened, reopen: () => openTestDesk(dir) };
}

/** Answers every question from `doc`, as the new briefs would. */
const answersFrom = (doc: string) => (question: string): Answer => answerOf(question, [source(doc, 'new')]);
const declinesAll = (question: string): Answer => answerOf(question);

describe('planning corrections after a refresh', () => {
  it('edits the answers sent before the refresh, within retention, that quoted a changed or removed brief', async () => {
    const { desk, records } = setUp();
    cleanups.push(() => desk.close());
    const now = Date.now();
    const quotedChanged = place({ at: new Date(now - 60_000) });
    const quotedRemoved = place({ at: new Date(now - 60_000) });
    const quotedOther = place({ at: new Date(now - 60_000) });
    const tooOld = place({ at: new Date(now - 100 * DAY) });
    const afterwards = place({ at: new Date(now + 1_000) });
    const noMessage = place({ at: new Date(now - 60_000), messageId: null });
    records.answers.record(answerOf('q1', [source('changed.txt'), source('other.txt')]), quotedChanged);
    records.answers.record(answerOf('q2', [source('removed.txt')]), quotedRemoved);
    records.answers.record(answerOf('q3', [source('other.txt')]), quotedOther);
    records.answers.record(answerOf('q4', [source('changed.txt')]), tooOld);
    records.answers.record(answerOf('q5', [source('changed.txt')]), afterwards);
    records.answers.record(answerOf('q6', [source('changed.txt')]), noMessage);
    const plan = await records.outbox.plan({ added: [], changed: ['changed.txt'], removed: ['removed.txt'] }, new Date(now), desk.keptSince(), declinesAll);
    expect(plan).toEqual({ edits: 2, replies: 0 });
    const first = records.outbox.next(new Date(now));
    expect(first).toMatchObject({ kind: 'edit', briefRemoved: false, answer: { key: quotedChanged.key, messageId: quotedChanged.messageId } });
    records.outbox.claim(first!.id);
    records.outbox.settle(first!.id, { state: 'sent', by: 'edit' }, new Date(now));
    expect(records.outbox.next(new Date(now))).toMatchObject({ kind: 'edit', briefRemoved: true, answer: { key: quotedRemoved.key } });
  });

  it('replies to the askers of open requests the new briefs answer, quoting an added or changed brief', async () => {
    const { desk, records } = setUp();
    cleanups.push(() => desk.close());
    const at = new Date();
    const ask = (question: string, userId: string) => {
      const where = place();
      records.answers.record(answerOf(question), where);
      const made = records.requests.request({ answerKey: where.key, userId, origin: 'decline', note: null, at });
      if (made.status !== 'recorded') throw new Error('not recorded');
      return made.request;
    };
    const covered = ask('Is the moon made of cheese?', 'u1');
    ask('Who owns Palantir?', 'u2');
    const answers = (question: string) => (question.includes('moon') ? answersFrom('moon.txt')(question) : answersFrom('old.txt')(question));
    const plan = await records.outbox.plan({ added: ['moon.txt'], changed: [], removed: [] }, at, desk.keptSince(), answers);
    expect(plan).toEqual({ edits: 0, replies: 1 });
    const reply = records.outbox.next(at);
    expect(reply).toMatchObject({ kind: 'reply', request: { id: covered.id, userId: 'u1' } });
    // A second refresh does not promise the same asker a second reply.
    expect(await records.outbox.plan({ added: [], changed: ['moon.txt'], removed: [] }, at, desk.keptSince(), answers)).toEqual({ edits: 0, replies: 0 });
    records.outbox.claim(reply!.id);
    records.outbox.settle(reply!.id, { state: 'sent', by: 'dm' }, at);
    expect(records.requests.find(covered.id)?.status).toBe('answered');
    expect(records.outbox.next(at)).toBeUndefined();
  });

  it('replaces an edit still waiting from an earlier refresh', async () => {
    const { desk, records } = setUp();
    cleanups.push(() => desk.close());
    const now = Date.now();
    const where = place({ at: new Date(now - 60_000) });
    records.answers.record(answerOf('q', [source('a.txt')]), where);
    const changes = { added: [], changed: ['a.txt'], removed: [] };
    await records.outbox.plan(changes, new Date(now), desk.keptSince(), declinesAll);
    await records.outbox.plan(changes, new Date(now + 1_000), desk.keptSince(), declinesAll);
    const next = records.outbox.next(new Date(now + 1_000));
    expect(next?.refreshedAt).toBe(now + 1_000);
    records.outbox.settle(next!.id, { state: 'sent', by: 'edit' }, new Date());
    expect(records.outbox.next(new Date(now + 1_000))).toBeUndefined();
  });
});

describe('sending corrections', () => {
  it('carries on after a restart: a correction left "sending" is due again, one settled is not, one to retry waits', async () => {
    const { desk, records, reopen } = setUp();
    const now = Date.now();
    for (let i = 0; i < 3; i++) records.answers.record(answerOf(`q${i}`, [source('a.txt')]), place({ at: new Date(now - 60_000) }));
    await records.outbox.plan({ added: [], changed: ['a.txt'], removed: [] }, new Date(now), desk.keptSince(), declinesAll);
    const first = records.outbox.next(new Date(now))!;
    records.outbox.claim(first.id);
    records.outbox.settle(first.id, { state: 'sent', by: 'edit' }, new Date(now));
    const second = records.outbox.next(new Date(now))!;
    records.outbox.claim(second.id);
    await desk.close();

    const restarted = reopen();
    cleanups.push(() => restarted.desk.close());
    const resumed = restarted.records.outbox.next(new Date(now))!;
    expect(resumed).toMatchObject({ id: second.id, attempts: 1 });
    restarted.records.outbox.settle(resumed.id, { state: 'retry', error: 'HTTP 503', retryAt: new Date(now + 5_000) }, new Date(now));
    const third = restarted.records.outbox.next(new Date(now))!;
    expect(third.id).not.toBe(second.id);
    restarted.records.outbox.settle(third.id, { state: 'gone', error: 'Unknown Message' }, new Date(now));
    expect(restarted.records.outbox.next(new Date(now))).toBeUndefined();
    expect(restarted.records.outbox.nextDueAt()).toBe(now + 5_000);
    expect(restarted.records.outbox.next(new Date(now + 5_000))?.id).toBe(second.id);
  });
});
