/**
 * Scores answers against an evaluation set: pure functions over (items, answers), shared by
 * `npm run eval` and the test that holds the line. The measures follow `../shared/eval/score.mjs`
 * so figures from the two can be compared.
 */

/** One question of an evaluation set (the JSONL format of `../shared/eval/dev.jsonl`). */
export interface EvalItem {
  readonly id: string;
  readonly q: string;
  /** `fact`: the briefs answer it; `abstain`: they do not, and the answerer must decline. */
  readonly kind: 'fact' | 'abstain';
  /** Lowercase strings of which at least one must appear in a correct answer. */
  readonly facts: readonly string[];
  /** File names of the briefs that contain the answer; the first source must be one of them. */
  readonly docs: readonly string[];
  /** Which half of its set the question is in: the weights are tuned on "tune"; "test" is only reported. */
  readonly split?: 'tune' | 'test';
}

/** The part of an `Answer` that scoring reads, so hand-made answers stay small. */
export interface ScoredAnswer {
  readonly answered: boolean;
  readonly answer: string;
  readonly sources: readonly { readonly doc: string; readonly title?: string }[];
  /** The quoted units, when the answerer gives them: checked against furniture and checked claims. */
  readonly units?: readonly { readonly text: string; readonly doc: string }[];
}

export type MissKind = 'fact' | 'source' | 'abstain' | 'false-abstain' | 'verbatim' | 'unsourced' | 'furniture' | 'claim';

/** One thing that went wrong on one question, for `--verbose` and test messages. */
export interface Miss {
  readonly id: string;
  readonly kind: MissKind;
  readonly detail: string;
}

/** A count out of a total. */
export interface Tally {
  readonly hit: number;
  readonly total: number;
}

export interface EvalReport {
  /** Fact questions whose answer contains an expected fact. */
  readonly facts: Tally;
  /** Fact questions whose first source is an expected brief. */
  readonly source1: Tally;
  /** Fact questions with an expected brief among the first three sources. */
  readonly source3: Tally;
  /** Out-of-scope questions that were declined. */
  readonly abstain: Tally;
  /** Fact questions that were declined. */
  readonly falseAbstain: Tally;
  /** Answers longer than Discord's 4096-character embed description. */
  readonly over4096: number;
  readonly longestAnswer: number;
  /** Answered questions that cite no source. */
  readonly unsourced: number;
  /** Answer sentences found verbatim in a brief the answer cites; null when no corpus was given. */
  readonly verbatim: Tally | null;
  /** Units that are site furniture, units that are (or restate) a brief's checked claim, source titles that are furniture. */
  readonly furnitureUnits: number;
  readonly claimUnits: number;
  readonly furnitureTitles: number;
  readonly misses: readonly Miss[];
}

export interface ScoreOptions {
  /** Raw text of each brief by file name; enables the verbatim check. */
  readonly corpus?: ReadonlyMap<string, string>;
  /** The claim each brief checks, by file name: a unit saying it is a claim passed off as a finding. */
  readonly claims?: ReadonlyMap<string, string>;
  /** True for a text that is site furniture (a donation appeal, a share prompt). */
  readonly isFurniture?: (text: string) => boolean;
}

/** Fragments shorter than this are pieces of abbreviations ("U.S."), not sentences. */
const MIN_SENTENCE_WORDS = 3;
const DISCORD_EMBED_LIMIT = 4096;

/** Case, quote, dash and space folding used for fact matching (as in score.mjs). */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ');
}

/** Words only: citation markers and punctuation dropped, so "quoted verbatim" tolerates trimming. */
export function bareWords(text: string): string {
  return normalizeForMatch(text)
    .replace(/\[\d+\]/g, ' ')
    .replace(/[^a-z0-9$%]+/g, ' ')
    .trim();
}

