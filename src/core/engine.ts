import { SearchIndex, type FieldSpec, type IndexData, type IndexDoc } from './searchIndex.ts';
import { TUNING } from './tuning.ts';
import type { Brief, Corpus, Passage } from './types.ts';

/**
 * An engine is everything one answer needs, built from one corpus and never changed afterwards:
 * the briefs, their passages in one list, and two indexes. A refresh builds a new engine and swaps it.
 */

/** A "known question": a brief's title or one of its "Want to dive deeper?" prompts. */
export interface KnownQuestion {
  readonly text: string;
  readonly doc: string;
  readonly kind: 'title' | 'claim' | 'prompt';
}

export interface Engine {
  readonly corpus: Corpus;
  readonly briefs: ReadonlyMap<string, Brief>;
  /** Every passage of every brief, in corpus order; index positions refer to this list. */
  readonly passages: readonly Passage[];
  /** Passages: brief title, section heading and body as separately boosted fields. */
  readonly passageIndex: SearchIndex;
  readonly questions: readonly KnownQuestion[];
  readonly questionIndex: SearchIndex;
}

/** Field boosts (`TUNING.fields`): a heading or title match says more about a passage than one word in its body. */
export const PASSAGE_FIELDS: readonly FieldSpec[] = [
  { name: 'title', boost: TUNING.fields.title },
  { name: 'heading', boost: TUNING.fields.heading },
  { name: 'body', boost: TUNING.fields.body },
];

const QUESTION_FIELDS: readonly FieldSpec[] = [{ name: 'text', boost: 1 }];

/** Builds the indexes of a corpus. */
export function buildEngine(corpus: Corpus): Engine {
  const { passageIndex, questionIndex } = buildIndexes(corpus.briefs);
  return assemble(corpus, corpus.briefs.flatMap((b) => b.passages), knownQuestions(corpus.briefs), passageIndex, questionIndex);
}

/**
 * Builds the two indexes from briefs visited once, in corpus order: a large corpus can be streamed
 * (decoded brief by brief) rather than held whole while the index is built. `bodyStems`, when
 * given, is asked once for each passage, in corpus order, for the stems of its body (those `stems`
 * gives of its sentences' texts joined by spaces): a build that analyses the sentences anyway.
 */
export function buildIndexes(
  briefs: Iterable<Brief>,
  bodyStems?: (passage: Passage) => readonly string[],
): { passageIndex: SearchIndex; questionIndex: SearchIndex } {
  const seen: Brief[] = [];
  const passageIndex = SearchIndex.build(passageDocs(briefs, (b) => seen.push(questionsOnly(b)), bodyStems), PASSAGE_FIELDS);
  const questionIndex = SearchIndex.build(
    knownQuestions(seen).map((q, i) => ({ ref: String(i), fields: { text: q.text } })),
    QUESTION_FIELDS,
  );
  return { passageIndex, questionIndex };
}

/**
 * Version of what an engine is made of (the parsed corpus, the analyzer, the index layout): a saved
 * index of another version is rebuilt. Bump it when a change alters what a build produces.
 */
export const ENGINE_VERSION = 4;

/** An engine's indexes as plain arrays, for a saved index. */
export interface SavedIndexes {
  readonly passageIndex: IndexData;
  readonly questionIndex: IndexData;
}

/** The indexes of an engine as plain arrays (shared, not copied). */
export function saveIndexes(engine: Engine): SavedIndexes {
  return { passageIndex: engine.passageIndex.toData(), questionIndex: engine.questionIndex.toData() };
}

/**
 * Rebuilds an engine from a corpus and its saved indexes, without re-indexing.
 * @throws when the indexes are damaged or do not match the corpus.
 */
export function loadEngine(corpus: Corpus, saved: SavedIndexes): Engine {
  const passages = corpus.briefs.flatMap((b) => b.passages);
  const questions = knownQuestions(corpus.briefs);
  return assemble(corpus, passages, questions, SearchIndex.fromData(saved.passageIndex), SearchIndex.fromData(saved.questionIndex));
}

function assemble(
  corpus: Corpus,
  passages: readonly Passage[],
  questions: readonly KnownQuestion[],
  passageIndex: SearchIndex,
  questionIndex: SearchIndex,
): Engine {
  if (passageIndex.size !== passages.length || questionIndex.size !== questions.length) {
    throw new Error('the index does not match the corpus');
  }
  return {
    corpus,
    briefs: new Map(corpus.briefs.map((b) => [b.id, b])),
    passages,
    passageIndex,
    questions,
    questionIndex,
  };
}

function* passageDocs(
  briefs: Iterable<Brief>,
  visited: (brief: Brief) => void,
  bodyStems: ((passage: Passage) => readonly string[]) | undefined,
): Generator<IndexDoc> {
  let position = 0;
  for (const brief of briefs) {
    visited(brief);
    for (const passage of brief.passages) {
      yield {
        ref: String(position++),
        fields: {
          title: brief.title,
          heading: passage.kind === 'paragraph' ? '' : passage.heading,
          body: bodyStems ? bodyStems(passage) : passage.sentences.map((s) => s.text).join(' '),
        },
      };
    }
  }
}

/** What the known questions need of a brief, so a streamed brief's passages can be let go. */
function questionsOnly(brief: Brief): Brief {
  return { ...brief, passages: [] };
}

/** A brief's title, its claim when that is not its title, and its prompts: questions the corpus sets out to answer. */
function knownQuestions(briefs: readonly Brief[]): KnownQuestion[] {
  return briefs.flatMap((b) => [
    { text: b.title, doc: b.id, kind: b.title === b.claim ? ('claim' as const) : ('title' as const) },
    ...(b.claim !== null && b.claim !== b.title ? [{ text: b.claim, doc: b.id, kind: 'claim' as const }] : []),
    ...b.prompts.map((p) => ({ text: p, doc: b.id, kind: 'prompt' as const })),
  ]);
}
