// A local Slack on loopback: the one the tests, the benchmarks and `npm run sandbox` use.
// It answers the Web API at `apiUrl` (point the bot's SLACK_API_URL at it) for the methods the bot calls,
// checks what real Slack checks, records every call and injects faults on request (tests), and plays Slack's
// side of HTTP mode and Socket Mode (to-bot.ts). The sandbox adds its page through `routes`.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { TsClock } from './ids.ts';
import { type Approval, OAuthApp, type StandinInstallation } from './oauth.ts';
import { foreignTeam, type Workspace } from './payloads.ts';
import { CallRecorder } from './recorder.ts';
import { newResponseUrl, postToResponseUrl, RESPONSE_URL_LIMITS } from './response-url.ts';
import { SocketModeLink } from './socket-mode-link.ts';
import { SlackStore } from './store.ts';
import { ToBot } from './to-bot.ts';
import type {
  ApiCall,
  ExtraRoutes,
  LocalSlackChange,
  LocalSlackState,
  OpenedView,
  ResponseUrlPost,
  SignOptions,
  SlackReply,
  StandinOptions,
  StandinUser,
  StoredMessage,
} from './types.ts';
import { LIMITS } from './validate.ts';
import type { Core } from './web-api/common.ts';
import { DOWNLOAD_PATH, receiveUpload, UPLOAD_PATH, uploadedBytes } from './web-api/files.ts';
import { answer, decodeArgs } from './web-api/index.ts';
import { VIEW_LIMITS } from './web-api/views.ts';

export { signRequest } from './ids.ts';
export { SOCKET_MODE } from './to-bot.ts';

/** Slack's deadlines and limits the local Slack enforces (SLACK.md). */
export const SLACK_LIMITS = {
  triggerTtlMs: VIEW_LIMITS.triggerTtlMs,
  responseUrlUses: RESPONSE_URL_LIMITS.uses,
  responseUrlTtlMs: RESPONSE_URL_LIMITS.ttlMs,
  viewStack: VIEW_LIMITS.viewStack,
  ...LIMITS,
} as const;

export async function startSlackStandin(opts: StandinOptions): Promise<SlackStandin> {
  const standin = new SlackStandin(opts);
  await standin.listen(opts.port ?? 0);
  return standin;
}

export class SlackStandin {
  readonly workspace: Workspace;
  readonly signingSecret: string;
  readonly botToken: string;
  /** Slack's end of Socket Mode; send to it with the `SOCKET_MODE` pseudo-URL in place of a bot URL. */
  readonly socketMode: SocketModeLink;
  /**
   * The app's OAuth side (multi-workspace installs): its client id and secret, Redirect URLs, and the
   * installations made through `authorize` + oauth.v2.access, each with its own bot token.
   */
  readonly oauth: OAuthApp;

  private baseUrl = '';
  private readonly server: Server;
  private readonly appToken: string | undefined;
  private readonly store = new SlackStore();
  private readonly recorder: CallRecorder;
  private readonly core: Core;
  private readonly toBot: ToBot;
  private readonly routes: ExtraRoutes | undefined;
  private readonly refuse: StandinOptions['refuse'];
  /** Requests from the app being handled: Web API calls, response_url posts, file uploads. */
  private handling = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(opts: StandinOptions) {
    this.signingSecret = opts.signingSecret;
    this.botToken = opts.botToken ?? 'xoxb-test';
    this.appToken = opts.appToken;
    this.routes = opts.routes;
    this.refuse = opts.refuse;
    const now = opts.now ?? Date.now;
    this.recorder = new CallRecorder(opts.recordCalls ?? true, now);
    this.workspace = {
      teamId: opts.teamId ?? 'T0STANDIN',
      teamDomain: 'standin',
      appId: 'A0STANDIN',
      botId: 'B0STANDIN',
      botUserId: opts.botUserId ?? 'U0STANDINBOT',
      verificationToken: 'standin-verification-token',
    };
    this.oauth = new OAuthApp(opts.oauth ?? {}, this.workspace, now);
    this.oauth.addToken(this.botToken, this.workspace);
    const ts = new TsClock(now);
    if (opts.state) {
      this.store.restore(opts.state);
      const latest = this.store.latestTs();
      if (latest) ts.after(latest);
    }
    this.core = { store: this.store, workspace: this.workspace, now, ts, baseUrl: () => this.baseUrl };
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.socketMode = new SocketModeLink(this.server);
    this.toBot = new ToBot(this.core, this.signingSecret, this.socketMode);
  }

