import type { IncomingMessage } from 'node:http';

const KEY = 'starDrillAckOwed';

/**
 * The gate counts every request as owed its ack until its response is written (work-queue.ts: work after an
 * ack waits for the acks owed). A listener that holds its ack for its own work (a slash command answering in
 * the ack) is not a quick ack waiting: it says so with `ackNoLongerOwed`, or its own work would wait on it.
 * Stamped by request-gate.ts on the request, carried to the listener through Bolt's context like the deadline
 * (trigger-deadline.ts).
 */
export function stampAckOwed(req: IncomingMessage, answered: () => void): void {
  (req as unknown as Record<string, unknown>)[KEY] = answered;
}

/** Bolt's customPropertiesExtractor part: the stamped function joins the listener's context. */
export function ackOwedProperties(req: IncomingMessage): Record<string, () => void> {
  const answered = (req as unknown as Record<string, unknown>)[KEY];
  return typeof answered === 'function' ? { [KEY]: answered as () => void } : {};
}

/** Stops counting the request of `context` as owed its ack (no-op without a stamp: Socket Mode). */
export function ackNoLongerOwed(context: Record<string, unknown>): void {
  const answered = context[KEY];
  if (typeof answered === 'function') answered();
}