/** Splits answer text the way a reader would, at sentence ends and line breaks. */
function answerSentences(answer: string): string[] {
  return answer.split(/(?<=[.!?])\s+|\n+/).filter((s) => bareWords(s).split(' ').length >= MIN_SENTENCE_WORDS);
}

/** Source ids may be paths; the sets name briefs by file name. */
function docName(doc: string): string {
  return doc.split(/[\\/]/).pop() ?? doc;
}

const tally = (hit: number, total: number): Tally => ({ hit, total });
const snippet = (text: string, n: number): string => text.replace(/\s+/g, ' ').slice(0, n);

/**
 * Scores `answers[i]` as the answer to `items[i]`.
 * @throws when the two lists differ in length, which means the run itself went wrong.
 */
export function scoreAnswers(
  items: readonly EvalItem[],
  answers: readonly ScoredAnswer[],
  options: ScoreOptions = {},
): EvalReport {
  if (items.length !== answers.length) {
    throw new Error(`expected ${items.length} answers, got ${answers.length}`);
  }
  const bareCorpus = options.corpus
    ? new Map([...options.corpus].map(([doc, text]) => [docName(doc), bareWords(text)]))
    : null;
  const misses: Miss[] = [];
  let factN = 0, factHit = 0, src1 = 0, src3 = 0, abstainN = 0, abstainOk = 0, falseAbstain = 0;
  let over4096 = 0, longest = 0, unsourced = 0, sentN = 0, sentIn = 0;
  let furnitureUnits = 0, claimUnits = 0, furnitureTitles = 0;

  items.forEach((item, i) => {
    const r = answers[i] as ScoredAnswer;
    const docs = r.sources.map((s) => docName(s.doc));
    if (r.answered) {
      for (const unit of r.units ?? []) {
        if (options.isFurniture?.(unit.text)) {
          furnitureUnits++;
          misses.push({ id: item.id, kind: 'furniture', detail: `unit is furniture: ${snippet(unit.text, 100)}` });
        }
        const claim = options.claims?.get(docName(unit.doc));
        if (claim !== undefined && restatesClaim(unit.text, claim)) {
          claimUnits++;
          misses.push({ id: item.id, kind: 'claim', detail: `unit is the checked claim: ${snippet(unit.text, 100)}` });
        }
      }
      for (const source of r.sources) {
        if (source.title !== undefined && options.isFurniture?.(source.title)) {
          furnitureTitles++;
          misses.push({ id: item.id, kind: 'furniture', detail: `source title is furniture: ${snippet(source.title, 100)}` });
        }
      }
      over4096 += r.answer.length > DISCORD_EMBED_LIMIT ? 1 : 0;
      longest = Math.max(longest, r.answer.length);
      if (docs.length === 0) {
        unsourced++;
        misses.push({ id: item.id, kind: 'unsourced', detail: snippet(r.answer, 100) });
      }
      if (bareCorpus) {
        const cited = docs.map((d) => bareCorpus.get(d) ?? '').join(' | ');
        for (const sentence of answerSentences(r.answer)) {
          sentN++;
          if (cited.includes(bareWords(sentence))) sentIn++;
          else misses.push({ id: item.id, kind: 'verbatim', detail: `not in ${docs.join(', ') || 'any cited brief'}: ${snippet(sentence, 100)}` });
        }
      }
    }

    if (item.kind === 'abstain') {
      abstainN++;
      if (!r.answered) abstainOk++;
      else misses.push({ id: item.id, kind: 'abstain', detail: `should decline "${item.q}": ${snippet(r.answer, 100)}` });
      return;
    }

    factN++;
    if (!r.answered) {
      falseAbstain++;
      misses.push({ id: item.id, kind: 'false-abstain', detail: `declined "${item.q}"` });
      return;
    }
    const text = normalizeForMatch(r.answer);
    if (item.facts.some((f) => text.includes(normalizeForMatch(f)))) factHit++;
    else misses.push({ id: item.id, kind: 'fact', detail: `"${item.q}" wants "${item.facts[0] ?? ''}": ${snippet(r.answer, 140)}` });
    const first = docs[0];
    if (first !== undefined && item.docs.includes(first)) src1++;
    else misses.push({ id: item.id, kind: 'source', detail: `"${item.q}" cites ${first ?? 'nothing'} first, expected ${item.docs.join(' or ')}` });
    if (docs.slice(0, 3).some((d) => item.docs.includes(d))) src3++;
  });

  return {
    facts: tally(factHit, factN),
    source1: tally(src1, factN),
    source3: tally(src3, factN),
    abstain: tally(abstainOk, abstainN),
    falseAbstain: tally(falseAbstain, factN),
    over4096,
    longestAnswer: longest,
    unsourced,
    verbatim: bareCorpus ? tally(sentIn, sentN) : null,
    furnitureUnits,
    claimUnits,
    furnitureTitles,
    misses,
  };
}

