import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  AuthorizationError,
  type Authorize,
  type CustomRoute,
  HTTPReceiver,
  type Receiver,
  type ReceiverEvent,
  SocketModeReceiver,
} from '@slack/bolt';
import type { InstallationStore } from '@slack/oauth';
import type { Config } from '../config.ts';
import { boltLogger } from '../logger.ts';
import {
  METRICS_PATH,
  type MetricsServer,
  metricsHandler,
  recordAck,
  recordError,
  startMetricsServer,
} from '../metrics/index.ts';
import type { SlackClients } from '../slack-api/clients.ts';
import { slackFetch } from '../slack-api/request-fetch.ts';
import { installerLogger, oauthReceiverOptions } from '../workspaces/oauth.ts';
import type { BotContext } from './context.ts';
import { isTeamAccessEvent, teamAccessChanged } from './listeners/events/team-access.ts';
import { type ListenerHooks, registerListeners } from './listeners/index.ts';
import { ackOwedProperties } from './owed-ack.ts';
import { assertKnownPayload, MalformedRequestError } from './parse-payloads.ts';
import { BODY_LIMIT_BYTES, gateRequests } from './request-gate.ts';
import type { SharedReplays } from './shared-replays.ts';
import { busyCommand } from './shed-commands.ts';
import { deadlineProperties } from './trigger-deadline.ts';

/** Bolt's App with one gate in front of every listener: unknown or malformed payloads are refused. */
class GatedApp extends App {
  constructor(
    options: ConstructorParameters<typeof App>[0],
    private readonly ctx: BotContext,
  ) {
    super(options);
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    assertKnownPayload(event.body);
    timeAck(event);
    // Bolt 5.1 authorizes these with the installation of the workspace named in `authorizations`, which an
    // org-wide install does not have: they would be refused (401) and retried for ever. The gate has already
    // checked the signature; what they do needs no token.
    if (isTeamAccessEvent(event.body)) {
      return this.ctx.work.track(event.ack().then(() => teamAccessChanged(this.ctx, event.body)));
    }
    return this.ctx.work.track(super.processEvent(event));
  }
}

/** Records how long after reaching Bolt a request was acknowledged, by its kind (never its content). */
function timeAck(event: ReceiverEvent): void {
  const started = performance.now();
  const ack = event.ack;
  let acked = false;
  event.ack = (response) => {
    if (!acked) {
      acked = true;
      recordAck(requestKind(event.body), (performance.now() - started) / 1000);
    }
    return ack(response);
  };
}

function requestKind(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return 'command';
  if (body.type === 'event_callback') return 'event';
  if (body.type === 'block_suggestion') return 'options';
  if (body.type === 'message_action') return 'shortcut';
  return typeof body.type === 'string' ? body.type : 'other';
}

export interface SlackApp {
  app: App;
  /** Starts listening; resolves with the HTTP port (the health route's, in Socket Mode). */
  start(): Promise<number>;
  /** Socket Mode: the port /metrics is served on (METRICS_PORT), once started; HTTP mode: undefined. */
  metricsPort(): number | undefined;
  stop(): Promise<void>;
}

export interface Health {
  status: 200 | 503;
  body: Record<string, unknown>;
}

export interface SlackAppOptions {
  config: Config;
  ctx: BotContext;
  /** Answers GET /healthz. */
  health: () => Promise<Health>;
  auth: SlackAppAuth;
  hooks?: ListenerHooks;
  /** Replay protection across replicas (HTTP mode); unset: this replica's memory only. */
  sharedReplays?: SharedReplays;
}

/**
 * How Bolt finds the token of a request. Single workspace: `authorize` (cachedAuthorize: the bot's auth.test
 * once, the identity reused). Multi-workspace: the installation of the request's workspace, fetched from
 * `installationStore` by Bolt's InstallProvider, which also serves /slack/install and /slack/oauth_redirect.
 */
export type SlackAppAuth =
  | { kind: 'single'; authorize: Authorize<boolean> }
  | { kind: 'oauth'; installationStore: InstallationStore };

