// The local Slack's HTTP side: the requests an app sends to Slack (Web API calls, response_url posts, file
// uploads and downloads) and the sandbox's extra routes, counting the app's requests in flight so that a
// test can wait for them (SlackStandin.idle) instead of sleeping.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OAuthApp } from './oauth.ts';
import type { CallRecorder } from './recorder.ts';
import { postToResponseUrl } from './response-url.ts';
import type { SlackStore } from './store.ts';
import type { ExtraRoutes, ResponseUrlPost, StandinOptions } from './types.ts';
import type { Core } from './web-api/common.ts';
import { DOWNLOAD_PATH, receiveUpload, UPLOAD_PATH, uploadedBytes } from './web-api/files.ts';
import { answer, decodeArgs } from './web-api/index.ts';

export interface AppRequestsOptions {
  core: Core;
  recorder: CallRecorder;
  oauth: OAuthApp;
  /** The app-level token (xapp-) apps.connections.open accepts. */
  appToken: string | undefined;
  /** Socket Mode's WebSocket URL, which apps.connections.open hands out. */
  socketModeUrl: () => string;
  routes: ExtraRoutes | undefined;
  /** Asked first of every request (StandinOptions.refuse): a refusal is the whole answer. */
  refuse: StandinOptions['refuse'];
}

export class AppRequests {
  private readonly core: Core;
  private readonly store: SlackStore;
  private readonly recorder: CallRecorder;
  private readonly oauth: OAuthApp;
  private readonly appToken: string | undefined;
  private readonly socketModeUrl: () => string;
  private readonly routes: ExtraRoutes | undefined;
  private readonly refuse: StandinOptions['refuse'];
  /** Requests from the app being handled: Web API calls, response_url posts, file uploads. */
  private handling = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(o: AppRequestsOptions) {
    this.core = o.core;
    this.store = o.core.store;
    this.recorder = o.recorder;
    this.oauth = o.oauth;
    this.appToken = o.appToken;
    this.socketModeUrl = o.socketModeUrl;
    this.routes = o.routes;
    this.refuse = o.refuse;
  }

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

  onRequest(req: IncomingMessage, res: ServerResponse): void {
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
    if (path.startsWith(DOWNLOAD_PATH) && req.method === 'GET')
      return this.handleDownload(res, path, req.headers.authorization);
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
      socketModeUrl: () => this.socketModeUrl(),
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
    const url = `${this.core.baseUrl()}${path}`;
    const outcome = postToResponseUrl(this.core, state, req.headers['content-type'], raw);
    const post: ResponseUrlPost = { url, body: outcome.body, status: outcome.status, at: this.core.now() };
    if (outcome.ts !== undefined) post.ts = outcome.ts;
    this.recorder.responses.push(post);
    if (outcome.ephemeral && typeof outcome.body === 'object') {
      this.recorder.shownEphemeral('response_url', {
        args: { ...(outcome.body as Record<string, unknown>), channel: state.channel, user: state.user },
        response: { ok: true, url },
      });
    }
    send(res, outcome.status, outcome.response);
  }

  private handleDownload(res: ServerResponse, path: string, authorization: string | undefined): void {
    const [id = ''] = path.slice(DOWNLOAD_PATH.length).split('/');
    const stored = this.store.files.get(id);
    if (!stored?.bytes || !stored.file.completed) {
      send(res, 404, { ok: false, error: 'file_not_found' });
      return;
    }
    // A person's upload is url_private: Slack serves it only to a valid token in the Authorization header
    // (without one, its answer is a login page, not the file).
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (stored.file.uploadedBy !== undefined && (!token || 'error' in this.oauth.verdict(token))) {
      send(res, 403, { ok: false, error: 'not_authed' });
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