/** A unit that is the claim, or most of it word for word (what the brief checks, not what it found). */
function restatesClaim(unit: string, claim: string): boolean {
  const u = bareWords(unit);
  const c = bareWords(claim);
  return u !== '' && c.includes(u);
}

/** Share of a tally; an empty tally counts as fully met. */
export function rate(t: Tally): number {
  return t.total === 0 ? 1 : t.hit / t.total;
}

/** The levels a report must reach. */
export interface Bar {
  readonly facts: number;
  readonly source1: number;
  readonly abstain: number;
  /** Highest share of fact questions that may be declined. */
  readonly falseAbstain: number;
}

/**
 * The "Done means" bar of the real-briefs issue, on the product owner's held-out real pages: facts
 * 90%, first source right 85%, at least 26 of 29 out-of-scope questions declined, at most 3 of 56
 * answerable ones declined.
 */
export const DONE_BAR: Bar = { facts: 0.9, source1: 0.85, abstain: 26 / 29, falseAbstain: 3 / 56 };

/** What falls short of the bar, one line each; empty when the report meets it. */
export function shortfalls(report: EvalReport, bar: Bar = DONE_BAR): string[] {
  const out: string[] = [];
  const pct = (x: number): string => `${Math.round(100 * x)}%`;
  if (rate(report.facts) < bar.facts) out.push(`facts ${pct(rate(report.facts))} < ${pct(bar.facts)}`);
  if (rate(report.source1) < bar.source1) out.push(`source@1 ${pct(rate(report.source1))} < ${pct(bar.source1)}`);
  if (rate(report.abstain) < bar.abstain) out.push(`abstain ${pct(rate(report.abstain))} < ${pct(bar.abstain)}`);
  const falseRate = report.falseAbstain.total === 0 ? 0 : report.falseAbstain.hit / report.falseAbstain.total;
  if (falseRate > bar.falseAbstain) out.push(`false-abstain ${pct(falseRate)} > ${pct(bar.falseAbstain)}`);
  return out;
}

/** One summary line in the shape score.mjs prints. */
export function formatReport(report: EvalReport): string {
  const pct = (t: Tally): string => (t.total === 0 ? 'n/a' : `${Math.round((100 * t.hit) / t.total)}%`);
  const verbatim = report.verbatim
    ? `, verbatim ${pct(report.verbatim)} of ${report.verbatim.total} sentences`
    : '';
  return (
    `facts ${report.facts.hit}/${report.facts.total} (${pct(report.facts)}), ` +
    `source@1 ${pct(report.source1)}, source@3 ${pct(report.source3)}, ` +
    `abstain ${report.abstain.hit}/${report.abstain.total}, ` +
    `false-abstain ${report.falseAbstain.hit}/${report.falseAbstain.total}, ` +
    `over-4096 ${report.over4096}, longest ${report.longestAnswer} chars, unsourced ${report.unsourced}${verbatim}, ` +
    `furniture units ${report.furnitureUnits}, claim units ${report.claimUnits}, furniture titles ${report.furnitureTitles}`
  );
}
