// Block Kit checks the stand-in applies as Slack does. Each returns Slack-style messages
// ('[ERROR] ... [json-pointer:/...]'); an empty list means valid. Limits from Slack's Block Kit reference.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const KNOWN_BLOCK_TYPES = new Set([
  'actions',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  viewTitle: 24,
  privateMetadata: 3000,
  id: 255,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  inputLabel: 2000,
  inputMaxLength: 3000,
  placeholder: 150,
  options: 100,
  optionText: 75,
  optionValue: 150,
} as const;

class Issues {
  readonly list: string[] = [];
  add(message: string, pointer: string): void {
    this.list.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  }
  tooLong(max: number, pointer: string): void {
    this.add(`must be less than ${max + 1} characters`, pointer);
  }
}

interface TextRule {
  max: number;
  plainOnly?: boolean;
  required?: boolean;
}

function checkTextObject(value: unknown, pointer: string, rule: TextRule, issues: Issues): void {
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

function checkId(value: unknown, pointer: string, issues: Issues): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    issues.add('must provide a string', pointer);
    return;
  }
  if (value.length < 1) issues.add('must be more than 0 characters', pointer);
  if (value.length > LIMITS.id) issues.tooLong(LIMITS.id, pointer);
}

function checkInteger(value: unknown, min: number, max: number, pointer: string, issues: Issues): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.add('must provide an integer', pointer);
    return false;
  }
  if (value < min) issues.add(`must be greater than or equal to ${min}`, pointer);
  if (value > max) issues.add(`must be less than or equal to ${max}`, pointer);
  return value >= min && value <= max;
}

function checkElement(element: unknown, pointer: string, issues: Issues, actionIds: Set<string>): void {
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
      if (options.length > LIMITS.options)
        issues.add(`no more than ${LIMITS.options} items allowed`, `${pointer}/options`);
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
      break;
    }
    default:
      if (typeof element.type !== 'string') issues.add('missing required field: type', `${pointer}/type`);
  }
}

function checkBlock(block: unknown, pointer: string, issues: Issues): void {
  if (!isObj(block)) {
    issues.add('must provide an object', pointer);
    return;
  }
  if (typeof block.type !== 'string' || !KNOWN_BLOCK_TYPES.has(block.type)) {
    issues.add(`unsupported block type: ${String(block.type)}`, `${pointer}/type`);
    return;
  }
  checkId(block.block_id, `${pointer}/block_id`, issues);
  const actionIds = new Set<string>();
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        issues.add('must provide either text or fields', pointer);
      }
      checkTextObject(block.text, `${pointer}/text`, { max: LIMITS.sectionText }, issues);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) issues.add('must provide an array', `${pointer}/fields`);
        else {
          if (block.fields.length > LIMITS.sectionFields) {
            issues.add(`no more than ${LIMITS.sectionFields} items allowed`, `${pointer}/fields`);
          }
          block.fields.forEach((field: unknown, i) => {
            checkTextObject(
              field,
              `${pointer}/fields/${i}`,
              { max: LIMITS.sectionField, required: true },
              issues,
            );
          });
        }
      }
      if (block.accessory !== undefined)
        checkElement(block.accessory, `${pointer}/accessory`, issues, actionIds);
      break;
    }
    case 'header':
      checkTextObject(
        block.text,
        `${pointer}/text`,
        { max: LIMITS.headerText, plainOnly: true, required: true },
        issues,
      );
      break;
    case 'actions':
    case 'context': {
      const max = block.type === 'actions' ? LIMITS.actionsElements : LIMITS.contextElements;
      if (!Array.isArray(block.elements)) {
        issues.add('missing required field: elements', `${pointer}/elements`);
        break;
      }
      if (block.elements.length < 1) issues.add('must provide at least 1 item', `${pointer}/elements`);
      if (block.elements.length > max) issues.add(`no more than ${max} items allowed`, `${pointer}/elements`);
      block.elements.forEach((element: unknown, i) => {
        const at = `${pointer}/elements/${i}`;
        if (block.type === 'actions') checkElement(element, at, issues, actionIds);
        else if (isObj(element) && element.type !== 'image') {
          checkTextObject(element, at, { max: LIMITS.sectionText, required: true }, issues);
        }
      });
      break;
    }
    case 'input':
      checkTextObject(
        block.label,
        `${pointer}/label`,
        { max: LIMITS.inputLabel, plainOnly: true, required: true },
        issues,
      );
      checkTextObject(block.hint, `${pointer}/hint`, { max: LIMITS.inputLabel, plainOnly: true }, issues);
      if (block.element === undefined) issues.add('missing required field: element', `${pointer}/element`);
      else checkElement(block.element, `${pointer}/element`, issues, actionIds);
      break;
    default:
      break;
  }
}

/** Checks a blocks array (of a message, a modal or a home tab). */
export function validateBlocks(blocks: unknown, pointer: string, maxBlocks: number): string[] {
  const issues = new Issues();
  if (!Array.isArray(blocks)) {
    issues.add('must provide an array', pointer);
    return issues.list;
  }
  if (blocks.length > maxBlocks) issues.add(`no more than ${maxBlocks} items allowed`, pointer);
  const blockIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const at = `${pointer}/${i}`;
    checkBlock(block, at, issues);
    if (isObj(block) && typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) issues.add(`duplicate block_id: ${block.block_id}`, `${at}/block_id`);
      blockIds.add(block.block_id);
    }
  });
  return issues.list;
}

/** Checks a view for views.open / views.update / views.push (modal) or views.publish (home). */
export function validateView(view: unknown, expectedType: 'modal' | 'home'): string[] {
  const issues = new Issues();
  if (!isObj(view)) {
    issues.add('must provide an object', '/view');
    return issues.list;
  }
  if (view.type !== expectedType) {
    issues.add(`must be a valid enum value (expected ${expectedType})`, '/view/type');
    return issues.list;
  }
  if (expectedType === 'modal') {
    const rule = { max: LIMITS.viewTitle, plainOnly: true };
    checkTextObject(view.title, '/view/title', { ...rule, required: true }, issues);
    checkTextObject(view.submit, '/view/submit', rule, issues);
    checkTextObject(view.close, '/view/close', rule, issues);
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((b: unknown) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) {
      issues.add('submit is required when an input block is present', '/view/submit');
    }
  }
  if (view.private_metadata !== undefined) {
    if (typeof view.private_metadata !== 'string')
      issues.add('must provide a string', '/view/private_metadata');
    else if (view.private_metadata.length > LIMITS.privateMetadata) {
      issues.tooLong(LIMITS.privateMetadata, '/view/private_metadata');
    }
  }
  checkId(view.callback_id, '/view/callback_id', issues);
  checkId(view.external_id, '/view/external_id', issues);
  if (view.blocks === undefined) issues.add('missing required field: blocks', '/view/blocks');
  else issues.list.push(...validateBlocks(view.blocks, '/view/blocks', LIMITS.viewBlocks));
  return issues.list;
}
