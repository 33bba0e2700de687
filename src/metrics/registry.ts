// The bot's Prometheus metrics: one registry per process, the metric definitions, and the few functions the
// rest of the code calls to record something. Depends on nothing of the bot's, so any layer may call it.
//
// Labels are bounded on purpose: every label value is one of a fixed list written here, or a Slack method /
// error code that passes `bounded()`. Nothing a request carries (user ids, team ids, text) ever becomes a label:
// each distinct value is a new time series, kept in memory until the process exits.

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'star_drill_' });

const PREFIX = 'star_drill_';

/** A label value from a closed list: anything else is `other`. */
function oneOf<T extends string>(allowed: readonly T[], value: string): T | 'other' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : 'other';
}

/**
 * A label value that names code or Slack's vocabulary (`chat.postMessage`, `channel_not_found`): short, lower
 * case, dots and underscores only. Anything else (which could only come from somewhere unexpected) is `other`.
 */
export function bounded(value: string): string {
  return /^[a-z][a-zA-Z0-9_.]{0,47}$/.test(value) ? value : 'other';
}

// ---- Deliveries: drills, reminders, recaps -------------------------------------------------------------------

export const DELIVERY_JOBS = ['drill', 'reminder', 'recap', 'mock_summary'] as const;
export const DELIVERY_OUTCOMES = [
  'posted',
  'already_posted',
  'failed',
  'gave_up',
  'skipped_stale',
  'released',
  'dropped',
  'ended',
] as const;
export type DeliveryJob = (typeof DELIVERY_JOBS)[number];
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

