/**
 * End to end: the real discord.js client, the real commands and the real knowledge over a copy of
 * seeds/, logged into the fake Discord through DISCORD_API_URL.
 */
import { rm, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { displayText } from '../../src/core/answerer.ts';
import { overview } from '../../src/core/overview.ts';
import type { Knowledge } from '../../src/core/types.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { COLOURS, DISCLAIMER } from '../../src/discord/render.ts';
import { UNHANDLED_NOTICE } from '../../src/discord/router.ts';
import {
  BOT_USER,
  Intent,
  MODERATOR_USER,
  OTHER_BOT_USER,
  OWNER_USER,
  PLAIN_USER,
  TEST_GUILD_ID,
  startFakeDiscord,
  type FakeDiscord,
  type FakeUser,
  type InteractionOutcome,
  type Json,
} from '../fakeDiscord/index.ts';
import { askedOf, componentsOf, embedOf, isEphemeral, newUser, replyOf, startBotUnderTest, type BotUnderTest } from './e2eSupport.ts';
import { liveMarkup } from './liveMarkup.ts';

const COVERED = 'Did Microsoft or Amazon end contracts with ICE?';
/** The example: an out-of-scope question carrying a masked link and markdown. */
const HOSTILE_OUT_OF_SCOPE = '**Breaking** ||spoiler|| [click here to verify](https://evil.example/login) what is the capital of France?';

let discord: FakeDiscord;
let app: BotUnderTest;
/** Set by a test to make the next knowledge.answer throw, as an unexpected core failure would. */
let failNextAnswer = false;

const faultable = (knowledge: Knowledge): Knowledge => ({
  answer: (question, options) => {
    if (failNextAnswer) {
      failNextAnswer = false;
      throw new Error('injected failure');
    }
    return knowledge.answer(question, options);
  },
  summarizeCompany: (name) => knowledge.summarizeCompany(name),
  organisations: () => knowledge.organisations(),
  sources: () => knowledge.sources(),
  gaps: () => knowledge.gaps(),
  skipped: () => knowledge.skipped(),
  fingerprint: () => knowledge.fingerprint(),
  refresh: () => knowledge.refresh(),
});

function ask(question: string, user: FakeUser = newUser(), extra: { guildId?: string | null } = {}): Promise<InteractionOutcome> {
  return discord.sendInteraction({ type: 'command', name: 'ask', options: { question }, user, ...extra });
}

beforeAll(async () => {
  discord = await startFakeDiscord();
  app = await startBotUnderTest(discord, {}, faultable);
});

afterAll(async () => {
  await app?.close();
  await discord?.close();
});

describe('deploy', () => {
  it('registers every command in the guild, with the option and permission definitions', async () => {
    const count = await deployCommands(commands, {
      token: discord.token,
      clientId: discord.applicationId,
      guildId: TEST_GUILD_ID,
      apiUrl: discord.apiUrl,
    });
    expect(count).toBe(7);
    const registered = discord.commands.get(TEST_GUILD_ID) ?? [];
    const byName = new Map(registered.map((command) => [command['name'] as string, command]));
    expect([...byName.keys()].sort()).toEqual(['ask', 'company', 'help', 'queue', 'refresh', 'sources', 'stats']);
    expect(byName.get('ask')?.['options']).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, max_length: 1000 }),
    ]);
    expect(byName.get('company')?.['options']).toEqual([
      expect.objectContaining({ name: 'name', type: 3, required: true, autocomplete: true }),
    ]);
    for (const name of ['refresh', 'queue', 'stats']) expect(byName.get(name)?.['default_member_permissions']).toBe('32');
    expect(byName.get('sources')?.['default_member_permissions'] ?? null).toBeNull();
  });

  it('registers globally without a guild id', async () => {
    await deployCommands(commands, { token: discord.token, clientId: discord.applicationId, guildId: null, apiUrl: discord.apiUrl });
    expect((discord.commands.get('global') ?? []).map((command) => command['name'])).toHaveLength(7);
  });
});

