import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from '@slack/bolt';
import { pino } from 'pino';
import type { LogLevel } from './config.ts';

export type Logger = pino.Logger;

/**
 * Fields of an error worth logging, none of which can carry a value the bot wrote or read: Postgres's codes
 * and names, Slack's error code. Left out on purpose: `params` and the message drizzle builds from them,
 * Postgres's `detail` ("Failing row contains (...)") and `where`, request bodies. A failed insert of an
 * answer would otherwise log the candidate's text, and a failed post the message it carried.
 */
const SAFE_ERROR_FIELDS = [
  'code',
  'severity',
  'routine',
  'constraint',
  'table',
  'column',
  'schema',
  'statusCode',
  'retryAfter',
] as const;
const MAX_CAUSE_DEPTH = 4;

/** An error as it may be logged: its type, a message without values, its stack, its safe fields, its cause. */
export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: '(a thrown non-error value, not logged)' };
  const e = err as Error & Record<string, unknown>;
  const message = safeMessage(e);
  // drizzle's errors leave `name` as "Error": their class says more.
  const type = e.constructor?.name && e.constructor.name !== 'Error' ? e.constructor.name : e.name;
  const out: Record<string, unknown> = { type, message };
  // The stack begins with the message: written again with the safe one.
  if (typeof e.stack === 'string') out.stack = `${type}: ${message}\n${stackFrames(e.stack)}`;
  for (const field of SAFE_ERROR_FIELDS) {
    if (typeof e[field] === 'string' || typeof e[field] === 'number') out[field] = e[field];
  }
  // The query text is parameterised ($1, $2): no values in it.
  if (typeof e.query === 'string') out.query = e.query;
  const slackError = (e.data as { error?: unknown } | undefined)?.error;
  if (typeof slackError === 'string') out.slackError = slackError;
  if (e.cause !== undefined && depth < MAX_CAUSE_DEPTH) out.cause = safeError(e.cause, depth + 1);
  // Bolt's coded errors keep the error they wrap under `original`: its codes are what helps.
  if (e.original instanceof Error && depth < MAX_CAUSE_DEPTH) out.original = safeError(e.original, depth + 1);
  return out;
}

function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
}

function safeMessage(e: Error & Record<string, unknown>): string {
  // drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <every value>". Cut from every error, not only
  // drizzle's: wrappers copy the message (Bolt's UnknownError around a listener's failure).
  const message = e.message.split('\nparams:')[0] ?? 'query failed';
  // Postgres's data exceptions (SQLSTATE class 22) quote the value they refused: `invalid input syntax for
  // type integer: "<the value>"`, `value "<the value>" is out of range`.
  if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) {
    return message.replace(/"(?:[^"]|"")*"/g, '"(value not logged)"');
  }
  return message;
}

/** JSON lines on stdout: one object per event, with context fields (drill id, user) beside the message. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'star-drill' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"warn" reads better in a terminal and in log search than pino's numeric 40.
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError },
    },
    destination,
  );
}

/**
 * Debug lines of Bolt, the WebClient and the Socket Mode client that copy whole payloads into the log: what
 * Slack sent (a view submission carries the candidate's answer), what the bot answered or posted (a thread
 * reply echoes it). Their other lines say what happened without the content.
 */
const CARRIES_CONTENT =
  /^(Error details:|An unhandled error occurred while Bolt processed \(|http request body|http request result|Received a message on the WebSocket|Unable to parse an incoming WebSocket message|Sending a WebSocket message|Calling ack\(\)|ack\(\) (call begins|response sent|response stored))/;

/** Bolt wants its own Logger interface; route it into the same pino stream under `component: bolt`. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const text = (msgs: unknown[]) =>
    msgs
      .map((m) => {
        if (typeof m === 'string') return m;
        if (m instanceof Error) return JSON.stringify(safeError(m));
        return JSON.stringify(m);
      })
      .join(' ');
  // Bolt and the WebClient call debug() on every request; format only what will be written.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...m: unknown[]) => {
      if (!child.isLevelEnabled(level)) return;
      // A query error written into a string by the library (`${error}`) carries drizzle's "params:" list.
      const line = text(m).replace(/\nparams:[\s\S]*$/, '\nparams: (not logged)');
      if (!CARRIES_CONTENT.test(line)) child[level](line);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {},
    getLevel: () => child.level as BoltLogLevel,
    setName: () => {},
  };
}
