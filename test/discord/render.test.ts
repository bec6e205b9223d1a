import { ComponentType, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerUnit, BriefInfo, FollowUp, RefreshOutcome, Source } from '../../src/core/types.ts';
import { parseCustomId, questionKey } from '../../src/discord/customIds.ts';
import { LIMITS, truncate } from '../../src/discord/limits.ts';
import {
  askedIn,
  COLOURS,
  DISCLAIMER,
  renderAnswer,
  renderCompany,
  renderHelp,
  renderNotice,
  renderRefresh,
  renderSources,
  renderUnknownCompany,
  type RenderContext,
  type ReplyPayload,
} from '../../src/discord/render.ts';

const ctx: RenderContext = { now: new Date('2026-03-01T12:00:00Z'), staleAfterDays: 365, corpus: 'c0ffee00' };

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

function followUp(question: string, label: string): FollowUp {
  return { question, label, doc: '001_brief.txt' };
}

function unit(text: string, sourceIndex: number, overrides: Partial<AnswerUnit> = {}): AnswerUnit {
  return { text, citations: [], doc: `00${sourceIndex + 1}_brief.txt`, section: 's', start: 0, end: text.length, cutBefore: false, cutAfter: false, role: 'support', source: sourceIndex, key: null, ...overrides };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'Did Amazon end its ICE contracts?',
    answered: true,
    declineReason: null,
    answer: 'Amazon declined to comment…',
    units: [
      unit('Amazon declined to comment, and $10 million in contracts stayed in place [3] [4]', 0, { role: 'lead', key: '$10 million', cutAfter: true, citations: [3, 4] }),
      unit('the company said little else.', 0, { cutBefore: true }),
      unit('Employees protested in 2018 [7].', 1, { citations: [7] }),
    ],
    sources: [source(1), source(2)],
    topic: { doc: '001_brief.txt', title: 'Brief 1: did the company end its contract?', claim: null },
    note: null,
    readAs: null,
    more: [],
    followUps: [followUp('What contracts link Palantir to AWS?', 'Palantir–AWS contracts'), followUp('Has ICE confirmed use of Rekognition?', 'ICE Rekognition use')],
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
  it('titles the answer by its topic, leads with the lead unit, its key in bold, and marks each unit with its source', () => {
    const payload = renderAnswer(answer(), ctx);
    const [embed] = payload.embeds;
    expect(embed?.author?.name).toBe('Did Amazon end its ICE contracts?');
    expect(embed?.title).toBe('Brief 1: did the company end its contract?');
    expect(embed?.color).toBe(COLOURS.answer);
    expect(embed?.footer?.text).toBe(DISCLAIMER);
    expect(embed?.fields).toBeUndefined();
    expect(embed?.description?.split('\n')).toEqual([
      'Amazon declined to comment, and **$10 million** in contracts stayed in place…¹',
      '- …the company said little else.¹',
      '- Employees protested in 2018.²',
      '',
      '-# ¹ Brief 1: did the company end its contract? · 1. A section heading · checked 1 Feb 2026',
      '-# ² Brief 2: did the company end its contract? · 2. A section heading · checked 1 Feb 2026',
    ]);
    expectWithinLimits(payload);
  });

  it('never shows the briefs’ own [n] markers, and every marker points at a source line of the same reply', () => {
    const description = renderAnswer(answer(), ctx).embeds[0]?.description ?? '';
    expect(description).not.toMatch(/\[\d+\]/);
    const used = new Set(description.split('\n').filter((l) => !l.startsWith('-# ')).flatMap((l) => l.match(/[¹²³]/g) ?? []));
    const listed = new Set(description.split('\n').filter((l) => l.startsWith('-# ')).map((l) => l.slice(3, 4)));
    expect([...used].sort()).toEqual([...listed].sort());
  });

  it('shows at most the lead and two more units, and only the sources they cite', () => {
    const units = [unit('One.', 0), unit('Two.', 1), unit('Three.', 0), unit('Four.', 2)];
    const description = renderAnswer(answer({ units, sources: [source(1), source(2), source(3)] }), ctx).embeds[0]?.description ?? '';
    expect(description).toContain('Three.¹');
    expect(description).not.toContain('Four.');
    expect(description).not.toContain('Brief 3');
  });

  it('labels a brief titled by the claim it checks as the claim, never as a finding', () => {
    const claim = 'America gave Ukraine 400 billion dollars.';
    const payload = renderAnswer(answer({ topic: { doc: '001_brief.txt', title: claim, claim } }), ctx);
    expect(payload.embeds[0]?.title).toBe(`Claim checked: ${claim}`);
    const asked = renderAnswer(answer({ topic: { doc: '001_brief.txt', title: 'Did America give Ukraine $400 billion?', claim } }), ctx);
    expect(asked.embeds[0]?.title).toBe('Did America give Ukraine $400 billion?');
  });

  it('cuts a long topic on a word, to one line', () => {
    const title = 'What official statements have Microsoft and Amazon made about their relationships with ICE and Palantir since 2018?';
    expect(renderAnswer(answer({ topic: { doc: 'x', title, claim: null } }), ctx).embeds[0]?.title).toBe('What official statements have Microsoft and Amazon made…');
  });

  it('says how a misspelt question was read, escaped, and adds the note about differing figures', () => {
    const payload = renderAnswer(answer({ readAs: 'palantir *aws*', note: 'The briefs give different figures for this; the most recently checked comes first.' }), ctx);
    const lines = payload.embeds[0]?.description?.split('\n') ?? [];
    expect(lines[0]).toBe('-# Read as: palantir \\*aws\\*');
    expect(lines).toContain('*The briefs give different figures for this; the most recently checked comes first.*');
  });

  it('links a source whose brief has a link, flags an outdated or stale one, says undated', () => {
    const sources = [source(1, { link: 'https://example.org/brief (1)', outdated: true }), source(2, { checked: '2024-01-01' })];
    const lines = renderAnswer(answer({ sources }), ctx).embeds[0]?.description?.split('\n') ?? [];
    expect(lines).toContain('-# ¹ [Brief 1: did the company end its contract?](https://example.org/brief%20%281%29) · 1. A section heading · checked 1 Feb 2026 · may be outdated');
    expect(lines).toContain('-# ² Brief 2: did the company end its contract? · 2. A section heading · checked 1 Jan 2024 · may be outdated');
    const lenient = renderAnswer(answer({ sources: [source(1), source(2, { checked: null })] }), { ...ctx, staleAfterDays: 1000 });
    expect(lenient.embeds[0]?.description).toContain('· 2. A section heading · undated');
    const unsafe = renderAnswer(answer({ sources: [source(1, { link: 'javascript:alert(1)' }), source(2)] }), ctx);
    expect(unsafe.embeds[0]?.description).not.toContain('javascript');
  });

  it('shows a brief’s markdown characters as text', () => {
    const units = [unit('# Heading *not italic* and [a](https://x.example) link', 0)];
    const description = renderAnswer(answer({ units, sources: [source(1)] }), ctx).embeds[0]?.description ?? '';
    expect(description.split('\n')[0]).toBe('\\# Heading \\*not italic\\* and \\[a](https://x.example) link¹');
  });

  it('offers up to three follow-up buttons labelled short, whose ids carry the corpus and the question', () => {
    const followUps = [followUp('What contracts have been publicly documented between Palantir and ICE since 2018?', 'Palantir–ICE contracts'), ...['A?', 'B?', 'C?', 'A?'].map((q) => followUp(q, q))];
    const found = buttons(renderAnswer(answer({ followUps }), ctx));
    expect(found.map((b) => ('label' in b ? b.label : ''))).toEqual(['Palantir–ICE contracts', 'A?', 'B?']);
    const action = parseCustomId('custom_id' in found[0]! ? found[0].custom_id : '');
    expect(action).toEqual({ kind: 'ask', corpus: 'c0ffee00', key: questionKey(followUps[0]!.question) });
  });

  it('lays a long answer out more tightly, to keep it within 900 visible characters where it can', () => {
    const long = (n: number) => unit(`${'word '.repeat(35)}end ${n}.`, n - 1);
    const sources = [1, 2, 3].map((n) => source(n, { title: `A long brief title that goes on and on about brief number ${n}`, section: `${n}. A long section heading that also goes on and on` }));
    const roomy = renderAnswer(answer({ units: [long(1), long(2)], sources }), ctx).embeds[0]?.description ?? '';
    expect(roomy).toContain('· 1. A long section heading that… ·');
    const tight = renderAnswer(answer({ units: [long(1), long(2), long(3)], sources }), ctx).embeds[0]?.description ?? '';
    expect(tight).toContain('end 3.³');
    expect(tight).toContain('· 1. A long section… ·');
    const tighter = renderAnswer(answer({ question: 'q'.repeat(150), units: [long(1), long(2), long(3)], sources }), ctx).embeds[0]?.description ?? '';
    expect(tighter).not.toContain('end 3.');
  });

  it('stays within every limit for a 6,000-character question, huge units and 30 long sources', () => {
    const units = Array.from({ length: 5 }, (_, i) => unit('a'.repeat(3000), i));
    const sources = Array.from({ length: 30 }, (_, i) => source(i, { title: 't'.repeat(300), section: 's'.repeat(2000) }));
    const payload = renderAnswer(answer({ question: 'q'.repeat(6000), units, sources, topic: { doc: 'x', title: 'T'.repeat(400), claim: null } }), ctx);
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.author?.name).toHaveLength(256);
    expect(payload.embeds[0]?.description?.endsWith('…')).toBe(true);
  });

  it('keeps a question of only emoji whole in the author line, cut on a grapheme', () => {
    const payload = renderAnswer(answer({ question: '🤔'.repeat(200) }), ctx);
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.author?.name).toBe(`${'🤔'.repeat(127)}…`);
  });

  it('never lets @everyone or a user mention ping anyone', () => {
    const payload = renderAnswer(answer({ question: '@everyone @here <@123456789012345678> is this true?' }), ctx);
    expect(payload.allowedMentions).toEqual({ parse: [] });
  });

  it('reads the question back from the author line, and a "tell me more" reply as such', () => {
    const shown = renderAnswer(answer(), ctx).embeds[0];
    expect(askedIn(shown)).toEqual({ question: 'Did Amazon end its ICE contracts?', gaveMore: false });
    const more = renderAnswer(answer(), ctx, { gaveMore: true }).embeds[0];
    expect(more?.author?.name).toBe('More on: Did Amazon end its ICE contracts?');
    expect(askedIn(more)).toEqual({ question: 'Did Amazon end its ICE contracts?', gaveMore: true });
    expect(askedIn(renderSources([], [], ctx).embeds[0])).toBeNull();
  });

  it('heads a decline for a brief without a check date as that, not as a question the briefs miss', () => {
    const undated = { answered: false, answer: 'The brief “Amazon and ICE” does not say when it was checked.', units: [], sources: [], topic: null, followUps: [], suggestions: [] };
    expect(renderAnswer(answer({ ...undated, declineReason: 'undated' }), ctx).embeds[0]?.title).toBe('No check date in the brief');
    expect(renderAnswer(answer({ ...undated, declineReason: 'focus-missing' }), ctx).embeds[0]?.title).toBe('Not covered by the briefs');
  });

  it('makes an abstention look different, says why (escaped) and offers what the briefs cover', () => {
    const payload = renderAnswer(
      answer({
        answered: false,
        declineReason: 'not-covered',
        answer: 'The fact-check briefs don’t cover that (they never mention “**lisbon**”).',
        units: [],
        sources: [],
        topic: null,
        followUps: [],
        suggestions: ['Did Microsoft or Amazon end contracts with ICE and when?', 'Amazon and ICE'],
      }),
      ctx,
    );
    const [embed] = payload.embeds;
    expect(embed?.title).toBe('Not covered by the briefs');
    expect(embed?.color).toBe(COLOURS.abstain);
    expect(embed?.description).toContain('“\\*\\*lisbon\\*\\*”');
    expect(embed?.description).toContain('- Amazon and ICE');
    expect(buttons(payload).map((b) => ('label' in b ? b.label : ''))).toEqual(['Microsoft–Amazon end contracts', 'Amazon and ICE']);
    expectWithinLimits(payload);
  });

  it('asks what about a bare term, with buttons for questions about it', () => {
    const payload = renderAnswer(
      answer({ answered: false, declineReason: 'bare-term', question: 'ICE:', answer: 'What would you like to know about ICE?', units: [], sources: [], topic: null, followUps: [], suggestions: ['Amazon and ICE', 'What contracts have been publicly documented between Palantir and ICE since 2018?'] }),
      ctx,
    );
    const [embed] = payload.embeds;
    expect(embed?.title).toBeUndefined();
    expect(embed?.description).toBe('What would you like to know about ICE?');
    expect(embed?.color).toBe(COLOURS.info);
    expect(buttons(payload).map((b) => ('label' in b ? b.label : ''))).toEqual(['Amazon and ICE', 'Palantir–ICE contracts']);
  });

  it('offers the brief picker only for two or more alternatives, as "Also covered by", with one-line summaries', () => {
    const leads = new Map([['002_brief.txt', `Brief two says ${'much '.repeat(30)}more.`]]);
    const payload = renderAnswer(answer({ alternatives: [source(1), source(2), source(1)] }), ctx, { briefLeads: leads });
    const [select] = selects(payload);
    expect(select?.placeholder).toBe('Also covered by: Brief 2: did the company end its contract?');
    expect(select?.options.map((o) => o.value)).toEqual(['001_brief.txt', '002_brief.txt']);
    expect(select?.options[0]?.description).toBe('checked 1 Feb 2026');
    const described = select?.options[1]?.description ?? '';
    expect(described.length).toBeLessThanOrEqual(100);
    expect(described).toMatch(/ much…$/);
    expect(parseCustomId(select?.custom_id ?? '')).toEqual({ kind: 'pick', corpus: 'c0ffee00' });
    expect(selects(renderAnswer(answer({ alternatives: [source(1)] }), ctx))).toHaveLength(0);
    expectWithinLimits(payload);
  });

  it('marks the picked brief as chosen, and offers at most 25 of 40', () => {
    const picked = renderAnswer(answer({ alternatives: [source(1), source(2)] }), ctx, { picked: '002_brief.txt' });
    expect(selects(picked)[0]?.options.map((o) => o.default ?? false)).toEqual([false, true]);
    expect(selects(picked)[0]?.placeholder).toBe('Also covered by: Brief 1: did the company end its contract?');
    const many = Array.from({ length: 40 }, (_, i) => source(i, { doc: `${i}_${'x'.repeat(90)}`, title: 'T'.repeat(150) }));
    const payload = renderAnswer(answer({ alternatives: many }), ctx);
    expect(selects(payload)[0]?.options).toHaveLength(25);
    expectWithinLimits(payload);
  });

  it('leaves room for two more rows of other features’ buttons', () => {
    const payload = renderAnswer(answer({ alternatives: [source(1), source(2)] }), ctx);
    expect(payload.components.length).toBeLessThanOrEqual(LIMITS.actionRows - 2);
  });
});

