/**
 * Drives the real bot through the fake Discord with the steps of a session file, so its replies are
 * captured for `render-replies` (the fake Discord keeps them in `captureDir`).
 */
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { commands } from '../../commands/index.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { BOT_USER, TEST_GUILD_ID, startFakeDiscord, type InteractionOutcome, type Json, type RecordedRequest } from '../../test/fakeDiscord/index.ts';
import { componentsOf, newUser, replyOf, startBotUnderTest } from '../../test/discord/e2eSupport.ts';

/** Plays `file` and returns how many steps it took; a step that cannot be played is reported and skipped. */
/**
 * How long a message waits for the bot's reply: like Discord, the fake lets a channel take 5
 * messages in 5 s, and the bot's sixth waits out the limit.
 */
const MESSAGE_REPLY_MS = 10_000;

export async function playSession(file: string, captureDir: string, say: (line: string) => void): Promise<number> {
  const steps = (await readFile(file, 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const discord = await startFakeDiscord({ captureDir });
  // Registered as `npm run deploy` would, so the help texts show clickable command mentions.
  await deployCommands(commands, { token: discord.token, clientId: discord.applicationId, guildId: TEST_GUILD_ID, apiUrl: discord.apiUrl });
  // SEEDS_DIR plays the session on another corpus (a copy of the seeds by default).
  const seedsDir = process.env['SEEDS_DIR'];
  const app = await startBotUnderTest(discord, { COOLDOWN_QUESTIONS: '1000', DISCORD_GUILD_ID: TEST_GUILD_ID }, undefined, seedsDir === undefined ? {} : { seedsDir: resolve(seedsDir) });
  const user = newUser();
  let last: Json | null = null;
  /** The previous reply's message, for `reply` steps. */
  let lastId: string | null = null;
  const messageBody = (posted: RecordedRequest): Json => {
    lastId = ((posted.response ?? {}) as Json)['id'] as string;
    return posted.body as Json;
  };
  try {
    for (const step of steps) {
      const click = /^(click|pick) (\d+)$/.exec(step);
      if (click) {
        const index = Number(click[2]) - 1;
        const components = last === null ? [] : componentsOf(last);
        const button = components.filter((c) => c.type === 2)[index];
        const menu = components.find((c) => c.type === 3);
        const option = menu?.options?.[index];
        if (click[1] === 'click' ? button === undefined : option === undefined) {
          say(`step "${step}": the previous reply has no such ${click[1] === 'click' ? 'button' : 'option'}`);
          continue;
        }
        const outcome =
          click[1] === 'click'
            ? await discord.sendInteraction({ type: 'button', customId: button?.custom_id ?? '', user })
            : await discord.sendInteraction({ type: 'select', customId: menu?.custom_id ?? '', values: [option?.value ?? ''], user });
        last = settled(outcome);
        lastId = outcome.messageId;
      } else if (step.startsWith('reply ')) {
        if (lastId === null) {
          say(`step "${step}": the previous reply made no message to reply to`);
          continue;
        }
        const sent = discord.sendMessage({ content: step.slice('reply '.length).trim(), author: user, replyTo: lastId });
        last = messageBody(await discord.waitForReply(sent.id, MESSAGE_REPLY_MS));
      } else if (step.startsWith('@')) {
        const sent = discord.sendMessage({ content: `<@${BOT_USER.id}> ${step.slice(1).trim()}`, mentions: [BOT_USER], author: user });
        last = messageBody(await discord.waitForReply(sent.id, MESSAGE_REPLY_MS));
      } else if (step.startsWith('/')) {
        const [name = '', ...rest] = step.slice(1).split(' ');
        const option = /^(\w+):(.*)$/.exec(rest.join(' '));
        const options = option ? { [option[1] ?? '']: (option[2] ?? '').trim() } : {};
        const outcome = await discord.sendInteraction({ type: 'command', name, options, user }, { timeoutMs: 10_000 });
        last = settled(outcome);
        lastId = outcome.messageId;
      } else {
        const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: step }, user });
        last = settled(outcome);
        lastId = outcome.messageId;
      }
    }
  } finally {
    await app.close();
    await discord.close();
  }
  return steps.length;
}

function settled(outcome: InteractionOutcome): Json | null {
  return outcome.timedOut ? null : replyOf(outcome);
}
