// A stand-in of Slack on loopback for the project's tests and benchmarks.
// It answers the Web API at `apiUrl` (point Bolt's `clientOptions.slackApiUrl` at it), checks what real Slack
// checks, records every call, injects faults on request, and plays Slack's side of HTTP mode: signed slash
// commands, button clicks, view submissions and Events API events sent to the bot's /slack/events URL.

import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQs } from 'node:querystring';
import { setTimeout as sleep } from 'node:timers/promises';
import { dmIdFor, randomId, signRequest, TsClock, triggerId, zoneFacts } from './slack-standin-ids.ts';
import {
  buttonAction,
  buttonsIn,
  eventEnvelope,
  FORM,
  interactivityBody,
  JSON_TYPE,
  messageOutput,
  slashCommandBody,
  stateValuesFor,
  userRef,
  viewOutput,
  type Workspace,
} from './slack-standin-payloads.ts';
import type {
  ApiCall,
  Fault,
  Interceptor,
  OpenedView,
  ResponseUrlPost,
  SignOptions,
  SlackReply,
  StandinOptions,
  StandinUser,
  StoredMessage,
} from './slack-standin-types.ts';
import { LIMITS, validateBlocks, validateView } from './slack-standin-validate.ts';
import { SocketModeLink } from './socket-mode-link.ts';

export { signRequest } from './slack-standin-ids.ts';
export type {
  ApiCall,
  Fault,
  Interceptor,
  OpenedView,
  ResponseUrlPost,
  SignOptions,
  SlackReply,
  StandinOptions,
  StandinUser,
  StoredMessage,
} from './slack-standin-types.ts';

type Obj = Record<string, unknown>;
type Result = Obj & { ok: boolean };

/** Slack's deadlines and limits the stand-in enforces (SLACK.md). */
export const SLACK_LIMITS = {
  triggerTtlMs: 3000,
  responseUrlUses: 5,
  responseUrlTtlMs: 30 * 60 * 1000,
  viewStack: 3,
  ...LIMITS,
} as const;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ok = (fields: Obj = {}): Result => ({ ok: true, ...fields });
const fail = (error: string, messages: string[] = []): Result =>
  messages.length > 0 ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
