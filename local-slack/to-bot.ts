// Slack's side of HTTP mode: signed slash commands, button clicks, view submissions and Events API events
// POSTed to the bot's /slack/events (or delivered over Socket Mode), built from what the local Slack holds.

import { request as httpRequest } from 'node:http';
import {
  buttonAction,
  buttonsIn,
  eventEnvelope,
  FORM,
  foreignTeam,
  interactivityBody,
  JSON_TYPE,
  messageOutput,
  slashCommandBody,
  stateValuesFor,
  type TypedValue,
  userRef,
  viewOutput,
  type Workspace,
} from './build-payloads.ts';
import { randomId, signRequest, triggerId } from './ids.ts';
import { newResponseUrl, showCommandAnswer } from './response-url.ts';
import type { SocketModeLink } from './socket-mode-link.ts';
import type { SignOptions, SlackReply, StoredMessage } from './types.ts';
import type { Core, Obj } from './web-api/common.ts';
import { defaultUserName } from './web-api/users.ts';
import { applyResponseAction } from './web-api/views.ts';

/** Pass as the bot URL to any send method to deliver it over Socket Mode instead of HTTP. */
export const SOCKET_MODE = 'socket-mode:';

export class ToBot {
  private triggerCount = 0;

  constructor(
    private readonly core: Core,
    private readonly signingSecret: string,
    private readonly socketMode: SocketModeLink,
  ) {}

  /** A trigger_id as Slack issues with a command or click: valid once, for 3 s of the clock. */
  newTriggerId(userId = 'U0STANDINUSER'): string {
    this.triggerCount += 1;
    const id = triggerId(this.triggerCount);
    this.core.store.triggers.set(id, { user: userId, issuedAt: this.core.now(), used: false });
    return id;
  }

  private userName(userId: string): string {
    return this.core.store.users.get(userId)?.name ?? defaultUserName(userId);
  }

  private user(userId: string, workspace = this.core.workspace): Obj {
    return userRef(workspace, userId, this.userName(userId));
  }

  /** The user's DM with the bot in `workspace` (another workspace's people have their own DMs). */
  private dm(userId: string, workspace?: Workspace): string {
    return this.core.store.dmChannelFor(userId, foreignTeam(this.core.workspace, workspace));
  }

  /**
   * A slash command from `userId`; by default typed in the user's DM with the bot. Its answer is shown as Slack
   * shows it. `workspace`: sent from another workspace the app is installed in (`standin.oauth.workspaceOf`).
   */
  async slashCommand(
    botUrl: string,
    p: {
      userId: string;
      text?: string;
      command?: string;
      channelId?: string;
      channelName?: string;
      workspace?: Workspace;
    },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const channelId = p.channelId ?? this.dm(p.userId, p.workspace);
    const body = slashCommandBody(p.workspace ?? this.core.workspace, {
      command: p.command ?? '/star',
      text: p.text ?? '',
      userId: p.userId,
      userName: this.userName(p.userId),
      channelId,
      channelName: p.channelName ?? channelName(channelId),
      responseUrl: newResponseUrl(this.core, 'commands', { user: p.userId, channel: channelId }),
      triggerId: this.newTriggerId(p.userId),
    });
    const reply = await this.sendRaw(botUrl, body, FORM, sign);
    if (reply.status === 200)
      showCommandAnswer(this.core, { user: p.userId, channel: channelId }, reply.body, reply.json);
    return reply;
  }

