// A modal as a native <dialog> named by its title, its blocks inside one form; and the Home tab.

import type { PageView } from '../protocol.ts';
import { block, inputBlock } from './blocks.ts';
import type { RenderContext } from './context.ts';
import { type Html, html, uniqueId } from './html.ts';
import { plainText } from './mrkdwn.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (t: unknown, fallback: string): string =>
  isObj(t) && typeof t.text === 'string' ? t.text : fallback;

/** The inside of the modal's <dialog>: title, blocks (inputs as form fields), Cancel and Submit. */
export function modalContent(v: PageView, ctx: RenderContext): { titleId: string; markup: Html } {
  const titleId = uniqueId('modal-title');
  const view = v.view;
  const list = Array.isArray(view.blocks) ? view.blocks : [];
  const submit = isObj(view.submit)
    ? html`<button type="submit" class="bk-button bk-primary">${plainText(text(view.submit, 'Submit'))}</button>`
    : null;
  const markup = html`<form class="modal" method="dialog" novalidate data-view-id="${v.id}" data-view-hash="${v.hash}">
<header class="modal-header"><h2 id="${titleId}">${plainText(text(view.title, ''))}</h2>
<button type="button" class="modal-x" data-close aria-label="Close">×</button></header>
<div class="modal-body">${list.map((b) => (isObj(b) && b.type === 'input' ? inputBlock(b, ctx) : block(b, ctx)))}</div>
<footer class="modal-footer"><button type="button" class="bk-button" data-close>${plainText(text(view.close, 'Cancel'))}</button>${submit}</footer>
</form>`;
  return { titleId, markup };
}

export function homeContent(v: PageView | null, ctx: RenderContext, botName: string): Html {
  if (!v) {
    return html`<p class="empty">${botName} has not published a Home tab for you yet.</p>`;
  }
  const list = Array.isArray(v.view.blocks) ? v.view.blocks : [];
  return html`<div class="home" data-view-id="${v.id}">${list.map((b) => block(b, ctx))}</div>`;
}
