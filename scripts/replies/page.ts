/**
 * One HTML page holding every captured reply as a Discord channel shows it in the dark theme:
 * the user's command or message, then the bot's message with its content, embeds, buttons and
 * select menus. Each reply is one `.shot` element, screenshotted on its own.
 */
import type { CapturedAsk, CapturedReply } from '../../test/fakeDiscord/capture.ts';
import type { Json } from '../../test/fakeDiscord/payloads.ts';
import { discordMarkdown, escapeHtml } from './markdown.ts';

/** A reply to draw, with the caption printed under it (not part of Discord's look). */
export interface Shot {
  readonly id: string;
  readonly reply: CapturedReply;
  readonly caption: string;
}

const md = discordMarkdown;
const BOT_NAME = 'factcheck-bot';

/** The whole page. */
export function replyPage(shots: readonly Shot[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${shots
    .map((shot) => `<section class="shot" id="${escapeHtml(shot.id)}">${askHtml(shot.reply.asked)}${botHtml(shot.reply)}<div class="caption">${escapeHtml(shot.caption)}</div></section>`)
    .join('')}</body></html>`;
}

function askHtml(asked: CapturedAsk | null): string {
  if (asked === null) return '';
  const option = (o: { name: string; value: unknown }) =>
    `<span class="option"><span class="option-name">${escapeHtml(o.name)}</span><span class="option-value">${escapeHtml(String(o.value))}</span></span>`;
  switch (asked.kind) {
    case 'command':
    case 'autocomplete':
      return message(asked.user, 'user', `<div class="slash"><span class="slash-name">/${escapeHtml(asked.name)}</span>${asked.options.map(option).join('')}${asked.kind === 'autocomplete' ? '<span class="typing">typing…</span>' : ''}</div>`);
    case 'button':
      return message(asked.user, 'user', `<div class="action">clicked <span class="button secondary small">${escapeHtml(asked.label)}</span></div>`);
    case 'select':
      return message(asked.user, 'user', `<div class="action">picked ${asked.labels.map((l) => `<span class="picked">${escapeHtml(l)}</span>`).join(', ')}</div>`);
    case 'message': {
      const reply = asked.repliesTo === undefined ? '' : `<div class="reply-to">↱ <span class="reply-name">@${escapeHtml(asked.repliesTo.user)}</span> ${escapeHtml(asked.repliesTo.text.slice(0, 70))}</div>`;
      return `${reply}${message(asked.user, 'user', md(asked.content.replace(/<@!?\d+>/g, `@${BOT_NAME}`)))}`;
    }
  }
}

function botHtml(reply: CapturedReply): string {
  if (reply.how === 'autocomplete') return autocompleteHtml(reply.body);
  const body = reply.body;
  const header = reply.asked?.kind === 'command' ? `<div class="used">${escapeHtml(reply.asked.user)} used <span class="link">/${escapeHtml(reply.asked.name)}</span></div>` : '';
  const content = typeof body['content'] === 'string' && body['content'] !== '' ? `<div class="content">${md(body['content'])}</div>` : '';
  const embeds = ((body['embeds'] ?? []) as Json[]).map(embedHtml).join('');
  const rows = ((body['components'] ?? []) as Json[]).map(rowHtml).join('');
  const ephemeral = reply.ephemeral ? '<div class="ephemeral">👁 Only you can see this · <span class="link">Dismiss message</span></div>' : '';
  const note = reply.how === 'update' ? '<div class="note">(edits the message that was clicked)</div>' : reply.how === 'follow-up' ? '<div class="note">(follow-up message)</div>' : '';
  return `${header}${message(BOT_NAME, 'bot', `${note}${content}${embeds}${rows}${ephemeral}`, reply.ephemeral)}`;
}

function message(author: string, who: 'user' | 'bot', inner: string, ephemeral = false): string {
  const badge = who === 'bot' ? '<span class="badge">APP</span>' : '';
  return `<div class="message ${who}${ephemeral ? ' ephemeral-message' : ''}"><div class="avatar ${who}">${escapeHtml(author.slice(0, 1).toUpperCase())}</div><div class="message-body"><div class="author"><span class="name">${escapeHtml(author)}</span>${badge}<span class="time">Today at 12:00</span></div>${inner}</div></div>`;
}

function embedHtml(embed: Json): string {
  const colour = typeof embed['color'] === 'number' ? `#${embed['color'].toString(16).padStart(6, '0')}` : '#1e1f22';
  const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const author = str((embed['author'] as Json | undefined)?.['name']);
  const title = str(embed['title']);
  const url = str(embed['url']);
  const description = str(embed['description']);
  const fields = (embed['fields'] ?? []) as Json[];
  const footer = str((embed['footer'] as Json | undefined)?.['text']);
  const titleHtml = title === null ? '' : `<div class="embed-title">${url === null ? md(title, 'inline') : `<a href="${escapeHtml(url)}">${md(title, 'inline')}</a>`}</div>`;
  const fieldsHtml =
    fields.length === 0
      ? ''
      : `<div class="fields">${fields
          .map((f) => `<div class="field${f['inline'] === true ? ' inline' : ''}"><div class="field-name">${md(String(f['name']), 'inline')}</div><div class="field-value">${md(String(f['value']))}</div></div>`)
          .join('')}</div>`;
  return `<div class="embed" style="border-left-color:${colour}">${author === null ? '' : `<div class="embed-author">${escapeHtml(author)}</div>`}${titleHtml}${description === null ? '' : `<div class="embed-description">${md(description)}</div>`}${fieldsHtml}${footer === null ? '' : `<div class="embed-footer">${escapeHtml(footer)}</div>`}</div>`;
}

const BUTTON_STYLES: Readonly<Record<number, string>> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'secondary link-button', 6: 'primary' };

