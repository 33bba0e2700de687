// What the sandbox's server and its page say to each other (JSON over fetch and server-sent events).
// No Node or DOM imports here: both sides compile it.

export interface Person {
  id: string;
  name: string;
  /** IANA zone, e.g. Europe/London. */
  tz: string;
  /** A workspace admin (Slack's is_admin): may turn on `/star model` and upload the guide (`/star guide`). */
  admin?: boolean;
}

/** A message as the page shows it. */
export interface PageMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  /** Who posted it: the bot's user id or a person's. */
  user: string;
  edited?: boolean;
  reply_count?: number;
  files?: Array<{ id: string; name: string; title: string; size?: number; url: string }>;
  /** Set on an ephemeral: the one person who sees it ("Only visible to you"). */
  to?: string;
}

export interface PageView {
  id: string;
  hash: string;
  user: string;
  type: 'modal' | 'home';
  view: Record<string, unknown>;
}

/** GET /sandbox/state?user=U...: everything the page shows for one person. */
export interface Snapshot {
  me: Person;
  people: Person[];
  botUserId: string;
  botName: string;
  /** The person's DM channel with the bot. */
  channel: string;
  /** The sandbox clock, milliseconds since the epoch, when the snapshot was taken. */
  now: number;
  /** Top-level messages, replies and the person's ephemerals, oldest first. */
  messages: PageMessage[];
  /** The modal on top of the person's stack, if any. */
  modal: PageView | null;
  home: PageView | null;
  /** The model the extra coaching goes to (COACH_MODEL_*), or null when none is configured. */
  model: { host: string; name: string } | null;
}

/** One server-sent event (`data:` is this, as JSON). */
export type LiveEvent =
  | { kind: 'message'; message: PageMessage }
  | { kind: 'modal'; user: string; view: PageView | null }
  | { kind: 'home'; user: string; view: PageView }
  | { kind: 'people'; people: Person[] }
  | { kind: 'clock'; now: number };

/**
 * POST /sandbox/submit: what the person entered, by block_id then action_id: text, a time (HH:mm) or one
 * choice's value as a string; the chosen values of checkboxes or a multi-select as a list; or null.
 */
export interface SubmitRequest {
  user: string;
  viewId: string;
  values: Record<string, Record<string, string | string[] | null>>;
}

/** The answer to a submission: field errors keep the modal open; otherwise the modal's next state arrives live. */
export interface SubmitResult {
  ok: boolean;
  errors?: Record<string, string>;
  /** Why nothing was submitted or the bot failed (shown to the person). */
  problem?: string;
}

/** A person's next scheduled event, which the Jump button names and moves the clock to. */
export interface NextEvent {
  kind: 'drill' | 'reminder' | 'recap';
  /** Milliseconds since the epoch. */
  at: number;
  /** The person's zone, to say when it is. */
  tz: string;
}

export interface JumpResult {
  ok: boolean;
  /** What happened, for the page's status line. */
  message: string;
  /** The event after the jump (the button's next name); null when nothing is scheduled. */
  next?: NextEvent | null;
}

/** Zones offered in the person's time-zone select (their current one is added when missing). */
export const ZONES = [
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;
