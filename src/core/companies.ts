import distance from 'natural/lib/natural/distance/levenshtein_distance.js';
import orgData from '../../data/organisations.json' with { type: 'json' };
import { sourceOf } from './enrich.ts';
import type { Engine } from './engine.ts';
import { sentenceFits } from './questionType.ts';
import { overlapShare, stem, words } from './text.ts';
import { spansOf, type Span } from './units.ts';
import type { Brief, CompanyBrief, CompanyPoint, CompanySummary, Organisation, OrganisationKind, Passage, Source } from './types.ts';

/**
 * Company summaries: what the briefs say about one organisation, as a few short verbatim units of
 * their own that name it, preferring ones with figures and dates, spread across briefs.
 */

interface OrganisationSpec extends Organisation {
  /** Word sequences that identify the organisation in a brief. */
  readonly match: readonly (readonly string[])[];
}

const KINDS: readonly string[] = ['company', 'agency', 'group', 'outlet'] satisfies OrganisationKind[];

const SPECS: readonly OrganisationSpec[] = orgData.organisations.map((o) => ({
  name: o.name,
  kind: kindOf(o.name, o.kind),
  aliases: o.aliases,
  match: o.match.map((m) => words(m)),
}));

const MAX_POINTS = 3;
const MAX_POINTS_PER_BRIEF = 2;
/** A point is a sentence or a clause of one no longer than this; the three together no longer than the total. */
const MAX_POINT_CHARS = 200;
const MAX_TOTAL_CHARS = 520;
/** Points are looked for in this many passages; briefs are counted over up to `COUNTED_PASSAGES`. */
const CANDIDATE_PASSAGES = 200;
const COUNTED_PASSAGES = 5_000;

/** The organisations of the data file, whether or not a corpus mentions them. */
export const ORGANISATIONS: readonly Organisation[] = SPECS.map(({ name, kind, aliases }) => ({ name, kind, aliases }));

/** True when the engine's briefs mention the organisation (one of `ORGANISATIONS`). */
export function isMentioned(engine: Engine, organisation: Organisation): boolean {
  const spec = SPECS.find((s) => s.name === organisation.name);
  return spec !== undefined && indexedPassages(engine, spec, CANDIDATE_PASSAGES).some((p) => namedIn(spec, p));
}

/** The organisations of the data file that the engine's briefs mention. */
export function organisationsIn(engine: Engine): Organisation[] {
  return ORGANISATIONS.filter((o) => isMentioned(engine, o));
}

/**
 * What the briefs say about an organisation named by its name, an alias, or a near spelling of either:
 * up to three short verbatim units that name it (a clause where a sentence is long), preferring ones
 * with figures and dates, one per brief before a second from any, and every brief that names it.
 * `known` is `organisationsIn(engine)`, passed in by callers that keep it.
 */
export function summarizeCompany(
  engine: Engine,
  name: string,
  known: readonly Organisation[] = organisationsIn(engine),
): CompanySummary {
  const corpusBriefs = engine.corpus.briefs.length;
  const spec = findSpec(name, known);
  const none = { found: false, points: [], sources: [], briefs: [], corpusBriefs, known: known.map((o) => o.name) };
  if (!spec) return { name: name.trim(), ...none };
  const passages = candidatePassages(engine, spec);
  const scored = passages
    .slice(0, CANDIDATE_PASSAGES)
    .flatMap((passage) =>
      passage.sentences.flatMap((sentence) =>
        spansOf(sentence, MAX_POINT_CHARS)
          .map((span) => ({ passage, span, score: pointScore(spec, span) }))
          .filter((c) => c.score > 0),
      ),
    )
    .sort((a, b) => b.score - a.score);
  const picked: typeof scored = [];
  const taken: Set<string>[] = [];
  let chars = 0;
  // First one point per brief, so the summary spans briefs; then a second from any.
  for (const perBrief of [1, MAX_POINTS_PER_BRIEF]) {
    for (const c of scored) {
      if (picked.length >= MAX_POINTS) break;
      if (picked.includes(c) || chars + c.span.text.length > MAX_TOTAL_CHARS) continue;
      if (picked.filter((p) => p.passage.doc === c.passage.doc).length >= perBrief) continue;
      const stems = new Set(words(c.span.text).map(stem));
      if (taken.some((t) => overlapShare(t, stems) > 0.5)) continue;
      taken.push(stems);
      picked.push(c);
      chars += c.span.text.length;
    }
  }
  const sources: Source[] = [];
  const points: CompanyPoint[] = picked.map(({ passage, span }) => {
    let sourceIndex = sources.findIndex((s) => s.doc === passage.doc);
    if (sourceIndex < 0) sourceIndex = sources.push(sourceOf(engine, passage)) - 1;
    return { text: span.text, cutBefore: span.cutBefore, cutAfter: span.cutAfter, sourceIndex, source: sources[sourceIndex] as Source };
  });
  if (points.length === 0) return { name: spec.name, ...none };
  return { name: spec.name, found: true, points, sources, briefs: briefsNaming(engine, spec, passages), corpusBriefs, known: known.map((o) => o.name) };
}

