import { seedOutcomes } from '../core/answerer.ts';
import type { Engine } from '../core/engine.ts';
import { EmptyCorpusError, LiveKnowledge } from '../core/knowledge.ts';
import { assessInWorker, buildInWorker, type BuildEvents, type EngineSource } from './buildWorker.ts';
import { cacheFile, corpusKey, readSavedEngine } from './indexCache.ts';
import { loadLexicon } from './lexicon.ts';
import { outcomesFile, readOutcomes } from './promptOutcomes.ts';
import { readBriefFiles } from './seedLoader.ts';

/**
 * Where openKnowledge tells what it did: at info where each engine came from and which worker
 * builds it, at warn what went wrong with the saved index (a damaged file rebuilt, an index that
 * could not be saved). The bot's logger is one.
 */
export interface KnowledgeLog {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Where the corpus lives, and where its index is saved. */
export interface OpenKnowledgeOptions {
  readonly seedsDir: string;
  /**
   * Directory of the saved index, reused at start while the corpus is unchanged; unset (or null)
   * indexes the corpus afresh every time and saves nothing.
   */
  readonly cacheDir?: string | null;
  readonly log?: KnowledgeLog;
}

/**
 * Loads the briefs in `seedsDir` and indexes them (or reads the saved index of the same corpus),
 * in a worker process, at start and on every refresh. Rejects with an error naming the directory
 * when it cannot be read or holds no usable brief; files it skips are listed by `knowledge.skipped()`.
 */
export async function openKnowledge(options: OpenKnowledgeOptions): Promise<LiveKnowledge> {
  const cacheDir = options.cacheDir ?? null;
  const { seedsDir, log } = options;
  const ready = (source: EngineSource): void => {
    if (source === 'built (saved index damaged)') log?.warn('index ready; the saved index was damaged and is rebuilt', { seedsDir, source });
    else log?.info('index ready', { seedsDir, source });
  };
  const events: BuildEvents = {
    started: (pid) => log?.info('index build started', { seedsDir, pid }),
    assessed: (count) => log?.info('titles and prompts assessed', { seedsDir, count }),
  };
  let starting = true;
  const engine = async () => {
    // At start nothing is being answered yet: a saved index is read here, sparing a worker's start-up.
    if (starting && cacheDir !== null) {
      starting = false;
      const key = readBriefFiles(seedsDir).then(corpusKey);
      const file = cacheFile(cacheDir, seedsDir);
      const saved = await readSavedEngine(file, key);
      if (typeof saved !== 'string') {
        ready('saved');
        await seedSavedOutcomes(saved, file, await key, seedsDir, cacheDir, events);
        return saved;
      }
    }
    starting = false;
    const built = await buildInWorker({ seedsDir, cacheDir }, events);
    ready(built.source);
    for (const warning of built.warnings) log?.warn('index notice', { seedsDir, detail: warning });
    return built.engine;
  };
  try {
    return await LiveKnowledge.open({ engine, lexicon: loadLexicon() });
  } catch (error) {
    if (error instanceof EmptyCorpusError) throw new Error(`${seedsDir}: ${error.message}`);
    throw error;
  }
}

/**
 * Seeds a saved engine with the outcomes saved beside it; when there are none yet (the build that
 * saved it was cut short), a worker works them out in the background.
 */
async function seedSavedOutcomes(
  engine: Engine,
  file: string,
  key: string,
  seedsDir: string,
  cacheDir: string,
  events: BuildEvents,
): Promise<void> {
  const saved = await readOutcomes(outcomesFile(file), key);
  if (saved !== null) {
    seedOutcomes(engine, saved);
    return;
  }
  void assessInWorker({ seedsDir, cacheDir }).then((rows) => {
    if (rows === null) return;
    seedOutcomes(engine, rows);
    events.assessed?.(rows.length);
  });
}
