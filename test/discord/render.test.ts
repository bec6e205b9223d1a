import { ComponentType, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, BriefInfo, FollowUp, RefreshOutcome, Source } from '../../src/core/types.ts';
import { parseCustomId, RememberedTexts } from '../../src/discord/customIds.ts';
import { LIMITS, truncate } from '../../src/discord/limits.ts';
import {
  checkedLine,
  COLOURS,
  DISCLAIMER,
  renderAnswer,
  renderCompany,
  renderHelp,
  renderNotice,
  renderRefresh,
  renderSources,
  type RenderContext,
  type ReplyPayload,
} from '../../src/discord/render.ts';

const texts = new RememberedTexts();
const ctx: RenderContext = {
  now: new Date('2026-03-01T12:00:00Z'),
  staleAfterDays: 365,
  remember: (text) => texts.remember(text),
};

function source(n: number, overrides: Partial<Source> = {}): Source {
  return {
    doc: `00${n}_brief.txt`,
    title: `Brief ${n}: did the company end its contract?`,
    section: `${n}. A section heading`,
    checked: '2026-02-01',
    fingerprint: `fp${n}`,
    outdated: false,
    link: null,
    ...overrides,
  };
}

function followUp(question: string): FollowUp {
  return { question, label: question.slice(0, 40), doc: '001_brief.txt' };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'Did Amazon end its ICE contracts?',
    answered: true,
    declineReason: null,
    answer: 'Amazon declined to comment on its ICE work [3] [4].',
    units: [],
    sources: [source(1), source(2)],
    topic: { doc: '001_brief.txt', title: 'Brief 1: did the company end its contract?', claim: null },
    note: null,
    readAs: null,
    more: [],
    followUps: [followUp('What contracts link Palantir to AWS?'), followUp('Has ICE confirmed use of Rekognition?')],
    confidence: 0.8,
    alternatives: [],
    suggestions: [],
    ...overrides,
  };
}

/** Total characters Discord counts towards an embed's 6,000. */
function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Asserts every Discord limit on a payload. */
function expectWithinLimits(payload: ReplyPayload): void {
  expect(payload.allowedMentions).toEqual({ parse: [] });
  expect(payload.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(10);
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    if (embed.title !== undefined) expect(embed.title).not.toBe('');
    if (embed.description !== undefined) expect(embed.description).not.toBe('');
  }
  expect(payload.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
  const customIds: string[] = [];
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const component of row.components) {
      if ('custom_id' in component) {
        customIds.push(component.custom_id);
        expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      }
      if (component.type === ComponentType.Button && 'label' in component) {
        expect(component.label?.length ?? 0).toBeGreaterThan(0);
        expect(component.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      }
      if (component.type === ComponentType.StringSelect) {
        expect(component.options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
        expect(new Set(component.options.map((o) => o.value)).size).toBe(component.options.length);
        for (const option of component.options) {
          expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionLabel);
          expect(option.value.length).toBeLessThanOrEqual(LIMITS.selectOptionValue);
          expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectOptionDescription);
        }
      }
    }
  }
  expect(new Set(customIds).size).toBe(customIds.length);
}

function buttons(payload: ReplyPayload) {
  return payload.components
    .flatMap((row) => row.components)
    .filter((c) => c.type === ComponentType.Button);
}

function selects(payload: ReplyPayload) {
  return payload.components.flatMap((row) => row.components).filter((c) => c.type === ComponentType.StringSelect);
}

