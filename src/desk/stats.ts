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
  readonly #declined: Statement<[], { terms: string; asks: number; question: string }>;
  readonly #votes: Statement<[], BriefVotes>;
  readonly #requests: Statement<[], { status: string; n: number }>;
  readonly #openGroups: Statement<[], { n: number }>;
  readonly #corrections: Statement<[], { kind: string; state: string; n: number }>;

  constructor(db: Database) {
    this.#period = db.prepare<[number], { asked: number; declined: number | null }>(
      'SELECT COUNT(*) AS asked, SUM(answered = 0) AS declined FROM answers WHERE asked_at >= ?',
    );
    // Identical analysed questions are counted in SQL; only the distinct ones are grouped in code.
    this.#declined = db.prepare<[], { terms: string; asks: number; question: string }>(
      `SELECT terms, COUNT(*) AS asks,
         (SELECT question FROM answers b WHERE b.answered = 0 AND b.terms = a.terms GROUP BY question ORDER BY COUNT(*) DESC, MAX(asked_at) DESC LIMIT 1) AS question
       FROM answers a WHERE answered = 0 AND terms <> '' GROUP BY terms ORDER BY asks DESC, MAX(id) DESC LIMIT 5000`,
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
      topDeclined: groupByTerms(this.#declined.all(), (row) => row.terms, (row) => row.asks)
        .slice(0, TOP_DECLINED)
        .map((group) => {
          const top = [...group.items].sort((a, b) => b.asks - a.asks)[0];
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

function tally(): { sent: number; waiting: number; gone: number; failed: number } {
  return { sent: 0, waiting: 0, gone: 0, failed: 0 };
}
