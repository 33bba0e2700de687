import { type DeliveryJob, type DeliveryOutcome, recordDeliveries, recordTick } from '../metrics/index.ts';

/** Which metric outcome each of a tick's counts is (metrics/registry.ts DELIVERY_OUTCOMES). */
const OUTCOMES = {
  delivered: ['drill', 'posted'],
  alreadyPosted: ['drill', 'already_posted'],
  skippedStale: ['drill', 'skipped_stale'],
  failed: ['drill', 'failed'],
  deactivated: ['drill', 'gave_up'],
  ended: ['drill', 'ended'],
  released: ['drill', 'released'],
  reminded: ['reminder', 'posted'],
  remindersDropped: ['reminder', 'dropped'],
  recapped: ['recap', 'posted'],
  mockSummaries: ['mock_summary', 'posted'],
} satisfies Record<string, [DeliveryJob, DeliveryOutcome]>;

/**
 * Failures are counted by the delivery runner as it settles them, for every job (delivery/runner.ts): here
 * they count only towards the rows claimed, never twice towards the deliveries.
 */
const COUNTED_BY_RUNNER = new Set<keyof typeof OUTCOMES>(['failed', 'deactivated']);

/** A tick's counts (scheduler.ts TickResult), keyed as above: kept here so this file needs nothing of the scheduler's. */
export type TickCounts = Partial<Record<keyof typeof OUTCOMES, number>>;

/** Records a finished tick: its duration, and each claimed row by job and outcome (every claim settles once). */
export function recordTickResult(seconds: number, result: TickCounts): void {
  const claimed: Record<DeliveryJob, number> = { drill: 0, reminder: 0, recap: 0, mock_summary: 0 };
  for (const [key, [job, outcome]] of Object.entries(OUTCOMES) as [
    keyof TickCounts,
    [DeliveryJob, DeliveryOutcome],
  ][]) {
    const n = result[key] ?? 0;
    if (!COUNTED_BY_RUNNER.has(key)) recordDeliveries(job, outcome, n);
    claimed[job] += n;
  }
  recordTick(seconds, claimed);
}
