import distance from 'natural/lib/natural/distance/levenshtein_distance.js';
import { words } from './text.ts';
import type { Organisation } from './types.ts';

/**
 * Finding organisations by what someone typed: autocomplete ranking, close names for a name the
 * briefs do not know, and the organisations a text names. News outlets are left out of all three:
 * the briefs cite them, but they are not what people ask about.
 */

/** Organisations people ask about: every kind but news outlets. */
export function subjects(organisations: readonly Organisation[]): Organisation[] {
  return organisations.filter((o) => o.kind !== 'outlet');
}

/**
 * Subjects matching `typed`, best first: an exact name or alias, then names and aliases that start
 * with it, then ones with a word that starts with it ("web" → Amazon Web Services). A match inside a
 * word ("ice" in "Justice") is none. Ties keep the data file's order. Everything when nothing is typed.
 */
export function rankOrganisations(organisations: readonly Organisation[], typed: string): Organisation[] {
  const query = words(typed).join(' ');
  const ranked = subjects(organisations).map((org, order) => ({ org, order, rank: query === '' ? 0 : matchRank(org, query) }));
  return ranked
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((r) => r.org);
}

/**
 * Up to `max` subjects whose names are close to `name`: the ranked matches first, then names one
 * typing mistake away (two for names of 8 letters or more) or sharing a word with it, nearest first.
 */
export function closeOrganisations(organisations: readonly Organisation[], name: string, max = 5): Organisation[] {
  const query = words(name).join(' ');
  if (query === '') return [];
  const matched = rankOrganisations(organisations, name);
  const typedWords = query.split(' ').filter((w) => w.length >= 4);
  const near = subjects(organisations)
    .filter((org) => !matched.includes(org))
    .map((org) => {
      const whole = Math.min(...namesOf(org).map((n) => distance.DamerauLevenshteinDistance(n, query)));
      // "Microsoft Corp", "Dept of Justice": one word of what was typed is (nearly) a word of the name.
      const orgWords = namesOf(org).flatMap((n) => n.split(' ')).filter((w) => w.length >= 4);
      const word = Math.min(Infinity, ...typedWords.flatMap((t) => orgWords.map((w) => distance.DamerauLevenshteinDistance(w, t))));
      return { org, whole, word };
    })
    .filter(({ whole, word }) => whole <= allowedEdits(query) || word <= (typedWords.length > 0 ? 1 : -1))
    .sort((a, b) => Math.min(a.whole, a.word) - Math.min(b.whole, b.word))
    .map(({ org }) => org);
  return [...matched, ...near].slice(0, max);
}

/** Typing mistakes forgiven in a name of this length: none in a short one, where any name is close. */
function allowedEdits(text: string): number {
  return text.length >= 8 ? 2 : text.length >= 4 ? 1 : 0;
}

/** Whether `text` names the organisation (its name or an alias, as whole words). */
export function names(text: string, organisation: Organisation): boolean {
  const padded = ` ${words(text).join(' ')} `;
  return namesOf(organisation).some((n) => n !== '' && padded.includes(` ${n} `));
}

/** The organisation's name and aliases as folded words. */
function namesOf(org: Organisation): string[] {
  return [org.name, ...org.aliases].map((n) => words(n).join(' '));
}

/** 0 exact, 1 name prefix, 2 alias prefix, 3 word prefix, -1 no match. */
function matchRank(org: Organisation, query: string): number {
  const [name = '', ...aliases] = namesOf(org);
  const all = [name, ...aliases];
  if (all.includes(query)) return 0;
  if (name.startsWith(query)) return 1;
  if (aliases.some((a) => a.startsWith(query))) return 2;
  if (all.some((n) => n.split(' ').some((_, i, ws) => ws.slice(i).join(' ').startsWith(query)))) return 3;
  return -1;
}
