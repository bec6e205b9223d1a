/**
 * What a reader meets in one reply, counted: visible characters (the embed's author line, title,
 * description and fields, the content, autocomplete choices), brief footnote markers, source
 * markers (¹ ²) without a source line in the reply, undated sources, and button labels that are
 * long or cut. Printed under each picture and in summary.txt, so a change to the answer embed can be
 * judged by numbers as well as by eye.
 */
import type { Json } from '../../test/fakeDiscord/payloads.ts';
import { visibleText } from './markdown.ts';

/** Labels longer than this read as sentences, not buttons (issue 9 asks for at most 40). */
const LONG_LABEL = 40;

/** One line of facts about a message body, and the notes worth a second look. */
export function replyFacts(body: Json): { summary: string; notes: string[] } {
  const embeds = (body['embeds'] ?? []) as Json[];
  const texts = embeds.flatMap((e) => [
    String((e['author'] as Json | undefined)?.['name'] ?? ''),
    String(e['title'] ?? ''),
    String(e['description'] ?? ''),
    ...((e['fields'] ?? []) as Json[]).flatMap((f) => [String(f['name']), String(f['value'])]),
  ]);
  const content = String(body['content'] ?? '');
  const choices = ((body['choices'] ?? []) as Json[]).map((c) => String(c['name']));
  const visible = [content, ...texts, ...choices].map(visibleText).filter((t) => t !== '');
  const characters = visible.join('\n').length;
  const components = ((body['components'] ?? []) as { components?: Json[] }[]).flatMap((row) => row.components ?? []);
  const labels = components.filter((c) => c['type'] === 2).map((c) => String(c['label'] ?? ''));
  const options = components.filter((c) => c['type'] === 3).flatMap((c) => ((c['options'] ?? []) as Json[]).map((o) => String(o['label'])));

  const notes: string[] = [];
  const markers = visible.join('\n').match(/\[\d+\]/g) ?? [];
  if (markers.length > 0) notes.push(`${markers.length} brief footnote marker(s) shown: ${[...new Set(markers)].slice(0, 6).join(' ')}`);
  const undated = visible.join('\n').match(/Check date unknown|undated/gi) ?? [];
  if (undated.length > 1) notes.push(`"${undated[0]}" ${undated.length} times`);
  const { used, listed } = sourceMarkers(visible.join('\n'));
  const dangling = used.filter((m) => !listed.includes(m));
  if (dangling.length > 0) notes.push(`marker(s) without a source line: ${dangling.join(' ')}`);
  for (const label of labels) {
    if (label.endsWith('…')) notes.push(`cut label: "${label}"`);
    else if (label.length > LONG_LABEL) notes.push(`label of ${label.length} characters: "${label}"`);
  }
  for (const label of options) if (/\p{L}…$/u.test(label) && label.length >= 100) notes.push(`menu option cut at the limit: "${label}"`);
  const parts = [
    `${characters.toLocaleString('en-US')} visible characters`,
    embeds.length > 0 ? `${embeds.length} embed${embeds.length === 1 ? '' : 's'}` : null,
    labels.length > 0 ? `${labels.length} button${labels.length === 1 ? '' : 's'}` : null,
    options.length > 0 ? `a menu of ${options.length}` : null,
    Array.isArray(body['choices']) ? `${choices.length} autocomplete choice${choices.length === 1 ? '' : 's'}` : null,
  ].filter((p): p is string => p !== null);
  return { summary: parts.join(' · '), notes };
}

const SUPERSCRIPT = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu;

/** The source markers set after units, and those that open a source line ("¹ Title · …"). */
export function sourceMarkers(text: string): { used: string[]; listed: string[] } {
  const used = new Set<string>();
  const listed = new Set<string>();
  for (const line of text.split('\n')) {
    const opening = /^\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+) /u.exec(line);
    if (opening) listed.add(opening[1] as string);
    else for (const m of line.match(SUPERSCRIPT) ?? []) used.add(m);
  }
  return { used: [...used], listed: [...listed] };
}