  /**
   * A click on a button of a stored message (or ephemeral). The button is found by action_id (and block_id,
   * and value when several match); the payload carries the message as Slack has it now.
   */
  clickButton(
    botUrl: string,
    p: {
      userId: string;
      channel: string;
      messageTs: string;
      actionId: string;
      blockId?: string;
      value?: string;
      /** Clicked in another workspace the app is installed in. */
      workspace?: Workspace;
    },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const { store } = this.core;
    const workspace = p.workspace ?? this.core.workspace;
    const channel = /^[UW]/.test(p.channel) ? this.dm(p.channel, p.workspace) : p.channel;
    const message = store.message(channel, p.messageTs);
    const ephemeral = message ? undefined : store.ephemeral(channel, p.messageTs);
    const shown = message ?? ephemeral;
    if (!shown) throw new Error(`clickButton: no message ${p.messageTs} in ${channel}`);
    const { block, element } = findButton(shown.blocks, p, `message ${p.messageTs} in ${channel}`);
    const container: Obj = {
      type: 'message',
      message_ts: shown.ts,
      channel_id: channel,
      is_ephemeral: ephemeral !== undefined,
    };
    if (shown.thread_ts !== undefined) container.thread_ts = shown.thread_ts;
    const payload: Obj = {
      type: 'block_actions',
      user: this.user(p.userId, workspace),
      api_app_id: workspace.appId,
      token: workspace.verificationToken,
      container,
      trigger_id: this.newTriggerId(p.userId),
      team: { id: workspace.teamId, domain: workspace.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channel, name: channelName(channel) },
      ...(message ? { message: messageOutput(workspace, message) } : {}),
      state: { values: {} },
      response_url: newResponseUrl(this.core, 'actions', {
        user: p.userId,
        channel,
        original: { channel, ts: shown.ts, ephemeral: ephemeral !== undefined },
      }),
      actions: [buttonAction(block, element, this.core.ts.next())],
    };
    return this.sendRaw(botUrl, interactivityBody(payload), FORM, sign);
  }

