/**
 * Every weight and threshold of the answer pipeline, in one place, with what it does. The values were
 * tuned on the "tune" halves of the project's own question sets (`test/eval/`); the "test" halves and
 * `../shared/eval/dev.jsonl` are only reported. Change a value here and run `npm run eval`.
 */
export const TUNING = {
  /** How the passage index weighs a match, by field: a heading or title match says more than one word of the body. */
  fields: { title: 1.5, heading: 2, body: 1 },

  /** Analysing the question. */
  query: {
    /** How much an English word counts, against a name or term of art, when judging coverage. */
    genericWordShare: 0.5,
    /**
     * How much a word the briefs never use counts, as a share of the rarest term's weight: a name
     * counts fully (the briefs don't cover "Tesla"); a noun is likely the thing asked about
     * ("population"); a non-word is a typo nothing matched; a verb or adjective is most often just
     * another wording.
     */
    unknownShare: { name: 1, noun: 0.7, nonWord: 0.5, other: 0.15 },
    /** Search weight of a typo's correction, a weak word, and a synonym, against an exact match (1). */
    typoWeight: 0.8,
    weakWeight: 0.3,
    synonymWeight: 0.5,
    /** A synonym found in a text covers this share of its term's weight. */
    synonymCoverage: 0.6,
    /** A year that bounds the time asked about ("since 2018") counts this share of its weight. */
    frameShare: 0.4,
  },

  /** Finding the passages and known questions (titles, claims, prompts) that match. */
  retrieve: {
    candidatePassages: 8,
    /** The question's coverage (see `gate.minPassageCoverage`) is the most that any hit scoring this share of the top one holds. */
    coverageAmong: 0.75,
    /**
     * A title, claim or prompt is taken as restated when this share of its terms is in the question,
     * and of the question's terms in it.
     */
    knownQuestionOverlap: 0.6,
    /** A restated prompt's own terms join the question's at this share of their weight. */
    knownTermsShare: 0.5,
    /** A brief whose title or claim the question restates has its passages' scores raised by this factor. */
    restatedBriefBoost: 1.5,
  },

  /** Deciding whether the briefs answer the question at all. */
  gate: {
    /** The best-covering passage near the top must hold this share of the question's weight. */
    minPassageCoverage: 0.4,
    /** The chosen units (with their headings) must hold this share of it. */
    minUnitCoverage: 0.4,
    /**
     * The thing asked about (the question's dictionary words that are neither names nor ways of
     * asking: "tall", "founded", "net worth") must be this much in the units, by weight.
     */
    minFocusShare: 0.34,
    /** A focus word the units do not say but the lead unit's passage does counts this share of its weight. */
    focusInPassageShare: 0.75,
    /** The names a question asks about (by weight) that the units must hold. */
    minNameShare: 0.5,
    /** A focus word that is not only a noun (a verb, an adjective) counts this much of its weight. */
    focusVerbShare: 0.5,
  },

  /** Choosing the units of the answer. */
  select: {
    maxUnits: 3,
    /** Most characters of the units together, and of one unit; a longer sentence gives its best clause. */
    maxChars: 600,
    maxUnitChars: 250,
    /** A unit's score: words of the question it holds; those it, its heading, title and the sentence before it hold; its passage's score. */
    inUnit: 1,
    inContext: 0.25,
    passageShare: 0.35,
    /** A question word the unit does not say, but a word near it in WordNet ("homicides" for "murders"), counts this share of its weight in `inUnit`. */
    kinCoverage: 0.2,
    /** Share of the question's focus words (see `gate`) it says. */
    focus: 0.3,
    /** It holds the kind of fact asked for (an amount for "how much", a date for "when"). */
    typeFit: 0.5,
    /**
     * The question asks for an extreme ("highest", "the most") and the unit says the same one: this much, times the
     * share of the question the unit holds (a superlative in a unit on something else says nothing).
     */
    superlative: 0.6,
    /** It is the brief's verdict and the question asks whether the brief's claim or question holds. */
    verdict: 0.8,
    /** The verdict's passage, when retrieval did not bring it, scores this share of the best passage. */
    verdictPassageShare: 0.5,
    /** A verdict shorter than this is followed by the brief's next sentence. */
    terseVerdictChars: 80,
    /** A yes/no question is about a brief when its title and claim hold this share of the question. */
    aboutBriefShare: 0.5,
    /** A question for a figure or a date is led by the best unit giving one when it scores this share of the best. */
    figureLeadShare: 0.75,
    /** A clause cut from its sentence, against the whole sentence saying as much. */
    cutPenalty: 0.05,
    /** Further units must score at least this share of the lead's, and share at most this much of another's words. */
    minRelativeScore: 0.6,
    maxOverlap: 0.7,
    /** A near-duplicate brief's unit with other figures is quoted beside the lead when it scores this share of the lead's. */
    rivalShare: 0.6,
    /**
     * A unit from another brief than the lead's stands beside it when that brief's title or claim holds
     * a word of the question, or its text holds this share of what the lead's brief holds of the question.
     */
    relatedBriefShare: 0.6,
    /** Units kept for "tell me more". */
    moreUnits: 3,
  },

  /** What is added around the units. */
  enrich: {
    /** A brief whose best passage scores this close to the best one is offered as an alternative. */
    alternativeRatio: 0.85,
    /** ... unless what it says repeats the answer by this share of its words. */
    alternativeOverlap: 0.5,
    /**
     * Two briefs are about one thing (near duplicates, whose differing figures are pointed out) when
     * their titles share this much (of the smaller) and their opening passages this much (Jaccard).
     */
    sameTopicTitleOverlap: 0.25,
    sameTopicSummaryShare: 0.2,
    maxFollowUps: 3,
    maxSuggestions: 3,
    followUpLabelChars: 40,
  },
} as const;

export type Tuning = typeof TUNING;