/** The briefs among `passages` (which name the organisation), the one naming it most often first. */
function briefsNaming(engine: Engine, spec: OrganisationSpec, passages: readonly Passage[]): CompanyBrief[] {
  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.doc, (counts.get(p.doc) ?? 0) + p.sentences.reduce((n, s) => n + mentions(spec, s.text), 0));
  const order = new Map(engine.corpus.briefs.map((b, i) => [b.id, i]));
  return [...counts.keys()]
    .sort((a, b) => (counts.get(b) as number) - (counts.get(a) as number) || (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map((doc) => ({ doc, title: (engine.briefs.get(doc) as Brief).title }));
}

function findSpec(name: string, known: readonly Organisation[]): OrganisationSpec | undefined {
  const wanted = words(name).join(' ');
  if (wanted === '') return undefined;
  const live = SPECS.filter((s) => known.some((k) => k.name === s.name));
  const namesOf = (s: OrganisationSpec) => [s.name, ...s.aliases].map((n) => words(n).join(' '));
  return (
    live.find((s) => namesOf(s).includes(wanted)) ??
    live.find((s) => namesOf(s).some((n) => n.length >= 4 && distance.DamerauLevenshteinDistance(n, wanted) <= (n.length >= 8 ? 2 : 1)))
  );
}

/** A data file with a kind this code does not know is a mistake to stop on, not to guess around. */
function kindOf(name: string, kind: string): OrganisationKind {
  if (!KINDS.includes(kind)) throw new Error(`data/organisations.json: "${name}" has kind "${kind}"; expected one of ${KINDS.join(', ')}`);
  return kind as OrganisationKind;
}

/** Passages that name the organisation, best matches first. */
function candidatePassages(engine: Engine, spec: OrganisationSpec, limit = COUNTED_PASSAGES): Passage[] {
  return indexedPassages(engine, spec, limit).filter((p) => namedIn(spec, p));
}

/** Passages that contain the first word of one of the organisation's names, found through the index. */
function indexedPassages(engine: Engine, spec: OrganisationSpec, limit: number): Passage[] {
  const stemsOf = spec.match.map((m) => ({ stem: stem(m[0] as string), weight: 1 }));
  return engine.passageIndex
    .search(stemsOf, limit)
    .map((h) => engine.passages[Number(engine.passageIndex.ref(h.doc))] as Passage);
}

function namedIn(spec: OrganisationSpec, passage: Passage): boolean {
  return passage.sentences.some((s) => mentions(spec, s.text) > 0);
}

/** How well a span serves as a point: it names the organisation, early, with a figure or a date, whole rather than cut. */
function pointScore(spec: OrganisationSpec, span: Span): number {
  const n = mentions(spec, span.text);
  if (n === 0 || /\?["'”’)\]]*(?:\s*\[\d+\])*$/.test(span.text)) return 0;
  const figures = sentenceFits('amount', span.text) || sentenceFits('count', span.text);
  const dated = sentenceFits('date', span.text);
  const leads = spec.match.some((m) => words(span.text).slice(0, m.length + 2).join(' ').includes(m.join(' ')));
  const cut = (span.cutBefore ? 0.25 : 0) + (span.cutAfter ? 0.35 : 0);
  return 1 + Math.min(n, 3) * 0.3 + (figures ? 0.6 : 0) + (dated ? 0.5 : 0) + (leads ? 0.4 : 0) - cut;
}

/** How many times a text names the organisation. */
function mentions(spec: OrganisationSpec, text: string): number {
  const ws = words(text);
  let n = 0;
  for (let i = 0; i < ws.length; i++) {
    if (spec.match.some((m) => m.every((w, j) => ws[i + j] === w))) n++;
  }
  return n;
}
