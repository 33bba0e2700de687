// One message as the DM and the thread show it: who and when, its blocks (or its text when it has none),
// "(edited)" on a person's edit (Slack shows none when an app updates its message),
// shared files with a download link, "Only visible to you" on an ephemeral, and "N replies" to open its thread.

import type { PageMessage } from '../protocol.ts';
import { blocks } from './blocks.ts';
import type { RenderContext } from './context.ts';
import { type Html, html } from './html.ts';
import { mrkdwn } from './mrkdwn.ts';

export interface MessageOptions {
  /** Top-level messages in the DM offer their thread; inside the thread panel they do not. */
  inThread: boolean;
  authorName: string;
  isBot: boolean;
}

function time(ts: string, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Number(ts) * 1000));
}

function fullDate(ts: string, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, dateStyle: 'full', timeStyle: 'short' }).format(
    new Date(Number(ts) * 1000),
  );
}

function fileSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function messageHtml(m: PageMessage, ctx: RenderContext, o: MessageOptions): Html {
  const body =
    Array.isArray(m.blocks) && m.blocks.length > 0
      ? blocks(m.blocks, ctx)
      : html`<div class="bk-text">${mrkdwn(m.text, ctx)}</div>`;
  const files = (m.files ?? []).map(
    (f) =>
      html`<p class="file">📄 <a href="${f.url}" download="${f.name}">Download ${f.title}</a> <span class="file-size">${fileSize(f.size)}</span></p>`,
  );
  const replies =
    !o.inThread && (m.reply_count ?? 0) > 0
      ? html`<button type="button" class="replies" data-open-thread="${m.ts}">${m.reply_count} ${m.reply_count === 1 ? 'reply' : 'replies'}</button>`
      : null;
  return html`<article class="message${m.to ? ' ephemeral' : ''}" data-channel="${m.channel}" data-ts="${m.ts}" aria-label="${o.authorName} at ${time(m.ts, ctx.tz)}">
<div class="avatar${o.isBot ? ' bot' : ''}" aria-hidden="true">${o.authorName.slice(0, 1)}</div>
<div class="message-main">
<p class="meta"><span class="author">${o.authorName}</span>${o.isBot ? html` <span class="app-badge">APP</span>` : ''} <time datetime="${new Date(Number(m.ts) * 1000).toISOString()}" title="${fullDate(m.ts, ctx.tz)}">${time(m.ts, ctx.tz)}</time>${m.edited && !o.isBot ? html` <span class="edited">(edited)</span>` : ''}</p>
${m.to ? html`<p class="only-you">Only visible to you</p>` : ''}
<div class="message-body">${body}</div>
${files}
${replies}
</div>
</article>`;
}
