import { describe, expect, it } from 'vitest';
import type { BriefInfo } from '../../src/core/types.ts';
import { briefInfo } from '../support/briefInfo.ts';
import { askCustomId, companyCustomId, parseCustomId, pickCustomId, questionFor, questionKey } from '../../src/discord/customIds.ts';


/** A knowledge whose briefs (and so its fingerprint) can be swapped, as a refresh does. */
function knowledge(briefs: BriefInfo[], fingerprint: string) {
  const state = { briefs, fingerprint };
  return {
    sources: () => state.briefs,
    fingerprint: () => state.fingerprint,
    set: (b: BriefInfo[], f: string) => {
      state.briefs = b;
      state.fingerprint = f;
    },
  };
}

describe('custom ids', () => {
  it('carry the corpus and a key of the question, within 100 characters, and read back', () => {
    const long = `Which ${'very '.repeat(100)}long question?`;
    const id = askCustomId('0123abcd', long);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(id)).toEqual({ kind: 'ask', corpus: '0123abcd', key: questionKey(long) });
    expect(parseCustomId(pickCustomId('0123abcd'))).toEqual({ kind: 'pick', corpus: '0123abcd' });
    expect(parseCustomId(companyCustomId('0123abcd', 'McKinsey & Company'))).toEqual({ kind: 'company', corpus: '0123abcd', name: 'McKinsey & Company' });
    expect(companyCustomId('0123abcd', 'N'.repeat(300)).length).toBeLessThanOrEqual(100);
  });

  it('tell the ids of the version that kept texts in memory as expired, and reject ids the bot did not make', () => {
    expect(parseCustomId('fu:AAAAAAAAAAAAAAAA')).toEqual({ kind: 'expired' });
    for (const id of ['', 'fu:', 'other:abc', 'ask:0123abcd:short', 'ask:XYZ:AAAAAAAAAAAA', `fu:${'x'.repeat(200)}`]) expect(parseCustomId(id)).toBeNull();
  });
});

describe('questionFor', () => {
  it('finds the title or prompt behind a key among the live briefs, after a restart too (nothing kept in memory)', () => {
    const k = knowledge([briefInfo('Did Amazon end its ICE work?', ['What did Nadella say?'])], 'aaaaaaaa');
    expect(questionFor(k, questionKey('What did Nadella say?'))).toBe('What did Nadella say?');
    expect(questionFor(k, questionKey('Did Amazon end its ICE work?'))).toBe('Did Amazon end its ICE work?');
    const restarted = knowledge([briefInfo('Did Amazon end its ICE work?', ['What did Nadella say?'])], 'aaaaaaaa');
    expect(questionFor(restarted, questionKey('What did Nadella say?'))).toBe('What did Nadella say?');
  });

  it('finds nothing for a question the briefs no longer hold once they change', () => {
    const k = knowledge([briefInfo('Old title?', ['Old prompt?'])], 'aaaaaaaa');
    expect(questionFor(k, questionKey('Old prompt?'))).toBe('Old prompt?');
    k.set([briefInfo('New title?', [])], 'bbbbbbbb');
    expect(questionFor(k, questionKey('Old prompt?'))).toBeUndefined();
    expect(questionFor(k, questionKey('New title?'))).toBe('New title?');
  });
});
