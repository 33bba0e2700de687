// Block Kit to HTML for messages, modals and the Home tab: the blocks the bot sends (header, section with
// text, fields and an accessory, context, divider, actions with buttons, a select outside inputs, input with a text field, time
// picker, checkboxes, select or people picker) and a visible note for any other, so nothing the bot sends is silently
// dropped. Every button is a real <button> named by its text.

import type { RenderContext } from './context.ts';
import { type Html, html, uniqueId } from './html.ts';
import { mrkdwn, plainText } from './mrkdwn.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A text object: mrkdwn or plain_text. */
export function textObject(t: unknown, ctx: RenderContext): Html {
  if (!isObj(t)) return html``;
  return t.type === 'mrkdwn' ? mrkdwn(str(t.text), ctx) : plainText(str(t.text), t.emoji !== false);
}

function button(el: Obj, blockId: string): Html {
  const style = el.style === 'primary' || el.style === 'danger' ? ` bk-${el.style}` : '';
  const text = isObj(el.text) ? str(el.text.text) : '';
  if (typeof el.url === 'string' && /^https?:\/\//.test(el.url)) {
    return html`<a class="bk-button${style}" href="${el.url}" target="_blank" rel="noopener noreferrer">${plainText(text)}</a>`;
  }
  return html`<button type="button" class="bk-button${style}" data-action-id="${str(el.action_id)}" data-block-id="${blockId}"${el.value === undefined ? '' : html` data-value="${str(el.value)}"`}>${plainText(text)}</button>`;
}

function element(el: unknown, blockId: string, ctx: RenderContext): Html {
  if (!isObj(el)) return html``;
  switch (el.type) {
    case 'button':
      return button(el, blockId);
    case 'static_select':
      return actionSelect(el, blockId);
    case 'image':
      return html`<span class="bk-image-alt">[image: ${str(el.alt_text)}]</span>`;
    case 'mrkdwn':
    case 'plain_text':
      return html`<span>${textObject(el, ctx)}</span>`;
    default:
      return unsupported(`element ${str(el.type)}`);
  }
}

/**
 * A select outside an input block (a section's accessory, an actions block): a pick goes to the bot at once,
 * as Slack sends it (the page posts it on change). Named by its placeholder.
 */
function actionSelect(el: Obj, blockId: string): Html {
  const placeholder = isObj(el.placeholder) ? str(el.placeholder.text) : 'Select an option';
  const initial = isObj(el.initial_option) ? str(el.initial_option.value) : '';
  const none = initial === '' ? html`<option value="" selected disabled>${placeholder}</option>` : '';
  return html`<select class="bk-select" aria-label="${placeholder}" data-action-id="${str(el.action_id)}" data-block-id="${blockId}">${none}${optionsOf(
    el.options,
  ).map(
    (o) => html`<option value="${o.value}" ${o.value === initial ? 'selected' : ''}>${o.text}</option>`,
  )}</select>`;
}

function unsupported(what: string): Html {
  return html`<span class="bk-unsupported">[${what} is not shown in the sandbox]</span>`;
}

/** One block outside a form (messages, Home tab, the read-only parts of a modal). */
export function block(b: unknown, ctx: RenderContext): Html {
  if (!isObj(b)) return html``;
  const blockId = str(b.block_id);
  switch (b.type) {
    case 'header':
      return html`<h3 class="bk-header">${textObject(b.text, ctx)}</h3>`;
    case 'section': {
      const fields = Array.isArray(b.fields)
        ? html`<div class="bk-fields">${b.fields.map((f) => html`<div>${textObject(f, ctx)}</div>`)}</div>`
        : null;
      const accessory =
        b.accessory === undefined
          ? null
          : html`<div class="bk-accessory">${element(b.accessory, blockId, ctx)}</div>`;
      return html`<div class="bk-section"><div class="bk-section-body">${b.text === undefined ? null : html`<div class="bk-text">${textObject(b.text, ctx)}</div>`}${fields}</div>${accessory}</div>`;
    }
    case 'context': {
      const elements = Array.isArray(b.elements) ? b.elements : [];
      return html`<div class="bk-context">${elements.map((e) => element(e, blockId, ctx))}</div>`;
    }
    case 'divider':
      return html`<hr class="bk-divider">`;
    case 'actions': {
      const elements = Array.isArray(b.elements) ? b.elements : [];
      return html`<div class="bk-actions">${elements.map((e) => element(e, blockId, ctx))}</div>`;
    }
    case 'image':
      return html`<p class="bk-image-alt">[image: ${str(b.alt_text)}]</p>`;
    default:
      return html`<p>${unsupported(`a ${str(b.type)} block`)}</p>`;
  }
}

export function blocks(list: unknown, ctx: RenderContext): Html {
  return html`${(Array.isArray(list) ? list : []).map((b) => block(b, ctx))}`;
}

type Option = { value: string; text: string };

/** A select's or checkbox group's options: value and plain text. */
function optionsOf(list: unknown): Option[] {
  return (Array.isArray(list) ? list : [])
    .filter(isObj)
    .map((o) => ({ value: str(o.value), text: isObj(o.text) ? str(o.text.text) : '' }));
}