describe('truncate', () => {
  it('keeps text that fits, exactly at the limit', () => {
    expect(truncate('a'.repeat(80), 80)).toBe('a'.repeat(80));
  });

  it('cuts text one over the limit and marks the cut', () => {
    const cut = truncate('a'.repeat(81), 80);
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits an emoji, even one made of several code points', () => {
    const family = '👨‍👩‍👧‍👦';
    const cut = truncate(family.repeat(20), 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe(`${family.repeat(2)}…`);
    expect(truncate('😀'.repeat(50), 10)).toBe(`${'😀'.repeat(4)}…`);
  });
});

describe('renderAnswer', () => {
  it('shows the question as title, the answer, its sources and the disclaimer', () => {
    const payload = renderAnswer(answer(), ctx);
    const [embed] = payload.embeds;
    expect(embed?.title).toBe('Did Amazon end its ICE contracts?');
    expect(embed?.description).toContain('[3] [4]');
    expect(embed?.color).toBe(COLOURS.answer);
    expect(embed?.footer?.text).toBe(DISCLAIMER);
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      '1. Brief 1: did the company end its contract?',
      '2. Brief 2: did the company end its contract?',
    ]);
    expect(embed?.fields?.[0]?.value).toBe('1. A section heading\nChecked on 1 February 2026');
    expectWithinLimits(payload);
  });

  it('flags sources checked longer ago than the configured age', () => {
    const payload = renderAnswer(answer({ sources: [source(1, { checked: '2024-01-01' })] }), ctx);
    expect(payload.embeds[0]?.fields?.[0]?.value).toContain('may be out of date');
    const lenient = renderAnswer(answer({ sources: [source(1, { checked: '2024-01-01' })] }), { ...ctx, staleAfterDays: 1000 });
    expect(lenient.embeds[0]?.fields?.[0]?.value).not.toContain('may be out of date');
  });

  it('offers follow-up buttons whose ids lead back to the question', () => {
    const payload = renderAnswer(answer(), ctx);
    const found = buttons(payload);
    expect(found.map((b) => ('label' in b ? b.label : ''))).toEqual(answer().followUps.map((f) => f.question));
    const action = parseCustomId('custom_id' in found[0]! ? found[0].custom_id : '');
    expect(action?.kind).toBe('followUp');
    expect(texts.recall(action!.key)).toBe('What contracts link Palantir to AWS?');
  });

  it('offers at most five follow-ups, without duplicates, from 30', () => {
    const followUps = Array.from({ length: 30 }, (_, i) => followUp(`Follow-up question number ${i % 20}?`));
    const payload = renderAnswer(answer({ followUps }), ctx);
    expect(buttons(payload)).toHaveLength(5);
    expectWithinLimits(payload);
  });

  it('cuts long follow-ups to the 80-character label and keeps the full text behind the id', () => {
    const long = `Which ${'very '.repeat(40)}long question?`;
    const payload = renderAnswer(answer({ followUps: [followUp(long)] }), ctx);
    const [button] = buttons(payload);
    expect(button && 'label' in button ? button.label : '').toHaveLength(80);
    const action = parseCustomId(button && 'custom_id' in button ? button.custom_id : '');
    expect(texts.recall(action!.key)).toBe(long);
    expectWithinLimits(payload);
  });

  it('stays within every limit for a 6,000-character question and a 5,000-character answer', () => {
    const payload = renderAnswer(
      answer({ question: 'q'.repeat(6000), answer: 'a'.repeat(5000), sources: Array.from({ length: 30 }, (_, i) => source(i, { title: 't'.repeat(300), section: 's'.repeat(2000) })) }),
      ctx,
    );
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.title).toHaveLength(256);
    expect(payload.embeds[0]?.description?.endsWith('…')).toBe(true);
  });

  it('keeps the whole embed within 6,000 characters at the edge', () => {
    const payload = renderAnswer(
      answer({ question: 'q'.repeat(256), answer: 'a'.repeat(4096), sources: Array.from({ length: 10 }, (_, i) => source(i, { title: 't'.repeat(250), section: 's'.repeat(1000) })) }),
      ctx,
    );
    expectWithinLimits(payload);
    expect(embedLength(payload.embeds[0]!)).toBeLessThanOrEqual(6000);
  });

  it('handles a question of only emoji', () => {
    const payload = renderAnswer(answer({ question: '🤔'.repeat(200) }), ctx);
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.title).toBe(`${'🤔'.repeat(127)}…`);
  });

  it('never lets @everyone or a user mention ping anyone', () => {
    const payload = renderAnswer(answer({ question: '@everyone @here <@123456789012345678> is this true?' }), ctx);
    expect(payload.allowedMentions).toEqual({ parse: [] });
  });

  it('makes an abstention look different and suggest what the briefs cover', () => {
    const payload = renderAnswer(
      answer({
        answered: false,
        answer: 'The briefs do not say.',
        sources: [],
        followUps: [],
        suggestions: ['Did Microsoft or Amazon end contracts with ICE and when?', 'Amazon and ICE'],
      }),
      ctx,
    );
    const [embed] = payload.embeds;
    expect(embed?.title).toBe('Not covered by the briefs');
    expect(embed?.color).toBe(COLOURS.abstain);
    expect(embed?.description).toContain('Did Amazon end its ICE contracts?');
    expect(embed?.description).toContain('• Amazon and ICE');
    expect(buttons(payload).map((b) => ('label' in b ? b.label : ''))).toEqual([
      'Did Microsoft or Amazon end contracts with ICE and when?',
      'Amazon and ICE',
    ]);
    expectWithinLimits(payload);
  });

  it('asks which brief was meant when two or more match about equally', () => {
    const payload = renderAnswer(answer({ alternatives: [source(1), source(2), source(1)] }), ctx);
    const [select] = selects(payload);
    expect(select?.placeholder).toBe('Which brief did you mean?');
    expect(select?.options.map((o) => o.value)).toEqual(['001_brief.txt', '002_brief.txt']);
    const action = parseCustomId(select?.custom_id ?? '');
    expect(action?.kind).toBe('pick');
    expect(texts.recall(action!.key)).toBe('Did Amazon end its ICE contracts?');
    expectWithinLimits(payload);
  });

  it('offers no picker for a single alternative, and at most 25 options for 40', () => {
    expect(selects(renderAnswer(answer({ alternatives: [source(1)] }), ctx))).toHaveLength(0);
    const many = Array.from({ length: 40 }, (_, i) => source(i, { doc: `${i}_${'x'.repeat(90)}`, title: 'T'.repeat(150) }));
    const payload = renderAnswer(answer({ alternatives: many }), ctx);
    expect(selects(payload)[0]?.options).toHaveLength(25);
    expectWithinLimits(payload);
  });
});

