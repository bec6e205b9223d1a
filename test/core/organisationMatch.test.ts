import { describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '../../src/core/companies.ts';
import { closeOrganisations, names, rankOrganisations } from '../../src/core/organisationMatch.ts';
import type { Organisation } from '../../src/core/types.ts';

const org = (name: string, kind: Organisation['kind'], aliases: string[] = []): Organisation => ({ name, kind, aliases });
const ORGS = [
  org('DatacenterDynamics', 'outlet'),
  org('Amazon', 'company', ['AWS', 'Amazon Web Services']),
  org('Micron Mic', 'company'),
  org('Microsoft', 'company', ['Azure']),
  org('ICE', 'agency', ['Immigration and Customs Enforcement']),
  org('Justice Department', 'agency'),
  org('Mic', 'group'),
];

const ranked = (typed: string) => rankOrganisations(ORGS, typed).map((o) => o.name);

describe('rankOrganisations', () => {
  it('ranks an exact name, then names starting with it, then names with a word starting with it', () => {
    expect(ranked('mic')).toEqual(['Mic', 'Micron Mic', 'Microsoft']);
    expect(ranked('web')).toEqual(['Amazon']);
    expect(ranked('customs')).toEqual(['ICE']);
  });

  it('puts Microsoft first for "mic" in the real data, and never suggests a news outlet', () => {
    expect(rankOrganisations(ORGANISATIONS, 'mic')[0]?.name).toBe('Microsoft');
    expect(rankOrganisations(ORGANISATIONS, '').some((o) => o.kind === 'outlet')).toBe(false);
    expect(rankOrganisations(ORGANISATIONS, 'data').map((o) => o.name)).not.toContain('DatacenterDynamics');
  });

  it('does not match inside a word: "ice" is not Justice', () => {
    expect(ranked('ice')).toEqual(['ICE']);
  });

  it('lists every subject, in the data order, when nothing is typed', () => {
    expect(ranked('  ')).toEqual(['Amazon', 'Micron Mic', 'Microsoft', 'ICE', 'Justice Department', 'Mic']);
  });
});

describe('closeOrganisations', () => {
  it('offers names one typing mistake away, and at most five', () => {
    expect(closeOrganisations(ORGS, 'Amazn').map((o) => o.name)).toEqual(['Amazon']);
    expect(closeOrganisations(ORGS, 'Microsfot').map((o) => o.name)).toEqual(['Microsoft']);
    expect(closeOrganisations(ORGANISATIONS, 'a', 5).length).toBeLessThanOrEqual(5);
  });

  it('offers a name that shares a word with what was typed', () => {
    expect(closeOrganisations(ORGS, 'Microsoft Corp').map((o) => o.name)).toEqual(['Microsoft']);
    expect(closeOrganisations(ORGS, 'Dept of Justise').map((o) => o.name)).toEqual(['Justice Department']);
  });

  it('offers nothing for a name unlike any, rather than a far-fetched one', () => {
    expect(closeOrganisations(ORGS, 'Initech')).toEqual([]);
    expect(closeOrganisations(ORGS, 'IBM')).toEqual([]);
  });
});

describe('names', () => {
  it('finds a name or an alias as whole words', () => {
    const ice = ORGS[4] as Organisation;
    expect(names('How did Immigration and Customs Enforcement respond?', ice)).toBe(true);
    expect(names('ICE’s $100M cloud deal', ice)).toBe(true);
    expect(names('Justice was served', ice)).toBe(false);
  });
});

describe('data/organisations.json', () => {
  it('gives every organisation a kind, and marks the news outlets', () => {
    expect(new Set(ORGANISATIONS.map((o) => o.kind))).toEqual(new Set(['company', 'agency', 'group', 'outlet']));
    const outlets = ORGANISATIONS.filter((o) => o.kind === 'outlet').map((o) => o.name);
    expect(outlets).toEqual(expect.arrayContaining(['Business Insider', 'Bloomberg', 'DatacenterDynamics', 'BBC News']));
  });
});
