import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../src/core/knowledge.ts';
import type { Corpus } from '../../src/core/types.ts';
import { overview } from '../../src/core/overview.ts';
import { displayText } from '../../src/core/answerer.ts';
import { marker, NOTHING_MORE, topicLine } from '../../src/core/replyText.ts';
import { newChat, respond, runConsole } from '../../src/console/repl.ts';
import { YOU_ARE_WELCOME } from '../../src/console/welcome.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { Desk } from '../../src/desk/desk.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { answerOf, capturingLogger, place, tempDir } from '../desk/support.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});

const COMMANDS = [':company', ':sources', ':refresh', ':stats', 'help', 'exit'];

describe('respond', () => {
  it('answers lead first: the topic, each unit marked with its source, the sources numbered alike, the follow-ups', async () => {
    const answer = knowledge.answer('how much was the github contract');
    const reply = (await respond(knowledge, 'how much was the github contract')) ?? '';
    const lines = reply.split('\n');
    expect(lines[0]).toBe(topicLine(answer.topic!, 120));
    expect(lines[1]).toBe(`${displayText(answer.units[0]!)}${marker(answer.units[0]!.source)}`);
    for (const u of answer.units.slice(1)) expect(lines).toContain(`  - ${displayText(u)}${marker(u.source)}`);
    expect(reply).not.toMatch(/\[\d+\]/);
    for (const [i, s] of answer.sources.entries()) expect(lines.some((l) => l.startsWith(`  ${marker(i)} ${s.title} — `))).toBe(true);
    for (const f of answer.followUps) expect(reply).toContain(f.question);
  });

  it('follows on from the previous answer: "and microsoft?", "when was that?", "what did he say about ice?", "tell me more"', async () => {
    const chat = newChat();
    const first = await respond(knowledge, 'did amazon end its contracts with ice?', chat);
    expect(first).toContain(displayText(knowledge.answer('did amazon end its contracts with ice?').units[0]!));
    const microsoft = (await respond(knowledge, 'and microsoft?', chat)) ?? '';
    expect(microsoft.split('\n')[0]).toBe('→ did microsoft end its contracts with ice?');
    expect(microsoft).toContain(displayText(knowledge.answer('did microsoft end its contracts with ice?').units[0]!));

    await respond(knowledge, 'what did nadella say', chat);
    const when = (await respond(knowledge, 'when was that?', chat)) ?? '';
    expect(when.split('\n')[0]).toBe('→ when did nadella say');
    expect(knowledge.answer('when did nadella say').units[0]?.key).toBe('2018');
    expect(when).toContain(displayText(knowledge.answer('when did nadella say').units[0]!));

    const he = (await respond(knowledge, 'what did he say about ice?', chat)) ?? '';
    expect(he.split('\n')[0]).toBe('→ what did Satya Nadella say about ice?');
    expect(he).toContain('Satya Nadella');

    const previous = knowledge.answer('what did Satya Nadella say about ice?');
    const more = (await respond(knowledge, 'tell me more', chat)) ?? '';
    expect(more.split('\n')[0]).toBe('More on: what did Satya Nadella say about ice?');
    expect(previous.more.length).toBeGreaterThan(0);
    for (const u of previous.more.slice(0, 3)) expect(more).toContain(displayText(u));
    for (const u of previous.units) expect(more).not.toContain(displayText(u));
    expect(await respond(knowledge, 'tell me more', chat)).toBe(NOTHING_MORE);
  });

  it('answers a question that stands on its own on its own, even after another', async () => {
    const chat = newChat();
    await respond(knowledge, 'what did nadella say', chat);
    const question = 'has ICE confirmed using Amazon Rekognition?';
    expect(await respond(knowledge, question, chat)).toBe(await respond(knowledge, question));
  });

  it('declines a question the briefs do not cover and suggests what they do', async () => {
    const answer = knowledge.answer('What is the capital of France?');
    const reply = await respond(knowledge, 'What is the capital of France?');
    expect(reply).toContain(answer.answer);
    for (const s of answer.suggestions) expect(reply).toContain(s);
  });

  it('summarizes a company for :company NAME, each point with its brief', async () => {
    const summary = knowledge.summarizeCompany('Palantir');
    const reply = await respond(knowledge, ':company Palantir');
    expect(summary.points.length).toBeGreaterThan(0);
    expect(reply?.split('\n')[0]).toMatch(/^Palantir appears in (?:all )?\d+ (?:of \d+ )?briefs: /);
    for (const p of summary.points) {
      expect(reply).toContain(displayText(p));
      expect(reply).toContain(p.source.doc);
    }
    for (const b of summary.briefs) expect(reply).toContain(b.title);
  });

  it('takes a company name of several words', async () => {
    const reply = await respond(knowledge, ':company Immigration and Customs Enforcement');
    for (const p of knowledge.summarizeCompany('ICE').points) expect(reply).toContain(displayText(p));
  });

  it('lists the known organisations for a company the briefs never name', async () => {
    const reply = await respond(knowledge, ':company Tesla');
    for (const o of knowledge.organisations()) expect(reply).toContain(o.name);
  });

  it('asks which organisation for :company without a name, rather than summarizing one', async () => {
    const reply = await respond(knowledge, ':company');
    expect(reply).toMatch(/:company \S/);
    for (const p of knowledge.summarizeCompany('Palantir').points) expect(reply).not.toContain(displayText(p));
  });

  it('lists every loaded brief for :sources', async () => {
    const reply = await respond(knowledge, ':sources');
    for (const b of knowledge.sources()) {
      expect(reply).toContain(b.title);
      expect(reply).toContain(b.doc);
    }
  });

  it('re-reads the briefs for :refresh and says what changed', async () => {
    const reply = await respond(knowledge, ':refresh');
    expect(reply).toContain(`${knowledge.sources().length} briefs`);
    expect(reply).toMatch(/no brief changed/i);
  });

  it('says a failed :refresh failed, why, and that the old briefs still answer', async () => {
    const seeds = await loadCorpus(seedsDir);
    let calls = 0;
    const flaky = await LiveKnowledge.open({
      load: async (): Promise<Corpus> => {
        if (calls++ > 0) throw new Error('the briefs folder vanished');
        return seeds;
      },
    });
    const reply = await respond(flaky, ':refresh');
    expect(reply).toContain('the briefs folder vanished');
    expect(reply).toMatch(/fail/i);
    expect(flaky.answer('how much was the github contract').answered).toBe(true);
  });

  it('shows the desk’s figures and health for :stats', async () => {
    const { dir, remove } = tempDir();
    const desk = Desk.open({ dataDir: dir, retentionDays: 30, logger: capturingLogger().logger });
    try {
      desk.records?.answers.record(answerOf('Who owns Palantir?'), place());
      const reply = await respond(knowledge, ':stats', newChat(), desk);
      expect(reply).toContain('Last 24 hours: 1 question, 1 declined (100%)');
      expect(reply).toContain('Most asked among the declined (what to check next):\n  1. 1× "Who owns Palantir?"');
      expect(reply).toContain('records kept 30 days');
    } finally {
      await desk.close();
      remove();
    }
  });

  it('lists every command for :help', async () => {
    const reply = await respond(knowledge, ':help');
    for (const c of COMMANDS) expect(reply).toContain(c);
  });

  it('leaves on :quit', async () => {
    expect(await respond(knowledge, ':quit')).toBeUndefined();
  });

  it('names an unknown command and shows the help', async () => {
    const reply = await respond(knowledge, ':foo bar');
    expect(reply).toContain(':foo');
    for (const c of COMMANDS) expect(reply).toContain(c);
  });

  it('says nothing to an empty line', async () => {
    expect(await respond(knowledge, '')).toBe('');
  });

  it('takes help, exit, thanks and hello as what they are, not as questions about the briefs', async () => {
    for (const line of ['help', 'Help!', '?', ':help']) expect(await respond(knowledge, line)).toContain(':company NAME');
    for (const line of ['exit', 'quit', 'Bye!', ':q']) expect(await respond(knowledge, line)).toBeUndefined();
    for (const line of ['thanks', 'Thank you!', 'thx']) expect(await respond(knowledge, line)).toBe(YOU_ARE_WELCOME);
    for (const line of ['hi', 'Hello', 'hey there']) expect(await respond(knowledge, line)).toMatch(/^Hello! Ask me anything/);
  });

  it('answers a question that merely starts with a small-talk word', async () => {
    const question = 'help me find how much the github contract was';
    const answer = knowledge.answer(question);
    const reply = await respond(knowledge, question);
    expect(reply).not.toContain(':company NAME');
    expect(reply).toContain(answer.answered ? displayText(answer.units[0]!) : answer.answer);
  });
});

