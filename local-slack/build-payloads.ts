// The bodies Slack sends to an app in HTTP mode, built field for field as Slack builds them
// (slash commands form-encoded; block_actions and view_submission as form `payload=<json>`; events as JSON).

import { stringify } from 'node:querystring';
import { fileInputValue } from './file-input.ts';
import type { OpenedView, StoredMessage } from './types.ts';

export interface Workspace {
  teamId: string;
  teamDomain: string;
  appId: string;
  botId: string;
  botUserId: string;
  /** The deprecated verification token Slack still sends in every payload. */
  verificationToken: string;
  /** auth.test's `team`; default 'Stand-in Workspace'. */
  teamName?: string;
  /** Set for a workspace in an Enterprise Grid organization, and for an org-wide install. */
  enterpriseId?: string;
  /** An org-wide install: `teamId` is then the enterprise id. */
  isEnterpriseInstall?: boolean;
}

type Obj = Record<string, unknown>;

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function slashCommandBody(
  ws: Workspace,
  p: {
    command: string;
    text: string;
    userId: string;
    userName: string;
    channelId: string;
    channelName: string;
    responseUrl: string;
    triggerId: string;
  },
): string {
  // Field order as Slack sends it (see the signed test vector in SLACK.md).
  return stringify({
    token: ws.verificationToken,
    team_id: ws.teamId,
    team_domain: ws.teamDomain,
    channel_id: p.channelId,
    channel_name: p.channelName,
    user_id: p.userId,
    user_name: p.userName,
    command: p.command,
    text: p.text,
    api_app_id: ws.appId,
    ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId } : {}),
    is_enterprise_install: ws.isEnterpriseInstall ? 'true' : 'false',
    response_url: p.responseUrl,
    trigger_id: p.triggerId,
  });
}

export function interactivityBody(payload: Obj): string {
  return stringify({ payload: JSON.stringify(payload) });
}

export function userRef(ws: Workspace, userId: string, userName: string): Obj {
  return { id: userId, username: userName, name: userName, team_id: ws.teamId };
}

/** A message as it appears in a block_actions payload (and in chat.postMessage's answer). */
export function messageOutput(ws: Workspace, m: StoredMessage): Obj {
  const out: Obj = {
    user: m.user,
    type: 'message',
    ts: m.ts,
    bot_id: m.user === ws.botUserId ? ws.botId : undefined,
    app_id: m.user === ws.botUserId ? ws.appId : undefined,
    text: m.text,
    team: ws.teamId,
    blocks: m.blocks,
  };
  if (m.thread_ts !== undefined) {
    out.thread_ts = m.thread_ts;
    out.parent_user_id = ws.botUserId;
  }
  if (m.reply_count !== undefined) {
    out.thread_ts = m.ts;
    out.reply_count = m.reply_count;
  }
  if (m.edited) out.edited = { user: m.user, ts: m.ts };
  if (m.metadata !== undefined) out.metadata = m.metadata;
  if (m.files !== undefined) out.files = m.files;
  return out;
}

/** A view as Slack returns it from views.* and sends it in view payloads. */
export function viewOutput(ws: Workspace, v: OpenedView, stateValues: Obj = {}): Obj {
  const raw = v.view;
  const out: Obj = {
    id: v.id,
    team_id: ws.teamId,
    type: v.type,
    blocks: raw.blocks ?? [],
    private_metadata: raw.private_metadata ?? '',
    callback_id: raw.callback_id ?? '',
    state: { values: stateValues },
    hash: v.hash,
    title: raw.title ?? null,
    clear_on_close: raw.clear_on_close ?? false,
    notify_on_close: raw.notify_on_close ?? false,
    close: raw.close ?? null,
    submit: raw.submit ?? null,
    previous_view_id: v.previous_view_id,
    root_view_id: v.root_view_id,
    app_id: ws.appId,
    external_id: raw.external_id ?? '',
    app_installed_team_id: ws.teamId,
    bot_id: ws.botId,
  };
  return out;
}

