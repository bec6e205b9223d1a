import { describe, expect, it } from 'vitest';
import { matchOrganisations } from '../../commands/company.ts';
import type { Organisation } from '../../src/core/types.ts';

const orgs: Organisation[] = [
  { name: 'Amazon', kind: 'company', aliases: ['AWS', 'Amazon Web Services'] },
  { name: 'DatacenterDynamics', kind: 'outlet', aliases: [] },
  { name: 'ICE', kind: 'agency', aliases: ['Immigration and Customs Enforcement'] },
  { name: 'Microsoft', kind: 'company', aliases: ['Azure'] },
  { name: 'Palantir', kind: 'company', aliases: [] },
];

describe('matchOrganisations', () => {
  it('offers every organisation but news outlets for an empty input, in the data order', () => {
    expect(matchOrganisations(orgs, '').map((c) => c.value)).toEqual(['Amazon', 'ICE', 'Microsoft', 'Palantir']);
  });

  it('ranks name prefixes, then alias prefixes, then word prefixes; Microsoft before DatacenterDynamics for "mic"', () => {
    expect(matchOrganisations(orgs, 'a').map((c) => c.value)).toEqual(['Amazon', 'Microsoft', 'ICE']);
    expect(matchOrganisations(orgs, 'mic').map((c) => c.value)).toEqual(['Microsoft']);
    expect(matchOrganisations(orgs, 'customs').map((c) => c.value)).toEqual(['ICE']);
  });

  it('matches aliases and shows which alias matched', () => {
    expect(matchOrganisations(orgs, 'azu')).toEqual([{ name: 'Microsoft (Azure)', value: 'Microsoft' }]);
    expect(matchOrganisations(orgs, 'immigration')).toEqual([{ name: 'ICE (Immigration and Customs Enforcement)', value: 'ICE' }]);
  });

  it('offers nothing when nothing matches', () => {
    expect(matchOrganisations(orgs, 'zzz')).toEqual([]);
  });

  it('offers at most 25 choices within the 100-character limits', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ name: `Org ${i} ${'n'.repeat(150)}`, kind: 'company' as const, aliases: [] }));
    const choices = matchOrganisations(many, 'org');
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});
