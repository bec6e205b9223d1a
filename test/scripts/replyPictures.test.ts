import { describe, expect, it } from 'vitest';
import { replyFacts } from '../../scripts/replies/facts.ts';
import { discordMarkdown, visibleText } from '../../scripts/replies/markdown.ts';
import { replyPage } from '../../scripts/replies/page.ts';

describe('Discord markdown for the reply pictures', () => {
  it('renders bold, italics, inline code, links and command mentions within a line', () => {
    const html = discordMarkdown('**$3.2M** in *2019*, see [the brief](https://example.org/b) or </ask:123> and `code <b>`');
    expect(html).toContain('<strong>$3.2M</strong>');
    expect(html).toContain('<em>2019</em>');
    expect(html).toContain('<a href="https://example.org/b">the brief</a>');
    expect(html).toContain('<span class="mention command">/ask</span>');
    expect(html).toContain('<code>code &lt;b&gt;</code>');
  });

  it('renders block quotes, bullet and numbered lists (from their own number) and subtext', () => {
    const html = discordMarkdown('> quoted\n- one\n- two\n4. The role of subcontracting\n-# small print');
    expect(html).toContain('<blockquote><div class="line">quoted</div></blockquote>');
    expect(html).toContain('<ul><li class="depth-0">one</li><li class="depth-0">two</li></ul>');
    expect(html).toContain('<ol start="4"><li class="depth-0">The role of subcontracting</li></ol>');
    expect(html).toContain('<div class="subtext">small print</div>');
  });

  it('keeps a bullet character that is not list syntax, and escaped markers, as text', () => {
    expect(visibleText('• a point \\*not italic\\*')).toBe('• a point *not italic*');
  });

  it('counts what a reader sees and flags footnote markers and cut labels', () => {
    const facts = replyFacts({
      embeds: [{ title: 'Q', description: '**Yes** [2][7].' }],
      components: [{ type: 1, components: [{ type: 2, label: 'What contracts have been documented since 201…' }] }],
    });
    expect(facts.summary).toBe('13 visible characters · 1 embed · 1 button');
    expect(facts.notes).toEqual(['2 brief footnote marker(s) shown: [2] [7]', 'cut label: "What contracts have been documented since 201…"']);
  });

  it('draws one element per reply with the asker\'s command above the bot\'s embed', () => {
    const html = replyPage([
      {
        id: '001-ask',
        caption: '#1',
        reply: { seq: 1, how: 'reply', ephemeral: true, asked: { kind: 'command', user: 'ana', name: 'ask', options: [{ name: 'question', value: 'did <b>' }] }, body: { embeds: [{ title: 'T', color: 0x2b7de9 }] } },
      },
    ]);
    expect(html.match(/class="shot"/g)).toHaveLength(1);
    expect(html).toContain('<span class="option-value">did &lt;b&gt;</span>');
    expect(html).toContain('border-left-color:#2b7de9');
    expect(html).toContain('Only you can see this');
  });

  it('counts the author line and flags a source marker that no source line of the reply opens', () => {
    const facts = replyFacts({ embeds: [{ author: { name: 'Q?' }, description: 'One.¹\n- Two.²\n\n-# ¹ Brief · Summary · undated' }] });
    expect(facts.summary).toBe('44 visible characters · 1 embed');
    expect(facts.notes).toEqual(['marker(s) without a source line: ²']);
  });

  it('draws a reply with the start of the message it replies to', () => {
    const html = replyPage([
      { id: '001-reply', caption: '#1', reply: { seq: 1, how: 'message', ephemeral: false, asked: { kind: 'message', user: 'ana', content: 'and microsoft?', repliesTo: { user: 'factcheck-bot', text: 'Did Amazon end <it>?' } }, body: { content: 'ok' } } },
    ]);
    expect(html).toContain('<div class="reply-to">↱ <span class="reply-name">@factcheck-bot</span> Did Amazon end &lt;it&gt;?</div>');
  });
});
