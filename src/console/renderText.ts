import type { Answer, BriefInfo, CompanySummary, CoverageGap, RefreshOutcome, SkippedFile, Source, Trace } from '../core/types.ts';
import type { DeskReport } from '../desk/desk.ts';
import { reportSections } from '../desk/report.ts';

/** Plain-text renderings of the core's answers, for the console chat and the CLI. */

/** An answer with its numbered sources and follow-up questions, or an abstention with suggestions. */
export function renderAnswer(answer: Answer): string {
  if (!answer.answered) {
    const lines = [answer.answer];
    if (answer.suggestions.length > 0) {
      lines.push('', 'The briefs do cover, for example:', ...answer.suggestions.map((s) => `  - ${s}`));
    }
    return lines.join('\n');
  }
  const lines = [answer.answer, '', 'Sources:', ...answer.sources.map((s, i) => `  ${i + 1}. ${describeSource(s)}`)];
  if (answer.alternatives.length > 0) {
    lines.push('', 'Several briefs match about equally:', ...answer.alternatives.map((s) => `  - ${s.title} (${s.doc})`));
  }
  if (answer.followUps.length > 0) {
    lines.push('', 'Dive deeper:', ...answer.followUps.map((f) => `  - ${f.question}`));
  }
  return lines.join('\n');
}

/** A company's points, each with its source, or the organisations the briefs do name. */
export function renderCompany(summary: CompanySummary): string {
  if (!summary.found) {
    return [`The briefs say nothing about "${summary.name}".`, `Organisations they name: ${summary.known.join(', ')}.`].join('\n');
  }
  return [
    `What the briefs say about ${summary.name}:`,
    ...summary.points.map((p) => `  - ${p.text}\n    (${describeSource(p.source)})`),
  ].join('\n');
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

/** "Title — section (checked 2026-02-01)". */
export function describeSource(s: Source): string {
  return `${s.title} — ${s.section} (${s.checked ? `checked ${s.checked}` : 'no check date'}) [${s.doc}]`;
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
