import type { Database } from '../db/client.ts';
import {
  claimDueReminders,
  type DueReminder,
  holdReminder,
  isAnswered,
  markReminded,
  releaseReminder,
} from '../db/repositories/drill-reminders.ts';
import type { Logger } from '../logger.ts';
import { reminderSendable } from '../progress/reminder.ts';
import { REMINDER_OUTCOMES } from './outcomes.ts';
import { postReminder } from './posts.ts';
import type { BatchRun, DeliveryJob } from './runner.ts';

export interface ReminderCounts {
  reminded: number;
  /** Due, but the drill's day had reached its quiet evening (an outage): never sent. */
  remindersDropped: number;
}

export const REMINDER_BATCH = 100;
const LEASE_MS = 5 * 60_000;
/** Nudges posted at once per workspace: a hundred thousand due at one hour go out in minutes, not hours. */
export const REMINDERS_PER_WORKSPACE = 10;

/**
 * The one nudge in an unanswered scheduled drill's thread (progress/reminder.ts decides when), as one job of
 * the delivery runner. Exactly once across replicas with the same discipline as drills: a claim with SKIP
 * LOCKED and a lease, checked again (and renewed) right before each post, then `reminded_at` set once the
 * post is done. A crash between Slack's answer and that write can repeat a nudge, as for drills.
 */
export class ReminderJob implements DeliveryJob<DueReminder> {
  readonly name = 'reminder';
  readonly outcomes = REMINDER_OUTCOMES;
  readonly perWorkspace = REMINDERS_PER_WORKSPACE;
  readonly overlapBatches = false;
  readonly counts: ReminderCounts = { reminded: 0, remindersDropped: 0 };

  constructor(
    private readonly deps: { db: Database; log: Logger },
    private readonly now: Date,
  ) {}

  claim(skipTeams: string[]): Promise<DueReminder[]> {
    return claimDueReminders(this.deps.db, {
      now: this.now,
      leaseMs: LEASE_MS,
      limit: REMINDER_BATCH,
      skipTeams,
    });
  }

  async deliverBatch(due: DueReminder[], run: BatchRun<DueReminder>): Promise<void> {
    await Promise.all(due.map((r) => this.remind(r, run)));
  }

  /** `lease` is the claim's current token: holdReminder renews it right before the post. */
  release(r: DueReminder): Promise<void> {
    return releaseReminder(this.deps.db, r, r.lease);
  }

  /** The DM can never arrive (the user is gone): the reminder is over, like the drill. */
  giveUp(r: DueReminder): Promise<void> {
    return markReminded(this.deps.db, r);
  }

  private async remind(r: DueReminder, run: BatchRun<DueReminder>): Promise<void> {
    const { db } = this.deps;
    if (!reminderSendable(r.remindAt, this.now, r.tz, r.localDate)) {
      await markReminded(db, r);
      this.counts.remindersDropped += 1;
      this.log(r).info('reminder dropped: its day reached the quiet evening first');
      return;
    }
    const attempt = await run.post(r, async (slack) => {
      // Answered since the claim: no nudge after an answer.
      if (await isAnswered(db, r)) {
        await markReminded(db, r);
        return 'answered';
      }
      // A slow Slack (Retry-After pauses) can outlast the lease on the rest of the batch, and another replica
      // then takes them over. Post only what is still ours.
      const lease = await holdReminder(db, { ...r, leaseMs: LEASE_MS });
      if (lease === null) {
        this.log(r).info('reminder taken over by another replica after the lease ran out; not sent here');
        return 'taken_over';
      }
      r.lease = lease;
      await postReminder(slack, r);
      await markReminded(db, r);
      return 'reminded';
    });
    if (attempt.kind === 'done' && attempt.value === 'reminded') this.counts.reminded += 1;
  }

  private log(r: DueReminder): Logger {
    return this.deps.log.child({ drill: r.id, team: r.teamId, user: r.userId });
  }
}
