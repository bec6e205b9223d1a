import { displayText } from '../core/answerer.ts';
import { ALSO_COVERED, companyHeadline, marker, markerNumbers, READ_AS, sourceDate, topicLine } from '../core/replyText.ts';
import type { Answer, BriefInfo, CompanySummary, CoverageGap, RefreshOutcome, SkippedFile, Source, Trace } from '../core/types.ts';
import type { DeskReport } from '../desk/desk.ts';
import { reportSections } from '../desk/report.ts';

/** Plain-text renderings of the core's answers, for the console chat and the CLI. */

/** What rendering needs besides the data: the clock and the staleness rule. */
export interface TextContext {
  readonly now: Date;
  readonly staleAfterDays: number;
}

/** Today, and a brief checked over `staleAfterDays` ago (by default a year) may be outdated. */
export function textContext(staleAfterDays = 365): TextContext {
  return { now: new Date(), staleAfterDays };
}

/**
 * An answer lead first: what it is about, the lead unit, up to two more, each marked (¹ ²) with its
 * source; the sources, one a line; the follow-ups. An abstention says why, and what the briefs cover.
 */
export function renderAnswer(answer: Answer, ctx: TextContext = textContext()): string {
  if (!answer.answered) {
    const lines = [answer.answer];
    if (answer.suggestions.length > 0) {
      lines.push('', answer.declineReason === 'bare-term' ? 'For example:' : 'The briefs do cover, for example:', ...answer.suggestions.map((s) => `  - ${s}`));
    }
    return lines.join('\n');
  }
  const shown = answer.units.slice(0, 3);
  const numbering = markerNumbers(shown.map((u) => u.source));
  const [lead, ...rest] = shown.map((u) => `${displayText(u)}${markerOf(numbering, u.source)}`);
  const lines = [
    ...(answer.topic === null ? [] : [topicLine(answer.topic, 120)]),
    ...(answer.readAs === null ? [] : [`${READ_AS} ${answer.readAs}`]),
    ...(lead === undefined ? [] : [lead]),
    ...rest.map((u) => `  - ${u}`),
    ...(answer.note === null ? [] : [answer.note]),
    '',
    'Sources:',
    ...sourceLines(answer.sources, numbering, ctx),
  ];
  if (answer.alternatives.length > 0) {
    lines.push('', ALSO_COVERED, ...answer.alternatives.filter((s) => s.doc !== answer.topic?.doc).map((s) => `  - ${s.title} (${s.doc})`));
  }
  if (answer.followUps.length > 0) {
    lines.push('', 'Dive deeper:', ...answer.followUps.map((f) => `  - ${f.question}`));
  }
  return lines.join('\n');
}

/** A company's points, each marked with its source, or the organisations the briefs do name. */
export function renderCompany(summary: CompanySummary, ctx: TextContext = textContext()): string {
  if (!summary.found) {
    return [`The briefs say nothing about "${summary.name}".`, `Organisations they name: ${summary.known.join(', ')}.`].join('\n');
  }
  const numbering = markerNumbers(summary.points.map((p) => p.sourceIndex));
  const [first, ...rest] = summary.points.map((p) => `${displayText(p)}${markerOf(numbering, p.sourceIndex)}`);
  return [
    `${companyHeadline(summary)}: ${first ?? ''}`,
    ...rest.map((p) => `  - ${p}`),
    '',
    'Sources:',
    ...sourceLines(summary.sources, numbering, ctx),
    '',
    `More about ${summary.name}:`,
    ...summary.briefs.map((b) => `  - ${b.title} (${b.doc})`),
  ].join('\n');
}

function markerOf(numbering: ReadonlyMap<number, number>, index: number): string {
  const n = numbering.get(index);
  return n === undefined ? '' : marker(n);
}

/** "  ¹ Title — section · checked 1 Feb 2026 · file.txt", a link after the title when the brief has one. */
function sourceLines(sources: readonly Source[], numbering: ReadonlyMap<number, number>, ctx: TextContext): string[] {
  return [...numbering.entries()].flatMap(([index, n]) => {
    const s = sources[index];
    return s === undefined ? [] : [`  ${marker(n)} ${s.title}${s.link === null ? '' : ` <${s.link}>`} — ${s.section} · ${sourceDate(s, ctx.now, ctx.staleAfterDays)} · ${s.doc}`];
  });
}

/** The loaded briefs, and the files that were skipped with their reasons. */
export function renderSources(briefs: readonly BriefInfo[], skipped: readonly SkippedFile[]): string {
  const lines = [
    `${briefs.length} brief${briefs.length === 1 ? '' : 's'}:`,
    ...briefs.map((b) => `  - ${b.title}\n    ${b.doc} · ${b.checked ? `checked ${b.checked}` : 'no "Checked on" date'} · ${b.sections} section${b.sections === 1 ? '' : 's'}`),
  ];
  if (skipped.length > 0) lines.push(...renderSkipped(skipped));
  return lines.join('\n');
}

/** What a refresh changed, or why it failed and that the old briefs still serve. */
export function renderRefresh(outcome: RefreshOutcome): string {
  if (outcome.status === 'failed') return `Refresh failed: ${outcome.error}\nThe previous briefs are still answering.`;
  const r = outcome.report;
  const list = (label: string, ids: readonly string[]) => (ids.length > 0 ? [`  ${label}: ${ids.join(', ')}`] : []);
  const lines = [
    `Refreshed in ${r.ms} ms: ${r.briefs} briefs, ${r.passages} passages.`,
    ...list('added', r.added),
    ...list('changed', r.changed),
    ...list('removed', r.removed),
  ];
  if (r.added.length + r.changed.length + r.removed.length === 0) lines.push('  No brief changed.');
  if (r.skipped.length > 0) lines.push(...renderSkipped(r.skipped));
  return lines.join('\n');
}

/** The fact-check desk's figures and health, as /stats shows them. */
export function renderDeskReport(report: DeskReport, briefs: readonly BriefInfo[]): string {
  const titles = new Map(briefs.map((b) => [b.doc, b.title]));
  const sections = reportSections(report, { titleOf: (doc) => titles.get(doc) ?? `${doc} (no longer loaded)`, quote: (text) => `"${text}"` });
  return sections.map((section) => [`${section.heading}:`, ...section.lines.map((line) => `  ${line}`)].join('\n')).join('\n\n');
}

/** "Skipped notes.md: it is not a .txt file; …" — a skipped file as a sentence. */
export function skippedSentence(s: SkippedFile): string {
  return `Skipped ${s.file}: it ${s.reason}.`;
}

function renderSkipped(skipped: readonly SkippedFile[]): string[] {
  return [`Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'}:`, ...skipped.map((s) => `  - ${s.file}: ${s.reason}`)];
}

/** The pipeline's trace, a stage a block. */
export function renderTrace(trace: Trace): string {
  return ['', 'Trace:', ...trace.stages.flatMap((s) => [`  ${s.stage}`, ...s.lines.map((l) => `    ${l}`)])].join('\n');
}

/** Prompts no brief answers, grouped by the brief that asks them. */
export function renderGaps(gaps: readonly CoverageGap[]): string {
  if (gaps.length === 0) return 'Every "Want to dive deeper?" prompt is answered by some brief.';
  const lines = [`${gaps.length} "Want to dive deeper?" ${gaps.length === 1 ? 'prompt is' : 'prompts are'} not answered by any brief:`];
  for (const g of gaps) lines.push(`  - ${g.prompt} (${g.doc}; ${g.reason})`);
  return lines.join('\n');
}
