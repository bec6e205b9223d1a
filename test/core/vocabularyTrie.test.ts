import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { VocabularyTrie } from '../../src/core/vocabularyTrie.ts';

interface TokenSets {
  fromArray(sorted: readonly string[]): lunr.TokenSet;
  fromFuzzyString(str: string, editDistance: number): lunr.TokenSet;
  prototype: { intersect(this: lunr.TokenSet | VocabularyTrie, other: lunr.TokenSet): lunr.TokenSet };
}
const { TokenSet } = lunr as unknown as { TokenSet: TokenSets };

/** A deterministic vocabulary with digits (which objects list first) and shared prefixes. */
function vocabulary(size: number): string[] {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const letters = 'aabcdeeilmnoprst0123456789é';
  const out = new Set<string>(['a', 'ab', 'abc', 'b1', 'b10', 'b2']);
  while (out.size < size) {
    let word = '';
    for (let n = 1 + Math.floor(random() * 9); n > 0; n--) word += letters[Math.floor(random() * letters.length)];
    out.add(word);
  }
  return [...out].sort();
}

describe('a vocabulary trie', () => {
  it("finds what lunr's token set of the same terms finds, in the same order", () => {
    const terms = vocabulary(4000);
    const lunrSet = TokenSet.fromArray(terms);
    const trie = new VocabularyTrie(terms, 0, terms.length, 0);
    const queries = [...terms.filter((_, i) => i % 13 === 0), 'zzz', 'a', 'b1e', 'abcdefgh', '0', 'e1é'];
    for (const query of queries) {
      for (const distance of [0, 1, 2]) {
        const fuzzy = TokenSet.fromFuzzyString(query, distance);
        expect(TokenSet.prototype.intersect.call(trie, fuzzy).toArray()).toEqual(lunrSet.intersect(fuzzy).toArray());
      }
    }
  });

  it('is a run of the terms: the rest are not in it', () => {
    const terms = ['apple', 'banana', 'band', 'bandit', 'cherry'];
    const bs = new VocabularyTrie(terms, 1, 4, 0);
    expect(TokenSet.prototype.intersect.call(bs, TokenSet.fromFuzzyString('band', 2)).toArray().sort()).toEqual(['band', 'bandit']);
    expect(new VocabularyTrie(terms, 2, 2, 0).final).toBe(false);
    expect(Object.keys(new VocabularyTrie(terms, 2, 2, 0).edges)).toEqual([]);
  });
});