describe('login', () => {
  it('identifies with the least intents and becomes ready as the bot user', () => {
    expect(app.bot.client.user.id).toBe(BOT_USER.id);
    const identify = discord.identifies.at(-1);
    expect(identify?.accepted).toBe(true);
    expect(identify?.intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages);
  });

  it('never writes the token in a log line, even at debug level', () => {
    expect(app.rawLogs.length).toBeGreaterThan(0);
    expect(app.rawLogs.join('')).not.toContain(discord.token);
  });
});

describe('/ask', () => {
  it('answers at once, lead first: the question asked, the topic as title, marked units, one line per source, follow-up buttons', async () => {
    const outcome = await ask(COVERED);
    expect(outcome.timedOut).toBe(false);
    expect(outcome.callback?.type).toBe(4);
    const body = replyOf(outcome);
    const embed = embedOf(body);
    const answer = app.knowledge.answer(COVERED);
    expect(embed.author?.name).toBe(COVERED);
    expect(embed.title).toBe(answer.topic?.title);
    expect(embed.color).toBe(COLOURS.answer);
    const lines = embed.description?.split('\n') ?? [];
    expect(lines[0]).toMatch(/^Neither Microsoft nor Amazon has.*¹$/);
    expect(embed.description).not.toMatch(/\[\d+\]/);
    const sourceLines = lines.filter((l) => l.startsWith('-# '));
    expect(sourceLines).toHaveLength(new Set(answer.units.slice(0, 3).map((u) => u.source)).size);
    for (const line of sourceLines) expect(line).toMatch(/^-# [¹²³] .+ · .+ · (checked \d{1,2} \w{3} \d{4}( · may be outdated)?|undated)$/);
    expect(embed.fields).toBeUndefined();
    expect(embed.footer?.text).toBe(DISCLAIMER);
    const buttons = componentsOf(body).filter((c) => c.type === 2 && c.custom_id.startsWith('ask:'));
    expect(buttons.map((b) => b.label)).toEqual(answer.followUps.slice(0, 3).map((f) => f.label));
    expect(buttons.length).toBeGreaterThan(0);
    expect(body['allowed_mentions']).toEqual({ parse: [] });
    expect(isEphemeral(body)).toBe(false);
  });

  it('logs one line per question with guild, latency and outcome, without the question at info', async () => {
    const question = 'Has ICE confirmed using Amazon Rekognition?';
    await ask(question);
    const line = app.logs.findLast((entry) => entry['msg'] === 'question');
    expect(line).toMatchObject({ level: 'info', via: 'slash', guild: TEST_GUILD_ID, outcome: expect.any(String) });
    expect(typeof line?.['latencyMs']).toBe('number');
    const infoLines = app.rawLogs.filter((raw) => !raw.includes('"level":"debug"'));
    expect(infoLines.join('')).not.toContain(question);
  });

  it('pings nobody when the question contains @everyone', async () => {
    const outcome = await ask('@everyone @here <@1196423538450366472> did Amazon cut ties with ICE?');
    const body = replyOf(outcome);
    expect(body['allowed_mentions']).toEqual({ parse: [] });
    // The question shows in the author line, which Discord shows as plain text: it pings, links and formats nothing.
    expect(askedOf(body)).toBe('@everyone @here <@1196423538450366472> did Amazon cut ties with ICE?');
    expect(liveMarkup(`${embedOf(body).title ?? ''}\n${embedOf(body).description ?? ''}`)).not.toContain('mass mention');
  });

  it('shows a question with links and markdown inert, in the decline and in an answer', async () => {
    const declined = embedOf(replyOf(await ask(HOSTILE_OUT_OF_SCOPE)));
    expect(declined.title).toBe('Not covered by the briefs');
    expect(declined.author?.name).toBe(HOSTILE_OUT_OF_SCOPE);
    expect(declined.description).not.toContain('evil.example');
    expect(liveMarkup(declined.description?.split('\n')[0] ?? '')).toEqual([]);
    const hostile = `\`\`\` [${COVERED}](https://evil.example/login) **now**`;
    const answered = embedOf(replyOf(await ask(hostile)));
    expect(answered.author?.name).toBe(hostile);
    expect(answered.title).toBe(app.knowledge.answer(COVERED).topic?.title);
    expect(answered.description).not.toContain('evil.example');
  });

  it('shows an abstention differently, with suggestions of what the briefs cover whose buttons answer', async () => {
    const body = replyOf(await ask('What will the weather be in Lisbon tomorrow?'));
    const embed = embedOf(body);
    expect(embed.title).toBe('Not covered by the briefs');
    expect(embed.color).toBe(COLOURS.abstain);
    expect(embed.description).toContain('The briefs do cover');
    const buttons = componentsOf(body).filter((c) => c.type === 2 && c.custom_id.startsWith('ask:'));
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      const reply = replyOf(await discord.sendInteraction({ type: 'button', customId: button.custom_id, user: newUser() }));
      expect(embedOf(reply).color, button.label).toBe(COLOURS.answer);
    }
  });

  it('asks what about a bare term, with buttons for questions about it that the briefs answer', async () => {
    for (const question of ['ICE:', 'palantir']) {
      const body = replyOf(await ask(question));
      expect(embedOf(body).description).toBe(`What would you like to know about ${question.replace(':', '')}?`);
      const buttons = componentsOf(body).filter((c) => c.type === 2 && c.custom_id.startsWith('ask:'));
      expect(buttons.length).toBeGreaterThan(0);
      expect(buttons.length).toBeLessThanOrEqual(3);
      for (const button of buttons) {
        expect(button.label?.length).toBeLessThanOrEqual(40);
        const reply = replyOf(await discord.sendInteraction({ type: 'button', customId: button.custom_id, user: newUser() }));
        expect(embedOf(reply).color, button.label).toBe(COLOURS.answer);
      }
    }
  });

  it('offers "Also covered by" when two briefs match about equally; the asker’s pick edits the same message', async () => {
    const question = 'Palantir AWS';
    const user = newUser();
    const first = await ask(question, user);
    const body = replyOf(first);
    const picker = componentsOf(body).find((c) => c.type === 3);
    expect(picker?.placeholder).toMatch(/^Also covered by: /);
    expect(picker?.options?.length).toBeGreaterThanOrEqual(2);
    for (const option of picker?.options ?? []) expect(option.description?.length).toBeGreaterThan(0);
    const chosen = picker?.options?.[1];
    const outcome = await discord.sendInteraction({ type: 'select', customId: picker?.custom_id ?? '', values: [chosen?.value ?? ''], user });
    expect(outcome.callback?.type).toBe(7);
    expect(outcome.messageId).toBe(first.messageId);
    const updated = replyOf(outcome);
    expect(askedOf(updated)).toBe(question);
    const brief = app.knowledge.sources().find((b) => b.doc === chosen?.value);
    expect(brief?.title.startsWith((embedOf(updated).title ?? '?').replace(/…$/, ''))).toBe(true);
    expect(embedOf(updated).description).toContain(displayText(app.knowledge.answer(question, { doc: chosen?.value ?? '' }).units[0]!));
    // The picker stays, the chosen brief marked, so the asker can switch back.
    const again = componentsOf(updated).find((c) => c.type === 3);
    expect(again?.options?.find((o) => o.value === chosen?.value)?.default).toBe(true);
  });

  it('answers someone else’s pick privately, leaving the asker’s message as it was', async () => {
    const first = replyOf(await ask('Palantir AWS', newUser()));
    const picker = componentsOf(first).find((c) => c.type === 3);
    const outcome = await discord.sendInteraction({ type: 'select', customId: picker?.custom_id ?? '', values: [picker?.options?.[1]?.value ?? ''], user: newUser() });
    expect(outcome.callback?.type).toBe(4);
    expect(isEphemeral(replyOf(outcome))).toBe(true);
  });

  it('answers odd input without failing: "ICE:", only emoji', async () => {
    for (const question of ['ICE:', '🤔🙃🔥']) {
      const outcome = await ask(question);
      expect(outcome.callback?.type).toBe(4);
      expect(isEphemeral(replyOf(outcome))).toBe(false);
      expect(embedOf(replyOf(outcome)).footer?.text).toBe(DISCLAIMER);
    }
  });

  it('replies clearly and privately to an empty or a 5,000-character question', async () => {
    const empty = replyOf(await ask('   '));
    expect(isEphemeral(empty)).toBe(true);
    expect(empty['content']).toContain('Please ask a question');
    const long = replyOf(await ask('Is it true that '.repeat(313).slice(0, 5000)));
    expect(isEphemeral(long)).toBe(true);
    expect(long['content']).toContain('5,000 characters');
    expect(long['allowed_mentions']).toEqual({ parse: [] });
  });

  it('tells a user who asks too fast to wait, privately', async () => {
    const user = newUser();
    const outcomes: InteractionOutcome[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(await ask(`${COVERED} (${i})`, user));
    expect(outcomes.slice(0, 5).every((o) => !isEphemeral(replyOf(o)))).toBe(true);
    const notice = replyOf(outcomes[5]!);
    expect(isEphemeral(notice)).toBe(true);
    expect(notice['content']).toMatch(/5 questions every 30 seconds\. Try again in \d+ s\./);
  });

  it('answers in a DM too', async () => {
    const outcome = await ask(COVERED, newUser(), { guildId: null });
    expect(askedOf(replyOf(outcome))).toBe(COVERED);
  });

  it('turns a handler failure into a private message with an error id that is also logged', async () => {
    failNextAnswer = true;
    const body = replyOf(await ask(COVERED));
    expect(isEphemeral(body)).toBe(true);
    const id = /error id `([0-9a-f]{8})`/.exec(String(body['content']))?.[1];
    expect(id).toBeDefined();
    expect(app.logs.some((line) => line['level'] === 'error' && line['errorId'] === id)).toBe(true);
    expect(replyOf(await ask(COVERED)).embeds).toBeDefined();
  });
});

describe('follow-up buttons', () => {
  it('ask the whole follow-up question, privately, behind a short label', async () => {
    const body = replyOf(await ask(COVERED));
    const [button] = componentsOf(body).filter((c) => c.type === 2);
    const followUp = app.knowledge.answer(COVERED).followUps[0];
    expect(button?.label).toBe(followUp?.label);
    const outcome = await discord.sendInteraction({ type: 'button', customId: button?.custom_id ?? '', user: newUser() });
    expect(outcome.callback?.type).toBe(4);
    const reply = replyOf(outcome);
    expect(isEphemeral(reply)).toBe(true);
    expect(askedOf(reply)).toBe(followUp?.question);
    expect(embedOf(reply).color).toBe(COLOURS.answer);
  });

  it('say kindly that a button of an earlier version no longer works', async () => {
    const outcome = await discord.sendInteraction({ type: 'button', customId: 'fu:AAAAAAAAAAAAAAAA', user: newUser() });
    const reply = replyOf(outcome);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply['content']).toContain('ask again');
  });
});

