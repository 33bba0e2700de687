// response_url: where Bolt's respond() posts. Up to 5 posts within 30 minutes; an ephemeral answer by default
// ("Only visible to you"), `in_channel` for everyone, `replace_original` edits the message clicked.

import { randomId } from './ids.ts';
import type { ResponseUrlState } from './store.ts';
import type { EphemeralMessage, StoredMessage } from './types.ts';
import { type Core, checkContent, fail, isObj, ok, type Result } from './web-api/common.ts';

export const RESPONSE_URL_LIMITS = { uses: 5, ttlMs: 30 * 60 * 1000 } as const;

let counter = 0;

export function newResponseUrl(
  core: Core,
  kind: 'commands' | 'actions',
  state: Omit<ResponseUrlState, 'createdAt' | 'uses'>,
): string {
  counter += 1;
  const path = `/${kind}/${core.workspace.teamId}/${Date.now()}${counter}/${randomId('', 24)}`;
  core.store.responseUrls.set(path, { ...state, createdAt: core.now(), uses: 0 });
  return `${core.baseUrl()}${path}`;
}

export interface ResponseUrlOutcome {
  status: number;
  response: Result;
  body: unknown;
  /** The message the post created or replaced. */
  ts?: string;
  /** Set when the post created an ephemeral message. */
  ephemeral?: boolean;
}

/** What Slack does with one post to a response_url. */
export function postToResponseUrl(
  core: Core,
  state: ResponseUrlState,
  contentType: string | undefined,
  raw: string,
): ResponseUrlOutcome {
  state.uses += 1;
  const refuse = (status: number, error: string, body: unknown = raw) => ({
    status,
    response: fail(error),
    body,
  });
  if (core.now() - state.createdAt > RESPONSE_URL_LIMITS.ttlMs) return refuse(404, 'expired_url');
  if (state.uses > RESPONSE_URL_LIMITS.uses) return refuse(404, 'used_url');
  if (!contentType?.startsWith('application/json')) return refuse(400, 'invalid_payload');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return refuse(400, 'invalid_payload');
  }
  if (!isObj(body)) return refuse(400, 'invalid_payload');
  const content = checkContent(body, true);
  if ('ok' in content) return { status: 400, response: content, body };
  const text = content.text ?? '';
  const blocks = content.blocks ?? [];
  const done = (ts: string, ephemeral = false) => ({ status: 200, response: ok(), body, ts, ephemeral });
  const original = state.original;
  const replace = body.replace_original === true || body.replace_original === 'true';
  const target =
    replace && original
      ? original.ephemeral
        ? core.store.ephemeral(original.channel, original.ts)
        : core.store.message(original.channel, original.ts)
      : undefined;
  if (target && original) {
    target.text = text;
    target.blocks = blocks;
    if (original.ephemeral) core.store.changed({ kind: 'ephemeral', message: target as EphemeralMessage });
    else core.store.changed({ kind: 'message', message: target });
    return done(target.ts);
  }
  if (body.response_type === 'in_channel') {
    const message: StoredMessage = {
      channel: state.channel,
      ts: core.ts.next(),
      text,
      blocks,
      user: core.workspace.botUserId,
    };
    core.store.addMessage(message);
    return done(message.ts);
  }
  const message: EphemeralMessage = {
    channel: state.channel,
    ts: core.ts.next(),
    text,
    blocks,
    user: core.workspace.botUserId,
    to: state.user,
  };
  core.store.addEphemeral(message);
  // Later replace_original posts to this url replace this ephemeral, as Slack does for command responses.
  if (!original) state.original = { channel: state.channel, ts: message.ts, ephemeral: true };
  return done(message.ts, true);
}

/**
 * What Slack shows for the body of a slash command's HTTP answer (the ack): a JSON message, ephemeral unless
 * it says in_channel, or plain text as an ephemeral. An empty body shows nothing.
 */
export function showCommandAnswer(
  core: Core,
  to: { user: string; channel: string },
  body: string,
  json: unknown,
): Record<string, unknown> | undefined {
  const message = isObj(json) ? json : body.trim() !== '' ? { text: body } : undefined;
  if (!message) return undefined;
  const content = checkContent(message, true);
  if ('ok' in content) return undefined;
  const shown = {
    channel: to.channel,
    ts: core.ts.next(),
    text: content.text ?? '',
    blocks: content.blocks ?? [],
    user: core.workspace.botUserId,
  };
  if (message.response_type === 'in_channel') {
    core.store.addMessage(shown);
    return undefined;
  }
  core.store.addEphemeral({ ...shown, to: to.user });
  return { ...message, channel: to.channel, user: to.user };
}