describe('renderCompany', () => {
  it('lists what the briefs say with each point’s source', () => {
    const payload = renderCompany({
      name: 'Palantir',
      found: true,
      points: [{ text: 'Palantir runs on AWS.', source: source(1) }],
      known: [],
    });
    expect(payload.embeds[0]?.title).toBe('Palantir: what the briefs say');
    expect(payload.embeds[0]?.description).toBe('• Palantir runs on AWS. — *Brief 1: did the company end its contract?*');
    expectWithinLimits(payload);
  });

  it('names the organisations the briefs cover when the company is unknown', () => {
    const payload = renderCompany({ name: 'Acme', found: false, points: [], known: ['Amazon', 'ICE'] });
    expect(payload.embeds[0]?.color).toBe(COLOURS.abstain);
    expect(payload.embeds[0]?.description).toBe('The briefs name: Amazon, ICE.');
  });

  it('stays within limits for many long points and a long name', () => {
    const payload = renderCompany({
      name: 'N'.repeat(400),
      found: true,
      points: Array.from({ length: 60 }, (_, i) => ({ text: `${i} ${'p'.repeat(300)}`, source: source(i) })),
      known: [],
    });
    expectWithinLimits(payload);
  });
});

describe('renderSources', () => {
  const brief = (i: number, checked: string | null = '2026-02-01'): BriefInfo => ({
    doc: `${i}.txt`,
    title: `Brief ${i}`,
    checked,
    sections: 6,
    claim: null,
    outdated: false,
    furniture: 0,
    truncated: false,
    prompts: [],
  });

  it('lists each brief by its title with its check date, staleness and sections in small print', () => {
    const payload = renderSources([brief(1), brief(2, '2020-01-01'), brief(3, null)], [], ctx);
    expect(payload.embeds[0]?.title).toBe('Fact-check briefs (3)');
    expect(payload.embeds[0]?.description).toBe(
      [
        '**1.** Brief 1',
        '-# checked 1 Feb 2026 · 6 sections',
        '**2.** Brief 2',
        '-# checked 1 Jan 2020 · may be outdated · 6 sections',
        '**3.** Brief 3',
        '-# undated · 6 sections',
      ].join('\n'),
    );
  });

  it('mentions skipped files first and cuts 400 briefs with a count of the rest', () => {
    const payload = renderSources(Array.from({ length: 400 }, (_, i) => brief(i)), [{ file: 'x.txt', reason: 'is empty' }], ctx);
    const description = payload.embeds[0]?.description ?? '';
    expect(description.split('\n')[0]).toBe('⚠️ 1 file could not be loaded; a moderator can see why with /refresh.');
    expect(description).toMatch(/\n…and \d+ more$/);
    expectWithinLimits(payload);
  });
});