describe('interactions the bot never registered', () => {
  it('get a short private reply instead of "This interaction failed": a modal, a user context-menu command', async () => {
    for (const spec of [
      { type: 'modal', customId: 'someone-elses-form', fields: { note: 'hello' } },
      { type: 'userCommand', name: 'Report user', target: PLAIN_USER },
    ] as const) {
      const outcome = await discord.sendInteraction({ ...spec, user: newUser() });
      expect(outcome.callback?.type).toBe(4);
      const body = replyOf(outcome);
      expect(isEphemeral(body)).toBe(true);
      expect(body['content']).toBe(UNHANDLED_NOTICE);
    }
  });
});

describe('/company', () => {
  it('autocompletes known organisations matching what is typed, at most 25', async () => {
    const outcome = await discord.sendInteraction({ type: 'autocomplete', name: 'company', options: { name: 'pal' }, focused: 'name' });
    expect(outcome.callback?.type).toBe(8);
    const choices = (outcome.callback?.data?.['choices'] ?? []) as { name: string; value: string }[];
    expect(choices.map((choice) => choice.value)).toContain('Palantir');
    expect(choices.every((choice) => `${choice.name}`.toLowerCase().includes('pal'))).toBe(true);
    const all = await discord.sendInteraction({ type: 'autocomplete', name: 'company', options: { name: '' }, focused: 'name' });
    const every = (all.callback?.data?.['choices'] ?? []) as { value: string }[];
    const subjects = app.knowledge.organisations().filter((o) => o.kind !== 'outlet');
    expect(every.length).toBe(Math.min(25, subjects.length));
    expect(every.map((choice) => choice.value)).not.toContain('Bloomberg');
  });

  it('autocompletes Microsoft first for "mic"', async () => {
    const outcome = await discord.sendInteraction({ type: 'autocomplete', name: 'company', options: { name: 'mic' }, focused: 'name' });
    const choices = (outcome.callback?.data?.['choices'] ?? []) as { value: string }[];
    expect(choices[0]?.value).toBe('Microsoft');
    expect(choices.map((choice) => choice.value)).not.toContain('DatacenterDynamics');
  });

  it('summarises a company in three lines with marked units, its sources, and a "More about" menu that answers from a brief', async () => {
    const body = replyOf(await discord.sendInteraction({ type: 'command', name: 'company', options: { name: 'Palantir' } }));
    const embed = embedOf(body);
    const summary = app.knowledge.summarizeCompany('Palantir');
    expect(embed.title).toBe('Palantir in the briefs');
    const lines = embed.description?.split('\n') ?? [];
    const units = lines.filter((l) => l !== '' && !l.startsWith('-# '));
    expect(units.length).toBeLessThanOrEqual(3);
    expect(units[0]).toMatch(new RegExp(`^\\*\\*Palantir appears in (all )?\\d+ (of \\d+ )?briefs:\\*\\* .+¹$`));
    expect(lines.filter((l) => l.startsWith('-# '))).toHaveLength(summary.sources.length);
    expect(body['allowed_mentions']).toEqual({ parse: [] });
    const menu = componentsOf(body).find((c) => c.type === 3);
    expect(menu?.placeholder).toBe('More about Palantir');
    expect(menu?.options?.map((o) => o.value)).toEqual(summary.briefs.map((b) => b.doc));
    const doc = summary.briefs[1]?.doc ?? '';
    const picked = replyOf(await discord.sendInteraction({ type: 'select', customId: menu?.custom_id ?? '', values: [doc], user: newUser() }));
    expect(isEphemeral(picked)).toBe(true);
    const answer = app.knowledge.answer('What do the briefs say about Palantir?', { doc });
    expect(answer.answered).toBe(true);
    expect(embedOf(picked).description).toContain(displayText(answer.units[0]!));
  });

  it('answers an unknown name privately with close names the briefs cover, organisations only', async () => {
    const close = replyOf(await discord.sendInteraction({ type: 'command', name: 'company', options: { name: 'Microsoft Corp' } }));
    expect(isEphemeral(close)).toBe(true);
    expect(close['content']).toBe('The briefs say nothing about “Microsoft Corp”. Did you mean **Microsoft**?');
    const far = replyOf(await discord.sendInteraction({ type: 'command', name: 'company', options: { name: 'Initech' } }));
    expect(isEphemeral(far)).toBe(true);
    expect(far['content']).toMatch(/^The briefs say nothing about “Initech”\. They are about .*\*\*Palantir\*\*/);
    expect(far['content']).not.toMatch(/Bloomberg|Business Insider/);
  });
});

