import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/types.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';

const desk5 = fileURLToPath(new URL('../fixtures/desk5-corpus', import.meta.url));
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await openKnowledge({ seedsDir: desk5 });
});

// desk5 checks two claims twice: Norway's electric-car share ("Exaggerated." in January 2024, "Yes,
// almost exactly" in January 2025) and Ovechkin's goal record (false in February 2025, true in April).
describe('a claim checked again later, with another verdict', () => {
  it.each([
    ['norway: nine out of ten new cars sold are fully electric, true?', 'f22-norway-ev-2024.txt', 'f06-norway-ev-2023.txt'],
    ["did ovechkin already break gretzky's goal record last week", 'f13-ovechkin-gretzky-april.txt', 'f02-ovechkin-gretzky-feb.txt'],
  ])('answers "%s" with the later verdict first, and the earlier one after it', (question, later, earlier) => {
    const answer = knowledge.answer(question);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.units[0]?.role).toBe('verdict');
    expect(answer.units[0]?.doc).toBe(later);
    expect(answer.units.map((u) => u.doc)).toContain(earlier);
    expect(answer.note).toMatch(/different verdicts/);
    // Both verdicts are set in bold.
    expect(answer.units.filter((u) => u.doc === earlier)[0]?.key).toMatch(/false|exaggerated/i);
    // Each sentence is quoted once.
    const texts = answer.units.map((u) => u.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
