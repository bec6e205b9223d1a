/**
 * A run of sorted terms seen as a trie whose nodes are made as a walk reaches them: what lunr's
 * token-set intersection reads of a vocabulary (each node's `edges` and `final`), without building
 * the vocabulary's automaton first.
 *
 * lunr's token set of the same terms (`TokenSet.fromArray`) is that trie minimised: the same words,
 * reached by the same prefixes, each node listing its edges in the same order (terms are inserted
 * sorted, and merging equal nodes keeps the order). So an intersection walks both alike and finds
 * the same terms in the same order; building the automaton for a letter cost more than every walk
 * of it a cold process makes.
 */
export class VocabularyTrie {
  /** The prefix of the node is a term: sorted, it comes first in the run. */
  readonly final: boolean;
  private made: Record<string, VocabularyTrie> | undefined;

  /** The node of the terms `terms[from..to)`, which share their first `depth` characters. */
  constructor(
    private readonly terms: readonly string[],
    private readonly from: number,
    private readonly to: number,
    private readonly depth: number,
  ) {
    this.final = from < to && (terms[from] as string).length === depth;
  }

  /** Children by their next character, in the terms' order. */
  get edges(): Readonly<Record<string, VocabularyTrie>> {
    if (this.made === undefined) {
      const edges: Record<string, VocabularyTrie> = {};
      for (let i = this.final ? this.from + 1 : this.from; i < this.to; ) {
        const next = (this.terms[i] as string).charCodeAt(this.depth);
        let end = i + 1;
        while (end < this.to && (this.terms[end] as string).charCodeAt(this.depth) === next) end++;
        edges[String.fromCharCode(next)] = new VocabularyTrie(this.terms, i, end, this.depth + 1);
        i = end;
      }
      this.made = edges;
    }
    return this.made;
  }
}