describe('renderRefresh', () => {
  const titles = new Map([
    ['005_new.txt', 'Did the new brief load?'],
    ['001_old.txt', 'Amazon and ICE'],
  ]);
  const refreshed = (report: Partial<Extract<RefreshOutcome, { status: 'refreshed' }>['report']>): RefreshOutcome => ({
    status: 'refreshed',
    report: { added: [], changed: [], removed: [], briefs: 5, passages: 40, skipped: [], ms: 42, ...report },
  });

  it('says "No changes · 5 briefs" on one line when nothing changed', () => {
    const payload = renderRefresh(refreshed({}));
    expect(payload.content).toBe('No changes · 5 briefs');
    expect(payload.embeds).toEqual([]);
  });

  it('reports skipped files first, then briefs by title with their file names small', () => {
    const payload = renderRefresh(
      refreshed({ added: ['005_new.txt'], removed: ['001_old.txt'], skipped: [{ file: 'notes.md', reason: 'is not a .txt file' }] }),
      (doc) => titles.get(doc),
    );
    const embed = payload.embeds[0];
    expect(embed?.title).toBe('Briefs refreshed');
    expect(embed?.description).toBe(
      [
        '**⚠️ Skipped (1)**',
        '- notes.md',
        '-# it is not a .txt file',
        '**Added (1)**',
        '- Did the new brief load?',
        '-# 005_new.txt',
        '**Removed (1)**',
        '- Amazon and ICE',
        '-# 001_old.txt',
      ].join('\n'),
    );
    expect(embed?.footer?.text).toBe('5 briefs · 40 passages · took 42 ms');
  });

  it('names a brief it has no title for by its file, and cuts a long list with a count of the rest', () => {
    const added = Array.from({ length: 400 }, (_, i) => `${String(i).padStart(3, '0')}_${'x'.repeat(20)}.txt`);
    const payload = renderRefresh(refreshed({ added, briefs: 400 }));
    const description = payload.embeds[0]?.description ?? '';
    expect(description).toContain('- 000_xxxxxxxxxxxxxxxxxxxx.txt\n');
    const shown = description.split('\n').length - 2;
    expect(description).toMatch(new RegExp(`\n…and ${400 - shown} more$`));
    expectWithinLimits(payload);
  });

  it('says a failed refresh keeps the previous briefs serving', () => {
    const embed = renderRefresh({ status: 'failed', error: 'seeds: no such directory' }).embeds[0];
    expect(embed?.title).toBe('Refresh failed — the previous briefs keep serving');
    expect(embed?.description).toBe('seeds: no such directory');
    expect(embed?.color).toBe(COLOURS.failure);
  });
});

describe('renderNotice and renderHelp', () => {
  it('cuts a notice to 2,000 characters with mentions off', () => {
    const payload = renderNotice(`@everyone ${'x'.repeat(3000)}`);
    expect(payload.content).toHaveLength(2000);
    expectWithinLimits(payload);
  });

  const overview = { briefs: 5, topics: ['ICE', 'Amazon'], examples: ['Did Amazon end its ICE contracts?', 'Who hosts Palantir?'] };

  it('gives the topics, the example questions and every command, as mentions once their ids are known', () => {
    const ids = new Map([['ask', '111']]);
    const description = renderHelp(overview, (name) => (ids.has(name) ? `</${name}:${ids.get(name)}>` : `/${name}`)).embeds[0]?.description ?? '';
    expect(description).toContain('I answer from **5 fact-check briefs** about ICE and Amazon');
    expect(description).toContain('- Did Amazon end its ICE contracts?\n- Who hosts Palantir?');
    expect(description).toContain('</ask:111> `question`');
    for (const name of ['/company', '/sources', '/refresh']) expect(description).toContain(name);
  });

  it('leaves out what it does not know: no topics, no examples', () => {
    const description = renderHelp({ briefs: 1, topics: [], examples: [] }, (name) => `/${name}`).embeds[0]?.description ?? '';
    expect(description).toMatch(/^I answer from \*\*1 fact-check brief\*\*, quoting/);
    expect(description).not.toContain('Try asking');
  });
});

describe('checkedLine', () => {
  it('is not stale at exactly the configured age', () => {
    expect(checkedLine('2025-03-01', { now: new Date('2026-03-01T00:00:00Z'), staleAfterDays: 365 })).toBe('Checked on 1 March 2025');
    expect(checkedLine('2025-02-28', { now: new Date('2026-03-01T00:00:00Z'), staleAfterDays: 365 })).toContain('may be out of date');
  });
});
