// What a test, a benchmark or the sandbox page reads of the local Slack: what each person sees (messages,
// threads, ephemerals, views, files) and what the app called (recorded calls, faults to inject). A base class
// of SlackStandin, apart so that each file stays small; it only reads the store and the recorder.

import { foreignTeam, type Workspace } from './build-payloads.ts';
import type { CallRecorder } from './recorder.ts';
import type { SlackStore } from './store.ts';
import type {
  ApiCall,
  LocalSlackChange,
  LocalSlackState,
  OpenedView,
  ResponseUrlPost,
  StandinUser,
  StoredMessage,
} from './types.ts';

export abstract class StandinInspection {
  constructor(
    readonly workspace: Workspace,
    protected readonly store: SlackStore,
    protected readonly recorder: CallRecorder,
  ) {}

  // ---------------------------------------------------------------- what a person sees

  messages(channel: string): StoredMessage[] {
    return this.store.messages(channel);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.store.message(channel, ts);
  }

  /** An ephemeral message (a response_url post) as its one viewer sees it now. */
  ephemeralMessage(channel: string, ts: string): (StoredMessage & { to: string }) | undefined {
    return this.store.ephemeral(channel, ts);
  }

  /** Ephemerals `userId` sees in `channel`, oldest first. */
  ephemeralsIn(userId: string, channel: string): Array<StoredMessage & { to: string }> {
    return this.store.ephemeralsFor(userId, channel);
  }

  /** A thread: the parent then its replies. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.store.thread(channel, threadTs);
  }

  /** The user's DM with the bot; in another workspace installed by OAuth, that workspace's (own) DM. */
  dmChannelFor(userId: string, workspace?: Workspace): string {
    return this.store.dmChannelFor(userId, foreignTeam(this.workspace, workspace));
  }

  get views(): Map<string, OpenedView> {
    return this.store.views;
  }

  /** The home tab last published for a user. */
  homeView(userId: string): OpenedView | undefined {
    return this.store.homeView(userId);
  }

  /** The modal the user currently sees (top of their stack). */
  openModal(userId: string): OpenedView | undefined {
    return this.store.openModal(userId);
  }

  setUser(user: StandinUser): void {
    this.store.setUser(user);
  }

  user(userId: string): StandinUser | undefined {
    return this.store.users.get(userId);
  }

  /** A file uploaded and shared by the bot, with its bytes. */
  file(fileId: string): { name: string; bytes?: Buffer } | undefined {
    const stored = this.store.files.get(fileId);
    return stored && { name: stored.file.name, bytes: stored.bytes };
  }

  /** Calls `listener` after every visible change (messages, ephemerals, views, people). */
  onChange(listener: (change: LocalSlackChange) => void): () => void {
    return this.store.onChange(listener);
  }

  /** Everything a person would see again after a restart; pass it back as `state` to restore it. */
  snapshot(): LocalSlackState {
    return this.store.snapshot();
  }

  // ---------------------------------------------------------------- inspection (tests, benchmarks)

  get calls(): ApiCall[] {
    return this.recorder.calls;
  }

  get responses(): ResponseUrlPost[] {
    return this.recorder.responses;
  }

  /** Every recorded call to `method`, oldest first (empty when recordCalls is false). */
  callsTo(method: string): ApiCall[] {
    return this.recorder.callsTo(method);
  }

  /** How many calls reached `method` (counted even when recordCalls is false). */
  count(method: string): number {
    return this.recorder.count(method);
  }

  /** Forgets recorded calls, counts, response_url posts and the ephemeral log; keeps messages and views. */
  clearCalls(): void {
    this.recorder.clear();
  }

  /**
   * Ephemerals shown in answer to the app, optionally for one user: response_url posts (method 'response_url')
   * and slash commands answered in their ack (method 'command_ack').
   */
  ephemerals(userId?: string): ApiCall[] {
    const log = this.recorder.ephemeralLog;
    return userId === undefined ? [...log] : log.filter((c) => c.args.user === userId);
  }

  waitFor<T>(probe: () => T | undefined | false, opts: { timeoutMs?: number } = {}): Promise<T> {
    return this.recorder.waitFor(probe, opts);
  }

  waitForCall(
    method: string,
    match: (c: ApiCall) => boolean = () => true,
    opts: { timeoutMs?: number; since?: number } = {},
  ): Promise<ApiCall> {
    return this.recorder.waitForCall(method, match, opts);
  }

  /** `fn` is consulted before each call to `method`; `n` counts calls since this interceptor was set (1-based). */
  intercept(method: string, fn: Parameters<CallRecorder['intercept']>[1]): void {
    this.recorder.intercept(method, fn);
  }

  clearIntercepts(): void {
    this.recorder.clearIntercepts();
  }
}
