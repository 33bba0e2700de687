// Public types of the Slack stand-in, kept apart so the helper modules and the server share them without cycles.

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
}

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
}

export type Fault = (
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { error: string }
  | { delayMs: number }
) & { delayMs?: number };

export type Interceptor = (call: { args: Record<string, unknown>; n: number }) => Fault | undefined;

export interface StandinUser {
  id: string;
  tz?: string;
  tz_label?: string;
  tz_offset?: number;
  deleted?: boolean;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
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