describe('/sources and /help', () => {
  it('lists the briefs by title with check dates and section counts in small print', async () => {
    const embed = embedOf(replyOf(await discord.sendInteraction({ type: 'command', name: 'sources' })));
    expect(embed.title).toBe(`Fact-check briefs (${app.knowledge.sources().length})`);
    const lines = (embed.description ?? '').split('\n');
    expect(lines).toHaveLength(2 * app.knowledge.sources().length);
    for (const [i, brief] of app.knowledge.sources().entries()) {
      expect(lines[2 * i]).toBe(`**${i + 1}.** ${brief.title}`);
      expect(lines[2 * i + 1]).toMatch(/^-# (checked \d{1,2} \w{3} \d{4}( · may be outdated)?|undated) · \d+ sections?$/);
    }
  });

  it('explains privately what the briefs cover, with examples and clickable commands once registered', async () => {
    const body = replyOf(await discord.sendInteraction({ type: 'command', name: 'help' }));
    expect(isEphemeral(body)).toBe(true);
    const description = embedOf(body).description ?? '';
    expect(description).toContain('about Amazon, ICE, Microsoft and Palantir');
    for (const example of overview(app.knowledge).examples) expect(description).toContain(`- ${example}`);
    // The deploy tests above registered the commands, and /ask has been used since, so its id is known.
    const askId = (discord.commands.get(TEST_GUILD_ID) ?? []).find((command) => command['name'] === 'ask')?.['id'];
    expect(description).toContain(`</ask:${String(askId)}> \`question\``);
  });
});

describe('/refresh', () => {
  it('is refused to a member without Manage Server', async () => {
    const body = replyOf(await discord.sendInteraction({ type: 'command', name: 'refresh', user: PLAIN_USER }));
    expect(isEphemeral(body)).toBe(true);
    expect(body['content']).toContain('Manage Server');
  });

  it('reloads the briefs for a moderator and reports added, changed, removed and skipped files', async () => {
    const original = await readFile(join(app.seedsDir, '001_def9eb3d8057f38a.txt'), 'utf8');
    await writeFile(join(app.seedsDir, '005_new.txt'), original.replace(/^.*\n/, 'Did the new brief load after a refresh?\n'));
    await writeFile(join(app.seedsDir, '006_empty.txt'), '');
    await rm(join(app.seedsDir, '003_cbc81d907373efa0.txt'));
    try {
      const outcome = await discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 10_000 });
      expect(outcome.callback?.type).toBe(5);
      expect(isEphemeral(outcome.callback?.data ?? {})).toBe(true);
      const embed = embedOf(replyOf(outcome));
      expect(embed.title).toBe('Briefs refreshed');
      expect(embed.description).toBe(
        [
          '**⚠️ Skipped (1)**',
          '- 006_empty.txt',
          '-# it is empty',
          '**Added (1)**',
          '- Did the new brief load after a refresh?',
          '-# 005_new.txt',
          '**Removed (1)**',
          '- ICE’s $100M cloud deal could renew pressure on AWS, Microsoft over human rights abuses',
          '-# 003_cbc81d907373efa0.txt',
        ].join('\n'),
      );
      expect(embed.footer?.text).toMatch(/^5 briefs · \d+ passages · took \d+ ms$/);
      const sources = embedOf(replyOf(await discord.sendInteraction({ type: 'command', name: 'sources' })));
      expect(sources.description).toContain('Did the new brief load after a refresh?');
    } finally {
      await writeFile(join(app.seedsDir, '003_cbc81d907373efa0.txt'), await readFile(join(import.meta.dirname, '../../seeds/003_cbc81d907373efa0.txt')));
      await rm(join(app.seedsDir, '005_new.txt'));
      await rm(join(app.seedsDir, '006_empty.txt'));
    }
  });

  it('says "No changes · 5 briefs" on one line when nothing changed', async () => {
    const refresh = () => discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 10_000 });
    // The test before put the seeds back as they were: the first refresh reports that, the second nothing.
    await refresh();
    const body = replyOf(await refresh());
    expect(body['content']).toBe('No changes · 5 briefs');
    expect(body['embeds']).toEqual([]);
  });

  it('keeps the old briefs serving when the refresh fails', async () => {
    const before = app.knowledge.sources().length;
    const moved = `${app.seedsDir}-moved`;
    const { rename } = await import('node:fs/promises');
    await rename(app.seedsDir, moved);
    try {
      const outcome = await discord.sendInteraction({ type: 'command', name: 'refresh', user: MODERATOR_USER }, { timeoutMs: 10_000 });
      const embed = embedOf(replyOf(outcome));
      expect(embed.title).toBe('Refresh failed — the previous briefs keep serving');
      expect(app.knowledge.sources()).toHaveLength(before);
      expect(askedOf(replyOf(await ask(COVERED)))).toBe(COVERED);
    } finally {
      await rename(moved, app.seedsDir);
    }
  });
});

