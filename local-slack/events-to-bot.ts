// Slack's side of the Events API (events POSTed to the bot's /slack/events or sent over Socket Mode), and
// the signed sending ToBot builds its interactivity on.

import { eventEnvelope, foreignTeam, JSON_TYPE, userRef, type Workspace } from './build-payloads.ts';
import { randomId } from './ids.ts';
import { sendSigned, type Transport } from './send-signed.ts';
import type { SocketModeLink } from './socket-mode-link.ts';
import type { SignOptions, SlackReply, StoredMessage } from './types.ts';
import type { Core, Obj } from './web-api/common.ts';
import { defaultUserName } from './web-api/users.ts';

export class EventsToBot {
  private readonly transport: Transport;

  constructor(
    protected readonly core: Core,
    signingSecret: string,
    socketMode: SocketModeLink,
  ) {
    this.transport = { signingSecret, socketMode };
  }

  protected userName(userId: string): string {
    return this.core.store.users.get(userId)?.name ?? defaultUserName(userId);
  }

  protected user(userId: string, workspace = this.core.workspace): Obj {
    return userRef(workspace, userId, this.userName(userId));
  }

  /** The user's DM with the bot in `workspace` (another workspace's people have their own DMs). */
  protected dm(userId: string, workspace?: Workspace): string {
    return this.core.store.dmChannelFor(userId, foreignTeam(this.core.workspace, workspace));
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
  sendRaw(
    botUrl: string,
    body: string,
    contentType: string,
    sign: SignOptions = {},
    extraHeaders: Record<string, string> = {},
  ): Promise<SlackReply> {
    return sendSigned(this.transport, botUrl, body, contentType, sign, extraHeaders);
  }
}