function rowHtml(row: Json): string {
  const components = (row['components'] ?? []) as Json[];
  return `<div class="row">${components
    .map((c) => {
      if (c['type'] === 2) {
        const emoji = (c['emoji'] as Json | undefined)?.['name'];
        const label = `${typeof emoji === 'string' ? `${escapeHtml(emoji)} ` : ''}${escapeHtml(String(c['label'] ?? ''))}`;
        const arrow = c['style'] === 5 ? ' <span class="external">↗</span>' : '';
        return `<span class="button ${BUTTON_STYLES[Number(c['style'])] ?? 'secondary'}${c['disabled'] === true ? ' disabled' : ''}"><span class="label">${label}</span>${arrow}</span>`;
      }
      if (c['type'] === 3) {
        // As in Discord, an option marked default shows in the box instead of the placeholder.
        const chosen = ((c['options'] ?? []) as Json[]).find((o) => o['default'] === true);
        const placeholder = String(chosen?.['label'] ?? c['placeholder'] ?? 'Make a selection');
        const options = ((c['options'] ?? []) as Json[])
          .map((o) => `<div class="select-option${o['default'] === true ? ' chosen' : ''}"><div class="select-label">${escapeHtml(String(o['label']))}</div>${o['description'] ? `<div class="select-description">${escapeHtml(String(o['description']))}</div>` : ''}</div>`)
          .join('');
        // The menu is drawn open so its options can be read in the picture.
        return `<div class="select"><div class="select-box"><span>${escapeHtml(placeholder)}</span><span class="chevron">⌄</span></div><div class="select-menu">${options}</div></div>`;
      }
      return `<span class="unknown">component type ${String(c['type'])}</span>`;
    })
    .join('')}</div>`;
}