/**
 * An input block as a labelled form field. The label is the block's label (a checkbox group's legend); the
 * hint and the (initially hidden) error are tied to the field with aria-describedby, so a screen reader
 * reads both. The field itself is the one direct child control of the `.bk-input`: an input, textarea,
 * select, or the checkbox group's fieldset.
 */
export function inputBlock(b: Obj, ctx?: RenderContext): Html {
  const el = isObj(b.element) ? b.element : {};
  const id = uniqueId('field');
  const label = isObj(b.label) ? str(b.label.text) : '';
  const optional = b.optional === true;
  const hint = isObj(b.hint)
    ? html`<p class="bk-hint" id="${id}-hint">${plainText(str(b.hint.text))}</p>`
    : null;
  const max = isObj(b.element) && typeof b.element.max_length === 'number' ? b.element.max_length : null;
  const describedBy = `${id}-error${hint ? ` ${id}-hint` : ''}${max === null ? '' : ` ${id}-counter`}`;
  const attrs = { blockId: str(b.block_id), actionId: str(el.action_id) };
  const required = optional ? '' : html`aria-required="true"`;
  const labelText = html`${label}${optional ? html` <span class="bk-optional">(optional)</span>` : ''}`;
  let control: Html;
  if (el.type === 'plain_text_input') {
    const placeholder = isObj(el.placeholder) ? str(el.placeholder.text) : null;
    const common = html`id="${id}" name="${attrs.blockId}" aria-describedby="${describedBy}" ${required} ${max === null ? '' : html`data-max-length="${max}"`} ${typeof el.min_length === 'number' && el.min_length > 0 ? html`data-min-length="${el.min_length}"` : ''} ${placeholder === null ? '' : html`placeholder="${placeholder}"`}`;
    control =
      el.multiline === true
        ? html`<textarea ${common} rows="4">${str(el.initial_value)}</textarea>`
        : html`<input type="text" ${common} value="${str(el.initial_value)}">`;
  } else if (el.type === 'static_select') {
    const initial = isObj(el.initial_option) ? str(el.initial_option.value) : '';
    control = html`<select id="${id}" name="${attrs.blockId}" aria-describedby="${describedBy}" ${required}><option value="">Select an option</option>${optionsOf(
      el.options,
    ).map(
      (o) => html`<option value="${o.value}" ${o.value === initial ? 'selected' : ''}>${o.text}</option>`,
    )}</select>`;
  } else if (el.type === 'users_select') {
    // Slack's people picker: the workspace's people by name, the value their user id.
    const initial = str(el.initial_user);
    control = html`<select id="${id}" name="${attrs.blockId}" aria-describedby="${describedBy}" ${required}><option value="">Choose a person</option>${(
      ctx?.people ?? []
    ).map(
      (p) => html`<option value="${p.id}" ${p.id === initial ? 'selected' : ''}>${p.name}</option>`,
    )}</select>`;
  } else if (el.type === 'multi_static_select') {
    // A list box: Ctrl- or Shift-click (or Space) chooses several; Slack's placeholder has no place here.
    const options = optionsOf(el.options);
    const initial = new Set(optionsOf(el.initial_options).map((o) => o.value));
    control = html`<select multiple id="${id}" name="${attrs.blockId}" size="${Math.min(Math.max(options.length, 2), 8)}" aria-describedby="${describedBy}" ${required}>${options.map(
      (o) => html`<option value="${o.value}" ${initial.has(o.value) ? 'selected' : ''}>${o.text}</option>`,
    )}</select>`;
  } else if (el.type === 'timepicker') {
    // Slack's picker gives HH:mm on a 24-hour clock, as <input type="time"> does (minute steps).
    control = html`<input type="time" id="${id}" name="${attrs.blockId}" aria-describedby="${describedBy}" ${required} value="${str(el.initial_time)}">`;
  } else if (el.type === 'checkboxes') {
    // A group named by its legend (the block's label), each box named by its option's text.
    const initial = new Set(optionsOf(el.initial_options).map((o) => o.value));
    control = html`<fieldset id="${id}" class="bk-checkboxes" aria-describedby="${describedBy}"><legend>${labelText}</legend>${optionsOf(
      el.options,
    ).map(
      (o) =>
        html`<label class="bk-choice"><input type="checkbox" name="${attrs.blockId}" value="${o.value}" ${initial.has(o.value) ? 'checked' : ''}> ${o.text}</label>`,
    )}</fieldset>`;
  } else if (el.type === 'file_input') {
    // The sandbox's person has no files to pick: the guide's text goes in the paste box instead.
    control = html`<p class="bk-hint" id="${id}">Files cannot be picked in the sandbox: paste the text instead.</p>`;
  } else {
    control = unsupported(`input ${str(el.type)}`);
  }
  return html`<div class="bk-input" data-block-id="${attrs.blockId}" data-action-id="${attrs.actionId}" data-kind="${str(el.type)}" data-optional="${optional ? 'true' : 'false'}">
${el.type === 'checkboxes' ? '' : html`<label for="${id}">${labelText}</label>`}
${control}
<p class="bk-error" id="${id}-error" hidden></p>
${max === null ? '' : html`<p class="bk-counter" id="${id}-counter" hidden></p>`}
${hint}
</div>`;
}
