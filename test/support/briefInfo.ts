import type { BriefInfo } from '../../src/core/types.ts';

/** A loaded brief's summary as `Knowledge.sources()` lists it: undated, one section, its file named after its title. */
export function briefInfo(title: string, prompts: string[] = []): BriefInfo {
  return {
    doc: `${title}.txt`,
    title,
    claim: null,
    checked: null,
    outdated: false,
    link: null,
    fingerprint: 'fp',
    sections: 1,
    furniture: 0,
    truncated: false,
    prompts,
  };
}
