import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../src/core/knowledge.ts';
import type { Corpus } from '../../src/core/types.ts';
import { respond, runConsole } from '../../src/console/repl.ts';
import { loadCorpus } from '../../src/io/seedLoader.ts';
import { Desk } from '../../src/desk/desk.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { answerOf, capturingLogger, place, tempDir } from '../desk/support.ts';
import { seedsDir } from '../fixtures/answer-core/support.ts';

let knowledge: LiveKnowledge;
beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir });
});

const COMMANDS = [':company', ':sources', ':refresh', ':stats', ':help', ':quit'];

describe('respond', () => {
  it('answers a question with its sentences, numbered sources and follow-ups', async () => {
    const answer = knowledge.answer('how much was the github contract');
    const reply = await respond(knowledge, 'how much was the github contract');
    expect(reply).toContain(answer.answer);
    for (const s of answer.sources) expect(reply).toContain(s.title);
    for (const f of answer.followUps) expect(reply).toContain(f);
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
    for (const p of summary.points) {
      expect(reply).toContain(p.text);
      expect(reply).toContain(p.source.doc);
    }
  });

  it('takes a company name of several words', async () => {
    const reply = await respond(knowledge, ':company Immigration and Customs Enforcement');
    for (const p of knowledge.summarizeCompany('ICE').points) expect(reply).toContain(p.text);
  });

  it('lists the known organisations for a company the briefs never name', async () => {
    const reply = await respond(knowledge, ':company Tesla');
    for (const o of knowledge.organisations()) expect(reply).toContain(o.name);
  });

  it('asks which organisation for :company without a name, rather than summarizing one', async () => {
    const reply = await respond(knowledge, ':company');
    expect(reply).toMatch(/:company \S/);
    for (const p of knowledge.summarizeCompany('Palantir').points) expect(reply).not.toContain(p.text);
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
      const reply = await respond(knowledge, ':stats', desk);
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
    const answer = knowledge.answer('how much was the github contract').answer;
    const palantir = knowledge.summarizeCompany('Palantir').points[0]?.text as string;
    expect(written).toContain(`${knowledge.sources().length} briefs loaded`);
    expect(written).toContain(answer);
    expect(written).toContain(palantir);
    expect(written.indexOf(answer)).toBeLessThan(written.indexOf(palantir));
    expect(written).not.toContain(knowledge.answer('what did nadella say').answer);
  });

  it('ends when the input ends', async () => {
    const written = await chat(':help\n', true);
    expect(written).toContain(':company');
  });
});
