import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, openTestDesk, place, source, tempDir } from './support.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function records() {
  const { dir, remove } = tempDir();
  const opened = openTestDesk(dir);
  cleanups.push(remove, () => opened.desk.close());
  return opened.records;
}

describe('requests', () => {
  it('records a request from a declined answer with where to reply, and groups much the same ones by distinct askers', () => {
    const desk = records();
    const asked = (question: string) => {
      const where = place();
      desk.answers.record(answerOf(question), where);
      return where;
    };
    const first = asked('Did Amazon end its contracts with ICE?');
    const second = asked('did amazon stop ICE contracts');
    const other = asked('Who owns Palantir?');
    const at = new Date();
    const one = desk.requests.request({ answerKey: first.key, userId: 'u1', origin: 'decline', note: null, at });
    expect(one).toMatchObject({
      status: 'recorded',
      request: { question: 'Did Amazon end its contracts with ICE?', userId: 'u1', channelId: first.channelId, messageId: first.messageId, status: 'open' },
      group: { askers: 1, requests: 1 },
    });
    const two = desk.requests.request({ answerKey: second.key, userId: 'u2', origin: 'decline', note: '  the 2025 renewal  ', at });
    expect(two.status === 'recorded' && two.group).toMatchObject({ askers: 2, requests: 2, notes: ['the 2025 renewal'], question: 'Did Amazon end its contracts with ICE?' });
    // The same person asking about a second wording counts once among the askers.
    const three = desk.requests.request({ answerKey: second.key, userId: 'u1', origin: 'downvote', note: null, at });
    expect(three.status === 'recorded' && three.group).toMatchObject({ askers: 2, requests: 3, origins: ['decline', 'downvote'] });
    desk.requests.request({ answerKey: other.key, userId: 'u3', origin: 'decline', note: null, at });
    expect(desk.requests.openGroups().map((group) => [group.question, group.askers])).toEqual([
      ['Did Amazon end its contracts with ICE?', 2],
      ['Who owns Palantir?', 1],
    ]);
  });

  it('updates the note when the same person asks again about the same answer', () => {
    const desk = records();
    const where = place();
    desk.answers.record(answerOf('Is the moon made of cheese?'), where);
    const at = new Date();
    desk.requests.request({ answerKey: where.key, userId: 'u1', origin: 'decline', note: 'first thought', at });
    const again = desk.requests.request({ answerKey: where.key, userId: 'u1', origin: 'decline', note: 'second thought', at });
    expect(again).toMatchObject({ status: 'updated', request: { note: 'second thought' }, group: { requests: 1 } });
  });

  it('says when the answer is not recorded', () => {
    const desk = records();
    expect(desk.requests.request({ answerKey: 'nothing', userId: 'u1', origin: 'decline', note: null, at: new Date() })).toEqual({ status: 'unknown-answer' });
  });

  it('resolves a whole group at once and remembers its queue item for the next similar request', () => {
    const desk = records();
    const at = new Date();
    const ask = (question: string, userId: string) => {
      const where = place();
      desk.answers.record(answerOf(question, [source('a.txt')]), where);
      return desk.requests.request({ answerKey: where.key, userId, origin: 'downvote', note: null, at });
    };
    const first = ask('How much was the GitHub ICE contract?', 'u1');
    if (first.status !== 'recorded') throw new Error('not recorded');
    desk.requests.setQueueItem(first.group.groupId, 'mod-channel', 'queue-message');
    const second = ask('github ice contract how much', 'u2');
    expect(second.status === 'recorded' && second.group.queueItem).toEqual({ channelId: 'mod-channel', messageId: 'queue-message' });
    expect(desk.requests.resolveGroup(first.group.groupId, 'covered', at)).toBe(2);
    expect(desk.requests.openGroups()).toEqual([]);
    // Covered requests still wait for the desk's answer; dismissed ones do not.
    expect(desk.requests.awaitingAnswer().map((request) => request.status)).toEqual(['covered', 'covered']);
    const third = ask('Who owns Palantir?', 'u3');
    if (third.status !== 'recorded') throw new Error('not recorded');
    desk.requests.resolveGroup(third.group.groupId, 'dismissed', at);
    expect(desk.requests.awaitingAnswer()).toHaveLength(2);
  });
});
