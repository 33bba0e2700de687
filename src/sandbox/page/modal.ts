// The modal: a native <dialog> (focus kept inside, Escape closes) showing the top view of the person's
// stack. Submitting runs the checks Slack's client runs (required, min_length; max_length is the field's own
// maxlength), posts what was typed, and shows the bot's field errors beside their fields with the text kept.

import type { PageView, SubmitResult } from '../protocol.ts';
import type { RenderContext } from '../render/context.ts';
import { modalContent } from '../render/view.ts';
import { post } from './api.ts';

/** Slack's own words when a required field is left empty. */
const REQUIRED = 'Please complete this required field.';

type Values = Record<string, Record<string, string | null>>;

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
    // A views.update of the same modal keeps what was typed in inputs that are still there, as Slack does.
    const kept = this.shown?.id === view.id ? this.values() : {};
    this.shown = view;
    const { titleId, markup } = modalContent(view, this.context());
    this.dialog.innerHTML = markup.value;
    this.dialog.setAttribute('aria-labelledby', titleId);
    for (const field of this.fields()) {
      const value = kept[field.blockId]?.[field.actionId];
      if (typeof value === 'string' && field.control) field.control.value = value;
    }
    if (!this.dialog.open) this.dialog.showModal();
    (this.dialog.querySelector('textarea, input, select') as HTMLElement | null)?.focus();
  }

  private fields() {
    return [...this.dialog.querySelectorAll<HTMLElement>('.bk-input')].map((el) => ({
      el,
      blockId: el.dataset.blockId ?? '',
      actionId: el.dataset.actionId ?? '',
      optional: el.dataset.optional === 'true',
      control: el.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
        'textarea, input, select',
      ),
      error: el.querySelector<HTMLElement>('.bk-error'),
    }));
  }

  private values(): Values {
    const values: Values = {};
    for (const f of this.fields()) {
      if (!f.control) continue;
      values[f.blockId] = { [f.actionId]: f.control.value === '' ? null : f.control.value };
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
      if (message === undefined) f.control?.removeAttribute('aria-invalid');
      else {
        f.control?.setAttribute('aria-invalid', 'true');
        first ??= f.control ?? undefined;
      }
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
      const value = f.control?.value ?? '';
      const min = Number(f.control?.dataset.minLength ?? 0);
      if (!f.optional && f.control && value === '') clientErrors[f.blockId] = REQUIRED;
      else if (value.length > 0 && value.length < min)
        clientErrors[f.blockId] = `Please enter at least ${min} characters.`;
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
    } finally {
      if (submitButton) submitButton.disabled = false;
    }
  }

  private async closeByPerson(): Promise<void> {
    const view = this.shown;
    this.show(null);
    if (view) await post('/sandbox/close', { user: this.userId(), viewId: view.id });
  }
}