export function buttonAction(block: Obj, element: Obj, actionTs: string): Obj {
  const action: Obj = {
    action_id: element.action_id,
    block_id: block.block_id,
    text: element.text,
    type: 'button',
    action_ts: actionTs,
  };
  if (element.value !== undefined) action.value = element.value;
  if (element.style !== undefined) action.style = element.style;
  if (element.url !== undefined) action.url = element.url;
  return action;
}

export function eventEnvelope(ws: Workspace, event: Obj, eventId: string, eventTime: number): Obj {
  return {
    token: ws.verificationToken,
    team_id: ws.teamId,
    context_team_id: ws.teamId,
    context_enterprise_id: null,
    api_app_id: ws.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: ws.teamId,
        user_id: ws.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(eventId).toString('base64url')}`,
  };
}

/** Every button in a blocks array, with the block holding it. */
export function* buttonsIn(blocks: unknown[]): Generator<{ block: Obj; element: Obj }> {
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const b = block as Obj;
    const candidates: unknown[] = [];
    if (Array.isArray(b.elements)) candidates.push(...b.elements);
    if (b.accessory !== undefined) candidates.push(b.accessory);
    for (const el of candidates) {
      if (typeof el === 'object' && el !== null && (el as Obj).type === 'button')
        yield { block: b, element: el as Obj };
    }
  }
}

/** What a person enters in one input: text or one choice (a string), several choices (strings), or nothing. */
export type TypedValue = string | readonly string[] | null;

/**
 * view.state.values as Slack sends them on submission: one entry per input block, holding what the user typed
 * or chose (`typed`), or else the element's initial value (`initial_value`, `initial_option(s)`,
 * `initial_time`), or else nothing. Each element type answers in its own field, as Slack's do:
 * `value` (plain_text_input), `selected_option` (static_select, radio_buttons), `selected_options`
 * (checkboxes, multi_static_select), `selected_time` (timepicker), `selected_user` (users_select).
 */
export function stateValuesFor(
  blocks: unknown[],
  typed: Record<string, Record<string, TypedValue>>,
  /** A person's uploaded file by id, as Slack's file object (file_input values are file ids). */
  fileOf: (id: string) => Obj | undefined = () => undefined,
): { values: Record<string, Record<string, Obj>>; problems: string[] } {
  const values: Record<string, Record<string, Obj>> = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    const b = block as Obj;
    if (b?.type !== 'input' || typeof b.block_id !== 'string') continue;
    const el = b.element as Obj;
    const actionId = el.action_id as string;
    seen.add(b.block_id);
    const given = typed[b.block_id];
    if (given !== undefined && !(actionId in given)) {
      problems.push(
        `input block ${b.block_id} holds action_id ${actionId}, not ${Object.keys(given).join(', ')}`,
      );
    }
    const entered = given !== undefined && actionId in given;
    const value: TypedValue = entered ? (given[actionId] ?? null) : null;
    const label = `${b.block_id}/${actionId}`;
    const required = b.optional !== true;
    const options = Array.isArray(el.options) ? (el.options as Obj[]) : [];
    const option = (v: string) => {
      const found = options.find((o) => o.value === v);
      if (!found) problems.push(`${label} has no option with value ${v}`);
      return found;
    };
    if (el.type === 'plain_text_input') {
      const initial = typeof el.initial_value === 'string' ? el.initial_value : null;
      const text = entered ? (typeof value === 'string' ? value : '') : (initial ?? '');
      if (entered && Array.isArray(value)) problems.push(`${label} takes text, not a list`);
      if (required && text.length === 0) problems.push(`${label} is required but empty`);
      if (typeof el.max_length === 'number' && text.length > el.max_length) {
        problems.push(`${label} is longer than max_length ${el.max_length}`);
      }
      if (typeof el.min_length === 'number' && text.length > 0 && text.length < el.min_length) {
        problems.push(`${label} is shorter than min_length ${el.min_length}`);
      }
      values[b.block_id] = { [actionId]: { type: 'plain_text_input', value: text.length > 0 ? text : null } };
    } else if (el.type === 'static_select' || el.type === 'radio_buttons') {
      if (entered && Array.isArray(value)) problems.push(`${label} takes one choice, not a list`);
      const initial = (el.initial_option as Obj | undefined) ?? null;
      const selected = entered ? (typeof value === 'string' ? (option(value) ?? null) : null) : initial;
      if (required && selected === null) problems.push(`${label} is required but nothing is selected`);
      values[b.block_id] = { [actionId]: { type: el.type, selected_option: selected } };
    } else if (el.type === 'checkboxes' || el.type === 'multi_static_select') {
      if (entered && typeof value === 'string') problems.push(`${label} takes a list of choices`);
      const initial = Array.isArray(el.initial_options) ? (el.initial_options as Obj[]) : [];
      const selected = entered
        ? (Array.isArray(value) ? value : []).flatMap((v: string) => option(v) ?? [])
        : initial;
      if (required && selected.length === 0) problems.push(`${label} is required but nothing is selected`);
      values[b.block_id] = { [actionId]: { type: el.type, selected_options: selected } };
    } else if (el.type === 'users_select') {
      // The picker offers people by name and submits the user id chosen.
      if (entered && Array.isArray(value)) problems.push(`${label} takes one person, not a list`);
      const initial = typeof el.initial_user === 'string' ? el.initial_user : null;
      const user = entered ? (typeof value === 'string' ? value : null) : initial;
      if (required && user === null) problems.push(`${label} is required but no one is selected`);
      values[b.block_id] = { [actionId]: { type: 'users_select', selected_user: user } };
    } else if (el.type === 'timepicker') {
      if (entered && Array.isArray(value)) problems.push(`${label} takes one time, not a list`);
      const initial = typeof el.initial_time === 'string' ? el.initial_time : null;
      const time = entered ? (typeof value === 'string' ? value : null) : initial;
      // The client's picker only offers HH:mm times.
      if (time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
        problems.push(`${label}: ${time} is not HH:mm`);
      if (required && time === null) problems.push(`${label} is required but no time is chosen`);
      values[b.block_id] = { [actionId]: { type: 'timepicker', selected_time: time } };
    } else if (el.type === 'file_input') {
      values[b.block_id] = { [actionId]: fileInputValue(el, label, value, required, fileOf, problems) };
    } else {
      values[b.block_id] = { [actionId]: { type: el.type, value } };
    }
  }
  for (const blockId of Object.keys(typed)) {
    if (!seen.has(blockId)) problems.push(`the view has no input block ${blockId}`);
  }
  return { values, problems };
}

/** The team id that keeps another workspace's DMs apart; undefined for the local Slack's own workspace. */
export function foreignTeam(home: Workspace, workspace: Workspace | undefined): string | undefined {
  return workspace && workspace.teamId !== home.teamId ? workspace.teamId : undefined;
}

/** The button a person clicks: the first matching one, or an error listing the buttons there are. */
export function findButton(
  blocks: unknown[],
  p: { actionId: string; blockId?: string; value?: string },
  where: string,
): { block: Obj; element: Obj } {
  const all = [...buttonsIn(blocks)];
  const matches = all.filter(
    ({ block, element }) =>
      element.action_id === p.actionId &&
      (p.blockId === undefined || block.block_id === p.blockId) &&
      (p.value === undefined || element.value === p.value),
  );
  const found = matches[0];
  if (!found) {
    const have = all.map(
      ({ block, element }) =>
        `${String(block.block_id)}/${String(element.action_id)}=${String(element.value)}`,
    );
    throw new Error(
      `no button ${p.blockId ?? '*'}/${p.actionId}${p.value === undefined ? '' : `=${p.value}`} in ${where}; buttons there: ${have.join(', ') || 'none'}`,
    );
  }
  return found;
}
