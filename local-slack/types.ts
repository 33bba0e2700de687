// Public types of the local Slack, kept apart so its modules share them without import cycles.

import type { IncomingMessage, ServerResponse } from 'node:http';

/** The Slack app's OAuth settings (Basic Information, OAuth & Permissions). */
export interface OAuthAppOptions {
  clientId?: string;
  clientSecret?: string;
  /** The app's Redirect URLs (OAuth & Permissions); the first is used when a request names none. */
  redirectUrls?: string[];
}

export interface StandinOptions {
  signingSecret: string;
  /** The bot token the Web API accepts as `Authorization: Bearer ...`. Default 'xoxb-test'. */
  botToken?: string;
  /** The app-level token `apps.connections.open` accepts (Socket Mode). Unset: Socket Mode refused. */
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  /** Milliseconds since the epoch; drives ts values, trigger expiry and response_url expiry. Default Date.now. */
  now?: () => number;
  /** false: keep `calls` empty (benchmarks); `count(method)` still counts. Default true. */
  recordCalls?: boolean;
  /** TCP port on 127.0.0.1. Default 0: any free port. */
  port?: number;
  /** Requests the local Slack does not serve itself go here (the sandbox's page); false falls through to 404. */
  routes?: ExtraRoutes;
  /**
   * Asked before anything else of every request (the Web API's included): a refusal is answered with its
   * status and nothing else happens. The sandbox refuses foreign hosts and origins (sandbox/http/request-guard.ts).
   */
  refuse?: (req: IncomingMessage) => { status: number; problem: string } | undefined;
  /** State saved by an earlier run (`snapshot()`), restored before listening. */
  state?: LocalSlackState;
  /** The app's client id, client secret and Redirect URLs, for installs through OAuth (oauth.ts). */
  oauth?: OAuthAppOptions;
}

export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;

export interface ApiCall {
  method: string;
  /** Decoded arguments; form fields holding JSON (blocks, view, ...) are parsed. */
  args: Record<string, unknown>;
  /** From the stand-in's clock (`now`). */
  at: number;
  /** HTTP status the stand-in answered with. */
  status: number;
  /** The JSON body it answered with (for a 5xx fault, `{ ok: false, error: 'http_<status>' }`). */
  response: Record<string, unknown>;
  /** The workspace (team id) of the calling token, when the token is known. */
  team?: string;
}

export type Fault = (
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { error: string }
  | { delayMs: number }
) & { delayMs?: number };

/** `team`: the workspace of the calling token, when the token is known. */
export type Interceptor = (call: {
  args: Record<string, unknown>;
  n: number;
  team?: string;
}) => Fault | undefined;

export interface StandinUser {
  id: string;
  tz?: string;
  tz_label?: string;
  tz_offset?: number;
  deleted?: boolean;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  /** users.info's is_admin and is_owner (workspace admins decide workspace settings). */
  is_admin?: boolean;
  is_owner?: boolean;
  /** The person's own workspace when it is not this one (a Slack Connect guest); users.info's team_id. */
  team_id?: string;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  /** Set on replies only (the parent's ts). */
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  /** The poster: the bot user for chat.postMessage. */
  user: string;
  edited?: boolean;
  metadata?: unknown;
  /** Number of replies, on top-level messages that have any. */
  reply_count?: number;
  /** Files shared with the message (files.completeUploadExternal). */
  files?: SharedFile[];
}

/** An ephemeral message: only `to` sees it (a response_url answer). */
export interface EphemeralMessage extends StoredMessage {
  to: string;
}

/** A file uploaded through files.getUploadURLExternal, the upload URL and files.completeUploadExternal. */
export interface SharedFile {
  id: string;
  name: string;
  title: string;
  /** Bytes received at the upload URL; undefined until then. */
  size?: number;
  /** Where the file is downloaded from (the local Slack's own URL, like Slack's url_private_download). */
  url: string;
  /** Set once files.completeUploadExternal completed it. */
  completed: boolean;
  /**
   * A person's upload (a modal's file_input): its `url` is Slack's url_private, served only with a valid bot
   * token in `Authorization: Bearer`. Unset: the bot's own upload (served as before).
   */
  uploadedBy?: string;
}

export interface OpenedView {
  id: string;
  /** The user the view is shown to. */
  user: string;
  /** The view object exactly as the bot last set it (views.open / views.update / views.push / response_action). */
  view: Record<string, unknown>;
  hash: string;
  /** The trigger_id it was opened with ('' for home tabs and response_action updates). */
  trigger: string;
  type: 'modal' | 'home';
  external_id?: string;
  root_view_id: string;
  previous_view_id: string | null;
  /** A modal the user (or the bot's ack) closed. */
  closed: boolean;
}

export interface SignOptions {
  /** Sign with this secret instead of the real one (forgery). */
  secret?: string;
  /** Seconds; a stale request is `Math.floor(Date.now() / 1000) - 301`. */
  timestamp?: number;
  /** Send no signature headers at all. */
  omit?: boolean;
}

export interface SlackReply {
  status: number;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** Wall-clock milliseconds from sending to the full reply (Slack gives up after 3000). */
  ms: number;
}

export interface ResponseUrlPost {
  url: string;
  body: unknown;
  /** HTTP status the stand-in answered (404 once used 5 times or after 30 minutes). */
  status: number;
  at: number;
  /** ts given to a new message the post created (ephemeral or in_channel). */
  ts?: string;
}

/** Everything a person would see again after a restart, as JSON (see store.ts). */
export interface LocalSlackState {
  version: 1;
  users: StandinUser[];
  messages: StoredMessage[];
  ephemerals: EphemeralMessage[];
  homeViews: OpenedView[];
  files: Array<SharedFile & { base64?: string }>;
}

/** What changed, for the sandbox's live page and its persistence. */
export type LocalSlackChange =
  | { kind: 'message'; message: StoredMessage }
  | { kind: 'ephemeral'; message: EphemeralMessage }
  | { kind: 'view'; view: OpenedView }
  | { kind: 'user'; user: StandinUser };