const deliveries = new Counter({
  name: `${PREFIX}deliveries_total`,
  help: 'Scheduled deliveries settled, by job (drill, reminder, recap, mock_summary) and outcome',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

/** `n` deliveries of `job` settled with `outcome` (the delivery runner's settle, or a tick's counts). */
export function recordDeliveries(job: DeliveryJob, outcome: DeliveryOutcome, n = 1): void {
  if (n > 0)
    deliveries.inc({ job: oneOf(DELIVERY_JOBS, job), outcome: oneOf(DELIVERY_OUTCOMES, outcome) }, n);
}

// ---- Scheduler tick ------------------------------------------------------------------------------------------

const tickDuration = new Histogram({
  name: `${PREFIX}scheduler_tick_duration_seconds`,
  help: 'How long a scheduler tick took (drills, reminders, recaps; housekeeping excluded)',
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
  registers: [registry],
});
const rowsClaimed = new Counter({
  name: `${PREFIX}scheduler_rows_claimed_total`,
  help: 'Rows the scheduler claimed for delivery, by job',
  labelNames: ['job'] as const,
  registers: [registry],
});
const lastTick = new Gauge({
  name: `${PREFIX}scheduler_last_tick_timestamp_seconds`,
  help: 'Unix time at which the last scheduler tick finished (successfully or not)',
  registers: [registry],
});

/** A tick ended after `seconds`, having claimed `claimed` rows per job. */
export function recordTick(seconds: number, claimed: Partial<Record<DeliveryJob, number>>): void {
  tickDuration.observe(seconds);
  lastTick.set(Date.now() / 1000);
  for (const job of DELIVERY_JOBS) {
    const n = claimed[job] ?? 0;
    if (n > 0) rowsClaimed.inc({ job }, n);
  }
}

// ---- Slack Web API -------------------------------------------------------------------------------------------

const slackCalls = new Counter({
  name: `${PREFIX}slack_api_calls_total`,
  help: 'Slack Web API calls, by method and error code ("ok" when Slack answered ok)',
  labelNames: ['method', 'error'] as const,
  registers: [registry],
});
const slackRateLimited = new Counter({
  name: `${PREFIX}slack_rate_limited_total`,
  help: 'Slack Web API calls answered 429, by method',
  labelNames: ['method'] as const,
  registers: [registry],
});
const retryAfterWaited = new Counter({
  name: `${PREFIX}slack_retry_after_seconds_total`,
  help: 'Seconds of Retry-After that Slack asked the bot to wait (the workspace is held that long)',
  registers: [registry],
});

/** One Web API call's end: `error` is "ok" or Slack's error code. */
export function recordSlackCall(method: string, error: string, retryAfterSeconds?: number): void {
  const m = bounded(method);
  slackCalls.inc({ method: m, error: bounded(error) });
  if (retryAfterSeconds !== undefined) {
    slackRateLimited.inc({ method: m });
    retryAfterWaited.inc(Math.max(0, retryAfterSeconds));
  }
}

// ---- Requests ------------------------------------------------------------------------------------------------

export const REQUEST_KINDS = [
  'command',
  'block_actions',
  'view_submission',
  'view_closed',
  'event',
  'shortcut',
  'options',
] as const;
const ackDuration = new Histogram({
  name: `${PREFIX}request_ack_duration_seconds`,
  help: 'From the request reaching Bolt to its ack, by kind (its _count is the acks sent)',
  labelNames: ['kind'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
  registers: [registry],
});

/** A request of `kind` (REQUEST_KINDS) was acknowledged `seconds` after it reached Bolt. */
export function recordAck(kind: string, seconds: number): void {
  ackDuration.observe({ kind: oneOf(REQUEST_KINDS, kind) }, seconds);
}

export const SHED_KINDS = [
  'command',
  'click',
  'rating',
  'submission',
  'direct message',
  'app_home_opened',
  'user_change',
] as const;
const shed = new Counter({
  name: `${PREFIX}requests_shed_total`,
  help: 'Requests answered "busy" with nothing done because the bot was saturated, by kind',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export function recordShed(kind: string): void {
  shed.inc({ kind: oneOf(SHED_KINDS, kind).replace(' ', '_') });
}

export const ERROR_SITES = ['request', 'work', 'tick', 'event'] as const;
const errors = new Counter({
  name: `${PREFIX}errors_total`,
  help: 'Failures logged as errors, by where: a request before its ack, the work after an ack, a tick',
  labelNames: ['where'] as const,
  registers: [registry],
});

export function recordError(where: (typeof ERROR_SITES)[number]): void {
  errors.inc({ where: oneOf(ERROR_SITES, where) });
}

// ---- Coach ---------------------------------------------------------------------------------------------------

const answersScored = new Counter({
  name: `${PREFIX}answers_scored_total`,
  help: 'Answers the coach scored, by kind (answer, follow_up)',
  labelNames: ['kind'] as const,
  registers: [registry],
});
const analysisDuration = new Histogram({
  name: `${PREFIX}coach_analysis_duration_seconds`,
  help: "The coach's analysis of one answer (the first includes loading the English model)",
  labelNames: ['kind'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Runs the coach's `analyse` and records it; the analysis's result is returned unchanged. */
export function timeAnalysis<T>(kind: 'answer' | 'follow_up', analyse: () => T): T {
  const end = analysisDuration.startTimer({ kind });
  const result = analyse();
  end();
  answersScored.inc({ kind });
  return result;
}

// ---- Security ------------------------------------------------------------------------------------------------

const decryptFailures = new Counter({
  name: `${PREFIX}token_decrypt_failures_total`,
  help: 'Stored bot tokens that could not be decrypted with INSTALLATION_KEY (wrong or missing key)',
  registers: [registry],
});

export function recordDecryptFailure(): void {
  decryptFailures.inc();
}

// ---- State read at scrape time -------------------------------------------------------------------------------

export interface WorkspaceStates {
  active: number;
  token_paused: number;
  uninstalled: number;
}

/** What the running bot lends the gauges; read on each scrape (bot.ts binds them). */
export interface MetricSources {
  workQueue?: () => { waiting: number; running: number; saturated: boolean };
  pool?: () => { total: number; idle: number; waiting: number } | undefined;
  workspaces?: () => Promise<WorkspaceStates>;
}

let sources: MetricSources = {};

/** The bot's state behind the gauges; returns a function that unbinds it (a stopped bot reports nothing). */
export function bindMetricSources(next: MetricSources): () => void {
  sources = next;
  return () => {
    if (sources === next) sources = {};
  };
}

new Gauge({
  name: `${PREFIX}work_queue_depth`,
  help: 'Work after acks waiting for its turn (the queue refuses more at its limit: "busy")',
  registers: [registry],
  collect() {
    const q = sources.workQueue?.();
    if (q) this.set(q.waiting);
  },
});
new Gauge({
  name: `${PREFIX}work_queue_running`,
  help: 'Work after acks running now',
  registers: [registry],
  collect() {
    const q = sources.workQueue?.();
    if (q) this.set(q.running);
  },
});
new Gauge({
  name: `${PREFIX}work_queue_saturated`,
  help: '1 while the bot answers new work "busy" (queue full or requests arriving late), else 0',
  registers: [registry],
  collect() {
    const q = sources.workQueue?.();
    if (q) this.set(q.saturated ? 1 : 0);
  },
});
new Gauge({
  name: `${PREFIX}db_pool_connections`,
  help: 'Postgres pool connections by state: total (open), idle, waiting (callers queued for one)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const p = sources.pool?.();
    if (!p) return;
    this.set({ state: 'total' }, p.total);
    this.set({ state: 'idle' }, p.idle);
    this.set({ state: 'waiting' }, p.waiting);
  },
});
new Gauge({
  name: `${PREFIX}workspaces`,
  help: 'Workspaces by state: active, token_paused (Slack refused the token), uninstalled (awaiting purge)',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    // A scrape while the database is down still answers: the gauge is left out rather than failing it.
    const states = await sources.workspaces?.().catch(() => undefined);
    if (!states) return;
    for (const state of ['active', 'token_paused', 'uninstalled'] as const)
      this.set({ state }, states[state]);
  },
});
