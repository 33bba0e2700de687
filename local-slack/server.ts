// A local Slack on loopback: the one the tests, the benchmarks and `npm run sandbox` use.
// It answers the Web API at `apiUrl` (point the bot's SLACK_API_URL at it) for the methods the bot calls,
// checks what real Slack checks, records every call and injects faults on request (tests), and plays Slack's
// side of HTTP mode and Socket Mode (to-bot.ts). The sandbox adds its page through `routes`.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppRequests } from './app-requests.ts';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.ts';
import { TsClock } from './ids.ts';
import { type Approval, OAuthApp, type StandinInstallation } from './oauth.ts';
import { CallRecorder } from './recorder.ts';
import { newResponseUrl, RESPONSE_URL_LIMITS } from './response-url.ts';
import { SocketModeLink } from './socket-mode-link.ts';
import { StandinInspection } from './standin-inspection.ts';
import { SlackStore } from './store.ts';
import { ToBot } from './to-bot.ts';
import type { SignOptions, SlackReply, StandinOptions } from './types.ts';
import type { Core } from './web-api/common.ts';
import { userUpload } from './web-api/files.ts';
import { VIEW_LIMITS } from './web-api/views.ts';

export { signRequest } from './ids.ts';

/** Slack's deadlines and limits the local Slack enforces (SLACK.md). */
export const SLACK_LIMITS = {
  triggerTtlMs: VIEW_LIMITS.triggerTtlMs,
  responseUrlUses: RESPONSE_URL_LIMITS.uses,
  responseUrlTtlMs: RESPONSE_URL_LIMITS.ttlMs,
  viewStack: VIEW_LIMITS.viewStack,
  ...BLOCK_KIT_LIMITS,
} as const;

export async function startSlackStandin(opts: StandinOptions): Promise<SlackStandin> {
  const standin = new SlackStandin(opts);
  await standin.listen(opts.port ?? 0);
  return standin;
}

export class SlackStandin extends StandinInspection {
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
  private readonly core: Core;
  private readonly toBot: ToBot;
  private readonly requests: AppRequests;

  constructor(opts: StandinOptions) {
    const now = opts.now ?? Date.now;
    super(
      {
        teamId: opts.teamId ?? 'T0STANDIN',
        teamDomain: 'standin',
        appId: 'A0STANDIN',
        botId: 'B0STANDIN',
        botUserId: opts.botUserId ?? 'U0STANDINBOT',
        verificationToken: 'standin-verification-token',
      },
      new SlackStore(),
      new CallRecorder(opts.recordCalls ?? true, now),
    );
    this.signingSecret = opts.signingSecret;
    this.botToken = opts.botToken ?? 'xoxb-test';
    this.oauth = new OAuthApp(opts.oauth ?? {}, this.workspace, now);
    this.oauth.addToken(this.botToken, this.workspace);
    const ts = new TsClock(now);
    if (opts.state) {
      this.store.restore(opts.state);
      const latest = this.store.latestTs();
      if (latest) ts.after(latest);
    }
    this.core = { store: this.store, workspace: this.workspace, now, ts, baseUrl: () => this.baseUrl };
    this.requests = new AppRequests({
      core: this.core,
      recorder: this.recorder,
      oauth: this.oauth,
      appToken: opts.appToken,
      socketModeUrl: () => this.socketMode.url,
      routes: opts.routes,
      refuse: opts.refuse,
    });
    this.server = createServer((req, res) => this.requests.onRequest(req, res));
    this.socketMode = new SocketModeLink(this.server);
    this.toBot = new ToBot(this.core, this.signingSecret, this.socketMode, this.recorder);
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

  // ---------------------------------------------------------------- waiting for the app

  /** Requests from the app (Web API calls, response_url posts, file uploads) being handled right now. */
  get inFlight(): number {
    return this.requests.inFlight;
  }

  /** Resolves once no request from the app is being handled (AppRequests.idle says which count). */
  idle(): Promise<void> {
    return this.requests.idle();
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

  pickViewOption(...args: Parameters<ToBot['pickViewOption']>): Promise<SlackReply> {
    return this.toBot.pickViewOption(...args);
  }

  /**
   * A person picks a file in a modal's file_input: Slack uploads it then; its id goes in `submitView`'s values
   * (`{ [block]: { [action]: [fileId] } }`). Served at url_private to a valid bot token only.
   */
  uploadFile(userId: string, name: string, content: string | Buffer): string {
    return userUpload(this.core, userId, name, typeof content === 'string' ? Buffer.from(content) : content)
      .id;
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
}
