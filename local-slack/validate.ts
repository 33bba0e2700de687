// Block Kit checks the stand-in applies as Slack does. Each returns Slack-style messages
// ('[ERROR] ... [json-pointer:/...]'); an empty list means valid. Limits from Slack's Block Kit reference
// (block-kit-limits.ts).

import { BLOCK_KIT_LIMITS as LIMITS } from './block-kit-limits.ts';
import { checkElement, checkId, checkTextObject, Issues, isObj } from './validate-elements.ts';

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
