// A text field's max_length as Slack's client handles it: a paste longer than the limit is kept whole (not
// cut silently, as a plain maxlength attribute would), a counter shows near the limit and says how many
// characters are over, and saving is refused with a field error until the text fits.

/** Slack counts characters, not UTF-16 units: an emoji is one. */
export const charCount = (text: string): number => [...text].length;

const number = (n: number): string => n.toLocaleString('en-US');

/** The counter shows from this share of the limit on. */
const NEAR = 0.9;

export function counterText(length: number, max: number): string | null {
  if (length < max * NEAR) return null;
  if (length <= max) return `${number(length)} / ${number(max)}`;
  return `${number(length)} / ${number(max)}: ${number(length - max)} ${length - max === 1 ? 'character' : 'characters'} over`;
}

/** The field error on saving a text over the limit; null when it fits. */
export function overLimitError(length: number, max: number): string | null {
  if (length <= max) return null;
  const over = length - max;
  return `${number(over)} ${over === 1 ? 'character' : 'characters'} over the limit of ${number(max)}: shorten it, then save. Your text is kept.`;
}

/** The field's limit (its data-max-length), if it has one. */
export function maxLengthOf(control: HTMLElement): number | null {
  const max = Number(control.dataset.maxLength);
  return Number.isInteger(max) && max > 0 ? max : null;
}

/** Updates the counter beside a text field with a limit; other controls are left alone. */
export function updateCounter(control: HTMLElement): void {
  const max = maxLengthOf(control);
  const counter = control.parentElement?.querySelector<HTMLElement>(':scope > .bk-counter');
  if (max === null || !counter || !('value' in control)) return;
  const length = charCount(String(control.value));
  const text = counterText(length, max);
  counter.textContent = text ?? '';
  counter.hidden = text === null;
  counter.classList.toggle('over', length > max);
}