describe('messages', () => {
  it('answers an @mention as a reply, without the mention and pinging no one', async () => {
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}> ${COVERED} @everyone`, mentions: [BOT_USER], author: newUser() });
    const reply = await discord.waitForReply(sent.id);
    const body = reply.body as Json;
    expect(askedOf(body)).toBe(`${COVERED} @everyone`);
    expect(body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('shows a mentioned or DMed question with links and markdown inert', async () => {
    const mention = discord.sendMessage({ content: `<@${BOT_USER.id}> ${HOSTILE_OUT_OF_SCOPE}`, mentions: [BOT_USER], author: newUser() });
    const dm = discord.sendMessage({ content: HOSTILE_OUT_OF_SCOPE, author: MODERATOR_USER, guildId: null });
    for (const sent of [mention, dm]) {
      const embed = embedOf((await discord.waitForReply(sent.id)).body as Json);
      // In the author line, which Discord shows as plain text; nowhere it would render.
      expect(embed.author?.name).toBe(HOSTILE_OUT_OF_SCOPE);
      expect(embed.description).not.toContain('evil.example');
    }
  });

  it('answers a direct message', async () => {
    // The fake knows DM channels of its fixture users only.
    const sent = discord.sendMessage({ content: COVERED, author: OWNER_USER, guildId: null });
    const body = (await discord.waitForReply(sent.id)).body as Json;
    expect(askedOf(body)).toBe(COVERED);
  });

  it('answers a bare mention with what the briefs cover and questions to try', async () => {
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}>`, mentions: [BOT_USER], author: newUser() });
    const body = (await discord.waitForReply(sent.id)).body as Json;
    const description = embedOf(body).description ?? '';
    expect(description).toContain('about Amazon, ICE, Microsoft and Palantir');
    for (const example of overview(app.knowledge).examples) expect(description).toContain(`- ${example}`);
    expect(body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('ignores other bots and messages that do not mention it', async () => {
    const fromBot = discord.sendMessage({ content: `<@${BOT_USER.id}> ${COVERED}`, mentions: [BOT_USER], author: OTHER_BOT_USER });
    const unaddressed = discord.sendMessage({ content: COVERED, author: newUser() });
    // Messages are handled in order, so once a later one is answered the earlier ones were seen.
    const later = discord.sendMessage({ content: `<@${BOT_USER.id}> ${COVERED}`, mentions: [BOT_USER], author: newUser() });
    await discord.waitForReply(later.id);
    const repliedTo = discord.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/messages'))
      .map((r) => ((r.body as Json)['message_reference'] as Json | undefined)?.['message_id']);
    expect(repliedTo).not.toContain(fromBot.id);
    expect(repliedTo).not.toContain(unaddressed.id);
  });
});

