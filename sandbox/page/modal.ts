// The modal: a native <dialog> (focus kept inside, Escape closes) showing the top view of the person's
// stack. Submitting runs the checks Slack's client runs (required, min_length, max_length with a counter near
// the limit: length-limit.ts), posts what was typed or chosen, and shows the bot's field errors beside their fields with
// every value kept.

import type { PageView, SubmitRequest, SubmitResult } from '../protocol.ts';
import type { RenderContext } from '../render/context.ts';
import { modalContent } from '../render/view.ts';
import { post } from './api.ts';
import { charCount, maxLengthOf, overLimitError, updateCounter } from './length-limit.ts';

/** An open modal's typed values survive a page reload here, per person and view, until it closes. */
const draftKey = (userId: string, viewId: string) => `star-drill-sandbox-draft:${userId}:${viewId}`;
const DISCARD = 'Discard what you typed in this form?';

/** Slack's own words when a required field is left empty. */
const REQUIRED = 'Please complete this required field.';

type Values = SubmitRequest['values'];
/** What one field holds: text, a time or one choice; several choices; or nothing. */
type Value = Values[string][string];
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLFieldSetElement;

const isEmpty = (value: Value): boolean => value === null || value.length === 0;

const boxesOf = (group: HTMLFieldSetElement): HTMLInputElement[] => [
  ...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
];

/** The field's value as the local Slack takes it: a string, a list (checkboxes, multi-select) or null. */
function read(control: Control): Value {
  if (control instanceof HTMLFieldSetElement) {
    return boxesOf(control)
      .filter((box) => box.checked)
      .map((box) => box.value);
  }
  if (control instanceof HTMLSelectElement && control.multiple) {
    return [...control.selectedOptions].map((o) => o.value);
  }
  return control.value === '' ? null : control.value;
}

/** Puts a kept value back (after a views.update of the same modal). */
function write(control: Control, value: Value): void {
  if (control instanceof HTMLFieldSetElement) {
    if (!Array.isArray(value)) return;
    for (const box of boxesOf(control)) box.checked = value.includes(box.value);
  } else if (control instanceof HTMLSelectElement && control.multiple) {
    if (!Array.isArray(value)) return;
    for (const option of control.options) option.selected = value.includes(option.value);
  } else if (!Array.isArray(value)) control.value = value ?? '';
}

