import { describe, expect, it } from 'vitest';
import { quoteUserText } from '../../src/discord/userText.ts';
import { liveMarkup } from './liveMarkup.ts';

const HOSTILE = [
  '**Breaking** ||spoiler|| [click here to verify](https://evil.example/login) what is the capital of France?',
  '``` ``` [verify](https://evil.example) did Amazon drop ICE?',
  '```\n[x](http://evil.example)\n``` still here',
  '# Official notice\n- [login](https://evil.example)',
  '-# small print <https://evil.example>',
  '@everyone @here <@1196423538450366472> <@&123456789012345678> <#123456789012345678> </ask:1>',
  '*italic* __underline__ ~~gone~~ `code` steam://run/1',
  '[one](https://a.example) and [two](https://b.example) and \\[three](https://c.example)',
];

/** The text with the escapes and zero-width spaces removed: what a reader sees. */
function asRead(text: string): string {
  return text.replace(/\\(.)/g, '$1').replaceAll('\u200b', '');
}

describe('quoteUserText', () => {
  it.each(HOSTILE)('leaves no link, formatting or mention live in %j', (text) => {
    expect(liveMarkup(quoteUserText(text, 1000))).toEqual([]);
  });

  it.each(HOSTILE)('reads as what was typed, on one line: %j', (text) => {
    expect(asRead(quoteUserText(text, 1000))).toBe(text.replace(/\s+/g, ' '));
  });

  it('puts every line on one', () => {
    expect(quoteUserText('line one\n\n  line two ', 100)).toBe('line one line two');
  });

  it('leaves plain questions as they are', () => {
    expect(quoteUserText('Did Microsoft or Amazon end contracts with ICE?', 256)).toBe('Did Microsoft or Amazon end contracts with ICE?');
  });

  it('fits within the limit counting its escapes, cut with an ellipsis and no dangling escape', () => {
    const text = '**a** [x](https://evil.example) '.repeat(40);
    for (const max of [1, 20, 57, 256]) {
      const quoted = quoteUserText(text, max);
      expect(quoted.length).toBeLessThanOrEqual(max);
      expect(liveMarkup(quoted)).toEqual([]);
      if (max > 1) expect(quoted.endsWith('…')).toBe(true);
      expect(quoted).not.toMatch(/(?<!\\)\\…$/);
    }
  });
});
