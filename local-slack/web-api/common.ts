// What every Web API family shares: the answer shapes, the local Slack it works on, and the checks of message
// content that chat.* and response_url posts both apply.

import { BLOCK_KIT_LIMITS as LIMITS } from '../block-kit-limits.ts';
import type { Workspace } from '../build-payloads.ts';
import type { TsClock } from '../ids.ts';
import { randomId } from '../ids.ts';
import type { SlackStore } from '../store.ts';
import { validateBlocks } from '../validate.ts';

export type Obj = Record<string, unknown>;
export type Result = Obj & { ok: boolean };

/** The local Slack as the Web API methods see it. */
export interface Core {
  store: SlackStore;
  workspace: Workspace;
  /** Milliseconds since the epoch, from the injected clock. */
  now: () => number;
  ts: TsClock;
  /** http://127.0.0.1:PORT, once listening. */
  baseUrl: () => string;
  /** Set when the calling token is another workspace's (an OAuth install): its people have their own DMs. */
  foreignTeam?: string;
}

export type Method = (core: Core, args: Obj) => Result;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const ok = (fields: Obj = {}): Result => ({ ok: true, ...fields });
export const fail = (error: string, messages: string[] = []): Result =>
  messages.length > 0 ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
export const missing = (field: string): Result =>
  fail('invalid_arguments', [`[ERROR] missing required field: ${field}`]);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const newHash = (core: Core): string => `${Math.floor(core.now() / 1000)}.${randomId('', 8)}`;

/** A channel id the bot may post to: a U/W user id becomes their DM; D ids must be issued; C/G ids pass. */
export function resolveChannel(core: Core, value: unknown, allowUser: boolean): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^[UW][A-Z0-9]+$/.test(value))
    return allowUser ? core.store.dmChannelFor(value, core.foreignTeam) : undefined;
  if (/^D[A-Z0-9]+$/.test(value)) return core.store.isKnownDm(value) ? value : undefined;
  if (/^[CG][A-Z0-9]+$/.test(value)) return value;
  return undefined;
}

/** Shared checks of message content: text, blocks, attachments. */
export function checkContent(
  args: Obj,
  requireSome: boolean,
): Result | { text?: string; blocks?: unknown[] } {
  if (args.text !== undefined && typeof args.text !== 'string') return fail('invalid_arguments');
  const text = str(args.text);
  let blocks: unknown[] | undefined;
  if (args.blocks !== undefined) {
    if (!Array.isArray(args.blocks))
      return fail('invalid_blocks', ['[ERROR] must provide an array [json-pointer:/blocks]']);
    const problems = validateBlocks(args.blocks, '/blocks', LIMITS.messageBlocks);
    if (problems.length > 0) return fail('invalid_blocks', problems);
    blocks = withGeneratedIds(args.blocks);
  }
  if (args.attachments !== undefined && !Array.isArray(args.attachments)) return fail('invalid_attachments');
  const hasAttachments = Array.isArray(args.attachments) && args.attachments.length > 0;
  if (requireSome && !text && !(blocks && blocks.length > 0) && !hasAttachments) return fail('no_text');
  if (text !== undefined && text.length > LIMITS.messageText) return fail('msg_too_long');
  return { text, blocks };
}

/** Blocks as Slack stores them: every block gets a block_id and every interactive element an action_id. */
function withGeneratedIds(blocks: unknown[]): unknown[] {
  const copy = structuredClone(blocks) as Obj[];
  for (const block of copy) {
    if (!isObj(block)) continue;
    if (block.block_id === undefined) block.block_id = randomId('', 5);
    const elements: unknown[] = [];
    if (Array.isArray(block.elements) && block.type === 'actions') elements.push(...block.elements);
    if (block.accessory !== undefined) elements.push(block.accessory);
    if (block.element !== undefined) elements.push(block.element);
    for (const el of elements) {
      if (isObj(el) && el.action_id === undefined) el.action_id = randomId('', 5);
    }
  }
  return copy;
}
