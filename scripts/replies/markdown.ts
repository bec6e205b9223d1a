/**
 * Discord's markdown, as far as the bot's replies use it, turned into HTML for the reply pictures:
 * headings, subtext, block quotes, lists and code blocks line by line; bold, italics, underline,
 * strike-through, spoilers, inline code, links and mentions (`</ask:ID>`, `<@id>`) within a line.
 */

/** Where the text appears: titles, field names and button labels take inline markdown only. */
export type MarkdownContext = 'block' | 'inline';

/** HTML for `text` as Discord would show it. */
export function discordMarkdown(text: string, context: MarkdownContext = 'block'): string {
  return context === 'inline' ? inline(text) : blocks(text);
}

/** The text a reader sees: markdown syntax gone, mentions as their names. */
export function visibleText(text: string): string {
  return discordMarkdown(text)
    .replace(/<br>/g, '\n')
    .replace(/<\/(p|li|div|blockquote|pre|h\d)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n+$/, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function blocks(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !(lines[j] ?? '').startsWith('```')) body.push(lines[j++] ?? '');
      out.push(`<pre class="code-block">${escapeHtml(body.join('\n'))}</pre>`);
      i = j;
      continue;
    }
    if (line.startsWith('>>> ')) {
      out.push(`<blockquote>${blocks([line.slice(4), ...lines.slice(i + 1)].join('\n'))}</blockquote>`);
      break;
    }
    if (/^> ?/.test(line) && line !== '>') {
      const quoted: string[] = [];
      while (i < lines.length && /^> ?/.test(lines[i] ?? '')) quoted.push((lines[i++] ?? '').replace(/^> ?/, ''));
      i -= 1;
      out.push(`<blockquote>${blocks(quoted.join('\n'))}</blockquote>`);
      continue;
    }
    const list = /^(\s*)([-*]|\d{1,9}\.) (.*)$/.exec(line);
    if (list) {
      const ordered = /\d/.test(list[2] ?? '');
      const items: { depth: number; html: string }[] = [];
      while (i < lines.length) {
        const item = /^(\s*)([-*]|\d{1,9}\.) (.*)$/.exec(lines[i] ?? '');
        if (!item || /\d/.test(item[2] ?? '') !== ordered) break;
        items.push({ depth: Math.min(2, Math.floor((item[1] ?? '').length / 2)), html: inline(item[3] ?? '') });
        i++;
      }
      i -= 1;
      const start = ordered ? ` start="${Number.parseInt(list[2] ?? '1', 10)}"` : '';
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}${start}>${items.map((it) => `<li class="depth-${it.depth}">${it.html}</li>`).join('')}</${tag}>`);
      continue;
    }
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (heading) {
      out.push(`<h${heading[1]?.length ?? 1}>${inline(heading[2] ?? '')}</h${heading[1]?.length ?? 1}>`);
      continue;
    }
    const subtext = /^-# (.+)$/.exec(line);
    if (subtext) {
      out.push(`<div class="subtext">${inline(subtext[1] ?? '')}</div>`);
      continue;
    }
    out.push(`<div class="line">${inline(line) || '<br>'}</div>`);
  }
  return out.join('');
}

interface Rule {
  readonly pattern: RegExp;
  readonly render: (match: RegExpExecArray) => string;
}

const link = (href: string, label: string): string => `<a href="${escapeHtml(href)}">${label}</a>`;

/** Inline rules; at the same position the earlier rule wins. */
const RULES: readonly Rule[] = [
  // As in Discord, a backslash before any punctuation shows the character itself.
  { pattern: /\\([^0-9A-Za-z\s])/g, render: (m) => escapeHtml(m[1] ?? '') },
  { pattern: /(`+)([\s\S]+?)\1/g, render: (m) => `<code>${escapeHtml((m[2] ?? '').trim())}</code>` },
  { pattern: /<\/([\w-]+(?: [\w-]+){0,2}):(\d+)>/g, render: (m) => `<span class="mention command">/${escapeHtml(m[1] ?? '')}</span>` },
  { pattern: /<@!?(\d+)>/g, render: () => '<span class="mention">@user</span>' },
  { pattern: /<@&(\d+)>/g, render: () => '<span class="mention">@role</span>' },
  { pattern: /<#(\d+)>/g, render: () => '<span class="mention">#channel</span>' },
  {
    pattern: /<t:(-?\d+)(?::[tTdDfFR])?>/g,
    render: (m) => `<span class="timestamp">${new Date(Number(m[1]) * 1000).toUTCString().slice(5, 16)}</span>`,
  },
  { pattern: /\[([^\]\n]+)\]\(<?(https?:\/\/[^\s)>]+)>?\)/g, render: (m) => link(m[2] ?? '', inline(m[1] ?? '')) },
  { pattern: /<(https?:\/\/[^\s>]+)>/g, render: (m) => link(m[1] ?? '', escapeHtml(m[1] ?? '')) },
  { pattern: /https?:\/\/[^\s<]*[^\s<.,:;"')\]]/g, render: (m) => link(m[0], escapeHtml(m[0])) },
  { pattern: /\*\*\*(?!\s)([\s\S]+?)\*\*\*/g, render: (m) => `<strong><em>${inline(m[1] ?? '')}</em></strong>` },
  { pattern: /\*\*(?!\s)([\s\S]+?)\*\*/g, render: (m) => `<strong>${inline(m[1] ?? '')}</strong>` },
  { pattern: /__([\s\S]+?)__/g, render: (m) => `<u>${inline(m[1] ?? '')}</u>` },
  { pattern: /\*(?![\s*])([\s\S]+?)(?<!\s)\*/g, render: (m) => `<em>${inline(m[1] ?? '')}</em>` },
  { pattern: /(?<![\w])_(?!\s)([\s\S]+?)_(?![\w])/g, render: (m) => `<em>${inline(m[1] ?? '')}</em>` },
  { pattern: /~~([\s\S]+?)~~/g, render: (m) => `<s>${inline(m[1] ?? '')}</s>` },
  { pattern: /\|\|([\s\S]+?)\|\|/g, render: (m) => `<span class="spoiler">${inline(m[1] ?? '')}</span>` },
];

function inline(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    let best: { match: RegExpExecArray; rule: Rule } | null = null;
    for (const rule of RULES) {
      rule.pattern.lastIndex = at;
      const match = rule.pattern.exec(text);
      if (match && (best === null || match.index < best.match.index)) best = { match, rule };
    }
    if (best === null) break;
    out += escapeHtml(text.slice(at, best.match.index)) + best.rule.render(best.match);
    at = best.match.index + best.match[0].length;
  }
  return out + escapeHtml(text.slice(at));
}
