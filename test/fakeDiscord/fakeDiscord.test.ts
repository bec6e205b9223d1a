import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  TextInputStyle,
  type APIChannel,
  type APIMessage,
  type Interaction,
  type Message,
} from 'discord.js';
import {
  BOT_USER,
  DESK_CHANNEL_ID,
  MODERATOR_ROLE_ID,
  MODERATOR_USER,
  PLAIN_USER,
  Permission,
  SECOND_GUILD_ID,
  SPARE_CHANNEL_ID,
  TEST_CHANNEL_ID,
  TEST_GUILD_ID,
  startFakeDiscord,
  type FakeDiscord,
  type Json,
} from './index.ts';

type Shards = 'auto' | number;

/** A plain discord.js client wired to the fake, answering through handlers the tests swap in. */
async function loginClient(discord: FakeDiscord, shards: Shards = 'auto') {
  const handlers: { interaction?: (interaction: Interaction) => Promise<void>; message?: (message: Message) => Promise<void> } = {};
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: discord.apiUrl },
    shards,
  });
  client.on(Events.InteractionCreate, (interaction) => void handlers.interaction?.(interaction));
  client.on(Events.MessageCreate, (message) => void handlers.message?.(message));
  const ready = once(client, Events.ClientReady);
  await client.login(discord.token);
  await ready;
  return { client, handlers };
}

