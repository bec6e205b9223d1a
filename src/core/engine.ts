import { SearchIndex, type FieldSpec, type IndexDoc } from './searchIndex.ts';
import type { Brief, Corpus, Passage } from './types.ts';

/**
 * An engine is everything one answer needs, built from one corpus and never changed afterwards:
 * the briefs, their passages in one list, and two indexes. A refresh builds a new engine and swaps it.
 */

/** A "known question": a brief's title or one of its "Want to dive deeper?" prompts. */
export interface KnownQuestion {
  readonly text: string;
  readonly doc: string;
  readonly kind: 'title' | 'prompt';
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

/** Field boosts: a heading or title match says more about a passage than one word in its body. */
export const PASSAGE_FIELDS: readonly FieldSpec[] = [
  { name: 'title', boost: 1.5 },
  { name: 'heading', boost: 2 },
  { name: 'body', boost: 1 },
];

const QUESTION_FIELDS: readonly FieldSpec[] = [{ name: 'text', boost: 1 }];

/** Builds the indexes of a corpus. */
export function buildEngine(corpus: Corpus): Engine {
  const passages = corpus.briefs.flatMap((b) => b.passages);
  const questions = knownQuestions(corpus);
  return assemble(
    corpus,
    passages,
    questions,
    SearchIndex.build(passageDocs(corpus), PASSAGE_FIELDS),
    SearchIndex.build(
      questions.map((q, i) => ({ ref: String(i), fields: { text: q.text } })),
      QUESTION_FIELDS,
    ),
  );
}

/** Serializable form of an engine's indexes, for a saved index. */
export interface SavedIndexes {
  readonly passageIndex: object;
  readonly questionIndex: object;
}

/** The indexes of an engine as plain JSON. */
export function saveIndexes(engine: Engine): SavedIndexes {
  return { passageIndex: engine.passageIndex.lunrIndex.toJSON(), questionIndex: engine.questionIndex.lunrIndex.toJSON() };
}

/** Rebuilds an engine from a corpus and its saved indexes, without re-indexing. */
export function loadEngine(corpus: Corpus, saved: SavedIndexes): Engine {
  const passages = corpus.briefs.flatMap((b) => b.passages);
  const questions = knownQuestions(corpus);
  return assemble(corpus, passages, questions, SearchIndex.load(saved.passageIndex), SearchIndex.load(saved.questionIndex));
}

function assemble(
  corpus: Corpus,
  passages: readonly Passage[],
  questions: readonly KnownQuestion[],
  passageIndex: SearchIndex,
  questionIndex: SearchIndex,
): Engine {
  if (passageIndex.size > passages.length || questionIndex.size > questions.length) {
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

function* passageDocs(corpus: Corpus): Generator<IndexDoc> {
  let position = 0;
  for (const brief of corpus.briefs) {
    for (const passage of brief.passages) {
      yield {
        ref: String(position++),
        fields: {
          title: brief.title,
          heading: passage.kind === 'paragraph' ? '' : passage.heading,
          body: passage.sentences.map((s) => s.text).join(' '),
        },
      };
    }
  }
}

function knownQuestions(corpus: Corpus): KnownQuestion[] {
  return corpus.briefs.flatMap((b) => [
    { text: b.title, doc: b.id, kind: 'title' as const },
    ...b.prompts.map((p) => ({ text: p, doc: b.id, kind: 'prompt' as const })),
  ]);
}
