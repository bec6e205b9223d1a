import distance from 'natural/lib/natural/distance/levenshtein_distance.js';
import orgData from '../../data/organisations.json' with { type: 'json' };
import { sourceOf } from './enrich.ts';
import type { Engine } from './engine.ts';
import { sentenceFits } from './questionType.ts';
import { overlapShare, stem, words } from './text.ts';
import type { CompanyPoint, CompanySummary, Organisation, OrganisationKind, Passage, Sentence } from './types.ts';

/**
 * Company summaries: what the briefs say about one organisation, as a few of their own sentences
 * that name it, preferring ones with figures and dates, spread across briefs.
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

const MAX_POINTS = 5;
const MAX_POINTS_PER_BRIEF = 2;
/** A point longer than this reads as a paragraph; it is used only when nothing shorter says as much. */
const LONG_POINT = 600;
const CANDIDATE_PASSAGES = 200;

/** The organisations of the data file, whether or not a corpus mentions them. */
export const ORGANISATIONS: readonly Organisation[] = SPECS.map(({ name, kind, aliases }) => ({ name, kind, aliases }));

/** True when the engine's briefs mention the organisation (one of `ORGANISATIONS`). */
export function isMentioned(engine: Engine, organisation: Organisation): boolean {
  const spec = SPECS.find((s) => s.name === organisation.name);
  return spec !== undefined && indexedPassages(engine, spec).some((p) => namedIn(spec, p));
}

/** The organisations of the data file that the engine's briefs mention. */
export function organisationsIn(engine: Engine): Organisation[] {
  return ORGANISATIONS.filter((o) => isMentioned(engine, o));
}

/**
 * What the briefs say about an organisation named by its name, an alias, or a near spelling of either.
 * `known` is `organisationsIn(engine)`, passed in by callers that keep it.
 */
export function summarizeCompany(
  engine: Engine,
  name: string,
  known: readonly Organisation[] = organisationsIn(engine),
): CompanySummary {
  const spec = findSpec(name, known);
  if (!spec) return { name: name.trim(), found: false, points: [], known: known.map((o) => o.name) };
  const scored = candidatePassages(engine, spec).flatMap((passage) =>
    passage.sentences
      .map((sentence) => ({ passage, sentence, score: pointScore(spec, sentence) }))
      .filter((c) => c.score > 0),
  );
  scored.sort((a, b) => b.score - a.score);
  const points: CompanyPoint[] = [];
  const perBrief = new Map<string, number>();
  const taken: Set<string>[] = [];
  for (const c of scored) {
    if (points.length >= MAX_POINTS) break;
    if ((perBrief.get(c.passage.doc) ?? 0) >= MAX_POINTS_PER_BRIEF) continue;
    const stems = new Set(words(c.sentence.text).map(stem));
    if (taken.some((t) => overlapShare(t, stems) > 0.5)) continue;
    taken.push(stems);
    perBrief.set(c.passage.doc, (perBrief.get(c.passage.doc) ?? 0) + 1);
    points.push({ text: c.sentence.text, source: sourceOf(engine, c.passage) });
  }
  return { name: spec.name, found: points.length > 0, points, known: known.map((o) => o.name) };
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

/** Passages that name the organisation. */
function candidatePassages(engine: Engine, spec: OrganisationSpec): Passage[] {
  return indexedPassages(engine, spec).filter((p) => namedIn(spec, p));
}

/** Passages that contain the first word of one of the organisation's names, found through the index. */
function indexedPassages(engine: Engine, spec: OrganisationSpec): Passage[] {
  const stemsOf = spec.match.map((m) => ({ stem: stem(m[0] as string), weight: 1 }));
  return engine.passageIndex
    .search(stemsOf, CANDIDATE_PASSAGES)
    .map((h) => engine.passages[Number(engine.passageIndex.ref(h.doc))] as Passage);
}

function namedIn(spec: OrganisationSpec, passage: Passage): boolean {
  return passage.sentences.some((s) => mentions(spec, s) > 0);
}

function pointScore(spec: OrganisationSpec, sentence: Sentence): number {
  const n = mentions(spec, sentence);
  if (n === 0) return 0;
  const figures = sentenceFits('amount', sentence.text) || sentenceFits('count', sentence.text);
  const dated = sentenceFits('date', sentence.text);
  const leads = spec.match.some((m) => words(sentence.text).slice(0, m.length + 2).join(' ').includes(m.join(' ')));
  return 1 + Math.min(n, 3) * 0.3 + (figures ? 0.6 : 0) + (dated ? 0.5 : 0) + (leads ? 0.4 : 0) - (sentence.text.length > LONG_POINT ? 0.8 : 0);
}

/** How many times a sentence names the organisation. */
function mentions(spec: OrganisationSpec, sentence: Sentence): number {
  const ws = words(sentence.text);
  let n = 0;
  for (let i = 0; i < ws.length; i++) {
    if (spec.match.some((m) => m.every((w, j) => ws[i + j] === w))) n++;
  }
  return n;
}
