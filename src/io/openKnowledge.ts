import { EmptyCorpusError, LiveKnowledge } from '../core/knowledge.ts';
import { loadLexicon } from './lexicon.ts';
import { loadCorpus } from './seedLoader.ts';

/** Where the corpus lives. */
export interface OpenKnowledgeOptions {
  readonly seedsDir: string;
}

/**
 * Loads the briefs in `seedsDir` and indexes them. Rejects with an error naming the directory when it
 * cannot be read or holds no usable brief; files it skips are listed by `knowledge.skipped()`.
 */
export async function openKnowledge(options: OpenKnowledgeOptions): Promise<LiveKnowledge> {
  try {
    return await LiveKnowledge.open({ load: () => loadCorpus(options.seedsDir), lexicon: loadLexicon() });
  } catch (error) {
    if (error instanceof EmptyCorpusError) throw new Error(`${options.seedsDir}: ${error.message}`);
    throw error;
  }
}