  /** @internal started by startSlackStandin */
  async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  /** Base URL of the Web API, for `clientOptions.slackApiUrl`: http://127.0.0.1:PORT/api/ */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await this.socketMode.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

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

  /** Requests from the app (Web API calls, response_url posts, file uploads) being handled right now. */
  get inFlight(): number {
    return this.handling;
  }

  /**
   * Resolves once no request from the app is being handled, so a test can wait for the calls an app has
   * sent (one that was just killed, say) instead of sleeping. Bytes already in this process's sockets count:
   * two turns of the event loop take them in (a new connection is accepted in one and read in the next) and
   * a request counts from its headers on, so what an app wrote before it stopped is answered and recorded
   * before this resolves. Requests sent after it resolves are not waited for.
   */
  async idle(): Promise<void> {
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    while (this.handling > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

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

  /** Ephemeral response_url posts (method 'response_url'), optionally for one user. */
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

  // ---------------------------------------------------------------- installs (OAuth v2)

  /**
   * A person opens the app's Add to Slack link (`authorizeUrl`, from the bot's /slack/install page) and
   * approves (or denies) the install: returns the URL Slack redirects their browser to, the bot's redirect
   * URI with `code` and `state` (or `error=access_denied`). See OAuthApp.authorize.
   */
  authorize(authorizeUrl: string, approval: Approval): string {
    return this.oauth.authorize(authorizeUrl, approval);
  }

  /** An installation (by team id, or enterprise id when org-wide) with its bot token. */
  installation(id: string): StandinInstallation | undefined {
    return this.oauth.installation(id);
  }

  /** Calls with that installation's (or that) token answer `error` from now on (default token_revoked). */
  revoke(installationIdOrToken: string, error?: string): void {
    this.oauth.revoke(installationIdOrToken, error);
  }

  // ---------------------------------------------------------------- Slack's side: requests to the bot

  newTriggerId(userId?: string): string {
    return this.toBot.newTriggerId(userId);
  }

  /** A response_url as Slack issues with a command or click (for payloads a test builds by hand). */
  newResponseUrl(kind: 'commands' | 'actions', p: { user: string; channel: string }): string {
    return newResponseUrl(this.core, kind, p);
  }

  slashCommand(...args: Parameters<ToBot['slashCommand']>): Promise<SlackReply> {
    return this.toBot.slashCommand(...args);
  }

  clickButton(...args: Parameters<ToBot['clickButton']>): Promise<SlackReply> {
    return this.toBot.clickButton(...args);
  }

  clickViewButton(...args: Parameters<ToBot['clickViewButton']>): Promise<SlackReply> {
    return this.toBot.clickViewButton(...args);
  }

  submitView(...args: Parameters<ToBot['submitView']>): Promise<SlackReply> {
    return this.toBot.submitView(...args);
  }

  closeView(userId: string, viewId: string): void {
    this.toBot.closeView(userId, viewId);
  }

  sendEvent(...args: Parameters<ToBot['sendEvent']>): Promise<SlackReply> {
    return this.toBot.sendEvent(...args);
  }

  userMessage(...args: Parameters<ToBot['userMessage']>): Promise<SlackReply> {
    return this.toBot.userMessage(...args);
  }

  userChange(...args: Parameters<ToBot['userChange']>): Promise<SlackReply> {
    return this.toBot.userChange(...args);
  }

  urlVerification(botUrl: string, challenge: string, sign?: SignOptions): Promise<SlackReply> {
    return this.toBot.urlVerification(botUrl, challenge, sign);
  }

  sendRaw(...args: Parameters<ToBot['sendRaw']>): Promise<SlackReply> {
    return this.toBot.sendRaw(...args);
  }

  // ---------------------------------------------------------------- HTTP server

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const refusal = this.refuse?.(req);
    if (refusal) {
      send(res, refusal.status, { ok: false, error: 'forbidden', problem: refusal.problem });
      req.resume();
      return;
    }
    const done = this.fromApp(req.url ?? '/') ? this.handlingStarted() : () => {};
    // A request cut off before its body ended is never routed.
    req.once('close', () => {
      if (!req.complete) done();
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.route(req, res, Buffer.concat(chunks))
        .catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`local Slack failure: ${error instanceof Error ? error.stack : String(error)}`);
        })
        .finally(done);
    });
  }

  /** Whether `url` is something the app calls (not a page of `routes`, whose streams never end). */
  private fromApp(url: string): boolean {
    const path = url.split('?', 1)[0] ?? '';
    return path.startsWith('/api/') || path.startsWith(UPLOAD_PATH) || this.store.responseUrls.has(path);
  }

  /** Counts a request being handled; the function returned ends it (once). */
  private handlingStarted(): () => void {
    this.handling += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.handling -= 1;
      if (this.handling === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    };
  }

  private async route(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    if (path.startsWith('/api/')) {
      const query = q === -1 ? '' : url.slice(q + 1);
      return this.handleApi(req, res, path.slice('/api/'.length), body.toString('utf8'), query);
    }
    const responseUrl = this.store.responseUrls.get(path);
    if (responseUrl && req.method === 'POST')
      return this.handleResponseUrl(req, res, path, body.toString('utf8'));
    if (path.startsWith(UPLOAD_PATH) && req.method === 'POST') {
      const bytes = await uploadedBytes(req.headers['content-type'], body);
      const { status, text } = receiveUpload(this.core, path.slice(UPLOAD_PATH.length), bytes);
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(text);
      return;
    }
    if (path.startsWith(DOWNLOAD_PATH) && req.method === 'GET') return this.handleDownload(res, path);
    if (this.routes && (await this.routes(req, res, body))) return;
    send(res, 404, { ok: false, error: 'not_found' });
  }

  private async handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    body: string,
    query: string,
  ): Promise<void> {
    const args = decodeArgs(req.headers['content-type'], body, query);
    const team = this.teamOf(req.headers.authorization, args);
    const fault = this.recorder.arrived(method, args, team);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault && 'status' in fault && fault.status === 429) {
      const response = { ok: false, error: 'ratelimited' };
      this.recorder.record(method, args, 429, response, team);
      return send(res, 429, response, { 'retry-after': String(fault.retryAfter) });
    }
    if (fault && 'status' in fault) {
      const response = { ok: false, error: `http_${fault.status}` };
      this.recorder.record(method, args, fault.status, response, team);
      return send(res, fault.status, response);
    }
    const tokens = {
      botToken: (token: string) => this.oauth.verdict(token),
      oauthAccess: (a: Record<string, unknown>, authorization: string | undefined) =>
        this.oauth.access(a, authorization),
      appToken: this.appToken,
      socketModeUrl: () => this.socketMode.url,
    };
    const response =
      fault && 'error' in fault
        ? { ok: false, error: fault.error }
        : answer(this.core, tokens, method, req.headers.authorization, args);
    this.recorder.record(method, args, 200, response, team);
    send(res, 200, response);
  }

  /** The workspace a call's token acts for (revoked or not), for the record and the interceptors. */
  private teamOf(authorization: string | undefined, args: Record<string, unknown>): string | undefined {
    const token =
      authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ??
      (typeof args.token === 'string' ? args.token : undefined);
    return token ? this.oauth.workspaceOfToken(token)?.teamId : undefined;
  }

  private handleResponseUrl(req: IncomingMessage, res: ServerResponse, path: string, raw: string): void {
    const state = this.store.responseUrls.get(path);
    if (!state) {
      send(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    const url = `${this.baseUrl}${path}`;
    const outcome = postToResponseUrl(this.core, state, req.headers['content-type'], raw);
    const post: ResponseUrlPost = { url, body: outcome.body, status: outcome.status, at: this.core.now() };
    if (outcome.ts !== undefined) post.ts = outcome.ts;
    this.recorder.responses.push(post);
    if (outcome.ephemeral && typeof outcome.body === 'object') {
      this.recorder.ephemeralLog.push({
        method: 'response_url',
        args: { ...(outcome.body as Record<string, unknown>), channel: state.channel, user: state.user },
        at: this.core.now(),
        status: 200,
        response: { ok: true, url },
      });
    }
    send(res, outcome.status, outcome.response);
  }

  private handleDownload(res: ServerResponse, path: string): void {
    const [id = ''] = path.slice(DOWNLOAD_PATH.length).split('/');
    const stored = this.store.files.get(id);
    if (!stored?.bytes || !stored.file.completed) {
      send(res, 404, { ok: false, error: 'file_not_found' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(stored.bytes.length),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(stored.file.name)}`,
    });
    res.end(stored.bytes);
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