function autocompleteHtml(data: Json): string {
  const choices = (data['choices'] ?? []) as Json[];
  const items = choices.map((c) => `<div class="choice">${escapeHtml(String(c['name']))}</div>`).join('');
  return `<div class="autocomplete"><div class="autocomplete-title">OPTIONS MATCHING</div>${items || '<div class="choice none">(no choices)</div>'}</div>`;
}

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #313338; color: #dbdee1; font: 16px/1.375 "gg sans", "Noto Sans", "Liberation Sans", Arial, "DejaVu Sans", sans-serif, "Noto Color Emoji"; width: 760px; }
.shot { padding: 12px 0 0 0; background: #313338; }
.message { display: flex; padding: 2px 32px 2px 16px; margin-top: 6px; }
.ephemeral-message { background: rgba(88, 101, 242, 0.06); }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; margin-right: 16px; display: flex; align-items: center; justify-content: center; font-weight: 600; color: #fff; }
.avatar.user { background: #3ba55c; }
.avatar.bot { background: #5865f2; }
.message-body { min-width: 0; flex: 1; }
.author { display: flex; align-items: baseline; gap: 6px; }
.name { color: #f2f3f5; font-weight: 500; }
.badge { background: #5865f2; color: #fff; font-size: 10px; font-weight: 600; border-radius: 3px; padding: 1px 4px; position: relative; top: -2px; }
.time { color: #949ba4; font-size: 12px; }
.used { color: #949ba4; font-size: 14px; margin: 8px 0 -4px 72px; }
.reply-to { color: #b5bac1; font-size: 14px; margin: 8px 0 -6px 72px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.reply-name { color: #f2f3f5; font-weight: 500; }
.link, a { color: #00a8fc; text-decoration: none; }
.content { font-size: 16px; }
.slash { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 15px; }
.slash-name { color: #f2f3f5; font-weight: 600; }
.option { display: inline-flex; border-radius: 4px; overflow: hidden; background: #1e1f22; }
.option-name { background: #404249; padding: 0 6px; color: #b5bac1; }
.option-value { padding: 0 6px; color: #f2f3f5; }
.typing { color: #949ba4; font-style: italic; font-size: 13px; }
.action { color: #b5bac1; font-size: 15px; }
.picked { color: #f2f3f5; font-weight: 500; }
.note { color: #949ba4; font-size: 12px; font-style: italic; }
.embed { margin-top: 4px; max-width: 516px; background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; font-size: 14px; }
.embed-author { font-size: 14px; font-weight: 600; color: #f2f3f5; margin-top: 8px; }
.embed-title { font-size: 16px; font-weight: 600; color: #f2f3f5; margin-top: 8px; }
.embed-description { margin-top: 8px; white-space: normal; }
.fields { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-top: 8px; }
.field { flex: 1 1 100%; min-width: 0; }
.field.inline { flex: 1 1 28%; }
.field-name { font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }
.embed-footer { font-size: 12px; color: #dbdee1; margin-top: 8px; font-weight: 500; }
.line { min-height: 1em; }
blockquote { margin: 0; padding: 0 8px 0 12px; border-left: 4px solid #4e5058; border-radius: 4px; }
ul, ol { margin: 4px 0 0 0; padding-left: 22px; }
li.depth-1 { margin-left: 22px; }
li.depth-2 { margin-left: 44px; }
h1 { font-size: 24px; margin: 8px 0 0 0; } h2 { font-size: 20px; margin: 8px 0 0 0; } h3 { font-size: 16px; margin: 8px 0 0 0; }
.subtext { font-size: 12px; color: #949ba4; }
strong { font-weight: 700; color: inherit; }
code { background: #1e1f22; border-radius: 4px; padding: 0 3px; font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 85%; }
.code-block { background: #1e1f22; border: 1px solid #1e1f22; border-radius: 4px; padding: 7px; font-size: 13px; white-space: pre-wrap; margin: 6px 0 0 0; }
.mention { background: rgba(88, 101, 242, 0.3); color: #c9cdfb; border-radius: 3px; padding: 0 2px; font-weight: 500; }
.mention.command { cursor: pointer; }
.timestamp { background: rgba(255, 255, 255, 0.06); border-radius: 3px; padding: 0 2px; }
.spoiler { background: #1e1f22; color: #1e1f22; border-radius: 3px; }
.row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; max-width: 100%; }
.button { display: inline-flex; align-items: center; height: 32px; min-width: 60px; max-width: 100%; padding: 2px 16px; border-radius: 8px; font-size: 14px; font-weight: 500; color: #fff; white-space: nowrap; }
.button .label { overflow: hidden; text-overflow: ellipsis; }
.button.small { height: 24px; padding: 0 10px; font-size: 13px; min-width: 0; }
.primary { background: #5865f2; } .secondary { background: #4e5058; } .success { background: #248046; } .danger { background: #da373c; }
.disabled { opacity: 0.5; }
.external { margin-left: 6px; font-size: 12px; }
.select { width: 100%; max-width: 400px; }
.select-box { display: flex; justify-content: space-between; align-items: center; height: 40px; padding: 0 12px; background: #1e1f22; border-radius: 4px; color: #949ba4; font-size: 15px; }
.select-box > span:first-child { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.select-menu { background: #2b2d31; border: 1px solid #1e1f22; border-radius: 0 0 4px 4px; }
.select-option { padding: 8px 12px; border-top: 1px solid #1e1f22; }
.select-option.chosen { background: #404249; }
.select-label { color: #dbdee1; font-size: 15px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.select-description { color: #949ba4; font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.autocomplete { margin: 8px 16px 0 72px; background: #2b2d31; border-radius: 8px; padding: 8px 0; max-width: 560px; }
.autocomplete-title { color: #b5bac1; font-size: 12px; font-weight: 700; padding: 0 12px 6px 12px; }
.choice { padding: 6px 12px; font-size: 15px; color: #dbdee1; }
.choice.none { color: #949ba4; font-style: italic; }
.ephemeral { color: #949ba4; font-size: 12px; margin-top: 4px; }
.caption { margin: 12px 0 0 0; padding: 6px 16px; background: #1e1f22; color: #949ba4; font: 12px/1.4 "DejaVu Sans Mono", monospace; white-space: pre-wrap; }
`;
