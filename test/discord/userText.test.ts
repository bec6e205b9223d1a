import { describe, expect, it } from 'vitest';
import { quoteUserText } from '../../src/discord/userText.ts';

describe('quoteUserText', () => {
  it('shows markdown, links, headings, lists, quotes and mention syntax as typed', () => {
    expect(quoteUserText('**bold** _it_ ~~s~~ ||spoiler|| `code` [link](https://x.example)', 200)).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`code\\` \\[link](https://x.example)',
    );
    expect(quoteUserText('# heading', 50)).toBe('\\# heading');
    expect(quoteUserText('- item', 50)).toBe('\\- item');
    expect(quoteUserText('> quote', 50)).toBe('\\> quote');
    expect(quoteUserText('<@123456789012345678> <#123456789012345678> </ask:1>', 100)).toBe('\\<@123456789012345678> \\<#123456789012345678> \\</ask:1>');
  });

  it('puts it on one line and cuts it with "…"', () => {
    expect(quoteUserText('one\n\ntwo   three', 50)).toBe('one two three');
    expect(quoteUserText('a'.repeat(30), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