describe('runConsole', () => {
  async function chat(lines: string, end: boolean): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
    });
    const done = runConsole(knowledge, { input, output });
    input.write(lines);
    if (end) input.end();
    await done;
    return written;
  }

  it('answers each line in order and stops at :quit, ignoring what follows', async () => {
    const written = await chat('how much was the github contract\n\n:company Palantir\n:quit\nwhat did nadella say\n', false);
    const answer = displayText(knowledge.answer('how much was the github contract').units[0]!);
    const palantir = displayText(knowledge.summarizeCompany('Palantir').points[0]!);
    expect(written).toContain(`answers from ${knowledge.sources().length} fact-check briefs`);
    expect(written).toContain(answer);
    expect(written).toContain(palantir);
    expect(written.indexOf(answer)).toBeLessThan(written.indexOf(palantir));
    expect(written).not.toContain(displayText(knowledge.answer('what did nadella say').units[0]!));
  });

  it('welcomes with what the briefs cover and three example questions they answer', async () => {
    const written = await chat('', true);
    const { topics, examples } = overview(knowledge);
    expect(topics).toEqual(expect.arrayContaining(['Amazon', 'ICE', 'Microsoft', 'Palantir']));
    expect(written).toContain(`about ${topics.slice(0, -1).join(', ')} and ${topics.at(-1)}.`);
    expect(examples).toHaveLength(3);
    for (const q of examples) {
      expect(written).toContain(`  ${q}\n`);
      expect(knowledge.answer(q).answered).toBe(true);
    }
  });

  it('clears the line on Ctrl-C and leaves on a second Ctrl-C on an empty line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
    });
    let ended = false;
    const done = runConsole(knowledge, { input, output, terminal: true }).then(() => {
      ended = true;
    });
    input.write('what did nadella');
    input.write('\x03');
    input.write('hello\r');
    await expect.poll(() => written).toContain('Hello! Ask me anything');
    input.write('\x03');
    await expect.poll(() => written).toContain('Press Ctrl-C again to leave');
    expect(ended).toBe(false);
    input.write('\x03');
    await done;
    expect(written).toContain('what did nadella^C');
    expect(written).not.toContain('what did nadellahello');
  });

  it('ends when the input ends', async () => {
    const written = await chat(':help\n', true);
    expect(written).toContain(':company');
  });
});