describe('resilience', () => {
  it('resumes after the gateway closes with 4000 and still answers', async () => {
    const resumes = discord.resumes;
    expect(discord.closeGateway(4000)).toBe(1);
    const outcome = await ask(COVERED, newUser());
    expect(outcome.timedOut).toBe(false);
    expect(askedOf(replyOf(outcome))).toBe(COVERED);
    expect(discord.resumes).toBe(resumes + 1);
  });

  it('retries a reply that got a 429 and delivers it', async () => {
    discord.rateLimitNext((request) => request.path.endsWith('/callback'), 200);
    const outcome = await ask(COVERED, newUser());
    expect(outcome.timedOut).toBe(false);
    expect(askedOf(replyOf(outcome))).toBe(COVERED);
    const attempts = discord.requests.filter((r) => r.path === `/interactions/${outcome.id}/${outcome.token}/callback`);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
  });

  it('answers 50 questions sent within one second', async () => {
    const questions = Array.from({ length: 50 }, (_, i) => `${COVERED} Question ${i}`);
    const outcomes = await Promise.all(
      questions.map(async (question, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 19));
        return ask(question, newUser());
      }),
    );
    expect(outcomes.filter((o) => o.timedOut)).toEqual([]);
    expect(outcomes.map((o) => askedOf(replyOf(o)))).toEqual(questions);
  });
});
