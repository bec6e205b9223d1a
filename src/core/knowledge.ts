import { answerQuestion, coverageGaps } from './answerer.ts';
import { isMentioned, ORGANISATIONS, organisationsIn, summarizeCompany } from './companies.ts';
import { buildEngine, type Engine } from './engine.ts';
import { fingerprint } from './fingerprint.ts';
import type { Answer, AnswerOptions, Corpus, Knowledge, Lexicon, Organisation, RefreshOutcome, RefreshReport } from './types.ts';

/**
 * How a knowledge gets its engine, at start and on every refresh; the file system and threads live
 * outside the core. Either `load` reads the corpus and `build` indexes it (in this thread by
 * default), or `engine` does both in one step (in a worker process, or from a saved index).
 */
export type KnowledgeOptions = {
  /** English words, to tell unknown words from typos; without it every unknown word may be a typo. */
  readonly lexicon?: Lexicon;
} & (
  | { readonly load: () => Promise<Corpus>; readonly build?: (corpus: Corpus) => Promise<Engine> }
  | { readonly engine: () => Promise<Engine> }
);

/** The live engine and what is derived from it once. */
interface Live {
  readonly engine: Engine;
  readonly organisations: readonly Organisation[];
  readonly fingerprint: string;
}

/** Error thrown when a corpus has no brief to answer from. */
export class EmptyCorpusError extends Error {
  constructor(corpus: Corpus) {
    const reasons = corpus.skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
    super(`no usable brief was found${reasons ? ` (skipped ${reasons})` : ''}`);
    this.name = 'EmptyCorpusError';
  }
}

/** Answers from the live engine, which a refresh replaces whole, and only once the new one is built. */
export class LiveKnowledge implements Knowledge {
  private live: Live;
  private refreshing: Promise<RefreshOutcome> | undefined;

  private constructor(
    engine: Engine,
    private readonly options: KnowledgeOptions,
  ) {
    this.live = { engine, organisations: organisationsIn(engine), fingerprint: corpusFingerprint(engine) };
  }

  /** Loads and indexes the corpus; rejects when it cannot be read or has no usable brief. */
  static async open(options: KnowledgeOptions): Promise<LiveKnowledge> {
    return new LiveKnowledge(await buildChecked(options), options);
  }

  /** The engine answering now. */
  get engine(): Engine {
    return this.live.engine;
  }

  answer(question: string, options?: AnswerOptions): Answer {
    return answerQuestion(this.live.engine, question, options, this.options.lexicon);
  }

  summarizeCompany(name: string) {
    return summarizeCompany(this.live.engine, name, this.live.organisations);
  }

  organisations(): readonly Organisation[] {
    return this.live.organisations;
  }

  sources() {
    return this.live.engine.corpus.briefs.map((b) => ({
      doc: b.id,
      title: b.title,
      claim: b.claim,
      checked: b.checked,
      outdated: b.outdated,
      link: b.link,
      fingerprint: b.fingerprint,
      sections: b.passages.filter((p) => p.kind !== 'summary').length,
      furniture: b.furniture,
      truncated: b.truncated,
      prompts: b.prompts,
    }));
  }

  skipped() {
    return this.live.engine.corpus.skipped;
  }

  fingerprint(): string {
    return this.live.fingerprint;
  }

  gaps() {
    return coverageGaps(this.live.engine, this.options.lexicon);
  }

  /** Rebuilds from a fresh load; calls made while one runs share its outcome. */
  refresh(): Promise<RefreshOutcome> {
    this.refreshing ??= this.rebuild().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rebuild(): Promise<RefreshOutcome> {
    const started = performance.now();
    try {
      const engine = await buildChecked(this.options);
      const live = { engine, organisations: await organisationsInTurns(engine), fingerprint: corpusFingerprint(engine) };
      const report = diff(this.live.engine.corpus, engine, performance.now() - started);
      this.live = live;
      return { status: 'refreshed', report };
    } catch (error) {
      return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** The corpus's fingerprint: 8 hex digits of a hash over its briefs' ids and fingerprints. */
function corpusFingerprint(engine: Engine): string {
  return fingerprint(engine.corpus.briefs.map((b) => `${b.id} ${b.fingerprint}`)).slice(-8);
}

async function buildChecked(options: KnowledgeOptions): Promise<Engine> {
  if ('engine' in options) {
    const engine = await options.engine();
    if (engine.corpus.briefs.length === 0) throw new EmptyCorpusError(engine.corpus);
    return engine;
  }
  const corpus = await options.load();
  if (corpus.briefs.length === 0) throw new EmptyCorpusError(corpus);
  return options.build ? options.build(corpus) : buildEngine(corpus);
}

/**
 * The organisations a new engine's briefs mention, one per turn of the event loop: in a large corpus
 * each is a search and a scan of its passages, and all at once would stall the answers of the live one.
 */
async function organisationsInTurns(engine: Engine): Promise<Organisation[]> {
  const found: Organisation[] = [];
  for (const organisation of ORGANISATIONS) {
    await new Promise((resolve) => setImmediate(resolve));
    if (isMentioned(engine, organisation)) found.push(organisation);
  }
  return found;
}

function diff(before: Corpus, engine: Engine, ms: number): RefreshReport {
  const old = new Map(before.briefs.map((b) => [b.id, b.fingerprint]));
  const now = engine.corpus.briefs;
  const nowIds = new Set(now.map((b) => b.id));
  return {
    added: now.filter((b) => !old.has(b.id)).map((b) => b.id),
    changed: now.filter((b) => old.has(b.id) && old.get(b.id) !== b.fingerprint).map((b) => b.id),
    removed: before.briefs.filter((b) => !nowIds.has(b.id)).map((b) => b.id),
    briefs: now.length,
    passages: engine.passages.length,
    skipped: engine.corpus.skipped,
    ms: Math.round(ms),
  };
}
