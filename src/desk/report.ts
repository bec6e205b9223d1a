/**
 * The desk's report as headed lines of plain text, shared by /stats (an embed) and the console
 * (`:stats`, `npm run ask -- --stats`), so both say the same. Text someone typed goes through
 * `quote`, which each surface supplies (Discord escapes markdown and links).
 */
import type { DeskHealth, DeskReport } from './desk.ts';
import type { PeriodCount } from './stats.ts';

/** One heading of the report and its lines. */
export interface ReportSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** How to show what the report refers to: brief titles, and user text. */
export interface ReportWords {
  /** A brief's title by id (a removed brief's id may no longer have one). */
  readonly titleOf: (doc: string) => string;
  readonly quote: (userText: string) => string;
}

const MAX_BRIEFS = 10;

/** The report's sections, in reading order; only the desk's health when it is off. */
export function reportSections(report: DeskReport, words: ReportWords): ReportSection[] {
  const health = healthSection(report.health);
  const figures = report.figures;
  if (figures === null) return [health];
  const { questions, requests, corrections } = figures;
  const briefs = figures.votes.slice(0, MAX_BRIEFS).map((row) => `${words.titleOf(row.doc)} — ${row.up} 👍 · ${row.down} 👎`);
  if (figures.votes.length > MAX_BRIEFS) briefs.push(`…and ${figures.votes.length - MAX_BRIEFS} more briefs`);
  return [
    {
      heading: 'Questions',
      lines: [
        `Last 24 hours: ${period(questions.day)}`,
        `Last 7 days: ${period(questions.week)}`,
        `All kept (${report.health.retentionDays} days): ${period(questions.kept)}`,
      ],
    },
    {
      heading: 'Most asked among the declined (what to check next)',
      lines:
        figures.topDeclined.length === 0
          ? ['None yet.']
          : figures.topDeclined.map((group, i) => `${i + 1}. ${group.asks}× ${words.quote(group.question)}`),
    },
    { heading: '👍 / 👎 per brief', lines: briefs.length === 0 ? ['No votes yet.'] : briefs },
    {
      heading: 'Fact-check requests',
      lines: [
        `${requests.open} open (${plural(requests.openGroups, 'group')}) · ${requests.covered} covered · ${requests.answered} answered · ${requests.dismissed} dismissed`,
      ],
    },
    {
      heading: 'Corrections sent',
      lines: [
        `Earlier answers edited: ${tally(corrections.edits)}`,
        `Askers told of the desk's answer: ${tally(corrections.replies)}`,
      ],
    },
    health,
  ];
}

function healthSection(health: DeskHealth): ReportSection {
  if (health.state === 'off') {
    return {
      heading: 'Desk features',
      lines: [`Off: ${health.reason ?? 'unknown reason'}.`, 'Questions are still answered; feedback, requests, corrections and these figures wait until the records can be opened.'],
    };
  }
  const lines = [`On: ${health.file ?? ''}, records kept ${health.retentionDays} days.`];
  if (health.writes !== null) {
    const { pending, failedFlushes, dropped, lastError } = health.writes;
    lines.push(`Writes: ${pending} waiting, ${plural(failedFlushes, 'failed attempt')}, ${dropped} lost${lastError === null ? '' : ` (last error: ${lastError})`}.`);
  }
  if (health.lastPrune !== null) {
    const { answers, requests, refreshes } = health.lastPrune.deleted;
    lines.push(`Last pruned ${new Date(health.lastPrune.at).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${answers} answers, ${requests} requests, ${refreshes} refreshes.`);
  }
  return { heading: 'Desk features', lines };
}

function period(count: PeriodCount): string {
  if (count.asked === 0) return '0 questions';
  return `${plural(count.asked, 'question')}, ${count.declined} declined (${Math.round((100 * count.declined) / count.asked)}%)`;
}

function tally(counts: { sent: number; waiting: number; gone: number; failed: number }): string {
  const extra = [
    counts.waiting > 0 ? `${counts.waiting} waiting` : null,
    counts.gone > 0 ? `${counts.gone} no longer there` : null,
    counts.failed > 0 ? `${counts.failed} failed` : null,
  ].filter((part): part is string => part !== null);
  return `${counts.sent} sent${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