const missing = (field: string): Result =>
  fail('invalid_arguments', [`[ERROR] missing required field: ${field}`]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Fields WebClient sends as plain text even when they look like JSON. */
const TEXT_ARGS = new Set(['text', 'markdown_text', 'fallback']);

interface ChannelStore {
  list: StoredMessage[];
  byTs: Map<string, StoredMessage>;
}
interface EphemeralMessage extends StoredMessage {
  /** The one user who sees it. */
  to: string;
}
interface Trigger {
  user: string;
  issuedAt: number;
  used: boolean;
}
interface ResponseUrlState {
  user: string;
  channel: string;
  createdAt: number;
  uses: number;
  /** The message a block_actions response_url may replace or delete (replace_original / delete_original). */
  original?: { channel: string; ts: string; ephemeral: boolean };
}

/** Pass as the bot URL to any send method to deliver it over Socket Mode instead of HTTP. */
export const SOCKET_MODE = 'socket-mode:';

export async function startSlackStandin(opts: StandinOptions): Promise<SlackStandin> {
  const standin = new SlackStandin(opts);
  await standin.listen();
  return standin;
}

export class SlackStandin {
  readonly calls: ApiCall[] = [];
  readonly views = new Map<string, OpenedView>();
  readonly responses: ResponseUrlPost[] = [];
  readonly workspace: Workspace;
  readonly signingSecret: string;
  readonly botToken: string;

  private baseUrl = '';
  private readonly server: Server;
  private readonly appToken: string | undefined;
  /** Slack's end of Socket Mode; send to it with the `SOCKET_MODE` pseudo-URL in place of a bot URL. */
  readonly socketMode: SocketModeLink;
  private readonly now: () => number;
  private readonly recordCalls: boolean;
  private readonly ts: TsClock;
  private readonly callsByMethod = new Map<string, ApiCall[]>();
  private readonly counts = new Map<string, number>();
  private readonly interceptors = new Map<string, { fn: Interceptor; n: number }>();
  private readonly users = new Map<string, StandinUser>();
  private readonly channels = new Map<string, ChannelStore>();
  private readonly channelNames = new Map<string, string>();
  private readonly dmUsers = new Map<string, string>(); // D id -> user id
  private readonly ephemeralStore = new Map<string, EphemeralMessage>(); // `${channel}/${ts}`
  private readonly ephemeralLog: ApiCall[] = [];
  private readonly triggers = new Map<string, Trigger>();
  private triggerCount = 0;
  private readonly responseUrls = new Map<string, ResponseUrlState>(); // by path
  private readonly externalIds = new Map<string, string>(); // external_id -> view id
  private readonly homeViews = new Map<string, string>(); // user -> view id
  private readonly modalStacks = new Map<string, string[]>(); // user -> open modal ids, root first
  private readonly handlers: Record<string, (args: Obj) => Result>;

  constructor(opts: StandinOptions) {
    this.signingSecret = opts.signingSecret;
    this.botToken = opts.botToken ?? 'xoxb-test';
    this.now = opts.now ?? Date.now;
    this.recordCalls = opts.recordCalls ?? true;
    this.ts = new TsClock(this.now);
    this.workspace = {
      teamId: opts.teamId ?? 'T0STANDIN',
      teamDomain: 'standin',
      appId: 'A0STANDIN',
      botId: 'B0STANDIN',
      botUserId: opts.botUserId ?? 'U0STANDINBOT',
      verificationToken: 'standin-verification-token',
    };
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.appToken = opts.appToken;
    this.socketMode = new SocketModeLink(this.server);
    this.handlers = {
      'auth.test': () => this.authTest(),
      'chat.postMessage': (a) => this.postMessage(a),
      'chat.postEphemeral': (a) => this.postEphemeral(a),
      'chat.update': (a) => this.update(a),
      'chat.delete': (a) => this.deleteMessage(a),
      'views.open': (a) => this.viewsOpen(a, false),
      'views.push': (a) => this.viewsOpen(a, true),
      'views.update': (a) => this.viewsUpdate(a),
      'views.publish': (a) => this.viewsPublish(a),
      'users.info': (a) => this.usersInfo(a),
      'conversations.open': (a) => this.conversationsOpen(a),
    };
  }

  /** @internal started by startSlackStandin */
  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  /** Base URL of the Web API, for `clientOptions.slackApiUrl`: http://127.0.0.1:PORT/api/ */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async close(): Promise<void> {
    await this.socketMode.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- inspection

  /** Every recorded call to `method`, oldest first (empty when recordCalls is false). */
  callsTo(method: string): ApiCall[] {
    return this.callsByMethod.get(method) ?? [];
  }

  /** How many calls reached `method` (counted even when recordCalls is false). */
  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Forgets recorded calls, counts, response_url posts and the ephemeral log; keeps messages and views. */
  clearCalls(): void {
    this.calls.length = 0;
    this.callsByMethod.clear();
    this.counts.clear();
    this.responses.length = 0;
    this.ephemeralLog.length = 0;
  }

  messages(channel: string): StoredMessage[] {
    return [...(this.channels.get(channel)?.list ?? [])];
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.channels.get(channel)?.byTs.get(ts);
  }

  /** An ephemeral message (chat.postEphemeral or a response_url post) as its one viewer sees it now. */
  ephemeralMessage(channel: string, ts: string): (StoredMessage & { to: string }) | undefined {
    return this.ephemeralStore.get(`${channel}/${ts}`);
  }

  /** A thread: the parent then its replies. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.messages(channel).filter((m) => m.ts === threadTs || m.thread_ts === threadTs);
  }

  dmChannelFor(userId: string): string {
    const id = dmIdFor(userId);
    this.dmUsers.set(id, userId);
    return id;
  }

  /** Successful chat.postEphemeral calls and ephemeral response_url posts (method 'response_url'), optionally for one user. */
  ephemerals(userId?: string): ApiCall[] {
    return userId === undefined
      ? [...this.ephemeralLog]
      : this.ephemeralLog.filter((c) => c.args.user === userId);
  }

  /** The home tab last published for a user. */
  homeView(userId: string): OpenedView | undefined {
    const id = this.homeViews.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }

  /** The modal the user currently sees (top of their stack). */
  openModal(userId: string): OpenedView | undefined {
    const stack = this.modalStacks.get(userId);
    const id = stack?.[stack.length - 1];
    return id === undefined ? undefined : this.views.get(id);
  }

  setUser(user: StandinUser): void {
    this.users.set(user.id, { ...user });
  }

  setChannelName(channelId: string, name: string): void {
    this.channelNames.set(channelId, name);
  }

  /**
   * Polls `probe` every 10 ms until it returns something truthy. A probe that throws (an `expect`) counts as
   * not yet; on timeout the last throw and the recent Web API calls are in the error.
   */
  async waitFor<T>(probe: () => T | undefined | false, opts: { timeoutMs?: number } = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const started = performance.now();
    let lastError: unknown;
    for (;;) {
      try {
        const value = probe();
        if (value) return value;
      } catch (error) {
        lastError = error;
      }
      if (performance.now() - started >= timeoutMs) {
        const why = lastError instanceof Error ? `\nLast probe error: ${lastError.message}` : '';
        throw new Error(`waitFor timed out after ${timeoutMs} ms.${why}\n${this.describeRecent()}`);
      }
      await sleep(10);
    }
  }

  /** The first call to `method` (from index `since` of callsTo(method)) that `match` accepts. */
  waitForCall(
    method: string,
    match: (c: ApiCall) => boolean = () => true,
    opts: { timeoutMs?: number; since?: number } = {},
  ): Promise<ApiCall> {
    if (!this.recordCalls) return Promise.reject(new Error('waitForCall needs recordCalls: true'));
    const since = opts.since ?? 0;
    return this.waitFor(() => {
      const list = this.callsTo(method);
      for (let i = since; i < list.length; i++) {
        const call = list[i];
        if (call && match(call)) return call;
      }
      return undefined;
    }, opts).catch((error: Error) => {
      throw new Error(`waitForCall('${method}'): ${error.message}`);
    });
  }

  private describeRecent(): string {
    const counts = [...this.counts].map(([m, n]) => `${m}×${n}`).join(', ') || 'none';
    if (!this.recordCalls) return `Calls per method: ${counts}`;
    const recent = this.calls.slice(-10).map((c) => {
      const outcome = c.response.ok ? 'ok' : `error=${String(c.response.error)}`;
      const args = JSON.stringify(c.args);
      return `  ${c.method} ${c.status} ${outcome} ${args.length > 200 ? `${args.slice(0, 200)}…` : args}`;
    });
    return `Calls per method: ${counts}\nLast ${recent.length} Web API calls:\n${recent.join('\n') || '  (none)'}\nresponse_url posts: ${this.responses.length}`;
  }

  // ---------------------------------------------------------------- fault injection

  /** `fn` is consulted before each call to `method`; `n` counts calls since this interceptor was set (1-based). */
  intercept(method: string, fn: Interceptor): void {
    this.interceptors.set(method, { fn, n: 0 });
  }

  clearIntercepts(): void {
    this.interceptors.clear();
  }

  // ---------------------------------------------------------------- HTTP server

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.route(req, res, body).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`stand-in failure: ${error instanceof Error ? error.stack : String(error)}`);
      });
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    if (path.startsWith('/api/')) {
      return this.handleApi(req, res, path.slice('/api/'.length), body, q === -1 ? '' : url.slice(q + 1));
    }
    if (this.responseUrls.has(path) && req.method === 'POST')
      return this.handleResponseUrl(req, res, path, body);
    send(res, 404, { ok: false, error: 'not_found' });
  }

  private async handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    body: string,
    query: string,
  ): Promise<void> {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    const args = decodeArgs(req.headers['content-type'], body, query);
    let fault: Fault | undefined;
    const interceptor = this.interceptors.get(method);
    if (interceptor) {
      interceptor.n += 1;
      fault = interceptor.fn({ args, n: interceptor.n });
    }
    if (fault?.delayMs) await sleep(fault.delayMs);

    if (fault && 'status' in fault && fault.status === 429) {
      const response = { ok: false, error: 'ratelimited' };
      this.record(method, args, 429, response);
      return send(res, 429, response, { 'retry-after': String(fault.retryAfter) });
    }
    if (fault && 'status' in fault) {
      const response = { ok: false, error: `http_${fault.status}` };
      this.record(method, args, fault.status, response);
      return send(res, fault.status, response);
    }
    let response: Result;
    if (fault && 'error' in fault) response = fail(fault.error);
    else response = this.answer(method, req.headers.authorization, args);
    this.record(method, args, 200, response);
    send(res, 200, response);
  }

  private answer(method: string, authorization: string | undefined, args: Obj): Result {
    if (args.__invalid_json === true) return fail('invalid_json');
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? str(args.token);
    if (!token) return fail('not_authed');
    if (method === 'apps.connections.open') {
      return this.appToken && token === this.appToken
        ? ok({ url: this.socketMode.url })
        : fail('invalid_auth');
    }
    if (token !== this.botToken) return fail('invalid_auth');
    const handler = this.handlers[method];
    if (!handler) return fail('unknown_method');
    return handler(args);
  }

  private record(method: string, args: Obj, status: number, response: Obj): ApiCall {
    const call: ApiCall = { method, args, at: this.now(), status, response };
    if (this.recordCalls) {
      this.calls.push(call);
      let list = this.callsByMethod.get(method);
      if (!list) {
        list = [];
        this.callsByMethod.set(method, list);
      }
      list.push(call);
    }
    return call;
  }

  // ---------------------------------------------------------------- Web API methods

  private authTest(): Result {
    const ws = this.workspace;
    return ok({
      url: `https://${ws.teamDomain}.slack.com/`,
      team: 'Stand-in Workspace',
      user: 'star-drill',
      team_id: ws.teamId,
      user_id: ws.botUserId,
      bot_id: ws.botId,
      is_enterprise_install: false,
    });
  }

  /** A channel id the bot may post to: a U/W user id becomes their DM; D ids must be issued; C/G ids pass. */
  private resolveChannel(value: unknown, allowUser: boolean): string | undefined {
    if (typeof value !== 'string') return undefined;
    if (/^[UW][A-Z0-9]+$/.test(value)) return allowUser ? this.dmChannelFor(value) : undefined;
    if (/^D[A-Z0-9]+$/.test(value)) return this.dmUsers.has(value) ? value : undefined;
    if (/^[CG][A-Z0-9]+$/.test(value)) return value;
    return undefined;
  }

  /** Shared checks of message content: text, blocks, attachments. */
  private checkContent(args: Obj, requireSome: boolean): Result | { text?: string; blocks?: unknown[] } {
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
    if (args.attachments !== undefined && !Array.isArray(args.attachments))
      return fail('invalid_attachments');
    const hasAttachments = Array.isArray(args.attachments) && args.attachments.length > 0;
    if (requireSome && !text && !(blocks && blocks.length > 0) && !hasAttachments) return fail('no_text');
    if (text !== undefined && text.length > LIMITS.messageText) return fail('msg_too_long');
    return { text, blocks };
  }

  private store(channel: string): ChannelStore {
    let s = this.channels.get(channel);
    if (!s) {
      s = { list: [], byTs: new Map() };
      this.channels.set(channel, s);
    }
    return s;
  }

  private postMessage(args: Obj): Result {
    if (args.channel === undefined) return fail('channel_not_found');
    const channel = this.resolveChannel(args.channel, true);
    if (!channel) return fail('channel_not_found');
    const content = this.checkContent(args, true);
    if ('ok' in content) return content;
    const store = this.store(channel);
    let parent: StoredMessage | undefined;
    if (args.thread_ts !== undefined && args.thread_ts !== '') {
      parent = typeof args.thread_ts === 'string' ? store.byTs.get(args.thread_ts) : undefined;
      if (!parent || parent.thread_ts !== undefined) return fail('thread_not_found');
    }
    const message: StoredMessage = {
      channel,
      ts: this.ts.next(),
      text: content.text ?? '',
      blocks: content.blocks ?? [],
      user: this.workspace.botUserId,
    };
    if (parent) {
      message.thread_ts = parent.ts;
      parent.reply_count = (parent.reply_count ?? 0) + 1;
    }
    if (args.metadata !== undefined) message.metadata = args.metadata;
    store.list.push(message);
    store.byTs.set(message.ts, message);
    return ok({ channel, ts: message.ts, message: messageOutput(this.workspace, message) });
  }

  private postEphemeral(args: Obj): Result {
    if (args.channel === undefined) return fail('channel_not_found');
    const channel = this.resolveChannel(args.channel, true);
    if (!channel) return fail('channel_not_found');
    if (typeof args.user !== 'string' || args.user === '') return missing('user');
    if (!/^[UW][A-Z0-9]+$/.test(args.user)) return fail('user_not_found');
    const content = this.checkContent(args, true);
    if ('ok' in content) return content;
    const message = this.storeEphemeral(channel, args.user, content.text ?? '', content.blocks ?? []);
    if (args.thread_ts !== undefined) message.thread_ts = String(args.thread_ts);
    this.ephemeralLog.push({
      method: 'chat.postEphemeral',
      args,
      at: this.now(),
      status: 200,
      response: { ok: true, message_ts: message.ts },
    });
    return ok({ message_ts: message.ts });
  }

  private storeEphemeral(channel: string, to: string, text: string, blocks: unknown[]): EphemeralMessage {
    const message: EphemeralMessage = {
      channel,
      ts: this.ts.next(),
      text,
      blocks,
      user: this.workspace.botUserId,
      to,
    };
    this.ephemeralStore.set(`${channel}/${message.ts}`, message);
    return message;
  }

  private update(args: Obj): Result {
    // chat.update wants the conversation id that chat.postMessage returned; a user id is not one.
    const channel = this.resolveChannel(args.channel, false);
    if (!channel) return fail('channel_not_found');
    if (typeof args.ts !== 'string') return missing('ts');
    const message = this.channels.get(channel)?.byTs.get(args.ts);
    if (!message) return fail('message_not_found');
    const content = this.checkContent(args, true);
    if ('ok' in content) return content;
    // Slack keeps what an update leaves out: omitted blocks stay, omitted text stays.
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks !== undefined) message.blocks = content.blocks;
    if (args.metadata !== undefined) message.metadata = args.metadata;
    message.edited = true;
    return ok({
      channel,
      ts: message.ts,
      text: message.text,
      message: messageOutput(this.workspace, message),
    });
  }

  private deleteMessage(args: Obj): Result {
    const channel = this.resolveChannel(args.channel, false);
    if (!channel) return fail('channel_not_found');
    if (typeof args.ts !== 'string' || !this.removeMessage(channel, args.ts))
      return fail('message_not_found');
    return ok({ channel, ts: args.ts });
  }

  private removeMessage(channel: string, ts: string): boolean {
    const store = this.channels.get(channel);
    const message = store?.byTs.get(ts);
    if (!store || !message) return false;
    store.byTs.delete(ts);
    store.list.splice(store.list.indexOf(message), 1);
    return true;
  }

  private viewsOpen(args: Obj, push: boolean): Result {
    if (typeof args.trigger_id !== 'string') return missing('trigger_id');
    const trigger = this.triggers.get(args.trigger_id);
    if (!trigger) return fail('invalid_trigger_id');
    if (trigger.used) return fail('exchanged_trigger_id');
    if (this.now() - trigger.issuedAt > SLACK_LIMITS.triggerTtlMs) return fail('expired_trigger_id');
    if (args.view === undefined) return missing('view');
    const problems = validateView(args.view, 'modal');
    if (problems.length > 0) return fail('invalid_arguments', problems);
    const view = args.view as Obj;
    const stack = push ? (this.modalStacks.get(trigger.user) ?? []) : [];
    if (stack.length >= SLACK_LIMITS.viewStack) return fail('push_limit_reached');
    if (typeof view.external_id === 'string' && this.externalIds.has(view.external_id)) {
      return fail('duplicate_external_id');
    }
    trigger.used = true;
    if (!push) this.closeStack(trigger.user);
    const id = randomId('V');
    const opened: OpenedView = {
      id,
      user: trigger.user,
      view,
      hash: this.newHash(),
      trigger: args.trigger_id,
      type: 'modal',
      root_view_id: stack[0] ?? id,
      previous_view_id: stack[stack.length - 1] ?? null,
      closed: false,
    };
    this.addView(opened);
    this.modalStacks.set(trigger.user, [...stack, id]);
    return ok({ view: viewOutput(this.workspace, opened) });
  }

  private addView(v: OpenedView): void {
    this.views.set(v.id, v);
    const externalId = str(v.view.external_id);
    if (externalId) {
      v.external_id = externalId;
      this.externalIds.set(externalId, v.id);
    }
  }

  private closeStack(user: string, onlyTop = false): void {
    const stack = this.modalStacks.get(user) ?? [];
    const closing = onlyTop ? stack.slice(-1) : stack;
    for (const id of closing) {
      const view = this.views.get(id);
      if (view) view.closed = true;
    }
    this.modalStacks.set(user, onlyTop ? stack.slice(0, -1) : []);
  }

  private viewsUpdate(args: Obj): Result {
    const id =
      str(args.view_id) ||
      (typeof args.external_id === 'string' ? this.externalIds.get(args.external_id) : undefined);
    const current = id === undefined ? undefined : this.views.get(id);
    if (!current) return fail('not_found');
    if (args.hash !== undefined && args.hash !== current.hash) return fail('hash_conflict');
    if (args.view === undefined) return missing('view');
    const problems = validateView(args.view, current.type);
    if (problems.length > 0) return fail('invalid_arguments', problems);
    this.replaceView(current, args.view as Obj);
    return ok({ view: viewOutput(this.workspace, current) });
  }

  private replaceView(current: OpenedView, view: Obj): void {
    if (current.external_id) this.externalIds.delete(current.external_id);
    current.external_id = undefined;
    current.view = view;
    current.hash = this.newHash();
    this.addView(current);
  }

  private viewsPublish(args: Obj): Result {
    if (typeof args.user_id !== 'string' || args.user_id === '') return missing('user_id');
    if (args.view === undefined) return missing('view');
    const problems = validateView(args.view, 'home');
    if (problems.length > 0) return fail('invalid_arguments', problems);
    const existing = this.homeView(args.user_id);
    if (existing && args.hash !== undefined && args.hash !== existing.hash) return fail('hash_conflict');
    if (existing) {
      this.replaceView(existing, args.view as Obj);
      return ok({ view: viewOutput(this.workspace, existing) });
    }
    const id = randomId('V');
    const home: OpenedView = {
      id,
      user: args.user_id,
      view: args.view as Obj,
      hash: this.newHash(),
      trigger: '',
      type: 'home',
      root_view_id: id,
      previous_view_id: null,
      closed: false,
    };
    this.addView(home);
    this.homeViews.set(args.user_id, id);
    return ok({ view: viewOutput(this.workspace, home) });
  }

  private usersInfo(args: Obj): Result {
    if (typeof args.user !== 'string') return missing('user');
    const user = this.users.get(args.user);
    if (!user) return fail('user_not_found');
    return ok({ user: this.userObject(user) });
  }

  private userObject(user: StandinUser): Obj {
    const tz = user.tz ?? 'America/Los_Angeles';
    const facts = zoneFacts(tz, this.now());
    const name = user.name ?? defaultUserName(user.id);
    const realName = user.real_name ?? name;
    return {
      id: user.id,
      team_id: this.workspace.teamId,
      name,
      deleted: user.deleted ?? false,
      real_name: realName,
      tz,
      tz_label: user.tz_label ?? facts?.tz_label ?? tz,
      tz_offset: user.tz_offset ?? facts?.tz_offset ?? 0,
      is_admin: false,
      is_owner: false,
      is_bot: user.is_bot ?? false,
      is_app_user: false,
      updated: Math.floor(this.now() / 1000),
      profile: { real_name: realName, display_name: name, team: this.workspace.teamId },
    };
  }

  private conversationsOpen(args: Obj): Result {
    if (typeof args.channel === 'string') {
      const channel = this.resolveChannel(args.channel, false);
      return channel ? ok({ channel: { id: channel } }) : fail('channel_not_found');
    }
    const users = str(args.users)
      ?.split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (!users || users.length === 0) return fail('users_list_not_supplied');
    if (users.some((u) => !/^[UW][A-Z0-9]+$/.test(u))) return fail('user_not_found');
    if (users.length > 1) return fail('standin_unsupported', ['[ERROR] the stand-in opens 1:1 DMs only']);
    const [user] = users as [string];
    return ok({ channel: { id: this.dmChannelFor(user), is_im: true, user } });
  }

  private newHash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomId('', 8)}`;
  }

  // ---------------------------------------------------------------- response_url

  private newResponseUrl(
    kind: 'commands' | 'actions',
    state: Omit<ResponseUrlState, 'createdAt' | 'uses'>,
  ): string {
    const path = `/${kind}/${this.workspace.teamId}/${Date.now()}${this.triggerCount}/${randomId('', 24)}`;
    this.responseUrls.set(path, { ...state, createdAt: this.now(), uses: 0 });
    return `${this.baseUrl}${path}`;
  }

  private handleResponseUrl(req: IncomingMessage, res: ServerResponse, path: string, raw: string): void {
    const state = this.responseUrls.get(path) as ResponseUrlState;
    const url = `${this.baseUrl}${path}`;
    state.uses += 1;
    const outcome = this.responseUrlOutcome(state, req.headers['content-type'], raw, url);
    const post: ResponseUrlPost = { url, body: outcome.body, status: outcome.status, at: this.now() };
    if (outcome.ts !== undefined) post.ts = outcome.ts;
    this.responses.push(post);
    send(res, outcome.status, outcome.response);
  }

  /** What Slack does with one post to a response_url. */
  private responseUrlOutcome(
    state: ResponseUrlState,
    contentType: string | undefined,
    raw: string,
    url: string,
  ): { status: number; response: Result; body: unknown; ts?: string } {
    const refuse = (status: number, error: string, body: unknown = raw) => ({
      status,
      response: fail(error),
      body,
    });
    if (this.now() - state.createdAt > SLACK_LIMITS.responseUrlTtlMs) return refuse(404, 'expired_url');
    if (state.uses > SLACK_LIMITS.responseUrlUses) return refuse(404, 'used_url');
    if (!contentType?.startsWith(JSON_TYPE)) return refuse(400, 'invalid_payload');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refuse(400, 'invalid_payload');
    }
    if (!isObj(body)) return refuse(400, 'invalid_payload');
    const done = (ts?: string) => ({ status: 200, response: ok(), body, ts });
    const original = state.original;
    if (body.delete_original === true || body.delete_original === 'true') {
      if (original?.ephemeral) this.ephemeralStore.delete(`${original.channel}/${original.ts}`);
      else if (original) this.removeMessage(original.channel, original.ts);
      return done();
    }
    const content = this.checkContent(body, true);
    if ('ok' in content) return { status: 400, response: content, body };
    const text = content.text ?? '';
    const blocks = content.blocks ?? [];
    const replace = body.replace_original === true || body.replace_original === 'true';
    const target =
      replace && original
        ? original.ephemeral
          ? this.ephemeralStore.get(`${original.channel}/${original.ts}`)
          : this.message(original.channel, original.ts)
        : undefined;
    if (target) {
      target.text = text;
      target.blocks = blocks;
      return done(target.ts);
    }
    if (body.response_type === 'in_channel') {
      const message: StoredMessage = {
        channel: state.channel,
        ts: this.ts.next(),
        text,
        blocks,
        user: this.workspace.botUserId,
      };
      const store = this.store(state.channel);
      store.list.push(message);
      store.byTs.set(message.ts, message);
      return done(message.ts);
    }
    const message = this.storeEphemeral(state.channel, state.user, text, blocks);
    // Later replace_original posts to this url replace this ephemeral, as Slack does for command responses.
    if (!original) state.original = { channel: state.channel, ts: message.ts, ephemeral: true };
    this.ephemeralLog.push({
      method: 'response_url',
      args: { ...body, channel: state.channel, user: state.user },
      at: this.now(),
      status: 200,
      response: { ok: true, url },
    });
    return done(message.ts);
  }

  // ---------------------------------------------------------------- Slack's side of HTTP mode

  /** A trigger_id as Slack issues with a command or click: valid once, for 3 s of the stand-in's clock. */
  newTriggerId(userId = 'U0STANDINUSER'): string {
    this.triggerCount += 1;
    const id = triggerId(this.triggerCount);
    this.triggers.set(id, { user: userId, issuedAt: this.now(), used: false });
    return id;
  }

  private userName(userId: string): string {
    return this.users.get(userId)?.name ?? defaultUserName(userId);
  }

  private channelName(channelId: string): string {
    return (
      this.channelNames.get(channelId) ??
      (channelId.startsWith('D') ? 'directmessage' : channelId.toLowerCase())
    );
  }

  /** A slash command from `userId`; by default typed in the user's DM with the bot. */
  slashCommand(
    botUrl: string,
    p: { userId: string; text?: string; command?: string; channelId?: string; channelName?: string },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const channelId = p.channelId ?? this.dmChannelFor(p.userId);
    const body = slashCommandBody(this.workspace, {
      command: p.command ?? '/star',
      text: p.text ?? '',
      userId: p.userId,
      userName: this.userName(p.userId),
      channelId,
      channelName: p.channelName ?? this.channelName(channelId),
      responseUrl: this.newResponseUrl('commands', { user: p.userId, channel: channelId }),
      triggerId: this.newTriggerId(p.userId),
    });
    return this.sendRaw(botUrl, body, FORM, sign);
  }

  /**
   * A click on a button of a stored message (or ephemeral). The button is found by action_id (and block_id, and
   * value when several match); the payload carries the message as Slack has it now.
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
    },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const channel = /^[UW]/.test(p.channel) ? this.dmChannelFor(p.channel) : p.channel;
    const message = this.message(channel, p.messageTs);
    const ephemeral = message ? undefined : this.ephemeralStore.get(`${channel}/${p.messageTs}`);
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
      user: userRef(this.workspace, p.userId, this.userName(p.userId)),
      api_app_id: this.workspace.appId,
      token: this.workspace.verificationToken,
      container,
      trigger_id: this.newTriggerId(p.userId),
      team: { id: this.workspace.teamId, domain: this.workspace.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channel, name: this.channelName(channel) },
      ...(message ? { message: messageOutput(this.workspace, message) } : {}),
      state: { values: {} },
      response_url: this.newResponseUrl('actions', {
        user: p.userId,
        channel,
        original: { channel, ts: shown.ts, ephemeral: ephemeral !== undefined },
      }),
      actions: [buttonAction(block, element, this.ts.next())],
    };
    return this.sendRaw(botUrl, interactivityBody(payload), FORM, sign);
  }

  /** A click on a button in an open modal or a published home tab (container type 'view'; no response_url). */
  clickViewButton(
    botUrl: string,
    p: { userId: string; viewId: string; actionId: string; blockId?: string; value?: string },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const view = this.views.get(p.viewId);
    if (!view || view.closed) throw new Error(`clickViewButton: view ${p.viewId} is not open`);
    const blocks = Array.isArray(view.view.blocks) ? view.view.blocks : [];
    const { block, element } = findButton(blocks, p, `view ${p.viewId}`);
    const payload: Obj = {
      type: 'block_actions',
      user: userRef(this.workspace, p.userId, this.userName(p.userId)),
      api_app_id: this.workspace.appId,
      token: this.workspace.verificationToken,
      container: { type: 'view', view_id: view.id },
      trigger_id: this.newTriggerId(p.userId),
      team: { id: this.workspace.teamId, domain: this.workspace.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      view: viewOutput(this.workspace, view),
      actions: [buttonAction(block, element, this.ts.next())],
    };
    return this.sendRaw(botUrl, interactivityBody(payload), FORM, sign);
  }

  /**
   * The user submits an open modal. `values` are what they typed, by block_id then action_id; input blocks not
   * mentioned keep their initial_value. What the Slack client itself refuses to submit (a required field empty,
   * text beyond max_length) throws unless `clientChecks: false`. The bot's answer is applied as Slack applies it
   * (bare ack closes, response_action errors/update/push/clear).
   */
  async submitView(
    botUrl: string,
    p: {
      userId: string;
      viewId: string;
      values: Record<string, Record<string, string | null>>;
      clientChecks?: boolean;
    },
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const view = this.views.get(p.viewId);
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
      team: { id: this.workspace.teamId, domain: this.workspace.teamDomain },
      user: userRef(this.workspace, p.userId, this.userName(p.userId)),
      api_app_id: this.workspace.appId,
      token: this.workspace.verificationToken,
      trigger_id: this.newTriggerId(p.userId),
      view: viewOutput(this.workspace, view, values),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const reply = await this.sendRaw(botUrl, interactivityBody(payload), FORM, sign);
    if (reply.status === 200) this.applyResponseAction(view, reply.json);
    return reply;
  }

  private applyResponseAction(view: OpenedView, json: unknown): void {
    const action = isObj(json) ? json.response_action : undefined;
    const next = isObj(json) && isObj(json.view) ? json.view : undefined;
    // An invalid view in update/push: Slack shows the user an error and the current view stays.
    const usable = next !== undefined && validateView(next, 'modal').length === 0;
    if (action === 'errors') {
      // field errors shown; the modal stays open with the user's text
    } else if (action === 'clear') {
      this.closeStack(view.user);
    } else if (action === 'update') {
      if (next && usable) this.replaceView(view, next);
    } else if (action === 'push') {
      const stack = this.modalStacks.get(view.user) ?? [];
      if (next && usable && stack.length < SLACK_LIMITS.viewStack) {
        const id = randomId('V');
        this.addView({
          id,
          user: view.user,
          view: next,
          hash: this.newHash(),
          trigger: '',
          type: 'modal',
          root_view_id: view.root_view_id,
          previous_view_id: view.id,
          closed: false,
        });
        this.modalStacks.set(view.user, [...stack, id]);
      }
    } else {
      this.closeStack(view.user, true);
    }
  }

  /** An Events API event in its event_callback envelope; `event_ts` is filled in when the event lacks one. */
  sendEvent(
    botUrl: string,
    event: Record<string, unknown>,
    p: { eventId?: string; retryNum?: number; retryReason?: string } = {},
    sign?: SignOptions,
  ): Promise<SlackReply> {
    const full = event.event_ts === undefined ? { ...event, event_ts: this.ts.next() } : event;
    const envelope = eventEnvelope(
      this.workspace,
      full,
      p.eventId ?? randomId('Ev0', 9),
      Math.floor(this.now() / 1000),
    );
    const headers: Record<string, string> = {};
    if (p.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(p.retryNum);
      headers['x-slack-retry-reason'] = p.retryReason ?? 'http_timeout';
    }
    return this.sendRaw(botUrl, JSON.stringify(envelope), JSON_TYPE, sign, headers);
  }

  /** Slack's url_verification handshake. */
  urlVerification(botUrl: string, challenge: string, sign?: SignOptions): Promise<SlackReply> {
    const body = JSON.stringify({
      token: this.workspace.verificationToken,
      challenge,
      type: 'url_verification',
    });
    return this.sendRaw(botUrl, body, JSON_TYPE, sign);
  }

  /**
   * Sends any body, signed with the signing secret at the real current time (the bot checks against its own
   * clock, not the stand-in's) unless `sign` says otherwise.
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

// ---------------------------------------------------------------- helpers

function defaultUserName(userId: string): string {
  return `user.${userId.toLowerCase()}`;
}

function send(res: ServerResponse, status: number, body: Obj, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Web API arguments: form fields (JSON-valued ones parsed, as WebClient JSON-encodes nested args), or a JSON body. */
function decodeArgs(contentType: string | undefined, body: string, query: string): Obj {
  const args: Obj = query ? { ...parseQs(query) } : {};
  if (contentType?.startsWith(JSON_TYPE)) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (isObj(parsed)) Object.assign(args, parsed);
      else args.__invalid_json = true;
    } catch {
      args.__invalid_json = true;
    }
    return args;
  }
  if (body) Object.assign(args, parseQs(body));
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'string' || TEXT_ARGS.has(key)) continue;
    const first = value[0];
    if (first !== '{' && first !== '[') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // left as the string Slack would then reject
    }
  }
  return args;
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