describe('fake Discord with one shard', () => {
  let discord: FakeDiscord;
  let client: Client;
  let handlers: Awaited<ReturnType<typeof loginClient>>['handlers'];

  beforeAll(async () => {
    discord = await startFakeDiscord();
    ({ client, handlers } = await loginClient(discord));
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  it('logs a discord.js client in with the bot user, the test guild, its channel and roles', () => {
    expect(client.user?.id).toBe(BOT_USER.id);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.get(TEST_GUILD_ID);
    expect(guild?.channels.cache.get(TEST_CHANNEL_ID)?.isTextBased()).toBe(true);
    expect(guild?.roles.cache.get(MODERATOR_ROLE_ID)?.permissions.has(Permission.ManageGuild)).toBe(true);
    expect(discord.identifies).toEqual([expect.objectContaining({ shard: [0, 1], accepted: true })]);
    expect(discord.requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /gateway/bot');
  });

  it('rejects REST calls that lack the bot token', async () => {
    const response = await fetch(`${discord.apiUrl}/v10/users/@me`);
    expect(response.status).toBe(401);
  });

  it('delivers a slash command and records the reply with its options and allowed mentions', async () => {
    handlers.interaction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const canManage = interaction.memberPermissions?.has(Permission.ManageGuild) ?? false;
      await interaction.reply({
        content: `${interaction.commandName}: ${interaction.options.getString('question', true)} (moderator: ${canManage})`,
        allowedMentions: { parse: [] },
      });
    };
    const asPlain = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: 'Is the sky blue?' } });
    const asModerator = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: 'x' }, user: MODERATOR_USER });

    expect(asPlain.callback).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'ask: Is the sky blue? (moderator: false)', allowed_mentions: { parse: [] } }),
    });
    expect(asPlain.latencyMs).toBeGreaterThan(0);
    expect(asModerator.callback?.data?.['content']).toBe('ask: x (moderator: true)');
  });

  it('records a deferred reply, its later edit of @original and a follow-up', async () => {
    handlers.interaction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'done thinking' });
      await interaction.followUp({ content: `edited ${edited.content}`, flags: MessageFlags.Ephemeral });
    };
    const outcome = await discord.sendInteraction(
      { type: 'command', name: 'ask', options: { question: 'slow' } },
      { until: (candidate) => candidate.followUps.length > 0 },
    );
    expect(outcome.callback?.type).toBe(5);
    expect(outcome.edits).toEqual([expect.objectContaining({ content: 'done thinking' })]);
    expect(outcome.followUps).toEqual([expect.objectContaining({ content: 'edited done thinking', flags: 64 })]);
  });

  it('returns the created message to a reply that asks for the callback response', async () => {
    const seen: Array<string | undefined> = [];
    handlers.interaction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      seen.push(response.resource?.message?.content);
    };
    await discord.sendInteraction({ type: 'command', name: 'ask' });
    await expect.poll(() => seen).toEqual(['with response']);
  });

  it('stores registered commands and sends their ids with command interactions', async () => {
    const registered = await client.application!.commands.set([
      { name: 'ask', description: 'Ask the briefs', options: [{ name: 'question', description: 'What to ask', type: 3, required: true }] },
    ]);
    handlers.interaction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: interaction.commandId });
    };
    const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: 'q' } });

    expect(discord.commands.get('global')).toEqual([expect.objectContaining({ name: 'ask', application_id: discord.applicationId })]);
    expect(outcome.callback?.data?.['content']).toBe(registered.first()?.id);
  });

  it('rejects a command definition Discord would refuse', async () => {
    await expect(client.application!.commands.set([{ name: 'Ask Me', description: 'bad name' }])).rejects.toThrow(/Invalid Form Body/);
  });

  it('delivers button and select menu clicks on a message the bot sent', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isButton()) await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
      if (interaction.isStringSelectMenu()) await interaction.reply({ content: `picked ${interaction.values.join(',')}` });
    };
    const button = await discord.sendInteraction({ type: 'button', customId: 'more:1' });
    const select = await discord.sendInteraction({ type: 'select', customId: 'brief', values: ['b2'] });
    expect(button.callback).toEqual({ type: 7, data: expect.objectContaining({ content: 'clicked more:1' }) });
    expect(select.callback?.data?.['content']).toBe('picked b2');
  });

  it('delivers autocomplete with the focused option and records the choices', async () => {
    handlers.interaction = async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed} suggestion`, value: typed }]);
    };
    const outcome = await discord.sendInteraction({ type: 'autocomplete', name: 'ask', options: { question: 'vacc' }, focused: 'question' });
    expect(outcome.callback).toEqual({ type: 8, data: { choices: [{ name: 'vacc suggestion', value: 'vacc' }] } });
  });

  it('rejects a second acknowledgement of the same interaction as Discord does', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'first' });
    };
    const outcome = await discord.sendInteraction(
      { type: 'command', name: 'ask' },
      { until: (candidate) => candidate.callback !== null },
    );
    const second = await fetch(`${discord.apiUrl}/v10/interactions/${outcome.id}/${outcome.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'again' } }),
    });
    expect(second.status).toBe(400);
    expect(((await second.json()) as Json)['code']).toBe(40060);
  });

  it('delivers a message that mentions the bot and records the reply to it', async () => {
    const seenAuthors: string[] = [];
    handlers.message = async (message) => {
      seenAuthors.push(message.author.id);
      if (message.author.bot || !message.mentions.has(BOT_USER.id)) return;
      await message.reply({ content: `you said: ${message.content}`, allowedMentions: { parse: [] } });
    };
    const sent = discord.sendMessage({ content: `<@${BOT_USER.id}> hello`, mentions: [BOT_USER] });
    const reply = await discord.waitForReply(sent.id);

    expect(sent.delivered).toBe(true);
    expect(reply.body).toMatchObject({ content: `you said: <@${BOT_USER.id}> hello`, message_reference: { message_id: sent.id } });
    // Discord echoes the bot's own reply as MESSAGE_CREATE; the fake does too.
    await expect.poll(() => seenAuthors).toEqual([PLAIN_USER.id, BOT_USER.id]);
  });

  it('delivers a reply to the bot’s message with its reference, readable because it pings the bot, unless it does not', async () => {
    const replies: Message[] = [];
    handlers.message = async (message) => {
      if (message.author.bot) return;
      if (message.mentions.has(BOT_USER.id) && message.reference === null) {
        await message.reply({ content: 'answer', allowedMentions: { parse: [] } });
        return;
      }
      replies.push(message);
    };
    const asked = discord.sendMessage({ content: `<@${BOT_USER.id}> question`, mentions: [BOT_USER] });
    const answer = (await discord.waitForReply(asked.id)).response as Json;
    discord.sendMessage({ content: 'and then?', replyTo: answer['id'] as string });
    discord.sendMessage({ content: 'quietly', replyTo: answer['id'] as string, ping: false });
    await expect.poll(() => replies.length).toBe(2);
    const [pinged, quiet] = replies;
    expect(pinged?.content).toBe('and then?');
    expect(pinged?.reference?.messageId).toBe(answer['id']);
    expect((await pinged!.fetchReference()).content).toBe('answer');
    expect(quiet?.content).toBe('');
    expect(() => discord.sendMessage({ content: 'x', replyTo: '1' })).toThrow(/not in channel/);
  });

  it('starts a thread from a message, sends THREAD_CREATE, takes messages in it and lists them newest first', async () => {
    const inThread: Message[] = [];
    handlers.message = async (message) => {
      if (message.author.bot) return;
      if (message.channel.isThread()) {
        inThread.push(message);
        return;
      }
      const thread = await message.startThread({ name: 'A thread', autoArchiveDuration: 60 });
      await thread.send({ content: 'first in thread' });
    };
    const starter = discord.sendMessage({ content: `<@${BOT_USER.id}> start`, mentions: [BOT_USER] });
    const posted = await discord.waitForChannelMessage(starter.id);
    expect(posted.body).toMatchObject({ content: 'first in thread' });
    expect(discord.threads.at(-1)).toMatchObject({ id: starter.id, type: 11, parent_id: TEST_CHANNEL_ID, owner_id: BOT_USER.id, name: 'A thread' });
    const cached = client.channels.cache.get(starter.id);
    expect(cached?.isThread() && cached.ownerId).toBe(BOT_USER.id);

    discord.sendMessage({ content: `<@${BOT_USER.id}> in the thread`, mentions: [BOT_USER], channelId: starter.id });
    await expect.poll(() => inThread.length).toBe(1);
    const history = await inThread[0]!.channel.messages.fetch({ limit: 10 });
    expect([...history.values()].map((m) => m.content)).toEqual([`<@${BOT_USER.id}> in the thread`, 'first in thread']);

    const again = await fetch(`${discord.apiUrl}/v10/channels/${TEST_CHANNEL_ID}/messages/${starter.id}/threads`, {
      method: 'POST',
      headers: { authorization: `Bot ${discord.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Twice' }),
    });
    expect(((await again.json()) as Json)['code']).toBe(160004);
  });

  it('withholds what the intents exclude: unmentioned message content, and DMs without DirectMessages', () => {
    const sent = discord.sendMessage({ content: 'no mention here' });
    const dm = discord.sendMessage({ content: 'psst', guildId: null });
    expect(sent).toMatchObject({ delivered: true, payload: { content: '' } });
    expect(dm.delivered).toBe(false);
  });

  it('delivers a slash command from a DM with the user instead of a member', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: `in guild: ${interaction.inGuild()}` });
    };
    const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', guildId: null });
    expect(outcome.callback?.data?.['content']).toBe('in guild: false');
  });

  it('resumes after the gateway closes with 4000 and replays an interaction sent while disconnected', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
    };
    expect(discord.closeGateway(4000)).toBe(1);
    const outcome = await discord.sendInteraction({ type: 'command', name: 'ask' }, { timeoutMs: 2800 });

    expect(outcome.callback?.data?.['content']).toBe('still here');
    expect(discord.resumes).toBe(1);
    expect(discord.identifies).toHaveLength(1);
    expect(discord.connections.at(-1)?.path).toBe('/gateway-resume');
  });

  it('answers a rate-limited interaction callback with 429 and gets the retried callback', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'after the limit' });
    };
    discord.rateLimitNext((request) => request.path.startsWith('/interactions/'), 300);
    const outcome = await discord.sendInteraction({ type: 'command', name: 'ask' });

    expect(outcome.callback?.data?.['content']).toBe('after the limit');
    const callbacks = discord.requests.filter((request) => request.path === `/interactions/${outcome.id}/${outcome.token}/callback`);
    expect(callbacks.map((request) => request.status)).toEqual([429, 204]);
  });

  it('holds a request delayNext catches, then answers it as usual', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'slowly' });
    };
    discord.delayNext((request) => request.path.startsWith('/interactions/'), 300);
    const outcome = await discord.sendInteraction({ type: 'command', name: 'ask' });
    expect(outcome.callback?.data?.['content']).toBe('slowly');
    const callback = discord.requests.find((request) => request.path === `/interactions/${outcome.id}/${outcome.token}/callback`);
    expect(callback?.status).toBe(204);
  });

  it('answers a request unauthorizedNext catches with 401, and discord.js drops its token', async () => {
    discord.unauthorizedNext((request) => request.path === `/channels/${TEST_CHANNEL_ID}`);
    await expect(client.rest.get(`/channels/${TEST_CHANNEL_ID}`)).rejects.toMatchObject({ status: 401 });
    await expect(client.rest.get(`/channels/${TEST_CHANNEL_ID}`)).rejects.toThrow(/Expected token to be set/);
    client.rest.setToken(discord.token);
  });

  it('delivers a modal submission and a user context-menu command', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isModalSubmit()) await interaction.reply({ content: `modal ${interaction.customId}: ${interaction.fields.getTextInputValue('note')}` });
      if (interaction.isUserContextMenuCommand()) await interaction.reply({ content: `${interaction.commandName} on ${interaction.targetUser.username}` });
    };
    const modal = await discord.sendInteraction({ type: 'modal', customId: 'feedback', fields: { note: 'thanks' } });
    const menu = await discord.sendInteraction({ type: 'userCommand', name: 'Ask about', target: MODERATOR_USER });
    expect(modal.callback?.data?.['content']).toBe('modal feedback: thanks');
    expect(menu.callback?.data?.['content']).toBe(`Ask about on ${MODERATOR_USER.username}`);
  });
});

describe('fake Discord revoking the token', () => {
  it('closes the gateway with 4004, refuses to identify again and answers REST with 401', async () => {
    const discord = await startFakeDiscord();
    const { client } = await loginClient(discord);
    try {
      const closed = new Promise<number>((resolve) => client.once(Events.ShardDisconnect, (event) => resolve(event.code)));
      discord.revokeToken();
      expect(await closed).toBe(4004);
      const response = await fetch(`${discord.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${discord.token}` } });
      expect(response.status).toBe(401);
    } finally {
      await client.destroy();
      await discord.close();
    }
  });

  it('can refuse the token on the gateway only, so a login passes REST and fails to identify', async () => {
    const discord = await startFakeDiscord();
    discord.revokeToken({ rest: false });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    try {
      await expect(client.login(discord.token)).rejects.toThrow(/Authentication failed/);
      expect(discord.identifies.at(-1)?.accepted).toBe(false);
    } finally {
      await client.destroy();
      await discord.close();
    }
  });
});

describe('fake Discord: modals, direct messages, deleted channels, nonces, message rate limits', () => {
  let discord: FakeDiscord;
  let client: Client;
  let handlers: Awaited<ReturnType<typeof loginClient>>['handlers'];

  beforeAll(async () => {
    discord = await startFakeDiscord({ messageRateLimit: { limit: 2, windowMs: 400 } });
    ({ client, handlers } = await loginClient(discord));
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  const post = (channelId: string, body: Json) => client.rest.post(Routes.channelMessages(channelId), { body }) as Promise<APIMessage>;

  it('shows a modal from a button and delivers its submission with the values typed', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isButton()) {
        await interaction.showModal({
          custom_id: 'form',
          title: 'A form',
          components: [
            { type: ComponentType.Label, label: 'Note', component: { type: ComponentType.TextInput, custom_id: 'note', style: TextInputStyle.Paragraph, required: false } },
          ],
        });
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `got "${interaction.fields.getTextInputValue('note')}"`, flags: MessageFlags.Ephemeral });
      }
    };
    const click = await discord.sendInteraction({ type: 'button', customId: 'open-form' });
    expect(click.callback).toMatchObject({ type: 9, data: { custom_id: 'form', title: 'A form' } });
    const submitted = await discord.sendInteraction({ type: 'modal', customId: 'form', fields: { note: 'hello' } });
    expect(submitted.payload['type']).toBe(5);
    expect(submitted.callback?.data?.['content']).toBe('got "hello"');
    const empty = await discord.sendInteraction({ type: 'modal', customId: 'form' });
    expect(empty.callback?.data?.['content']).toBe('got ""');
    // A modal the bot never showed (a stale client, another app's) arrives with the fields as sent.
    const stale = await discord.sendInteraction({ type: 'modal', customId: 'never-shown', fields: { note: 'late' } });
    expect(stale.callback?.data?.['content']).toBe('got "late"');
  });

  it('rejects a modal Discord would refuse', async () => {
    handlers.interaction = async (interaction) => {
      if (interaction.isButton()) await interaction.showModal({ custom_id: 'bad', title: 'x'.repeat(46), components: [] }).catch(() => interaction.reply({ content: 'refused' }));
    };
    const outcome = await discord.sendInteraction({ type: 'button', customId: 'bad-form' });
    expect(outcome.callback?.data?.['content']).toBe('refused');
  });

  it('opens a DM channel with any user, and refuses messages to a user whose DMs are closed', async () => {
    const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: '1300000000000000999' } })) as APIChannel;
    expect(dm.id).toBe(discord.dmChannelOf({ id: '1300000000000000999', username: 'x', global_name: null, discriminator: '0', avatar: null }));
    expect((await post(dm.id, { content: 'hello' })).channel_id).toBe(dm.id);
    discord.closeDirectMessages('1300000000000000999');
    await expect(post(dm.id, { content: 'again' })).rejects.toMatchObject({ code: 50007, status: 403 });
  });

  it('answers 404 Unknown Channel for a deleted channel and tells the client', async () => {
    const deleted = once(client, Events.ChannelDelete);
    discord.deleteChannel(SPARE_CHANNEL_ID);
    await deleted;
    expect(client.channels.cache.has(SPARE_CHANNEL_ID)).toBe(false);
    const error = await post(SPARE_CHANNEL_ID, { content: 'anyone?' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10003, status: 404 });
  });

  it('returns the message already sent with an enforced nonce instead of sending it twice', async () => {
    const first = await post(TEST_CHANNEL_ID, { content: 'once', nonce: 'n-1', enforce_nonce: true });
    const second = await post(TEST_CHANNEL_ID, { content: 'once', nonce: 'n-1', enforce_nonce: true });
    expect(second.id).toBe(first.id);
    expect(discord.channelMessages(TEST_CHANNEL_ID).filter((message) => message['content'] === 'once')).toHaveLength(1);
  });

  it('edits only the bot’s own messages in their own channel', async () => {
    const sent = await post(TEST_CHANNEL_ID, { content: 'before' });
    await client.rest.patch(Routes.channelMessage(TEST_CHANNEL_ID, sent.id), { body: { content: 'after' } });
    expect(discord.message(sent.id)?.['content']).toBe('after');
    await expect(client.rest.patch(Routes.channelMessage(DESK_CHANNEL_ID, sent.id), { body: { content: 'x' } })).rejects.toMatchObject({ code: 10008 });
    const theirs = discord.sendMessage({ content: 'mine', author: PLAIN_USER });
    await expect(client.rest.patch(Routes.channelMessage(TEST_CHANNEL_ID, theirs.id), { body: { content: 'x' } })).rejects.toMatchObject({ code: 50005 });
  });

  it('sends rate-limit headers on channel messages, so discord.js waits instead of getting a 429', async () => {
    const start = discord.requests.length;
    await Promise.all([1, 2, 3, 4, 5].map((n) => post(DESK_CHANNEL_ID, { content: `burst ${n}` })));
    const sends = discord.requests.slice(start).filter((request) => request.method === 'POST' && request.path === `/channels/${DESK_CHANNEL_ID}/messages`);
    expect(sends.map((request) => request.status)).toEqual([200, 200, 200, 200, 200]);
    // Five sends at two per window need three windows.
    expect((sends.at(-1)?.receivedAt ?? 0) - (sends[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(700);
  });

  it('answers a request over the limit with 429 and the bucket headers', async () => {
    const url = `${discord.apiUrl}/v10/channels/${TEST_CHANNEL_ID}/messages`;
    const send = () => fetch(url, { method: 'POST', headers: { authorization: `Bot ${discord.token}`, 'content-type': 'application/json' }, body: '{"content":"raw"}' });
    await new Promise((resolve) => setTimeout(resolve, 450));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await send());
    expect(statuses.map((response) => response.status)).toEqual([200, 200, 429]);
    expect(statuses[0]?.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(statuses[2]?.headers.get('retry-after')).not.toBeNull();
  });

  it('can withhold the answer to a request it handled, as when the bot stops before Discord answers', async () => {
    discord.stallNext((request) => request.method === 'POST' && request.path === `/channels/${TEST_CHANNEL_ID}/messages`);
    const pending = post(TEST_CHANNEL_ID, { content: 'sent but unanswered' });
    await discord.waitForRequest((request) => request.status === 200 && (request.body as Json | null)?.['content'] === 'sent but unanswered');
    const settled = await Promise.race([pending.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 200))]);
    expect(settled).toBe('waiting');
    expect(discord.channelMessages(TEST_CHANNEL_ID).some((message) => message['content'] === 'sent but unanswered')).toBe(true);
    pending.catch(() => {});
  });
});

describe('fake Discord with two shards', () => {
  it('has a discord.js client with shards "auto" identify both shards and routes guild events by shard', async () => {
    const discord = await startFakeDiscord({ shards: 2 });
    const { client, handlers } = await loginClient(discord);
    try {
      handlers.interaction = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: `shard ${interaction.guild?.shardId}` });
      };
      const outcome = await discord.sendInteraction({ type: 'command', name: 'ask', guildId: SECOND_GUILD_ID });

      expect(discord.identifies.map((identify) => identify.shard)).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
      expect(client.guilds.cache.get(TEST_GUILD_ID)?.shardId).toBe(0);
      expect(outcome.shardId).toBe(1);
      expect(outcome.callback?.data?.['content']).toBe('shard 1');
    } finally {
      await client.destroy();
      await discord.close();
    }
  });
});

describe('fake Discord keeping replies (captureDir)', () => {
  it('writes each reply with what prompted it: a command, a clicked button (deferred, then edited), a message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-capture-'));
    const discord = await startFakeDiscord({ captureDir: dir });
    const { client, handlers } = await loginClient(discord);
    try {
      handlers.interaction = async (interaction) => {
        if (interaction.isChatInputCommand()) {
          await interaction.reply({
            embeds: [{ title: 'An answer' }],
            components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Tell me more', custom_id: 'more:1' }] }],
            flags: MessageFlags.Ephemeral,
          });
        }
        if (interaction.isButton()) {
          await interaction.deferReply();
          await interaction.editReply({ content: 'more' });
        }
      };
      handlers.message = async (message) => {
        if (!message.author.bot) await message.reply({ content: 'hello back', allowedMentions: { parse: [] } });
      };
      await discord.sendInteraction({ type: 'command', name: 'ask', options: { question: 'Who?' } });
      await discord.sendInteraction({ type: 'button', customId: 'more:1' });
      await discord.waitForReply(discord.sendMessage({ content: `<@${BOT_USER.id}> hi`, mentions: [BOT_USER] }).id);

      const [file] = await readdir(dir);
      const lines = (await readFile(join(dir, file ?? ''), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Json);
      expect(lines).toEqual([
        expect.objectContaining({ seq: 1, how: 'reply', ephemeral: true, asked: { kind: 'command', user: PLAIN_USER.username, name: 'ask', options: [{ name: 'question', value: 'Who?' }] } }),
        expect.objectContaining({ seq: 2, how: 'edit', ephemeral: false, asked: { kind: 'button', user: PLAIN_USER.username, label: 'Tell me more' } }),
        expect.objectContaining({ seq: 3, how: 'message', asked: { kind: 'message', user: PLAIN_USER.username, content: `<@${BOT_USER.id}> hi` }, body: expect.objectContaining({ content: 'hello back' }) }),
      ]);
      expect(lines[0]?.['body']).toMatchObject({ embeds: [{ title: 'An answer' }] });
    } finally {
      await client.destroy();
      await discord.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
