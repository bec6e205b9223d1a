/**
 * A deterministic generator of fact-check briefs in the seeds' shape, for benchmarks at scale.
 *
 * `npx tsx bench/generate.ts --sections 10000 --out DIR [--seed 1]` writes `DIR/*.txt` (point
 * SEEDS_DIR at it) and `DIR.questions.jsonl`, an evaluation set in the format of
 * `test/eval/questions.jsonl` (so `SEEDS_DIR=DIR npm run eval -- --set DIR.questions.jsonl` scores it).
 *
 * Text: each brief has a topic (two named entities and a handful of words it keeps coming back to);
 * its sentences mix function words, topic words and words drawn from a Zipf distribution over the
 * seeds' own vocabulary interleaved with generated words, plus names, dates, amounts and citation
 * markers. A "section" is a passage: the executive summary, a numbered section or the conclusion,
 * about 2 KB each (50k sections ≈ 100 MB).
 *
 * Questions: built from the corpus's own sentences (a few of the sentence's rarer words, its entity,
 * sometimes a typo) and "Want to dive deeper?" prompts, answerable from it; plus off-corpus questions
 * about names and topics the corpus never mentions, which must be declined.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EvalItem } from '../src/eval/score.ts';
import { mulberry32 } from '../test/support/prng.ts';

export interface GenerateOptions {
  /** Number of passages (summary + numbered sections + conclusion) to write. */
  readonly sections: number;
  readonly seed?: number;
  /** Questions answerable from the corpus (at least 200 by default). */
  readonly questions?: number;
  /** Directory whose `.txt` files lend the vocabulary its most frequent words (default: `seeds/`). */
  readonly vocabularyDir?: string;
}

export interface GeneratedBrief {
  readonly name: string;
  readonly text: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GENERATED_WORDS = 60_000;
const ZIPF_EXPONENT = 1.05;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'that', 'for', 'on', 'with', 'as', 'by', 'was', 'its', 'from', 'which', 'while', 'their', 'has', 'had', 'were', 'also', 'but', 'not', 'at', 'this', 'into', 'after', 'over'];
const ORG_SUFFIXES = ['Systems', 'Labs', 'Group', 'Analytics', 'Networks', 'Cloud', 'Partners', 'Holdings', 'Data', 'Works'];
// Generated words use no q, x or z, so off-corpus names built from them are never near a corpus word.
const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'ay'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 't', 'm', 'nd', 'rk', 'st', 'ng'];
const OFF_CORPUS_FIXED = [
  'What is the capital of France?',
  "Tesla's Pentagon contracts",
  'Who won the 1998 World Cup?',
  'How tall is Mount Everest?',
  'What does Oracle charge the FBI for databases?',
  'recipe for banana bread',
];


class Draw {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
}

