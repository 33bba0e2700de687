import type { IncomingMessage } from 'node:http';

/** Slack waits this long for an ack, and a trigger_id opens a modal for this long after Slack sent it. */
export const SLACK_DEADLINE_MS = 3_000;
/**
 * Without a signed timestamp (Socket Mode's envelopes carry none) the request is taken to have left Slack
 * this long before the listener ran: a guess on the safe side, as a busy bot's backlog is not seen.
 */
const UNKNOWN_AGE_MS = 1_000;
const KEY = 'starDrillSlackDeadline';

/**
 * When Slack's 3 s for a request run out, as a `performance.now()` instant, from how old the request was
 * when the gate received it (its signed timestamp, whole seconds, so up to a second older than it looks:
 * the age taken is the larger). Stamped by request-gate.ts on the request, carried to the listener through
 * Bolt's context (HTTPReceiver's customPropertiesExtractor), read with `slackDeadlineOf`. A busy bot decides
 * with it whether a click can still open a modal, or a submission still be answered in the modal.
 */
export function stampDeadline(req: IncomingMessage, ageAtReceiptMs: number, receivedAt: number): void {
  (req as unknown as Record<string, number>)[KEY] = receivedAt + SLACK_DEADLINE_MS - ageAtReceiptMs;
}

/** Bolt's customPropertiesExtractor: the stamped deadline joins the listener's context. */
export function deadlineProperties(req: IncomingMessage): Record<string, number> {
  const deadline = (req as unknown as Record<string, unknown>)[KEY];
  return typeof deadline === 'number' ? { [KEY]: deadline } : {};
}

/** The request's deadline from a listener's context (a guess on the safe side when none was stamped). */
export function slackDeadlineOf(context: Record<string, unknown>): number {
  const deadline = context[KEY];
  return typeof deadline === 'number' ? deadline : performance.now() + SLACK_DEADLINE_MS - UNKNOWN_AGE_MS;
}
