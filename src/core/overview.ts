import { names, subjects } from './organisationMatch.ts';
import type { Knowledge } from './types.ts';

/**
 * What the briefs cover, for a welcome or a help message: the organisations their titles name and
 * a few questions they answer, taken from their own titles and then their "Want to dive deeper?" prompts.
 */
export interface Overview {
  readonly briefs: number;
  /** Organisations many of the titles name, the most often named first (at most {@link MAX_TOPICS}). */
  readonly topics: readonly string[];
  /** Questions the briefs answer, from different briefs where possible (at most {@link MAX_EXAMPLES}). */
  readonly examples: readonly string[];
}

export const MAX_TOPICS = 6;
/** An organisation is named as a topic of the briefs when at least this share of their titles name it. */
const MIN_TOPIC_SHARE = 0.2;
export const MAX_EXAMPLES = 3;
/** Longer questions read as paragraphs in a welcome; they are used only when nothing shorter is answered. */
const SHORT_QUESTION = 90;
/** Each candidate is one answer; a corpus of thousands of briefs needs no more than this to find three. */
const MAX_TRIES = 15;

/** The overview of the knowledge's live briefs. */
export function overview(knowledge: Pick<Knowledge, 'sources' | 'organisations' | 'answer'>): Overview {
  const briefs = knowledge.sources();
  const counts = subjects(knowledge.organisations())
    .map((org, order) => ({ name: org.name, order, n: briefs.filter((b) => names(b.title, org)).length }))
    // "46 briefs about Amazon" would misdescribe a folder where one title names the rainforest.
    .filter((t) => t.n > 0 && t.n >= briefs.length * MIN_TOPIC_SHARE)
    .sort((a, b) => b.n - a.n || a.order - b.order);

  // One candidate list per brief: its title (the question it sets out to answer), then its prompts,
  // shortest first; taken in turns so the examples span briefs.
  const perBrief = briefs.map((b) =>
    [...new Set([b.title, ...[...b.prompts].sort((x, y) => x.length - y.length)])]
      .filter((q) => q.trim().endsWith('?'))
      .map((question) => ({ question, doc: b.doc })),
  );
  const examples: string[] = [];
  let tries = 0;
  for (const short of [true, false]) {
    for (let round = 0; examples.length < MAX_EXAMPLES && tries < MAX_TRIES; round++) {
      const turn = perBrief.map((list) => list.filter((q) => (q.question.length <= SHORT_QUESTION) === short)[round]).filter((q) => q !== undefined);
      if (turn.length === 0) break;
      for (const { question, doc } of turn) {
        if (examples.length >= MAX_EXAMPLES || tries >= MAX_TRIES) break;
        if (examples.includes(question)) continue;
        tries += 1;
        // A "Want to dive deeper?" prompt is often what its brief leaves open: an answer from another
        // brief that happens to share its words is no example to offer a newcomer.
        const answer = knowledge.answer(question);
        if (answer.answered && answer.sources[0]?.doc === doc) examples.push(question);
      }
    }
  }
  return { briefs: briefs.length, topics: counts.slice(0, MAX_TOPICS).map((t) => t.name), examples };
}

/** "ICE, Amazon, Microsoft and Palantir". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
