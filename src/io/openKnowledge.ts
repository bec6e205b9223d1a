import { EmptyCorpusError, LiveKnowledge } from '../core/knowledge.ts';
import { buildInWorker } from './buildWorker.ts';
import { cacheFile, corpusKey, readSavedEngine } from './indexCache.ts';
import { loadLexicon } from './lexicon.ts';
import { readBriefFiles } from './seedLoader.ts';

/** Where the corpus lives, and where its index is saved. */
export interface OpenKnowledgeOptions {
  readonly seedsDir: string;
  /**
   * Directory of the saved index, reused at start while the corpus is unchanged; unset (or null)
   * indexes the corpus afresh every time and saves nothing.
   */
  readonly cacheDir?: string | null;
  /** Told where each engine came from ("saved", "built (saved index stale)") and of cache problems. */
  readonly notice?: (message: string) => void;
}

/**
 * Loads the briefs in `seedsDir` and indexes them (or reads the saved index of the same corpus),
 * in a worker process, at start and on every refresh. Rejects with an error naming the directory
 * when it cannot be read or holds no usable brief; files it skips are listed by `knowledge.skipped()`.
 */
export async function openKnowledge(options: OpenKnowledgeOptions): Promise<LiveKnowledge> {
  const cacheDir = options.cacheDir ?? null;
  let starting = true;
  const engine = async () => {
    // At start nothing is being answered yet: a saved index is read here, sparing a worker's start-up.
    if (starting && cacheDir !== null) {
      starting = false;
      const key = readBriefFiles(options.seedsDir).then(corpusKey);
      const saved = await readSavedEngine(cacheFile(cacheDir, options.seedsDir), key);
      if (typeof saved !== 'string') {
        options.notice?.(`index of ${options.seedsDir}: saved`);
        return saved;
      }
    }
    starting = false;
    const built = await buildInWorker({ seedsDir: options.seedsDir, cacheDir });
    options.notice?.(`index of ${options.seedsDir}: ${built.source}`);
    for (const warning of built.warnings) options.notice?.(warning);
    return built.engine;
  };
  try {
    return await LiveKnowledge.open({ engine, lexicon: loadLexicon() });
  } catch (error) {
    if (error instanceof EmptyCorpusError) throw new Error(`${options.seedsDir}: ${error.message}`);
    throw error;
  }
}
