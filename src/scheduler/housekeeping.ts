import type { Database } from '../db/client.ts';
import { forgetOldEvents } from '../db/repositories/events.ts';

const HOUR_MS = 60 * 60_000;

/**
 * Chores that ride on the scheduler's tick but are not deliveries. processed_events only has to outlive
 * Slack's retries of an event (minutes); without pruning it grows by every user_change in the workspace.
 * Hourly is plenty, and any replica may do it (the delete is idempotent).
 */
export class Housekeeping {
  private lastPruneAt: number | undefined;

  constructor(private readonly db: Database) {}

  async run(): Promise<void> {
    if (this.lastPruneAt !== undefined && performance.now() - this.lastPruneAt < HOUR_MS) return;
    this.lastPruneAt = performance.now();
    await forgetOldEvents(this.db);
  }
}
