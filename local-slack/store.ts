// What the local Slack holds: conversations, ephemerals, views, people and files, plus the short-lived
// triggers and response URLs. Every change a person could see is announced (the sandbox's live page and its
// persistence listen), and the visible part is saved and restored as JSON (`snapshot`, `restore`).

import { dmIdFor } from './ids.ts';
import type {
  EphemeralMessage,
  LocalSlackChange,
  LocalSlackState,
  OpenedView,
  SharedFile,
  StandinUser,
  StoredMessage,
} from './types.ts';

interface ChannelStore {
  list: StoredMessage[];
  byTs: Map<string, StoredMessage>;
}

export interface Trigger {
  user: string;
  issuedAt: number;
  used: boolean;
}

export interface ResponseUrlState {
  user: string;
  channel: string;
  createdAt: number;
  uses: number;
  /** The message a block_actions response_url may replace (replace_original). */
  original?: { channel: string; ts: string; ephemeral: boolean };
}

export interface StoredFile {
  file: SharedFile;
  bytes?: Buffer;
  /** Where files.completeUploadExternal shared it. */
  channel?: string;
}

export class SlackStore {
  readonly views = new Map<string, OpenedView>();
  readonly users = new Map<string, StandinUser>();
  readonly triggers = new Map<string, Trigger>();
  /** By URL path. */
  readonly responseUrls = new Map<string, ResponseUrlState>();
  readonly files = new Map<string, StoredFile>();
  private readonly channels = new Map<string, ChannelStore>();
  private readonly dmUsers = new Map<string, string>(); // D id -> user id
  private readonly ephemeralStore = new Map<string, EphemeralMessage>(); // `${channel}/${ts}`
  private readonly externalIds = new Map<string, string>(); // external_id -> view id
  private readonly homeViews = new Map<string, string>(); // user -> view id
  private readonly modalStacks = new Map<string, string[]>(); // user -> open modal ids, root first
  private readonly listeners = new Set<(change: LocalSlackChange) => void>();