export class Modal {
  private shown: PageView | null = null;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly userId: () => string,
    private readonly context: () => RenderContext,
  ) {
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      void this.closeByPerson();
    });
    dialog.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('[data-close]')) void this.closeByPerson();
    });
    const saveDraft = () => {
      if (this.shown)
        localStorage.setItem(draftKey(this.userId(), this.shown.id), JSON.stringify(this.values()));
    };
    dialog.addEventListener('input', saveDraft);
    dialog.addEventListener('change', saveDraft);
    dialog.addEventListener('input', (e) => updateCounter(e.target as HTMLElement));
    dialog.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
  }

  /** Shows `view` (null closes). The same view at the same hash is left alone, so typed text stays. */
  show(view: PageView | null): void {
    if (!view) {
      this.shown = null;
      if (this.dialog.open) this.dialog.close();
      return;
    }
    if (this.shown && this.shown.id === view.id && this.shown.hash === view.hash) return;
    // A views.update of the same modal keeps what was typed in inputs that are still there, as Slack does;
    // a modal shown afresh (the page reloaded) gets back what was typed before.
    const kept = this.shown?.id === view.id ? this.values() : this.draft(view.id);
    this.shown = view;
    const { titleId, markup } = modalContent(view, this.context());
    this.dialog.innerHTML = markup.value;
    this.dialog.setAttribute('aria-labelledby', titleId);
    for (const field of this.fields()) {
      const value = kept[field.blockId]?.[field.actionId];
      if (value !== undefined && field.control) write(field.control, value);
      if (field.control) updateCounter(field.control);
    }
    if (!this.dialog.open) this.dialog.showModal();
    // The first field, as Slack focuses it (not a select above the fields, such as "Start from a saved story").
    const first =
      this.dialog.querySelector<HTMLElement>('.bk-input :is(textarea, input, select)') ??
      this.dialog.querySelector<HTMLElement>('textarea, input, select');
    first?.focus();
  }

  private draft(viewId: string): Values {
    try {
      return JSON.parse(localStorage.getItem(draftKey(this.userId(), viewId)) ?? '{}') as Values;
    } catch {
      return {};
    }
  }

  private forgetDraft(viewId: string): void {
    localStorage.removeItem(draftKey(this.userId(), viewId));
  }

  /** Whether the person typed or chose something the view did not come with. */
  private edited(): boolean {
    return this.fields().some(({ control }) => {
      if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
        return control.type !== 'checkbox' && control.value !== control.defaultValue;
      }
      if (control instanceof HTMLSelectElement)
        return [...control.options].some((o) => o.selected !== o.defaultSelected);
      return (
        control instanceof HTMLFieldSetElement && boxesOf(control).some((b) => b.checked !== b.defaultChecked)
      );
    });
  }

  private fields() {
    return [...this.dialog.querySelectorAll<HTMLElement>('.bk-input')].map((el) => ({
      el,
      blockId: el.dataset.blockId ?? '',
      actionId: el.dataset.actionId ?? '',
      optional: el.dataset.optional === 'true',
      // The field is the block's one direct child control; a checkbox group is its fieldset.
      control: el.querySelector<Control>(
        ':scope > textarea, :scope > input, :scope > select, :scope > fieldset',
      ),
      error: el.querySelector<HTMLElement>('.bk-error'),
    }));
  }

  private values(): Values {
    const values: Values = {};
    for (const f of this.fields()) {
      if (!f.control) continue;
      values[f.blockId] = { [f.actionId]: read(f.control) };
    }
    return values;
  }

  private showErrors(errors: Record<string, string>): void {
    let first: HTMLElement | undefined;
    for (const f of this.fields()) {
      const message = errors[f.blockId];
      if (f.error) {
        f.error.textContent = message ?? '';
        f.error.hidden = message === undefined;
      }
      // A checkbox group's boxes carry aria-invalid (a group has none); the first box takes the focus.
      const marked =
        f.control instanceof HTMLFieldSetElement ? boxesOf(f.control) : f.control ? [f.control] : [];
      for (const c of marked) {
        if (message === undefined) c.removeAttribute('aria-invalid');
        else c.setAttribute('aria-invalid', 'true');
      }
      if (message !== undefined) first ??= marked[0];
    }
    first?.focus();
  }

  private showProblem(problem: string | undefined): void {
    let box = this.dialog.querySelector<HTMLElement>('.modal-problem');
    if (!box) {
      box = document.createElement('p');
      box.className = 'modal-problem';
      box.setAttribute('role', 'alert');
      this.dialog.querySelector('.modal-body')?.prepend(box);
    }
    box.textContent = problem ?? '';
    box.hidden = problem === undefined;
  }

  private async submit(): Promise<void> {
    const view = this.shown;
    if (!view) return;
    const clientErrors: Record<string, string> = {};
    for (const f of this.fields()) {
      if (!f.control) continue;
      const value = read(f.control);
      const min = Number(f.control.dataset.minLength ?? 0);
      const max = maxLengthOf(f.control);
      const over = typeof value === 'string' && max !== null ? overLimitError(charCount(value), max) : null;
      if (!f.optional && isEmpty(value)) clientErrors[f.blockId] = REQUIRED;
      else if (typeof value === 'string' && value.length < min)
        clientErrors[f.blockId] = `Please enter at least ${min} characters.`;
      else if (over) clientErrors[f.blockId] = over;
    }
    this.showErrors(clientErrors);
    this.showProblem(undefined);
    if (Object.keys(clientErrors).length > 0) return;
    const submitButton = this.dialog.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submitButton) submitButton.disabled = true;
    try {
      const result = await post<SubmitResult>('/sandbox/submit', {
        user: this.userId(),
        viewId: view.id,
        values: this.values(),
      });
      if (result.errors) this.showErrors(result.errors);
      else if (!result.ok) this.showProblem(result.problem ?? 'Something went wrong.');
      else this.forgetDraft(view.id);
    } finally {
      if (submitButton) submitButton.disabled = false;
    }
  }

  /** Esc, Cancel or ×: with something typed, the person is asked first (a stray Esc loses nothing). */
  private async closeByPerson(): Promise<void> {
    const view = this.shown;
    if (view && this.edited() && !window.confirm(DISCARD)) return;
    if (view) this.forgetDraft(view.id);
    this.show(null);
    if (view) await post('/sandbox/close', { user: this.userId(), viewId: view.id });
  }
}
