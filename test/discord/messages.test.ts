import { describe, expect, it } from 'vitest';
import { addressedQuestion, type Addressing, type IncomingMessage } from '../../src/discord/messages.ts';

const BOT = '111111111111111111';
const ROLE = '222222222222222222';
const ANSWER_CHANNEL = '333333333333333333';
const OTHER_CHANNEL = '444444444444444444';
const GUILD = '555555555555555555';

const addressing: Addressing = { botId: BOT, botRoleId: ROLE, answerChannelIds: [ANSWER_CHANNEL] };

function message(overrides: Partial<IncomingMessage>): IncomingMessage {
  return { content: '', fromAutomation: false, guildId: GUILD, channelId: OTHER_CHANNEL, ...overrides };
}

describe('addressedQuestion', () => {
  it('takes an @mention in a guild channel, without the mention', () => {
    expect(addressedQuestion(message({ content: `<@${BOT}> did Amazon end its ICE contracts?` }), addressing)).toEqual({
      question: 'did Amazon end its ICE contracts?',
      via: 'mention',
    });
  });

  it('understands nickname and managed-role mentions anywhere in the text', () => {
    expect(addressedQuestion(message({ content: `hey <@!${BOT}>, what about Palantir?` }), addressing)?.question).toBe(
      'hey , what about Palantir?',
    );
    expect(addressedQuestion(message({ content: `<@&${ROLE}> ICE?` }), addressing)).toEqual({ question: 'ICE?', via: 'mention' });
  });

  it('keeps other mentions in the question', () => {
    expect(addressedQuestion(message({ content: `<@${BOT}> ask <@999999999999999999>` }), addressing)?.question).toBe(
      'ask <@999999999999999999>',
    );
  });

  it('ignores guild messages that do not mention the bot outside answer channels', () => {
    expect(addressedQuestion(message({ content: 'did Amazon end its ICE contracts?' }), addressing)).toBeNull();
    expect(addressedQuestion(message({ content: '<@999999999999999999> hello' }), addressing)).toBeNull();
  });

  it('takes every message in an answer channel, but not empty ones', () => {
    expect(addressedQuestion(message({ content: 'ICE?', channelId: ANSWER_CHANNEL }), addressing)).toEqual({ question: 'ICE?', via: 'channel' });
    expect(addressedQuestion(message({ content: '', channelId: ANSWER_CHANNEL }), addressing)).toBeNull();
  });

  it('takes direct messages, empty ones too so the sender hears how to ask', () => {
    expect(addressedQuestion(message({ content: 'ICE?', guildId: null }), addressing)).toEqual({ question: 'ICE?', via: 'dm' });
    expect(addressedQuestion(message({ content: '', guildId: null }), addressing)).toEqual({ question: '', via: 'dm' });
  });

  it('keeps a bare mention as an empty question', () => {
    expect(addressedQuestion(message({ content: `<@${BOT}>` }), addressing)).toEqual({ question: '', via: 'mention' });
  });

  it('takes a reply to one of its messages without a mention, but not an empty one', () => {
    expect(addressedQuestion(message({ content: 'and microsoft?', repliesToBot: true }), addressing)).toEqual({ question: 'and microsoft?', via: 'reply' });
    expect(addressedQuestion(message({ content: `<@${BOT}> and microsoft?`, repliesToBot: true }), addressing)).toEqual({ question: 'and microsoft?', via: 'reply' });
    expect(addressedQuestion(message({ content: 'tell me more', repliesToBot: true, guildId: null }), addressing)).toEqual({ question: 'tell me more', via: 'reply' });
    expect(addressedQuestion(message({ content: '', repliesToBot: true }), addressing)).toBeNull();
  });

  it('takes every message in its own thread, but not empty ones', () => {
    expect(addressedQuestion(message({ content: 'when was that?', inBotThread: true }), addressing)).toEqual({ question: 'when was that?', via: 'thread' });
    expect(addressedQuestion(message({ content: `<@${BOT}> why?`, inBotThread: true }), addressing)).toEqual({ question: 'why?', via: 'thread' });
    expect(addressedQuestion(message({ content: '', inBotThread: true }), addressing)).toBeNull();
  });

  it('ignores bots, webhooks and system messages everywhere', () => {
    for (const where of [{}, { guildId: null }, { channelId: ANSWER_CHANNEL }, { repliesToBot: true }, { inBotThread: true }]) {
      expect(addressedQuestion(message({ content: `<@${BOT}> ICE?`, fromAutomation: true, ...where }), addressing)).toBeNull();
    }
  });
});