/** Words ranked by frequency, sampled with probability ∝ 1 / rank^s. */
class ZipfVocabulary {
  private readonly cdf: Float64Array;
  constructor(readonly words: readonly string[]) {
    this.cdf = new Float64Array(words.length);
    let sum = 0;
    for (let r = 0; r < words.length; r++) {
      sum += 1 / Math.pow(r + 1, ZIPF_EXPONENT);
      this.cdf[r] = sum;
    }
    for (let r = 0; r < words.length; r++) this.cdf[r] = (this.cdf[r] as number) / sum;
  }
  /** A rank drawn from the distribution (0 is the commonest word). */
  rank(draw: Draw): number {
    const x = draw.random();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function pseudoWord(draw: Draw, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += draw.pick(ONSETS) + draw.pick(NUCLEI) + draw.pick(CODAS);
  return w;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The seeds' content words, commonest first, so generated text shares the real briefs' vocabulary. */
function seedWords(dir: string): string[] {
  const counts = new Map<string, number>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  const stop = new Set(FUNCTION_WORDS);
  for (const f of files) {
    for (const m of readFileSync(join(dir, f), 'utf8').toLowerCase().matchAll(/\b[a-z]{3,}\b/g)) {
      if (!stop.has(m[0])) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** Interleaves the seeds' words with generated ones: the seeds' words take every third rank at the top. */
function vocabulary(draw: Draw, fromSeeds: readonly string[]): string[] {
  const seen = new Set(fromSeeds);
  const generated: string[] = [];
  while (generated.length < GENERATED_WORDS) {
    const w = pseudoWord(draw, draw.int(1, 3));
    if (w.length < 3 || seen.has(w)) continue;
    seen.add(w);
    generated.push(w);
  }
  const out: string[] = [];
  let s = 0;
  let g = 0;
  while (s < fromSeeds.length || g < generated.length) {
    if (s < fromSeeds.length && (out.length % 3 === 0 || g >= generated.length)) out.push(fromSeeds[s++] as string);
    else out.push(generated[g++] as string);
  }
  return out;
}

interface Topic {
  readonly org: string;
  readonly other: string;
  readonly words: readonly string[];
}

interface Section {
  readonly heading: string;
  readonly sentences: readonly string[];
}

interface QuestionSource {
  readonly doc: string;
  readonly sentence: string;
  readonly topic: Topic;
}

/** Writes briefs one at a time (a 50k corpus is ~100 MB) and collects the questions about them. */
export class CorpusGenerator {
  private readonly draw: Draw;
  private readonly zipf: ZipfVocabulary;
  private readonly orgs: string[] = [];
  private readonly people: string[] = [];
  private readonly questionSources: QuestionSource[] = [];
  private readonly prompts: { doc: string; prompt: string; fact: string }[] = [];
  private readonly wanted: number;

  constructor(private readonly options: GenerateOptions) {
    this.draw = new Draw(mulberry32(options.seed ?? 1));
    this.zipf = new ZipfVocabulary(vocabulary(this.draw, seedWords(options.vocabularyDir ?? join(ROOT, 'seeds'))));
    // Enough distinct names that most briefs have their own, as a real desk's do.
    const names = Math.max(50, Math.round(options.sections / 8));
    const taken = new Set<string>();
    const fresh = (make: () => string) => {
      for (;;) {
        const n = make();
        if (!taken.has(n)) {
          taken.add(n);
          return n;
        }
      }
    };
    for (let i = 0; i < names; i++) {
      this.orgs.push(fresh(() => `${capitalise(pseudoWord(this.draw, 2))} ${this.draw.pick(ORG_SUFFIXES)}`));
      this.people.push(fresh(() => `${capitalise(pseudoWord(this.draw, 2))} ${capitalise(pseudoWord(this.draw, 2))}`));
    }
    this.wanted = options.questions ?? 240;
  }

  /** The briefs, in file-name order, until the section count is reached. */
  *briefs(): Generator<GeneratedBrief> {
    let written = 0;
    for (let n = 0; written < this.options.sections; n++) {
      const numbered = Math.min(this.draw.int(4, 9), Math.max(1, this.options.sections - written - 2));
      const name = `${String(n).padStart(6, '0')}_${this.hex(16)}.txt`;
      const { text, sections } = this.brief(name, numbered);
      written += sections;
      yield { name, text };
    }
  }

  /** Answerable questions (from the corpus's sentences and prompts, some with typos) and off-corpus ones. */
  questions(): EvalItem[] {
    const out: EvalItem[] = [];
    const promptShare = Math.round(this.wanted * 0.15);
    const fromPrompts = this.spread(this.prompts, promptShare);
    const fromSentences = this.spread(this.questionSources, this.wanted - fromPrompts.length);
    for (const p of fromPrompts) out.push({ id: `p${out.length}`, q: p.prompt, kind: 'fact', facts: [p.fact], docs: [p.doc] });
    for (const s of fromSentences) {
      const q = this.sentenceQuestion(s);
      out.push({ id: `s${out.length}`, q: q.text, kind: 'fact', facts: [q.fact], docs: [s.doc] });
    }
    const offCorpus = Math.max(OFF_CORPUS_FIXED.length, Math.round(this.wanted / 8));
    for (let i = 0; i < offCorpus; i++) {
      const q = i < OFF_CORPUS_FIXED.length ? (OFF_CORPUS_FIXED[i] as string) : this.offCorpusQuestion();
      out.push({ id: `o${i}`, q, kind: 'abstain', facts: [], docs: [] });
    }
    return out;
  }

  private spread<T>(list: readonly T[], count: number): T[] {
    if (list.length <= count) return [...list];
    const step = list.length / count;
    return Array.from({ length: count }, (_, i) => list[Math.floor(i * step)] as T);
  }

  private hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += '0123456789abcdef'.charAt(this.draw.int(0, 15));
    return s;
  }

  private brief(doc: string, numbered: number): { text: string; sections: number } {
    const topic: Topic = {
      org: this.draw.pick(this.orgs),
      other: this.draw.chance(0.5) ? this.draw.pick(this.orgs) : this.draw.pick(this.people),
      words: Array.from({ length: 6 }, () => this.contentWord(40)),
    };
    const sections: Section[] = [];
    for (let i = 1; i <= numbered; i++) {
      const heading = `${i}. ${capitalise(this.phrase(topic, this.draw.int(3, 7)))}: ${this.phrase(topic, this.draw.int(3, 8))}`;
      sections.push({ heading, sentences: this.sentences(topic, this.draw.int(5, 7)) });
    }
    const summary = this.sentences(topic, this.draw.int(2, 3));
    const conclusion = this.sentences(topic, this.draw.int(2, 4));
    const promptSentences = [sections[0], sections[Math.floor(sections.length / 2)], sections[sections.length - 1]].map(
      (s) => this.draw.pick((s as Section).sentences),
    );
    const prompts = promptSentences.map((s) => this.promptFrom(doc, topic, s));
    // One candidate per brief; `questions()` takes them evenly spread over the corpus.
    const all = [...summary, ...sections.flatMap((s) => s.sentences), ...conclusion];
    for (let i = 0; i < 3; i++) this.questionSources.push({ doc, sentence: this.draw.pick(all), topic });
    const checked = `${this.draw.pick(MONTHS)} ${this.draw.int(1, 28)}, ${this.draw.int(2019, 2026)}`;
    const lines = [
      `What ${this.draw.pick(['has', 'did', 'does'])} ${topic.org} ${this.phrase(topic, this.draw.int(3, 6))} with ${topic.other}?`,
      '',
      `Checked on ${checked}`,
      'Disclaimer: Factually can make mistakes. Please verify important information or breaking news. Learn more.',
      '',
      'Executive summary',
      '',
      summary.join(' '),
      '',
      ...sections.flatMap((s) => [s.heading, '', s.sentences.join(' '), '']),
      'Conclusion',
      '',
      conclusion.join(' '),
      '',
      'Want to dive deeper?',
      ...prompts,
    ];
    return { text: lines.join('\n'), sections: numbered + 2 };
  }

  /** A content word: from the brief's topic a fifth of the time, else Zipf-ranked; `minRank` skips the commonest. */
  private contentWord(minRank = 0): string {
    for (;;) {
      const r = this.zipf.rank(this.draw);
      if (r >= minRank) return this.zipf.words[r] as string;
    }
  }

  private phrase(topic: Topic, length: number): string {
    const ws: string[] = [];
    for (let i = 0; i < length; i++) {
      ws.push(i % 2 === 1 && this.draw.chance(0.5) ? this.draw.pick(FUNCTION_WORDS) : this.topicOrZipf(topic));
    }
    return ws.join(' ');
  }

  private topicOrZipf(topic: Topic): string {
    return this.draw.chance(0.2) ? this.draw.pick(topic.words) : this.contentWord();
  }

  private sentences(topic: Topic, count: number): string[] {
    return Array.from({ length: count }, () => this.sentence(topic));
  }

  private sentence(topic: Topic): string {
    const length = this.draw.int(25, 65);
    const ws: string[] = [];
    const entityAt = this.draw.chance(0.6) ? this.draw.int(0, 3) : -1;
    for (let i = 0; i < length; i++) {
      if (i === entityAt) ws.push(this.draw.chance(0.6) ? topic.org : topic.other);
      else if (this.draw.chance(0.38)) ws.push(this.draw.pick(FUNCTION_WORDS));
      else if (this.draw.chance(0.015)) ws.push(this.draw.pick(this.people));
      else if (this.draw.chance(0.01)) ws.push(`${this.draw.pick(MONTHS)} ${this.draw.int(2010, 2026)}`);
      else if (this.draw.chance(0.01)) ws.push(`$${this.draw.int(1, 900)} ${this.draw.pick(['million', 'billion', 'thousand'])}`);
      else ws.push(this.topicOrZipf(topic));
      if (i > 4 && i < length - 3 && this.draw.chance(0.04)) ws[ws.length - 1] += ',';
    }
    const text = capitalise(ws.join(' '));
    const markers = Array.from({ length: this.draw.int(1, 3) }, () => `[${this.draw.int(1, 12)}]`);
    return `${text} ${markers.join(this.draw.chance(0.5) ? ' ' : '')}.`;
  }

  /** A "Want to dive deeper?" prompt about one of the brief's own sentences, so the corpus answers it. */
  private promptFrom(doc: string, topic: Topic, sentence: string): string {
    const rare = this.rareWords(sentence, 3);
    const prompt = `What did ${topic.org} ${rare.join(' ')} and how did ${topic.other} respond?`;
    this.prompts.push({ doc, prompt, fact: this.factOf(sentence) });
    return prompt;
  }

  /** The sentence's rarest content words (highest Zipf rank), in sentence order. */
  private rareWords(sentence: string, count: number): string[] {
    const ws = [...new Set(sentence.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? [])].filter((w) => !FUNCTION_WORDS.includes(w));
    const ranked = ws
      .map((w) => ({ w, r: this.rankOf(w) }))
      .filter((x) => x.r >= 0)
      .sort((a, b) => b.r - a.r)
      .slice(0, count);
    return ws.filter((w) => ranked.some((x) => x.w === w));
  }

  private rankCache: Map<string, number> | undefined;
  private rankOf(w: string): number {
    this.rankCache ??= new Map(this.zipf.words.map((x, i) => [x, i]));
    return this.rankCache.get(w) ?? -1;
  }

  /**
   * Three consecutive words of the sentence around its rarest word, lowercase: an answer containing
   * them quotes the sentence.
   */
  private factOf(sentence: string): string {
    const ws = sentence.replace(/\[\d+\]/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w));
    let at = Math.floor(ws.length / 2);
    for (let i = 0; i < ws.length; i++) if (this.rankOf(ws[i] as string) > this.rankOf(ws[at] as string)) at = i;
    return ws.slice(Math.max(0, at - 1), at + 2).join(' ').toLowerCase();
  }

  private sentenceQuestion(source: QuestionSource): { text: string; fact: string } {
    const rare = this.rareWords(source.sentence, 3);
    if (this.draw.chance(0.2)) {
      const longest = rare.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest.length >= 6) rare[rare.indexOf(longest)] = typo(this.draw, longest);
    }
    const named = [source.topic.org, source.topic.other].filter((e) => source.sentence.includes(e));
    const w = rare.join(' ');
    const text =
      named.length === 0
        ? this.draw.pick([`what do the briefs say about ${w}`, `${w}?`])
        : this.draw.pick([
            `what did ${named[0]} say about ${w}`,
            `${named[0]} ${w}?`,
            `What do the briefs say about ${w} ${named[0]}`,
            `how is ${w} linked to ${named[0]}`,
          ]);
    return { text, fact: this.factOf(source.sentence) };
  }

  private offCorpusQuestion(): string {
    const name = () => capitalise(Array.from({ length: 2 }, () => this.draw.pick(['qu', 'zo', 'xa', 'zy', 'qo'])  + this.draw.pick(['zz', 'xq', 'qz', 'xx'])).join(''));
    return this.draw.pick([
      (n: string, m: string) => `What did ${n} ${m} say about the ${this.draw.pick(['merger', 'lawsuit', 'election'])}?`,
      (n: string, m: string) => `${n} ${m} contract`,
      (n: string, m: string) => `How much did ${n} pay ${m}?`,
    ])(name(), name());
  }
}

/** A small typo: two letters swapped, one dropped, or one replaced by its neighbour in the word. */
function typo(draw: Draw, word: string): string {
  const i = draw.int(1, word.length - 3);
  switch (draw.int(0, 2)) {
    case 0:
      return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word.charAt(i - 1) + word.slice(i + 1);
  }
}

/** Writes a corpus to `dir` (emptied first) and its questions to `${dir}.questions.jsonl`; returns the byte count. */
export function writeCorpus(dir: string, options: GenerateOptions): { bytes: number; briefs: number; questionsFile: string } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const generator = new CorpusGenerator(options);
  let bytes = 0;
  let briefs = 0;
  for (const brief of generator.briefs()) {
    writeFileSync(join(dir, brief.name), brief.text);
    bytes += Buffer.byteLength(brief.text);
    briefs++;
  }
  const questionsFile = `${dir.replace(/\/+$/, '')}.questions.jsonl`;
  writeFileSync(questionsFile, generator.questions().map((q) => JSON.stringify(q)).join('\n') + '\n');
  return { bytes, briefs, questionsFile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      sections: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      questions: { type: 'string', default: '240' },
    },
  });
  if (values.out === undefined) {
    process.stderr.write('Usage: npx tsx bench/generate.ts --sections N --out DIR [--seed S] [--questions Q]\n');
    process.exit(2);
  }
  const started = performance.now();
  const result = writeCorpus(resolve(values.out), {
    sections: Number(values.sections),
    seed: Number(values.seed),
    questions: Number(values.questions),
  });
  process.stderr.write(
    `wrote ${result.briefs} briefs (${(result.bytes / 1e6).toFixed(1)} MB) to ${values.out} and ${result.questionsFile} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
