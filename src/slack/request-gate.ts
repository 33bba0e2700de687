import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { type HTTPReceiver, HTTPModuleFunctions as http, type Logger } from '@slack/bolt';
import { stampAckOwed } from './owed-ack.ts';
import { ReplayCache } from './replay-cache.ts';
import { stampDeadline } from './trigger-deadline.ts';

/**
 * Slack's requests are small: the largest this bot receives is a view submission of its STAR modal, four
 * 3,000-character answers plus the view itself (about 300 KB when every character is an emoji, encoded
 * twice). Bolt's default is 4 MB.
 */
export const BODY_LIMIT_BYTES = 512 * 1024;
/** Slack's rule, applied both ways: a request dated more than 5 minutes from now, past or future, is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type GateVerdict =
  | { ok: true; rawBody: Buffer; sentAtMs?: number; signature?: string }
  | { ok: false; status: 400 | 401 | 413; reason: string };

/**
 * What Bolt 5.1's HTTPReceiver lacks, in front of it on `/slack/events`:
 * - timestamps from the future are refused (Bolt refuses only old ones), and a signature already seen in the
 *   last 5 minutes (a replay) is refused;
 * - a correctly signed body that parses to `null` (JSON `null`, or `payload=null`) gets 400: Bolt reads
 *   `body.ssl_check` outside its try blocks and the request would never be answered;
 * - bodies over BODY_LIMIT_BYTES get 413.
 * What passes goes to Bolt already buffered; Bolt's own signature check is off (app.ts), so this gate is the
 * only one: every POST to the endpoint passes through it.
 */
export function gateRequests(
  receiver: HTTPReceiver,
  o: {
    endpoint: string;
    signingSecret: string;
    logger: Logger;
    /** How late each accepted request arrived (work-queue.ts stops taking on work when it grows). */
    onLateness?: (ms: number) => void;
    /** How far this host's clock runs ahead of Slack's (arrival-delay.ts), taken out of a request's age. */
    clockSkewMs?: () => number;
    /**
     * Called as a request arrives; the function it returns, once its response is written: the work queue
     * lets acks still owed go first (work-queue.ts).
     */
    onRequest?: () => () => void;
    /**
     * The JSON the gate answers a genuine request with itself, skipping Bolt, or undefined to pass it on:
     * a saturated bot's "busy" (shed-commands.ts) then costs it as little CPU as possible.
     */
    answerEarly?: (rawBody: Buffer, contentType: string | undefined) => object | undefined;
    /**
     * Signatures seen by any replica (shared-replays.ts): a request replayed to another replica is refused
     * too. Asked after `answerEarly`: a request answered "busy" does nothing, so it need not cost a query.
     */
    shared?: { firstTime(signature: string, expiresAt: Date): Promise<boolean> };
    now?: () => number;
  },
): void {
  const bolt = receiver.requestListener;
  const now = o.now ?? Date.now;
  const replays = new ReplayCache(MAX_CLOCK_SKEW_MS);
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    // Other routes stay synchronous: Bolt's server turns an unknown route's throw into a 404.
    if (req.method !== 'POST' || !isEndpoint(req.url, o.endpoint)) {
      return bolt(req, res);
    }
    const answered = o.onRequest?.();
    if (answered) {
      res.once('finish', answered);
      res.once('close', answered);
    }
    http.bufferIncomingMessage(req, BODY_LIMIT_BYTES).then(
      (buffered) => {
        const at = now();
        const verdict = judge(buffered, o.signingSecret, at, replays);
        if (!verdict.ok) {
          o.logger.warn(`refused a request: ${verdict.reason}`);
          http.buildNoBodyResponse(res, verdict.status);
          return;
        }
        if (answered) stampAckOwed(buffered, answered);
        if (verdict.sentAtMs !== undefined) {
          o.onLateness?.(lateness(verdict.sentAtMs, at));
          // The age the other way: as old as the whole-second timestamp allows, less this host's known lead.
          const age = Math.max(0, at - verdict.sentAtMs - (o.clockSkewMs?.() ?? 0));
          stampDeadline(buffered, age, performance.now());
        }
        const early = o.answerEarly?.(verdict.rawBody, req.headers['content-type']);
        if (early) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(early));
          return;
        }
        const { signature, sentAtMs } = verdict;
        if (!o.shared || signature === undefined || sentAtMs === undefined) return bolt(buffered, res);
        o.shared.firstTime(signature, new Date(sentAtMs + MAX_CLOCK_SKEW_MS)).then((first) => {
          if (first) return bolt(buffered, res);
          o.logger.warn('refused a request: a replay of a request another replica received');
          http.buildNoBodyResponse(res, 401);
        });
      },
      (err: unknown) => {
        const tooLarge = http.isRawBodyError(err) && (err as { statusCode: number }).statusCode === 413;
        if (tooLarge) o.logger.warn(`refused a request: its body is over ${BODY_LIMIT_BYTES} bytes`);
        http.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      },
    );
  };
}

type Buffered = IncomingMessage & { rawBody: Buffer };

/** The gate's decision on one buffered request (exported for its unit tests). */
export function judge(
  req: Buffered,
  signingSecret: string,
  nowMs: number,
  replays: ReplayCache,
): GateVerdict {
  const body = req.rawBody.toString();
  const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
  // Slack's unsigned SSL check: Bolt answers it and strips anything smuggled along.
  // Parsed only when it may be one: parsing every form just to look cost each command a second parse.
  if (form && body.includes('ssl_check') && parseQuery(body).ssl_check === '1') {
    return { ok: true, rawBody: req.rawBody };
  }
  const signature = header(req, 'x-slack-signature');
  const timestamp = header(req, 'x-slack-request-timestamp');
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, status: 401, reason: 'missing or malformed signature headers' };
  }
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, status: 401, reason: 'its timestamp is more than 5 minutes from now' };
  }
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return { ok: false, status: 401, reason: 'signature mismatch' };
  }
  // Only a genuine signature is remembered: forged ones must not fill the cache.
  if (!replays.firstTime(signature, nowMs)) {
    return { ok: false, status: 401, reason: 'a replay of a request already received' };
  }
  if (body.includes('null') && parsesToNull(req)) {
    return { ok: false, status: 400, reason: 'its body is null' };
  }
  return { ok: true, rawBody: req.rawBody, sentAtMs: Number(timestamp) * 1000, signature };
}

/**
 * How late a request surely is: Slack's timestamp is in whole seconds, so the request may have left up to a
 * second after it.
 */
export function lateness(sentAtMs: number, nowMs: number): number {
  return Math.max(0, nowMs - sentAtMs - 1_000);
}

/** Whether a request's URL names the endpoint (as Bolt routes it: the path, whatever the query). */
function isEndpoint(url: string | undefined, endpoint: string): boolean {
  // Slack posts to the bare path: answered without building a URL object for each request.
  if (url === endpoint) return true;
  return new URL(url ?? '/', 'http://localhost').pathname === endpoint;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function parsesToNull(req: Buffered): boolean {
  try {
    return http.parseHTTPRequestBody(req) === null;
  } catch {
    return false;
  }
}
