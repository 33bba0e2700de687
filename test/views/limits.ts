// Structural checks shared by the view tests: walk a Block Kit tree, collect every text object and id, and
// report each place where Slack would refuse the payload or render it broken. The numbers are Slack's
// (see /work/shared/SLACK.md and Slack's Block Kit reference), in the local Slack's one table
// (local-slack/block-kit-limits.ts) rather than in the code under test, so a builder and its check cannot
// drift together.

import { BLOCK_KIT_LIMITS } from '../../local-slack/index.ts';

/** Slack's Block Kit limits: the local Slack's table, which the bot's code never imports. */
export const MAX = BLOCK_KIT_LIMITS;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An `&` that does not open a whole `&amp;`, `&lt;` or `&gt;`: a half escape, or an unescaped `&`. */
export const HALF_ENTITY = /&(?!amp;|lt;|gt;)/;

/**
 * A `<` that does not open a control sequence this bot writes on purpose (`<!date^…|…>`, and a mention of
 * one user by id, `<@U123>`, as Ask a colleague names the asker and the reviewer). Slack parses any other
 * `<…>` as a link or mention, even inside backticks, so a stray one is a bug.
 */
export const STRAY_ANGLE = /<(?!!date\^\d+\^[^|<>]+\|[^<>]+>|@[UW][A-Z0-9]+>)/;

/** Raw mentions that must never come out of user text. */
export const RAW_MENTION = /<!(?:channel|here|everyone)>|<@U/;

export interface TextObject {
  path: string;
  type: 'plain_text' | 'mrkdwn';
  text: string;
  /** The largest length Slack accepts at this place. */
  max: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function limitFor(ownerType: unknown, key: string): number {
  if (ownerType === 'header' && key === 'text') return MAX.headerText;
  if (ownerType === 'button' && key === 'text') return MAX.buttonText;
  if (ownerType === 'modal' && (key === 'title' || key === 'submit' || key === 'close')) return MAX.viewTitle;
  if (ownerType === 'input' && (key === 'label' || key === 'hint')) return MAX.inputLabel;
  if (key === 'placeholder') return MAX.placeholder;
  return MAX.sectionText;
}

/** Every text object under `node`, with the limit of the place it sits in. */
export function textObjects(node: unknown): TextObject[] {
  const found: TextObject[] = [];
  const visit = (value: unknown, path: string, ownerType: unknown, key: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${path}/${i}`, ownerType, key);
      });
      return;
    }
    if (!isObj(value)) return;
    if ((value.type === 'plain_text' || value.type === 'mrkdwn') && typeof value.text === 'string') {
      found.push({ path, type: value.type, text: value.text, max: limitFor(ownerType, key) });
      return;
    }
    for (const [k, v] of Object.entries(value)) visit(v, `${path}/${k}`, value.type, k);
  };
  visit(node, '', undefined, '');
  return found;
}

/** Every callback_id, block_id and action_id under `node`. */
export function ids(node: unknown): Array<{ path: string; key: string; value: unknown }> {
  const found: Array<{ path: string; key: string; value: unknown }> = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${path}/${i}`);
      });
      return;
    }
    if (!isObj(value)) return;
    for (const [k, v] of Object.entries(value)) {
      if (k === 'callback_id' || k === 'block_id' || k === 'action_id')
        found.push({ path, key: k, value: v });
      visit(v, `${path}/${k}`);
    }
  };
  visit(node, '');
  return found;
}

/** Problems with text that is shown as-is (a modal's input value, a message's fallback). */
function checkShownText(text: string, where: string): string[] {
  return LONE_SURROGATE.test(text) ? [`${where}: lone UTF-16 surrogate`] : [];
}

const OPTION_LIMITS = new Map<string, number>([
  ['checkboxes', MAX.checkboxOptions],
  ['radio_buttons', MAX.checkboxOptions],
  ['static_select', MAX.selectOptions],
  ['multi_static_select', MAX.selectOptions],
  ['overflow', 5],
]);

/**
 * Problems with elements that carry options: how many, each option's text and value, and initial options
 * that are not exactly among the options (Slack refuses the view then).
 */
