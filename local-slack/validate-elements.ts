// Block Kit checks of text objects, ids and interactive elements, as Slack applies them (validate.ts checks
// blocks and views with these). Messages are Slack-style: '[ERROR] ... [json-pointer:/...]'.

import { BLOCK_KIT_LIMITS as LIMITS } from './block-kit-limits.ts';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export class Issues {
  readonly list: string[] = [];
  add(message: string, pointer: string): void {
    this.list.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  }
  tooLong(max: number, pointer: string): void {
    this.add(`must be less than ${max + 1} characters`, pointer);
  }
}

export interface TextRule {
  max: number;
  plainOnly?: boolean;
  required?: boolean;
}

export function checkTextObject(value: unknown, pointer: string, rule: TextRule, issues: Issues): void {
  if (value === undefined || value === null) {
    if (rule.required) issues.add('missing required field', pointer);
    return;
  }
  if (!isObj(value)) {
    issues.add('must provide an object', pointer);
    return;
  }
  const type = value.type;
  if (rule.plainOnly ? type !== 'plain_text' : type !== 'plain_text' && type !== 'mrkdwn') {
    issues.add('must be a valid enum value', `${pointer}/type`);
  }
  if (typeof value.text !== 'string') {
    issues.add('must provide a string', `${pointer}/text`);
    return;
  }
  if (value.text.length < 1) issues.add('must be more than 0 characters', `${pointer}/text`);
  if (value.text.length > rule.max) issues.tooLong(rule.max, `${pointer}/text`);
}

export function checkId(value: unknown, pointer: string, issues: Issues): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    issues.add('must provide a string', pointer);
    return;
  }
  if (value.length < 1) issues.add('must be more than 0 characters', pointer);
  if (value.length > LIMITS.id) issues.tooLong(LIMITS.id, pointer);
}

export function checkInteger(
  value: unknown,
  min: number,
  max: number,
  pointer: string,
  issues: Issues,
): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.add('must provide an integer', pointer);
    return false;
  }
  if (value < min) issues.add(`must be greater than or equal to ${min}`, pointer);
  if (value > max) issues.add(`must be less than or equal to ${max}`, pointer);
  return value >= min && value <= max;
}

export function checkElement(
  element: unknown,
  pointer: string,
  issues: Issues,
  actionIds: Set<string>,
): void {
  if (!isObj(element)) {
    issues.add('must provide an object', pointer);
    return;
  }
  checkId(element.action_id, `${pointer}/action_id`, issues);
  if (typeof element.action_id === 'string') {
    if (actionIds.has(element.action_id)) issues.add('duplicate action_id', `${pointer}/action_id`);
    actionIds.add(element.action_id);
  }
  switch (element.type) {
    case 'button': {
      checkTextObject(
        element.text,
        `${pointer}/text`,
        { max: LIMITS.buttonText, plainOnly: true, required: true },
        issues,
      );
      if (element.value !== undefined) {
        if (typeof element.value !== 'string') issues.add('must provide a string', `${pointer}/value`);
        else if (element.value.length > LIMITS.buttonValue)
          issues.tooLong(LIMITS.buttonValue, `${pointer}/value`);
      }
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
        issues.add('must be a valid enum value', `${pointer}/style`);
      }
      break;
    }
    case 'plain_text_input': {
      const maxOk = checkInteger(
        element.max_length,
        1,
        LIMITS.inputMaxLength,
        `${pointer}/max_length`,
        issues,
      );
      const minOk = checkInteger(
        element.min_length,
        0,
        LIMITS.inputMaxLength,
        `${pointer}/min_length`,
        issues,
      );
      const max =
        typeof element.max_length === 'number' && maxOk ? element.max_length : LIMITS.inputMaxLength;
      if (minOk && typeof element.min_length === 'number' && element.min_length > max) {
        issues.add('min_length must be less than or equal to max_length', `${pointer}/min_length`);
      }
      if (element.initial_value !== undefined) {
        if (typeof element.initial_value !== 'string') {
          issues.add('must provide a string', `${pointer}/initial_value`);
        } else if (element.initial_value.length > max) {
          issues.tooLong(max, `${pointer}/initial_value`);
        }
      }
      checkTextObject(
        element.placeholder,
        `${pointer}/placeholder`,
        { max: LIMITS.placeholder, plainOnly: true },
        issues,
      );
      break;
    }
    case 'users_select': {
      if (element.initial_user !== undefined && typeof element.initial_user !== 'string') {
        issues.add('must provide a string', `${pointer}/initial_user`);
      }
      checkTextObject(
        element.placeholder,
        `${pointer}/placeholder`,
        { max: LIMITS.placeholder, plainOnly: true },
        issues,
      );
      break;
    }
    case 'static_select':
    case 'radio_buttons':
    case 'checkboxes':
    case 'overflow': {
      const options = element.options;
      if (options === undefined) break;
      if (!Array.isArray(options)) {
        issues.add('must provide an array', `${pointer}/options`);
        break;
      }
      const max =
        element.type === 'static_select'
          ? LIMITS.selectOptions
          : element.type === 'overflow'
            ? LIMITS.overflowOptions
            : LIMITS.checkboxOptions;
      if (options.length > max) issues.add(`no more than ${max} items allowed`, `${pointer}/options`);
      options.forEach((option: unknown, i) => {
        const at = `${pointer}/options/${i}`;
        if (!isObj(option)) {
          issues.add('must provide an object', at);
          return;
        }
        checkTextObject(option.text, `${at}/text`, { max: LIMITS.optionText, required: true }, issues);
        if (typeof option.value === 'string' && option.value.length > LIMITS.optionValue) {
          issues.tooLong(LIMITS.optionValue, `${at}/value`);
        }
      });
      // Slack refuses an initial option that is not one of the options.
      const initial = element.initial_option;
      if (isObj(initial) && !options.some((o) => isObj(o) && o.value === initial.value)) {
        issues.add('initial_option must match one of the options', `${pointer}/initial_option`);
      }
      break;
    }
    case 'file_input': {
      checkInteger(element.max_files, 1, 10, `${pointer}/max_files`, issues);
      if (
        element.filetypes !== undefined &&
        (!Array.isArray(element.filetypes) || element.filetypes.some((t) => typeof t !== 'string'))
      ) {
        issues.add('must provide an array of strings', `${pointer}/filetypes`);
      }
      break;
    }
    default:
      if (typeof element.type !== 'string') issues.add('missing required field: type', `${pointer}/type`);
  }
}
