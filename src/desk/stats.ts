/**
 * The desk's figures for /stats and `npm run ask -- --stats`: how much is asked and declined, what
 * is most asked among the declines (what to check next), votes per brief, corrections sent.
 */
import type { Database, Statement } from 'better-sqlite3';
import { groupByTerms } from './terms.ts';

/** Questions answered in a period, and how many of them were declined. */
export interface PeriodCount {
  readonly asked: number;
  readonly declined: number;
}

/** Declined questions that ask much the same. */
export interface DeclinedGroup {
  /** The wording asked most often in the group (of equals, the latest). */
  readonly question: string;
  readonly asks: number;
}

/** Votes on the answers that quoted a brief. */
export interface BriefVotes {
  readonly doc: string;
  readonly up: number;
  readonly down: number;
}

/** Everything /stats shows besides the desk's health. */
export interface DeskFigures {
  readonly questions: { readonly day: PeriodCount; readonly week: PeriodCount; readonly kept: PeriodCount };
  /** The 10 most asked declined questions, grouped, most asked first. */
  readonly topDeclined: readonly DeclinedGroup[];
  /** Per brief, most votes first. */
  readonly votes: readonly BriefVotes[];
  readonly requests: { readonly open: number; readonly openGroups: number; readonly covered: number; readonly answered: number; readonly dismissed: number };
  readonly corrections: {
    readonly edits: { readonly sent: number; readonly waiting: number; readonly gone: number; readonly failed: number };
    readonly replies: { readonly sent: number; readonly waiting: number; readonly gone: number; readonly failed: number };
  };
}

const TOP_DECLINED = 10;
const DAY_MS = 86_400_000;

export class Stats {
  readonly #period: Statement<[number], { asked: number; declined: number | null }>;
  readonly #declined: Statement<[], { terms: string; question: string; asks: number; latest: number }>;
  readonly #votes: Statement<[], BriefVotes>;
  readonly #requests: Statement<[], { status: string; n: number }>;
  readonly #openGroups: Statement<[], { n: number }>;
  readonly #corrections: Statement<[], { kind: string; state: string; n: number }>;

  constructor(db: Database) {
    this.#period = db.prepare<[number], { asked: number; declined: number | null }>(
      'SELECT COUNT(*) AS asked, SUM(answered = 0) AS declined FROM answers WHERE asked_at >= ?',
    );
    // Each wording counted in SQL, in one pass; wordings are then grouped by their terms in code.
    this.#declined = db.prepare<[], { terms: string; question: string; asks: number; latest: number }>(
      `SELECT terms, question, COUNT(*) AS asks, MAX(asked_at) AS latest FROM answers
       WHERE answered = 0 AND terms <> '' GROUP BY terms, question`,
    );
    this.#votes = db.prepare<[], BriefVotes>(
      `SELECT s.doc AS doc, SUM(v.vote = 1) AS up, SUM(v.vote = -1) AS down
       FROM votes v JOIN (SELECT DISTINCT answer_id, doc FROM answer_sources) s ON s.answer_id = v.answer_id
       GROUP BY s.doc ORDER BY COUNT(*) DESC, s.doc`,
    );
    this.#requests = db.prepare<[], { status: string; n: number }>('SELECT status, COUNT(*) AS n FROM requests GROUP BY status');
    this.#openGroups = db.prepare<[], { n: number }>("SELECT COUNT(DISTINCT group_id) AS n FROM requests WHERE status = 'open'");
    this.#corrections = db.prepare<[], { kind: string; state: string; n: number }>('SELECT kind, state, COUNT(*) AS n FROM outbox GROUP BY kind, state');
  }

  /** The figures as of `now`. */
  figures(now: Date): DeskFigures {
    const period = (since: number): PeriodCount => {
      const row = this.#period.get(since) ?? { asked: 0, declined: 0 };
      return { asked: row.asked, declined: row.declined ?? 0 };
    };
    const t = now.getTime();
    const requests = Object.fromEntries(this.#requests.all().map((row) => [row.status, row.n]));
    const corrections = { edit: tally(), reply: tally() };
    for (const row of this.#corrections.all()) {
      const counts = row.kind === 'edit' ? corrections.edit : corrections.reply;
      if (row.state === 'sent') counts.sent += row.n;
      else if (row.state === 'pending' || row.state === 'sending') counts.waiting += row.n;
      else if (row.state === 'gone') counts.gone += row.n;
      else if (row.state === 'failed') counts.failed += row.n;
    }
    return {
      questions: { day: period(t - DAY_MS), week: period(t - 7 * DAY_MS), kept: period(0) },
      topDeclined: groupByTerms(byTerms(this.#declined.all()), (row) => row.terms, (row) => row.asks)
        .slice(0, TOP_DECLINED)
        .map((group) => {
          const top = [...group.items].sort((a, b) => b.asks - a.asks || b.latest - a.latest)[0];
          return { question: top?.question ?? '', asks: group.weight };
        }),
      votes: this.#votes.all(),
      requests: {
        open: requests['open'] ?? 0,
        openGroups: this.#openGroups.get()?.n ?? 0,
        covered: requests['covered'] ?? 0,
        answered: requests['answered'] ?? 0,
        dismissed: requests['dismissed'] ?? 0,
      },
      corrections: { edits: corrections.edit, replies: corrections.reply },
    };
  }
}

/**
 * One row per distinct analysed question: its total asks and the wording asked most (of equals,
 * the latest), most asked first so the groups form around the most asked.
 */
function byTerms(rows: readonly { terms: string; question: string; asks: number; latest: number }[]): { terms: string; question: string; asks: number; latest: number }[] {
  const merged = new Map<string, { terms: string; question: string; asks: number; latest: number; wordingAsks: number }>();
  for (const row of rows) {
    const seen = merged.get(row.terms);
    if (seen === undefined) {
      merged.set(row.terms, { ...row, wordingAsks: row.asks });
      continue;
    }
    seen.asks += row.asks;
    if (row.asks > seen.wordingAsks || (row.asks === seen.wordingAsks && row.latest > seen.latest)) {
      seen.question = row.question;
      seen.wordingAsks = row.asks;
    }
    seen.latest = Math.max(seen.latest, row.latest);
  }
  return [...merged.values()].sort((a, b) => b.asks - a.asks || b.latest - a.latest);
}

function tally(): { sent: number; waiting: number; gone: number; failed: number } {
  return { sent: 0, waiting: 0, gone: 0, failed: 0 };
}