export function createSlackApp({
  config,
  ctx,
  health,
  auth,
  hooks,
  sharedReplays,
}: SlackAppOptions): SlackApp {
  const logger = boltLogger(ctx.log);
  const customRoutes: CustomRoute[] = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        void health().then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        });
      },
    },
  ];
  const metricsToken = config.metrics?.token;
  // Socket Mode: /metrics has a port of its own (METRICS_PORT), started with the app.
  if (config.slack.transport.kind === 'http') {
    customRoutes.push({ path: METRICS_PATH, method: ['GET'], handler: metricsHandler(metricsToken) });
  }
  const { transport } = config.slack;
  // Bolt's respond() and its own clients use the same fetch as ours (slack-api/request-fetch.ts).
  const clientOptions = {
    fetch: slackFetch,
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
  };
  const oauthConfig = config.slack.auth.kind === 'oauth' ? config.slack.auth : undefined;
  if ((auth.kind === 'oauth') !== (oauthConfig !== undefined)) {
    throw new Error(`createSlackApp: auth is ${auth.kind} but the config's is ${config.slack.auth.kind}`);
  }
  const oauth =
    auth.kind === 'oauth' && oauthConfig
      ? oauthReceiverOptions({
          auth: oauthConfig,
          apiUrl: config.slack.apiUrl,
          installationStore: auth.installationStore,
          log: ctx.log,
        })
      : {};
  let receiver: Receiver;
  if (transport.kind === 'socket') {
    // The config refuses it: installs are served by the HTTP receiver.
    if (auth.kind === 'oauth') throw new Error('multi-workspace mode needs HTTP mode, not Socket Mode');
    receiver = new SocketModeReceiver({
      appToken: transport.appToken,
      logger,
      customRoutes,
      // clientOptions reach apps.connections.open, so Socket Mode also honours SLACK_API_URL.
      installerOptions: { port: config.port, clientOptions },
      // Bolt's default logs `${error}`: a failed query's message carries its parameters (an answer's text).
      processEventErrorHandler: async ({ error, event }) => {
        if (error instanceof AuthorizationError) {
          ctx.log.warn('refused an event from a workspace with no active installation');
          return true;
        }
        recordError('request');
        ctx.log.error({ err: error, type: event.body?.type }, 'request failed before ack');
        return false;
      },
    });
  } else {
    const http = new HTTPReceiver({
      signingSecret: transport.signingSecret,
      endpoints: '/slack/events',
      // The receiver's InstallProvider logs a visitor's cancelled install as an error: written as a warning.
      logger: auth.kind === 'oauth' ? installerLogger(logger) : logger,
      customRoutes,
      bodyLimit: BODY_LIMIT_BYTES,
      // The gate in front (request-gate.ts) checks every request to /slack/events: signature, timestamp both
      // ways, replays. Bolt checking the same signature again cost every request a second HMAC of its body
      // and a second parse of its headers, ahead of its ack.
      signatureVerification: false,
      // Stamped by the gate: when Slack's 3 s for the request run out (listeners decide by the time left), and
      // how a listener holding its ack for its own work stops counting as owed one (owed-ack.ts).
      customPropertiesExtractor: (req) => ({ ...deadlineProperties(req), ...ackOwedProperties(req) }),
      ...oauth,
      // Returns true once this handler has answered: Bolt then marks the request acknowledged, which stops
      // its 3-second "not acknowledged" timer. Returning false after answering (as before) left that timer
      // running, so every refused request logged an error 3 s later, and a listener's late ack() could try
      // to write a second response.
      processEventErrorHandler: async ({ error, response, logger: log }) => {
        if (response.headersSent) return false;
        // Multi-workspace: a request from a workspace with no active installation (never installed, or
        // uninstalled): refused as Bolt's default handler refuses it, without an error alert for each one.
        if (auth.kind === 'oauth' && error instanceof AuthorizationError) {
          log.warn('refused a request from a workspace with no active installation');
          response.writeHead(401);
          response.end();
          return true;
        }
        const malformed = error instanceof MalformedRequestError;
        // A MalformedRequestError's message is the bot's own words (which field, what was expected; never a
        // value from the request): logged as it is. Anything else goes through the safe serializer, since a
        // failed query's message carries its parameters (an answer's text).
        if (malformed) ctx.log.warn(`refused a signed request: ${error.message}`);
        else {
          recordError('request');
          ctx.log.error({ err: error }, 'request failed before ack');
        }
        response.writeHead(malformed ? 400 : 500);
        response.end();
        return true;
      },
    });
    gateRequests(http, {
      endpoint: '/slack/events',
      signingSecret: transport.signingSecret,
      logger,
      onLateness: (ms) => ctx.work.noteLateness(ms),
      clockSkewMs: () => ctx.work.clockSkewMs(),
      onRequest: () => ctx.work.ackOwed(),
      answerEarly: (rawBody, contentType) => busyCommand(ctx.work, rawBody, contentType),
      shared: sharedReplays,
    });
    receiver = http;
  }

  // In multi-workspace mode Bolt authorizes each request through the receiver's InstallProvider.
  const authorize = auth.kind === 'single' ? { authorize: auth.authorize } : {};
  // No conversation store: the bot keeps no state in Bolt's memory (several replicas share Postgres), and
  // Bolt's default store built a rejected promise and an Error with its stack for every request.
  const app = new GatedApp({ receiver, ...authorize, logger, clientOptions, convoStore: false }, ctx);
  registerListeners(app, ctx, hooks);

  let metricsServer: MetricsServer | undefined;
  return {
    app,
    metricsPort: () => metricsServer?.port,
    async start() {
      if (transport.kind === 'socket') {
        const m = config.metrics;
        if (m?.port !== undefined)
          metricsServer = await startMetricsServer({ ...m, port: m.port, token: m.token });
        await app.start();
        return config.port;
      }
      const server = (await app.start(
        config.host ? { port: config.port, host: config.host } : config.port,
      )) as Server;
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      await Promise.all([app.stop(), metricsServer?.close()]);
    },
  };
}

/** The bot's identity, as auth.test tells it (single workspace: the workspace its token belongs to). */
export interface BotIdentity {
  botId?: string;
  botUserId?: string;
  teamId?: string;
}

/** Calls auth.test once (with the caller's retries) and reuses the answer; a failure is never remembered. */
export function cachedIdentity(slack: SlackClients): () => Promise<BotIdentity> {
  let identity: Promise<BotIdentity> | undefined;
  return () => {
    identity ??= slack.interactive.auth
      .test()
      .then((r) => ({ botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id }))
      .catch((err: unknown) => {
        // The next request tries again.
        identity = undefined;
        throw err;
      });
    return identity;
  };
}

/** Single workspace: every request is authorized with the one token and the cached identity. */
export function cachedAuthorize(identity: () => Promise<BotIdentity>, botToken: string): Authorize<boolean> {
  return async () => ({ botToken, ...(await identity()) });
}