  /** Calls `listener` after every visible change; returns the unsubscribe function. */
  onChange(listener: (change: LocalSlackChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(change: LocalSlackChange): void {
    for (const listener of this.listeners) listener(change);
  }

  // ---------------------------------------------------------------- conversations

  messages(channel: string): StoredMessage[] {
    return [...(this.channels.get(channel)?.list ?? [])];
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.channels.get(channel)?.byTs.get(ts);
  }

  /** A thread: the parent then its replies. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.messages(channel).filter((m) => m.ts === threadTs || m.thread_ts === threadTs);
  }

  addMessage(message: StoredMessage): void {
    let s = this.channels.get(message.channel);
    if (!s) {
      s = { list: [], byTs: new Map() };
      this.channels.set(message.channel, s);
    }
    s.list.push(message);
    s.byTs.set(message.ts, message);
    this.changed({ kind: 'message', message });
  }

  /**
   * A user's DM with the bot: the same id in every instance, so a restored history keeps its channel. In a
   * workspace other than the local Slack's own (`teamId` given), the same user id is another person with
   * another DM.
   */
  dmChannelFor(userId: string, teamId?: string): string {
    const id = dmIdFor(teamId ? `${teamId}/${userId}` : userId);
    this.dmUsers.set(id, userId);
    return id;
  }

  isKnownDm(channel: string): boolean {
    return this.dmUsers.has(channel);
  }

  addEphemeral(message: EphemeralMessage): void {
    this.ephemeralStore.set(`${message.channel}/${message.ts}`, message);
    this.changed({ kind: 'ephemeral', message });
  }

  ephemeral(channel: string, ts: string): EphemeralMessage | undefined {
    return this.ephemeralStore.get(`${channel}/${ts}`);
  }

  /** Ephemerals `userId` sees in `channel`, oldest first. */
  ephemeralsFor(userId: string, channel: string): EphemeralMessage[] {
    return [...this.ephemeralStore.values()].filter((m) => m.to === userId && m.channel === channel);
  }

  // ---------------------------------------------------------------- views

  homeView(userId: string): OpenedView | undefined {
    const id = this.homeViews.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }

  setHomeView(view: OpenedView): void {
    this.homeViews.set(view.user, view.id);
    this.addView(view);
  }

  /** The modal the user currently sees (top of their stack). */
  openModal(userId: string): OpenedView | undefined {
    const stack = this.modalStacks.get(userId);
    const id = stack?.[stack.length - 1];
    return id === undefined ? undefined : this.views.get(id);
  }

  modalStack(userId: string): string[] {
    return this.modalStacks.get(userId) ?? [];
  }

  viewByExternalId(externalId: string): OpenedView | undefined {
    const id = this.externalIds.get(externalId);
    return id === undefined ? undefined : this.views.get(id);
  }

  hasExternalId(externalId: string): boolean {
    return this.externalIds.has(externalId);
  }

  /** A modal on top of the user's stack (views.open after closing the stack, views.push, response_action push). */
  pushModal(view: OpenedView): void {
    this.modalStacks.set(view.user, [...this.modalStack(view.user), view.id]);
    this.addView(view);
  }

  addView(v: OpenedView): void {
    this.views.set(v.id, v);
    const externalId = typeof v.view.external_id === 'string' ? v.view.external_id : '';
    if (externalId) {
      v.external_id = externalId;
      this.externalIds.set(externalId, v.id);
    }
    this.changed({ kind: 'view', view: v });
  }

  replaceView(current: OpenedView, view: Record<string, unknown>, hash: string): void {
    if (current.external_id) this.externalIds.delete(current.external_id);
    current.external_id = undefined;
    current.view = view;
    current.hash = hash;
    this.addView(current);
  }

  /** Closes the user's whole stack, or only its top view (`onlyTop`, the modal's own close or submit). */
  closeStack(user: string, onlyTop = false): void {
    const stack = this.modalStack(user);
    const closing = onlyTop ? stack.slice(-1) : stack;
    this.modalStacks.set(user, onlyTop ? stack.slice(0, -1) : []);
    for (const id of closing) {
      const view = this.views.get(id);
      if (!view) continue;
      view.closed = true;
      this.changed({ kind: 'view', view });
    }
  }

  // ---------------------------------------------------------------- people

  setUser(user: StandinUser): void {
    const copy = { ...user };
    this.users.set(user.id, copy);
    this.changed({ kind: 'user', user: copy });
  }

  // ---------------------------------------------------------------- saving and restoring

  /** What a person would see again after a restart: messages, ephemerals, home tabs, people and files. */
  snapshot(): LocalSlackState {
    return {
      version: 1,
      users: [...this.users.values()],
      messages: [...this.channels.values()].flatMap((c) => c.list),
      ephemerals: [...this.ephemeralStore.values()],
      homeViews: [...this.homeViews.values()].flatMap((id) => this.views.get(id) ?? []),
      files: [...this.files.values()].map(({ file, bytes }) => ({
        ...file,
        ...(bytes ? { base64: bytes.toString('base64') } : {}),
      })),
    };
  }

  /** Loads a snapshot into an empty store. Modals are not restored: Slack closes them when the client reloads. */
  restore(state: LocalSlackState): void {
    for (const user of state.users) this.users.set(user.id, user);
    for (const message of state.messages) {
      if (message.channel.startsWith('D')) {
        const owner = state.users.find((u) => dmIdFor(u.id) === message.channel);
        if (owner) this.dmUsers.set(message.channel, owner.id);
      }
      let s = this.channels.get(message.channel);
      if (!s) {
        s = { list: [], byTs: new Map() };
        this.channels.set(message.channel, s);
      }
      s.list.push(message);
      s.byTs.set(message.ts, message);
    }
    for (const message of state.ephemerals)
      this.ephemeralStore.set(`${message.channel}/${message.ts}`, message);
    for (const home of state.homeViews) {
      this.views.set(home.id, home);
      this.homeViews.set(home.user, home.id);
    }
    for (const { base64, ...file } of state.files) {
      this.files.set(file.id, {
        file,
        ...(base64 === undefined ? {} : { bytes: Buffer.from(base64, 'base64') }),
      });
    }
  }

  /** The latest ts in the store, so new ones are issued after it even if the clock went back. */
  latestTs(): string | undefined {
    let latest: string | undefined;
    for (const c of this.channels.values())
      for (const m of c.list) if (latest === undefined || Number(m.ts) > Number(latest)) latest = m.ts;
    for (const m of this.ephemeralStore.values())
      if (latest === undefined || Number(m.ts) > Number(latest)) latest = m.ts;
    return latest;
  }
}