function optionProblems(node: unknown): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${path}/${i}`);
      });
      return;
    }
    if (!isObj(value)) return;
    const limit = typeof value.type === 'string' ? OPTION_LIMITS.get(value.type) : undefined;
    if (limit !== undefined) {
      const options = Array.isArray(value.options) ? value.options : [];
      if (options.length === 0) problems.push(`${path}: no options`);
      if (options.length > limit) problems.push(`${path}: ${options.length} options > ${limit}`);
      const values = new Set<unknown>();
      for (const [i, o] of options.entries()) {
        const text = isObj(o) && isObj(o.text) ? o.text.text : undefined;
        const v = isObj(o) ? o.value : undefined;
        if (typeof text !== 'string' || text.length === 0 || text.length > MAX.optionText) {
          problems.push(`${path}/options/${i}: bad text ${JSON.stringify(text)}`);
        }
        if (typeof v !== 'string' || v.length === 0 || v.length > MAX.optionValue) {
          problems.push(`${path}/options/${i}: bad value ${JSON.stringify(v)}`);
        }
        if (values.has(v)) problems.push(`${path}/options/${i}: repeated value ${JSON.stringify(v)}`);
        values.add(v);
      }
      const initial = [
        ...(Array.isArray(value.initial_options) ? value.initial_options : []),
        ...(value.initial_option === undefined ? [] : [value.initial_option]),
      ];
      for (const o of initial) {
        if (!options.some((x) => JSON.stringify(x) === JSON.stringify(o))) {
          problems.push(`${path}: initial option ${JSON.stringify(o)} is not one of the options`);
        }
      }
    }
    if (value.type === 'button' && typeof value.value === 'string' && value.value.length > MAX.buttonValue) {
      problems.push(`${path}: button value ${value.value.length} > ${MAX.buttonValue}`);
    }
    for (const [k, v] of Object.entries(value)) visit(v, `${path}/${k}`);
  };
  visit(node, '');
  return problems;
}

/** Problems with the text objects and ids of a blocks tree; an empty list means Slack would take it. */
function checkTree(node: unknown): string[] {
  const problems: string[] = optionProblems(node);
  for (const t of textObjects(node)) {
    if (t.text.length === 0) problems.push(`${t.path}: empty text`);
    if (t.text.length > t.max) problems.push(`${t.path}: ${t.text.length} characters > ${t.max}`);
    problems.push(...checkShownText(t.text, t.path));
    if (t.type === 'mrkdwn') {
      if (HALF_ENTITY.test(t.text)) problems.push(`${t.path}: half or missing escape near '&'`);
      const angle = STRAY_ANGLE.exec(t.text);
      if (angle)
        problems.push(
          `${t.path}: stray '<' in ${JSON.stringify(t.text.slice(angle.index, angle.index + 30))}`,
        );
    }
  }
  for (const id of ids(node)) {
    if (typeof id.value !== 'string' || id.value.length === 0 || id.value.length > MAX.id) {
      problems.push(`${id.path}/${id.key}: bad id ${JSON.stringify(id.value)}`);
    }
  }
  return problems;
}

export interface MessageLike {
  text: string;
  blocks: unknown[];
}

/** Everything Slack checks on a message (chat.postMessage, respond) plus well-formed mrkdwn. */
export function messageProblems(m: MessageLike): string[] {
  const problems = checkTree(m.blocks);
  if (m.blocks.length === 0) problems.push('no blocks');
  if (m.blocks.length > MAX.messageBlocks) problems.push(`${m.blocks.length} blocks > ${MAX.messageBlocks}`);
  if (typeof m.text !== 'string' || m.text.trim() === '') problems.push('text fallback missing or empty');
  else if (m.text.length > MAX.messageText)
    problems.push(`text fallback ${m.text.length} > ${MAX.messageText}`);
  else problems.push(...checkShownText(m.text, 'text'));
  return problems;
}

export interface ModalLike {
  type: string;
  callback_id?: string;
  private_metadata?: string;
  blocks: unknown[];
}

/** Everything Slack checks on a modal (views.open, views.update) plus well-formed mrkdwn. */
export function modalProblems(v: ModalLike): string[] {
  const problems = checkTree(v);
  if (v.type !== 'modal') problems.push(`type ${v.type}`);
  if (v.blocks.length > MAX.viewBlocks) problems.push(`${v.blocks.length} blocks > ${MAX.viewBlocks}`);
  if (v.private_metadata !== undefined && v.private_metadata.length > MAX.privateMetadata) {
    problems.push(`private_metadata ${v.private_metadata.length} > ${MAX.privateMetadata}`);
  }
  for (const block of v.blocks) {
    if (!isObj(block) || !isObj(block.element)) continue;
    const value = block.element.initial_value;
    if (typeof value === 'string') {
      problems.push(...checkShownText(value, `${String(block.block_id)}/initial_value`));
    }
  }
  return problems;
}

/** Everything Slack checks on a Home tab view (views.publish) plus well-formed mrkdwn. */
export function homeProblems(v: { type: string; blocks: unknown[] }): string[] {
  const problems = checkTree(v.blocks);
  if (v.type !== 'home') problems.push(`type ${v.type}`);
  if (v.blocks.length > MAX.viewBlocks) problems.push(`${v.blocks.length} blocks > ${MAX.viewBlocks}`);
  return problems;
}

export { shownText } from '../support/shown-text.ts';

/** Inputs that have broken text handling somewhere: each 3,000 characters (Slack's input max_length). */
export const WORST_PARTS = {
  emoji: '😀'.repeat(3000),
  ampersands: '&'.repeat(3000),
  angles: '<'.repeat(3000),
  mentions: '<!channel> '.repeat(272).slice(0, 3000),
  /** Emoji after an odd number of ASCII characters, so a UTF-16 cut lands inside a pair. */
  oddEmoji: `x${'😀'.repeat(2999)}`,
  /** Escapes straddling every cut point: `&amp;` and `&lt;` of different lengths mixed. */
  mixed: 'a&<b'.repeat(750),
} as const;