  /** A click on a button in an open modal or a published home tab (container type 'view'; no response_url). */
  clickViewButton(
    botUrl: string,
    p: { userId: string; viewId: string; actionId: string; blockId?: string; value?: string },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const { store, workspace } = this.core;
    const view = store.views.get(p.viewId);
    if (!view || view.closed) throw new Error(`clickViewButton: view ${p.viewId} is not open`);
    const blocks = Array.isArray(view.view.blocks) ? view.view.blocks : [];
    const { block, element } = findButton(blocks, p, `view ${p.viewId}`);
    const payload: Obj = {
      type: 'block_actions',
      user: this.user(p.userId),
      api_app_id: workspace.appId,
      token: workspace.verificationToken,
      container: { type: 'view', view_id: view.id },
      trigger_id: this.newTriggerId(p.userId),
      team: { id: workspace.teamId, domain: workspace.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      view: viewOutput(workspace, view),
      actions: [buttonAction(block, element, this.core.ts.next())],
    };
    return this.sendRaw(botUrl, interactivityBody(payload), FORM, sign);
  }

  /**
   * The user submits an open modal. `values` are what they typed, by block_id then action_id; input blocks
   * not mentioned keep their initial_value. What the Slack client itself refuses to submit (a required field
   * empty, text beyond max_length) throws unless `clientChecks: false`. The bot's answer is applied as Slack
   * applies it (bare ack closes, response_action errors/update/push/clear).
   */
  async submitView(
    botUrl: string,
    p: {
      userId: string;
      viewId: string;
      values: Record<string, Record<string, TypedValue>>;
      clientChecks?: boolean;
      /** Submitted in another workspace the app is installed in. */
      workspace?: Workspace;
    },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const { store } = this.core;
    const workspace = p.workspace ?? this.core.workspace;
    const view = store.views.get(p.viewId);
    if (view?.type !== 'modal' || view.closed) throw new Error(`submitView: no open modal ${p.viewId}`);
    if (view.user !== p.userId)
      throw new Error(`submitView: modal ${p.viewId} is shown to ${view.user}, not ${p.userId}`);
    const blocks = Array.isArray(view.view.blocks) ? view.view.blocks : [];
    const { values, problems } = stateValuesFor(blocks, p.values);
    if (problems.length > 0 && p.clientChecks !== false) {
      throw new Error(`submitView: Slack would not submit this: ${problems.join('; ')}`);
    }
    const payload: Obj = {
      type: 'view_submission',
      team: { id: workspace.teamId, domain: workspace.teamDomain },
      user: this.user(p.userId, workspace),
      api_app_id: workspace.appId,
      token: workspace.verificationToken,
      trigger_id: this.newTriggerId(p.userId),
      view: viewOutput(workspace, view, values),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const reply = await this.sendRaw(botUrl, interactivityBody(payload), FORM, sign);
    if (reply.status === 200) applyResponseAction(this.core, view, reply.json);
    return reply;
  }

  /** The user closes a modal (Cancel or Escape): Slack closes it; the bot hears of it only with notify_on_close. */
  closeView(userId: string, viewId: string): void {
    const top = this.core.store.openModal(userId);
    if (top?.id === viewId) this.core.store.closeStack(userId, true);
  }

  /** An Events API event in its event_callback envelope; `event_ts` is filled in when the event lacks one. */
  sendEvent(
    botUrl: string,
    event: Record<string, unknown>,
    p: { eventId?: string; retryNum?: number; retryReason?: string; workspace?: Workspace } = {},
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const full = event.event_ts === undefined ? { ...event, event_ts: this.core.ts.next() } : event;
    const envelope = eventEnvelope(
      p.workspace ?? this.core.workspace,
      full,
      p.eventId ?? randomId('Ev0', 9),
      Math.floor(this.core.now() / 1000),
    );
    const headers: Record<string, string> = {};
    if (p.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(p.retryNum);
      headers['x-slack-retry-reason'] = p.retryReason ?? 'http_timeout';
    }
    return this.sendRaw(botUrl, JSON.stringify(envelope), JSON_TYPE, sign, headers);
  }

  /** A person types in their DM with the bot: the message appears there, and a `message` event (im) is sent. */
  async userMessage(
    botUrl: string,
    p: { userId: string; text: string; workspace?: Workspace },
  ): Promise<SlackReply> {
    const channel = this.dm(p.userId, p.workspace);
    const message: StoredMessage = {
      channel,
      ts: this.core.ts.next(),
      text: p.text,
      blocks: [],
      user: p.userId,
    };
    this.core.store.addMessage(message);
    return this.sendEvent(
      botUrl,
      {
        type: 'message',
        channel,
        channel_type: 'im',
        user: p.userId,
        text: p.text,
        ts: message.ts,
        event_ts: message.ts,
      },
      { workspace: p.workspace },
    );
  }

  /** A person changes their time zone: stored for users.info, and a `user_change` event is sent. */
  userChange(botUrl: string, p: { userId: string; tz: string }): Promise<SlackReply> {
    const current = this.core.store.users.get(p.userId) ?? { id: p.userId };
    const { tz_label: _label, tz_offset: _offset, ...rest } = current;
    this.core.store.setUser({ ...rest, tz: p.tz });
    return this.sendEvent(botUrl, {
      type: 'user_change',
      user: {
        id: p.userId,
        team_id: this.core.workspace.teamId,
        name: this.userName(p.userId),
        real_name: current.real_name ?? this.userName(p.userId),
        tz: p.tz,
        deleted: current.deleted ?? false,
      },
      cache_ts: Math.floor(this.core.now() / 1000),
    });
  }

  /** Slack's url_verification handshake. */
  urlVerification(botUrl: string, challenge: string, sign?: SignOptions): Promise<SlackReply> {
    const body = JSON.stringify({
      token: this.core.workspace.verificationToken,
      challenge,
      type: 'url_verification',
    });
    return this.sendRaw(botUrl, body, JSON_TYPE, sign);
  }

  /**
   * Sends any body, signed with the signing secret at the real current time (the bot checks against its own
   * wall clock, not the injected one) unless `sign` says otherwise.
   */
  async sendRaw(
    botUrl: string,
    body: string,
    contentType: string,
    sign: SignOptions = {},
    extraHeaders: Record<string, string> = {},
  ): Promise<SlackReply> {
    const headers: Record<string, string> = {
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      accept: 'application/json,*/*',
      ...extraHeaders,
    };
    if (!sign.omit) {
      const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = signRequest(sign.secret ?? this.signingSecret, timestamp, body);
    }
    if (botUrl === SOCKET_MODE) return this.socketMode.deliver(body, contentType, headers);
    const started = performance.now();
    const { status, text } = await post(botUrl, headers, body);
    const reply: SlackReply = { status, body: text, ms: performance.now() - started };
    if (text.length > 0) {
      try {
        reply.json = JSON.parse(text);
      } catch {
        // not JSON: a plain-text ack or an error page
      }
    }
    return reply;
  }
}

function channelName(channelId: string): string {
  return channelId.startsWith('D') ? 'directmessage' : channelId.toLowerCase();
}

function findButton(
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

function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection per request (no keep-alive): a bot restarted between requests never sees a stale socket.
    const req = httpRequest(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