describe('renderCompany', () => {
  const points = [
    { text: 'Palantir runs on AWS, the briefs say', cutBefore: false, cutAfter: true, sourceIndex: 0, source: source(1) },
    { text: 'Palantir held ICE contracts worth $41 million.', cutBefore: false, cutAfter: false, sourceIndex: 1, source: source(2) },
    { text: 'it renewed them', cutBefore: true, cutAfter: false, sourceIndex: 0, source: source(1) },
  ];
  const summary = {
    name: 'Palantir',
    found: true,
    points,
    sources: [source(1), source(2)],
    briefs: [{ doc: '001_brief.txt', title: 'Brief 1' }, { doc: '002_brief.txt', title: 'Brief 2' }, { doc: '003_brief.txt', title: 'Brief 3' }],
    corpusBriefs: 5,
    known: [],
  };

  it('says in how many briefs it appears, then short marked units, the sources and a "More about" menu of its briefs', () => {
    const payload = renderCompany(summary, ctx);
    expect(payload.embeds[0]?.title).toBe('Palantir in the briefs');
    expect(payload.embeds[0]?.description?.split('\n')).toEqual([
      '**Palantir appears in 3 of 5 briefs:** Palantir runs on AWS, the briefs say…¹',
      '- Palantir held ICE contracts worth $41 million.²',
      '- …it renewed them¹',
      '',
      '-# ¹ Brief 1: did the company end its contract? · 1. A section heading · checked 1 Feb 2026',
      '-# ² Brief 2: did the company end its contract? · 2. A section heading · checked 1 Feb 2026',
    ]);
    const [menu] = selects(payload);
    expect(menu?.placeholder).toBe('More about Palantir');
    expect(menu?.options.map((o) => o.value)).toEqual(['001_brief.txt', '002_brief.txt', '003_brief.txt']);
    expect(parseCustomId(menu?.custom_id ?? '')).toEqual({ kind: 'company', corpus: 'c0ffee00', name: 'Palantir' });
    expectWithinLimits(payload);
  });

  it('shows an unknown name as typed, its markdown not rendered', () => {
    expect(renderUnknownCompany('**Acme** <@123456789012345678>', [], []).content).toBe('The briefs say nothing about “\\*\\*Acme\\*\\* <\u200b@123456789012345678>”.');
  });

  it('names the organisations the briefs cover when the company is unknown', () => {
    const payload = renderCompany({ ...summary, name: 'Acme', found: false, points: [], sources: [], briefs: [], known: ['Amazon', 'ICE'] }, ctx);
    expect(payload.embeds[0]?.color).toBe(COLOURS.abstain);
    expect(payload.embeds[0]?.description).toBe('The briefs name: Amazon, ICE.');
  });

  it('stays within limits for long points, a long name and 60 briefs', () => {
    const payload = renderCompany(
      {
        ...summary,
        name: 'N'.repeat(400),
        points: Array.from({ length: 3 }, (_, i) => ({ ...points[0]!, text: `${i} ${'p'.repeat(3000)}` })),
        briefs: Array.from({ length: 60 }, (_, i) => ({ doc: `${i}.txt`, title: 'T'.repeat(300) })),
      },
      ctx,
    );
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
    link: null,
    fingerprint: `fp${i}`,
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
