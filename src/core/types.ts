/**
 * Plain data shared by the answer core and its adapters. Nothing here knows about Discord,
 * the file system or the process: adapters render these values.
 */

/** One sentence of a brief, as written, with the citation markers it carried. */
export interface Sentence {
  /** The sentence text exactly as in the brief (whitespace collapsed), markers such as `[1]` kept. */
  readonly text: string;
  /** Citation numbers found in the sentence, in order of appearance (`[3] [6]` gives `[3, 6]`). */
  readonly citations: readonly number[];
}

/** What part of a brief a passage comes from. */
export type PassageKind = 'summary' | 'section' | 'conclusion' | 'paragraph';

/** A retrievable unit: a section, the executive summary, or a paragraph of an article. */
export interface Passage {
  /** Stable id, unique in a corpus: `${doc}#${index}`. */
  readonly id: string;
  /** The brief's id (its file name, e.g. `000_cd0a3d8b605ed2a2.txt`). */
  readonly doc: string;
  /** Position of the passage within its brief, from 0. */
  readonly index: number;
  readonly kind: PassageKind;
  /** The heading as a reader sees it: "Executive summary", "2. Amazon’s public comments: ...", "Conclusion", "Paragraph 3". */
  readonly heading: string;
  readonly sentences: readonly Sentence[];
}

/** One parsed fact-check brief (or article). */
export interface Brief {
  /** The file name, which is the brief's id. */
  readonly id: string;
  /** The question or headline on the first line. */
  readonly title: string;
  /** ISO date (`2026-02-01`) from the "Checked on" line, or null when the brief has none. */
  readonly checked: string | null;
  readonly passages: readonly Passage[];
  /** The "Want to dive deeper?" follow-up questions, as written. */
  readonly prompts: readonly string[];
  /** A hash of the brief's lines (a byte-order mark or CR line ends aside): a refresh tells changed briefs by it without comparing their sentences. */
  readonly fingerprint: string;
}

/** A file that was not loaded, with a reason a moderator can act on. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface Corpus {
  readonly briefs: readonly Brief[];
  readonly skipped: readonly SkippedFile[];
}

/** Where a sentence of an answer came from. */
export interface Source {
  readonly doc: string;
  readonly title: string;
  readonly section: string;
  readonly checked: string | null;
  /** The brief's fingerprint when the answer was made: a later refresh tells by it whether the brief changed. */
  readonly fingerprint: string;
}

/** A sentence of an answer with its provenance. */
export interface AnswerSentence extends Sentence {
  readonly doc: string;
  readonly section: string;
}

/** Why an answer was declined, for the log, the desk's statistics and `--json`. */
export type DeclineReason =
  /** Nothing was asked (an empty or wordless message). */
  | 'empty'
  /** No word of the question is one the briefs use. */
  | 'no-known-term'
  /** The best passages cover too little of the question. */
  | 'not-covered'
  /** The thing asked about (its focus: a height, a founding date, a net worth) is not in the chosen passages. */
  | 'focus-missing'
  /** The question names something (a person, a company) the briefs never mention. */
  | 'unknown-name';

/** The result of `answer()`: either an answer with sources or a reasoned abstention. */
export interface Answer {
  readonly question: string;
  readonly answered: boolean;
  /** Why it was declined; null when answered. */
  readonly declineReason: DeclineReason | null;
  /** The answer text (sentences joined), or the abstention message when `answered` is false. */
  readonly answer: string;
  /** The sentences of the answer with provenance; empty when not answered. */
  readonly sentences: readonly AnswerSentence[];
  /** Distinct sources, most relevant first. */
  readonly sources: readonly Source[];
  /** Follow-up questions: the source brief's prompts, then the closest prompts of other briefs. */
  readonly followUps: readonly string[];
  /** 0..1: how well the question is covered by the answer's passages. */
  readonly confidence: number;
  /**
   * When two or more briefs match about equally, each of them, best first (for "which did you mean").
   * Empty otherwise.
   */
  readonly alternatives: readonly Source[];
  /** When not answered: topics the corpus does cover (brief titles or prompts), to suggest. */
  readonly suggestions: readonly string[];
}

/** One point of a company summary. */
export interface CompanyPoint {
  readonly text: string;
  readonly source: Source;
}

export interface CompanySummary {
  /** The canonical name ("Amazon", "ICE"). */
  readonly name: string;
  readonly found: boolean;
  readonly points: readonly CompanyPoint[];
  /** When not found: the organisations the briefs do name. */
  readonly known: readonly string[];
}

/** A summary of one loaded brief, for `/sources` and `:sources`. */
export interface BriefInfo {
  readonly doc: string;
  readonly title: string;
  readonly checked: string | null;
  readonly sections: number;
  /** The brief's "Want to dive deeper?" questions, as written. */
  readonly prompts: readonly string[];
}

/** What a refresh changed, for the moderator who asked for it. */
export interface RefreshReport {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly briefs: number;
  readonly passages: number;
  readonly skipped: readonly SkippedFile[];
  readonly ms: number;
}

/** Options of an answer. */
export interface AnswerOptions {
  /** Answer only from this brief (the asker picked it among several that matched). */
  readonly doc?: string;
}

/** What an organisation is: news outlets are cited by the briefs but are not what people ask about. */
export type OrganisationKind = 'company' | 'agency' | 'group' | 'outlet';

/** An organisation the briefs name, with the other names it goes by. */
export interface Organisation {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly aliases: readonly string[];
}

/** The outcome of a refresh: the new index is serving, or the old one still is. */
export type RefreshOutcome =
  | { readonly status: 'refreshed'; readonly report: RefreshReport }
  | { readonly status: 'failed'; readonly error: string };

/**
 * What every adapter (Discord, console, CLI) is given: the current knowledge, answering from
 * whichever index is live. A refresh builds a new index while this one keeps answering, swaps it in
 * whole, and keeps the old one on failure; concurrent calls share one run.
 */
export interface Knowledge {
  answer(question: string, options?: AnswerOptions): Answer;
  summarizeCompany(name: string): CompanySummary;
  organisations(): readonly Organisation[];
  sources(): readonly BriefInfo[];
  /** Skipped files of the live corpus. */
  skipped(): readonly SkippedFile[];
  refresh(): Promise<RefreshOutcome>;
}

/** The words of the language, to tell a word the briefs do not use from a misspelling of one they do. */
export interface Lexicon {
  has(word: string): boolean;
  /** True for a word that is only ever a noun ("population"): a thing asked about rather than a way of asking. */
  isNoun(word: string): boolean;
  /** True for a non-word one edit from a word ("actualy"): a typo, not a name. */
  nearWord(word: string): boolean;
}
