import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import orgData from '../../data/organisations.json' with { type: 'json' };
import { organisationsIn, summarizeCompany } from '../../src/core/companies.ts';
import type { Engine } from '../../src/core/engine.ts';
import type { Organisation } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { collapse, seedsDir } from '../fixtures/answer-core/support.ts';

let engine: Engine;
let known: Organisation[];
const briefText = (doc: string): string => collapse(readFileSync(join(seedsDir, doc), 'utf8'));

beforeAll(async () => {
  engine = (await openKnowledge({ seedsDir })).engine;
  known = organisationsIn(engine);
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The seed sentences that name an organisation, found independently of the summarizer (by regex). */
function namingSentences(name: string): { doc: string; text: string }[] {
  const spec = orgData.organisations.find((o) => o.name === name);
  if (!spec) throw new Error(`${name} is not in data/organisations.json`);
  const pattern = new RegExp(spec.match.map((m) => `\\b${escape(m)}\\b`).join('|'), 'i');
  return engine.passages.flatMap((p) => p.sentences.filter((s) => pattern.test(s.text)).map((s) => ({ doc: p.doc, text: s.text })));
}

describe('organisationsIn over the seeds', () => {
  it('lists the organisations of the issue', () => {
    const names = known.map((o) => o.name);
    for (const name of ['Microsoft', 'Amazon', 'Palantir', 'ICE', 'GitHub', 'Chef', 'McKinsey']) expect(names).toContain(name);
  });

  it('lists only organisations some brief names', () => {
    for (const o of known) expect(namingSentences(o.name).length, o.name).toBeGreaterThan(0);
  });
});

describe('summarizeCompany', () => {
  it('finds every listed organisation, with as many points as the briefs allow (three when named often), short', () => {
    for (const o of known) {
      const summary = summarizeCompany(engine, o.name, known);
      const naming = namingSentences(o.name);
      const briefsNaming = new Set(naming.map((s) => s.doc));
      expect(summary.found, o.name).toBe(true);
      expect(summary.name).toBe(o.name);
      expect(summary.points.length, o.name).toBeLessThanOrEqual(3);
      expect(summary.points.length, o.name).toBeGreaterThanOrEqual(Math.min(2, naming.length));
      for (const point of summary.points) expect(point.text.length, point.text).toBeLessThanOrEqual(200);
      expect(summary.points.reduce((n, p) => n + p.text.length, 0), o.name).toBeLessThanOrEqual(520);
      // "appears in N of M briefs": every brief that names it, each once, and no other.
      expect(new Set(summary.briefs.map((b) => b.doc)), o.name).toEqual(briefsNaming);
      expect(summary.corpusBriefs).toBe(engine.corpus.briefs.length);
    }
  });

  it('takes every point verbatim from a sentence of the brief it cites that names the organisation', () => {
    for (const o of known) {
      const naming = namingSentences(o.name);
      const summary = summarizeCompany(engine, o.name, known);
      const texts = summary.points.map((p) => p.text);
      expect(new Set(texts).size, o.name).toBe(texts.length);
      for (const point of summary.points) {
        expect(briefText(point.source.doc)).toContain(collapse(point.text));
        const sentence = naming.find((s) => s.doc === point.source.doc && s.text.includes(point.text));
        expect(sentence, `${o.name}: ${point.text}`).toBeDefined();
        // A point cut from its sentence says so, at the side it was cut.
        expect(point.cutBefore, point.text).toBe(!sentence!.text.startsWith(point.text));
        expect(point.cutAfter, point.text).toBe(!sentence!.text.endsWith(point.text));
        expect(summary.sources[point.sourceIndex]).toEqual(point.source);
        const brief = engine.briefs.get(point.source.doc);
        expect(brief?.passages.map((p) => p.heading)).toContain(point.source.section);
        expect(point.source.checked).toBe(brief?.checked);
      }
    }
  });

  it('spreads the points of an organisation most briefs name across several briefs, preferring figures and dates', () => {
    for (const name of ['Microsoft', 'Amazon', 'Palantir', 'ICE']) {
      const summary = summarizeCompany(engine, name, known);
      expect(summary.points.length).toBe(3);
      expect(new Set(summary.points.map((p) => p.source.doc)).size, name).toBeGreaterThanOrEqual(2);
      expect(summary.points.some((p) => /\d/.test(p.text.replace(/\[\d+\]/g, ''))), name).toBe(true);
    }
  });

  it.each([
    ['AWS', 'Amazon'],
    ['amazon web services', 'Amazon'],
    ['MSFT', 'Microsoft'],
    ['Immigration and Customs Enforcement', 'ICE'],
    ['ice', 'ICE'],
    ['palantr', 'Palantir'],
    ['Microsfot', 'Microsoft'],
    ['  github  ', 'GitHub'],
  ])('resolves "%s" to %s', (asked, name) => {
    const summary = summarizeCompany(engine, asked, known);
    expect(summary.found).toBe(true);
    expect(summary.name).toBe(name);
    expect(summary.points).toEqual(summarizeCompany(engine, name, known).points);
  });

  it.each(['Tesla', '', '   ', '🙂', 'Pentagon', 'ICE ICE ICE baby'])('says the briefs say nothing about "%s" and lists the known ones', (asked) => {
    const summary = summarizeCompany(engine, asked, known);
    expect(summary.found).toBe(false);
    expect(summary.points).toEqual([]);
    expect(summary.known).toEqual(known.map((o) => o.name));
  });

  it('computes the known list itself when the caller does not pass it', () => {
    expect(summarizeCompany(engine, 'Tesla').known).toEqual(known.map((o) => o.name));
  });
});
