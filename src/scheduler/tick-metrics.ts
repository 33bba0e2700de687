import { type DeliveryJob, type DeliveryOutcome, recordDeliveries, recordTick } from '../metrics/index.ts';

/** Which metric outcome each of a tick's counts is (metrics/registry.ts DELIVERY_OUTCOMES). */
const OUTCOMES = {
  delivered: ['drill', 'posted'],
  alreadyPosted: ['drill', 'already_posted'],
  skippedStale: ['drill', 'skipped_stale'],
  failed: ['drill', 'failed'],
  deactivated: ['drill', 'gave_up'],
  released: ['drill', 'released'],
  reminded: ['reminder', 'posted'],
  remindersDropped: ['reminder', 'dropped'],
  recapped: ['recap', 'posted'],
} satisfies Record<string, [DeliveryJob, DeliveryOutcome]>;

/** A tick's counts (scheduler.ts TickResult), keyed as above: kept here so this file needs nothing of the scheduler's. */
export type TickCounts = Partial<Record<keyof typeof OUTCOMES, number>>;

/** Records a finished tick: its duration, and each claimed row by job and outcome (every claim settles once). */
export function recordTickResult(seconds: number, result: TickCounts): void {
  const claimed: Record<DeliveryJob, number> = { drill: 0, reminder: 0, recap: 0 };
  for (const [key, [job, outcome]] of Object.entries(OUTCOMES) as [
    keyof TickCounts,
    [DeliveryJob, DeliveryOutcome],
  ][]) {
    const n = result[key] ?? 0;
    recordDeliveries(job, outcome, n);
    claimed[job] += n;
  }
  recordTick(seconds, claimed);
}
