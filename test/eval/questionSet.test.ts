import { describe, expect, it } from 'vitest';
import { parseQuestionSet } from '../../src/eval/questionSet.ts';

describe('parseQuestionSet', () => {
  it('reads fact and out-of-scope lines, letting out-of-scope lines leave out facts and docs', () => {
    const text = [
      '{"id":"x1","q":"Who?","kind":"fact","facts":["chef"],"docs":["a.txt"]}',
      '',
      '{"id":"x2","q":"Capital of France?","kind":"abstain"}',
    ].join('\n');
    expect(parseQuestionSet(text, 'set.jsonl')).toEqual([
      { id: 'x1', q: 'Who?', kind: 'fact', facts: ['chef'], docs: ['a.txt'] },
      { id: 'x2', q: 'Capital of France?', kind: 'abstain', facts: [], docs: [] },
    ]);
  });

  it.each([
    ['{"id":"x1","q":"Who?","kind":"fact","facts":[],"docs":["a.txt"]}', /set.jsonl:1: a fact question needs/],
    ['{"id":"x1","q":"Who?","kind":"maybe"}', /set.jsonl:1: "kind" must be/],
    ['{"id":"x1","q":"Who?","kind":"fact","facts":"chef","docs":["a.txt"]}', /lists of strings/],
    ['{"q":"Who?","kind":"abstain"}', /missing "id"/],
    ['not json', /set.jsonl:1: not JSON/],
    ['{"id":"x1","q":"A?","kind":"abstain"}\n{"id":"x1","q":"B?","kind":"abstain"}', /set.jsonl:2: duplicate id "x1"/],
  ])('rejects a malformed line, naming it: %s', (text, message) => {
    expect(() => parseQuestionSet(text, 'set.jsonl')).toThrow(message);
  });
});
