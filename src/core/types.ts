/**
 * Plain data shared by the answer core and its adapters. Nothing here knows about Discord,
 * the file system or the process: adapters render these values.
 */

/** One sentence of a brief (or one bullet item), as written, with the citation markers it carried. */
export interface Sentence {
  /** The sentence text exactly as in the brief (whitespace collapsed), markers such as `[1]` kept. */
  readonly text: string;
  /** Citation numbers found in the sentence, in order of appearance (`[3] [6]` gives `[3, 6]`). */
  readonly citations: readonly number[];
  /**
   * Where the sentence starts in its brief's text with every run of whitespace folded to one space
   * and the ends trimmed (`collapseWhitespace(file)`): `folded.slice(at, at + text.length) === text`.
   */
  readonly at: number;
  /** A bullet item ("- Military aid: $66.5 billion"): a unit of its own, never joined to a neighbour. */
  readonly bullet?: boolean;
  /** The label line a bullet item sits under ("Aid breakdown"), for context: the item alone may not say what it lists. */
  readonly label?: string;
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
  /** The question or headline on the first content line; for a brief that checks a claim and asks no question, the claim. Never site furniture. */
  readonly title: string;
  /** The statement the brief checks (its `Fact check:` line), or null. Often false: never an answer. */
  readonly claim: string | null;
  /**
   * The brief's own bottom line: the first sentence of "Summary of the results", else of the
   * executive summary, else of "Bottom line"/"Conclusion"; null for an article without them.
   * It is also one of the passages' sentences.
   */
  readonly verdict: string | null;
  /** ISO date (`2026-02-01`) from the "Checked on" line, or null when the brief has none. */
  readonly checked: string | null;
  /** That "Checked on" line as the brief writes it, at its offset in the folded text (see `Sentence.at`): quoted when asked when the brief was checked. */
  readonly checkedLine: { readonly text: string; readonly at: number } | null;
  /** The page said "This fact-check may be outdated". */
  readonly outdated: boolean;
  /** The brief's address, from an optional `Link:` or `URL:` line. */
  readonly link: string | null;
  /** Lines dropped as site furniture (donation appeals, share prompts, source lists, lines recurring across the folder). */
  readonly furniture: number;
  /** The file ends mid-sentence; the unfinished sentence was left out. */
  readonly truncated: boolean;
  readonly passages: readonly Passage[];
  /** The "Want to dive deeper?" follow-up questions, as written. */
  readonly prompts: readonly string[];
  /** Names of two to six capitalised words the brief writes ("Premier Basketball Association"), each once: what a question may abbreviate ("PBA"). */
  readonly names: readonly string[];
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
/** A brief an answer quotes. */
export interface Source {
  readonly doc: string;
  readonly title: string;
  /** The section of the first unit taken from it (each unit names its own). */
  readonly section: string;
  readonly checked: string | null;
  /** The brief says it may be outdated. (Whether its check date is too old is the renderer's call.) */
  readonly outdated: boolean;
  readonly link: string | null;
  /** The brief's fingerprint when the answer was made: a later refresh tells by it whether the brief changed. */
  readonly fingerprint: string;
}

/** Why an answer was declined, for the log, the desk's statistics and `--json`. */
export type DeclineReason =
  /** Nothing was asked (an empty or wordless message). */
  | 'empty'
  /** Only a name or term, with nothing asked about it ("palantir", "ICE:"): the reply asks what about it. */
  | 'bare-term'
  /** No word of the question is one the briefs use. */
  | 'no-known-term'
  /** The best passages cover too little of the question. */
  | 'not-covered'
  /** The thing asked about (its focus: a height, a founding date, a net worth) is not in what the briefs say. */
  | 'focus-missing'
  /** The question names something (a person, a company) the briefs never mention. */
  | 'unknown-name'
  /** Asks when a brief was checked, and the brief gives no "Checked on" date. */
  | 'undated';

/** What a unit does in an answer. */
export type UnitRole =
  /** The brief's own bottom line, given first to a yes/no or "is it true" question. */
  | 'verdict'
  /** The unit holding what was asked (the amount, date, count or name), or the best match. */
  | 'lead'
  /** A further unit that adds to the lead. */
  | 'support';

/**
 * A unit of an answer: a sentence, a bullet item, or a clause of a long sentence, quoted verbatim
 * with where it came from.
 */
export interface AnswerUnit {
  /** Verbatim text of the brief (whitespace collapsed), citation markers kept; a substring of its sentence. */
  readonly text: string;
  readonly citations: readonly number[];
  readonly doc: string;
  readonly section: string;
  /** Offsets of `text` in the brief's whitespace-folded text (see `Sentence.at`). */
  readonly start: number;
  readonly end: number;
  /** The unit is a clause cut from a longer sentence: text of the sentence was left out before / after it (shown as "…"). */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  readonly role: UnitRole;
  /** Position of the unit's brief in `Answer.sources`. */
  readonly source: number;
  /** The words of `text` that answer the question (a figure, a date, a verdict phrase), to set in bold; null when none stands out. */
  readonly key: string | null;
}

/** A follow-up question the corpus answers, with a short label for a button. */
export interface FollowUp {
  /** The full question, as the brief wrote it: what is asked when it is picked. */
  readonly question: string;
  /** At most 40 characters, ending on a whole word ("Palantir–ICE contracts"). */
  readonly label: string;
  /** The brief whose "Want to dive deeper?" list holds it. */
  readonly doc: string;
}

/** What an answer is about: its first source's brief. */
export interface Topic {
  readonly doc: string;
  /** The brief's question or headline (its claim when it has no other title). */
  readonly title: string;
  /** The claim the brief checks, or null: a renderer labels it as the claim, never shows it bare. */
  readonly claim: string | null;
}

/** The result of `answer()`: either an answer with sources or a reasoned abstention. */
export interface Answer {
  readonly question: string;
  readonly answered: boolean;
  /** Why it was declined; null when answered. */
  readonly declineReason: DeclineReason | null;
  /**
   * The answer's units as plain text, one a line ("…" where a unit was cut from a longer
   * sentence, citation markers left out), or the abstention message when `answered` is false.
   */
  readonly answer: string;
  /** The units of the answer, lead first; empty when not answered. */
  readonly units: readonly AnswerUnit[];
  /** Distinct briefs the units come from, in the order units refer to them (`AnswerUnit.source`). */
  readonly sources: readonly Source[];
  /** What the answer is about; null when declined. */
  readonly topic: Topic | null;
  /**
   * A remark about the units as a whole, not a quote: set when the units come from briefs that give
   * different figures for one thing ("The briefs give different figures; the most recently checked first.").
   */
  readonly note: string | null;
  /** The question as read after correcting typos ("palantir aws" for "palentir aws"); null when nothing was corrected. */
  readonly readAs: string | null;
  /** The next best units of the same answer, for "tell me more". */
  readonly more: readonly AnswerUnit[];
  /** Follow-up questions the corpus answers, most relevant first. */
  readonly followUps: readonly FollowUp[];
  /** 0..1: how well the question is covered by the answer's units. */
  readonly confidence: number;
  /**
   * When two or more briefs match about equally and say different things, each of them, best first
   * (for "which brief did you mean"). Empty otherwise.
   */
  readonly alternatives: readonly Source[];
  /** When not answered: questions the corpus does answer (titles or prompts), to suggest. */
  readonly suggestions: readonly string[];
  /** Why the pipeline decided as it did; only when asked for (`AnswerOptions.explain`). */
  readonly trace?: Trace;
}

/** One stage's account of an answer, for `--explain`. */
export interface TraceStage {
  readonly stage: 'analyse' | 'retrieve' | 'gate' | 'select' | 'enrich';
  /** Lines that say what the stage saw and decided. */
  readonly lines: readonly string[];
}

export interface Trace {
  readonly stages: readonly TraceStage[];
}

/** One point of a company summary: a short verbatim unit that names the organisation. */
export interface CompanyPoint {
  /** Verbatim text of the brief (whitespace collapsed), citation markers kept; a substring of its sentence. */
  readonly text: string;
  /** Text of the sentence was left out before / after it (shown as "…"). */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  /** Position of the point's brief in `CompanySummary.sources`. */
  readonly sourceIndex: number;
  readonly source: Source;
}

/** A brief that names an organisation, for a "More about …" menu. */
export interface CompanyBrief {
  readonly doc: string;
  readonly title: string;
}

export interface CompanySummary {
  /** The canonical name ("Amazon", "ICE"). */
  readonly name: string;
  readonly found: boolean;
  /** The points, at most three, from different briefs where possible. */
  readonly points: readonly CompanyPoint[];
  /** Distinct briefs the points come from, in the order points refer to them (`CompanyPoint.sourceIndex`). */
  readonly sources: readonly Source[];
  /** Every brief that names the organisation, the one with most to say first. */
  readonly briefs: readonly CompanyBrief[];
  /** How many briefs the corpus holds ("appears in 4 of 5 briefs"). */
  readonly corpusBriefs: number;
  /** When not found: the organisations the briefs do name. */
  readonly known: readonly string[];
}

/** A summary of one loaded brief, for `/sources` and `:sources`. */
export interface BriefInfo {
  readonly doc: string;
  readonly title: string;
  readonly claim: string | null;
  readonly checked: string | null;
  readonly outdated: boolean;
  /** The brief's address, from its `Link:` or `URL:` line, or null. */
  readonly link: string | null;
  /** The brief's fingerprint (see `Brief.fingerprint`). */
  readonly fingerprint: string;
  readonly sections: number;
  /** Lines dropped as site furniture. */
  readonly furniture: number;
  readonly truncated: boolean;
  /** The brief's "Want to dive deeper?" questions, as written. */
  readonly prompts: readonly string[];
}

/** A prompt of a brief that the corpus does not answer. */
export interface CoverageGap {
  readonly prompt: string;
  /** The brief whose "Want to dive deeper?" list holds it. */
  readonly doc: string;
  readonly reason: DeclineReason;
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
  /** Record a trace of the pipeline's stages in `Answer.trace`. */
  readonly explain?: boolean;
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
  /**
   * A short hash of the live briefs' fingerprints: it changes when any brief is added, changed or
   * removed, so something made from one corpus (a button) can tell it is read against another.
   */
  fingerprint(): string;
  /** "Want to dive deeper?" prompts that no brief answers: what the desk has not checked yet. */
  gaps(): readonly CoverageGap[];
  refresh(): Promise<RefreshOutcome>;
}

/** The words of the language, to tell a word the briefs do not use from a misspelling of one they do. */
export interface Lexicon {
  has(word: string): boolean;
  /** True for a word that is only ever a noun ("population"): a thing asked about rather than a way of asking. */
  isNoun(word: string): boolean;
  /** True for a proper noun ("ukraine", "tesla"), typed in lowercase or not. */
  isName(word: string): boolean;
  /** True for a non-word one edit from a word ("actualy"): a typo, not a name. */
  nearWord(word: string): boolean;
  /** Other words for the same idea: derived forms, pertainyms and demonyms ("ukrainian" → "ukraine", "arizonans" → "arizona"), attributes ("tall" → "height"). */
  forms(word: string): readonly string[];
  /** The other words of the word's commonest noun sense ("lawsuit" → "suit", "case"): related, less surely the same. */
  synonyms(word: string): readonly string[];
  /**
   * Words near it in WordNet: the other members of its commonest verb sense ("buy" → "purchase"),
   * and the kinds just above and below its commonest noun sense ("idea" → "concept", "notion"). Too
   * loose to search by, close enough to say that a unit speaks of what is asked.
   */
  kin(word: string): readonly string[];
  /** What its commonest noun sense names, when that is a person, a group (an organisation) or a place ("commissioner", "consultancy", "state"). */
  kindOf(word: string): NamedKind | null;
}

/** The kinds of thing a name names. */
export type NamedKind = 'person' | 'group' | 'place';
