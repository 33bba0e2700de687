// Slack's side of HTTP mode: signed slash commands, button clicks, view submissions and Events API events
// POSTed to the bot's /slack/events (or delivered over Socket Mode), built from what the local Slack holds.

import {
  buttonAction,
  FORM,
  findButton,
  interactivityBody,
  messageOutput,
  slashCommandBody,
  stateValuesFor,
  type TypedValue,
  viewOutput,
  type Workspace,
} from './build-payloads.ts';
import { EventsToBot } from './events-to-bot.ts';
import { triggerId } from './ids.ts';
import type { CallRecorder } from './recorder.ts';
import { newResponseUrl, showCommandAnswer } from './response-url.ts';
import { selectAction } from './select-action.ts';
import type { SocketModeLink } from './socket-mode-link.ts';
import type { OpenedView, SignOptions, SlackReply } from './types.ts';
import type { Core, Obj } from './web-api/common.ts';
import { fileObject } from './web-api/files.ts';
import { applyResponseAction } from './web-api/views.ts';

/** Slack's side of interactivity: slash commands, clicks and view submissions (events: EventsToBot). */
export class ToBot extends EventsToBot {
  private triggerCount = 0;

  constructor(
    core: Core,
    signingSecret: string,
    socketMode: SocketModeLink,
    /** Logs what the user saw: a command answered in its ack is an ephemeral, as Slack shows it. */
    private readonly recorder: CallRecorder,
  ) {
    super(core, signingSecret, socketMode);
  }

  /** A trigger_id as Slack issues with a command or click: valid once, for 3 s of the clock. */
  newTriggerId(userId = 'U0STANDINUSER'): string {
    this.triggerCount += 1;
    const id = triggerId(this.triggerCount);
    this.core.store.triggers.set(id, { user: userId, issuedAt: this.core.now(), used: false });
    return id;
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
    if (reply.status !== 200) return reply;
    const shown = showCommandAnswer(
      this.core,
      { user: p.userId, channel: channelId },
      reply.body,
      reply.json,
    );
    if (shown) this.recorder.shownEphemeral('command_ack', { args: shown, response: {} });
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
    const { store } = this.core;
    const view = store.views.get(p.viewId);
    if (!view || view.closed) throw new Error(`clickViewButton: view ${p.viewId} is not open`);
    const blocks = Array.isArray(view.view.blocks) ? view.view.blocks : [];
    const { block, element } = findButton(blocks, p, `view ${p.viewId}`);
    const payload = this.viewAction(p.userId, view, buttonAction(block, element, this.core.ts.next()));
    return this.sendRaw(botUrl, interactivityBody(payload), FORM, sign);
  }

  /**
   * A pick in a select of an open modal or a published home tab, outside an input block (an actions block or
   * a section's accessory): `value` is the option's value. Sent at once as a block action, as Slack does.
   */
  pickViewOption(
    botUrl: string,
    p: { userId: string; viewId: string; actionId: string; blockId?: string; value: string },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const { store } = this.core;
    const view = store.views.get(p.viewId);
    if (!view || view.closed) throw new Error(`pickViewOption: view ${p.viewId} is not open`);
    const blocks = Array.isArray(view.view.blocks) ? view.view.blocks : [];
    const action = selectAction(blocks, p, this.core.ts.next(), `view ${p.viewId}`);
    return this.sendRaw(botUrl, interactivityBody(this.viewAction(p.userId, view, action)), FORM, sign);
  }

  /** A block action in an open view, as Slack sends it: the view's state and a fresh trigger. */
  private viewAction(userId: string, view: OpenedView, action: Obj): Obj {
    const { workspace } = this.core;
    return {
      type: 'block_actions',
      user: this.user(userId),
      api_app_id: workspace.appId,
      token: workspace.verificationToken,
      container: { type: 'view', view_id: view.id },
      trigger_id: this.newTriggerId(userId),
      team: { id: workspace.teamId, domain: workspace.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      view: viewOutput(workspace, view),
      actions: [action],
    };
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
    const { values, problems } = stateValuesFor(blocks, p.values, (id) => {
      const stored = store.files.get(id);
      return stored?.file.uploadedBy === p.userId ? fileObject(stored.file) : undefined;
    });
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
}

function channelName(channelId: string): string {
  return channelId.startsWith('D') ? 'directmessage' : channelId.toLowerCase();
}
