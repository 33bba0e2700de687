import type { Database } from '../db/client.ts';
import { progressRowsOf } from '../db/repositories/progress.ts';
import {
  advanceRecap,
  claimDueRecaps,
  claimRecapWeek,
  type DueRecap,
  releaseRecap,
  setRecapTs,
  unclaimRecapWeek,
} from '../db/repositories/recaps.ts';
import { isValidZone } from '../drills/schedule.ts';
import type { Logger } from '../logger.ts';
import { nextRecapAt, recapDue, weeklyRecap } from '../progress/recap.ts';
import { progressSnapshot } from '../progress/snapshot.ts';
import type { TeamBanks } from '../workspaces/guide-banks.ts';
import { RECAP_OUTCOMES } from './outcomes.ts';
import { postRecap } from './posts.ts';
import { roleGapsOf } from './recap-role-gaps.ts';
import type { BatchRun, DeliveryJob } from './runner.ts';

export interface RecapCounts {
  recapped: number;
}

const BATCH = 50;
const LEASE_MS = 5 * 60_000;

/** A claimed recap, and the week whose row it holds while its post is under way. */
type ClaimedRecap = DueRecap & { claimedWeek?: string };

/**
 * Monday's weekly recaps (progress/recap.ts decides which week and what goes in it), as one job of the
 * delivery runner. Exactly once per user and week across replicas: the claim and lease take the
 * subscription, and a row per (user, week) is inserted before the post, so a second sender finds it taken.
 * A post Slack refused for a reason that may pass (a 429, a dead token, an outage) gives the week's row back,
 * so a later attempt sends it; only a crash between Slack's answer and the ts being stored can lose one.
 */
export class RecapJob implements DeliveryJob<ClaimedRecap> {
  readonly name = 'recap';
  readonly outcomes = RECAP_OUTCOMES;
  /** One at a time per workspace: a recap is a handful of queries and one post, once a week. */
  readonly perWorkspace = 1;
  readonly overlapBatches = false;
  readonly counts: RecapCounts = { recapped: 0 };

  constructor(
    private readonly deps: { db: Database; banks: TeamBanks; log: Logger },
    private readonly now: Date,
  ) {}

  claim(skipTeams: string[]): Promise<ClaimedRecap[]> {
    return claimDueRecaps(this.deps.db, { now: this.now, leaseMs: LEASE_MS, limit: BATCH, skipTeams });
  }

  async deliverBatch(due: ClaimedRecap[], run: BatchRun<ClaimedRecap>): Promise<void> {
    await Promise.all(due.map((r) => this.recap(r, run)));
  }

  /** Nothing reached the user: the week's row goes back with the claim, and a later attempt sends it. */
  async release(r: ClaimedRecap): Promise<void> {
    if (r.claimedWeek) await unclaimRecapWeek(this.deps.db, r, r.claimedWeek).catch(() => undefined);
    r.claimedWeek = undefined;
    await releaseRecap(this.deps.db, r);
  }

  /** The DM can never arrive: this week is over for them; the next Monday is next. */
  async giveUp(r: ClaimedRecap, _failure: unknown, err: unknown): Promise<void> {
    this.deps.log
      .child({ team: r.teamId, user: r.userId, subscription: r.id })
      .warn({ err }, 'weekly recap not sent');
    await advanceRecap(this.deps.db, r, { nextRecapAt: this.nextAt(r) }).catch(() =>
      releaseRecap(this.deps.db, r),
    );
  }

  private zoneOf(r: DueRecap): string {
    return isValidZone(r.tz) ? r.tz : 'UTC';
  }

  private nextAt(r: DueRecap): Date {
    return nextRecapAt(this.zoneOf(r), r.minuteOfDay, this.now);
  }

  private async recap(r: ClaimedRecap, run: BatchRun<ClaimedRecap>): Promise<void> {
    const { db, banks } = this.deps;
    const zone = this.zoneOf(r);
    const next = this.nextAt(r);
    const attempt = await run.post(r, async (slack) => {
      const week = recapDue({
        zone,
        minuteOfDay: r.minuteOfDay,
        now: this.now,
        lastSentWeekStart: r.lastRecapWeek,
      });
      if (!week) {
        await advanceRecap(db, r, { nextRecapAt: next });
        return false;
      }
      const [{ rows }, bank] = await Promise.all([progressRowsOf(db, r), banks.forTeam(r.teamId)]);
      const { streak } = progressSnapshot(rows, bank.topics, this.now);
      const titles = new Map(bank.topics.map((t) => [t.slug, t.title]));
      const recap = weeklyRecap({ zone, week, answered: rows.answered, titles, streak });
      // Read before the week is claimed: a failure here leaves nothing claimed.
      const gaps = recap ? await roleGapsOf(db, r) : undefined;
      let sent = false;
      if (recap && (await claimRecapWeek(db, r, week.weekStart))) {
        r.claimedWeek = week.weekStart;
        const ts = await postRecap(slack, r.userId, recap, gaps);
        r.claimedWeek = undefined;
        if (ts) await setRecapTs(db, r, week.weekStart, ts);
        sent = true;
      }
      await advanceRecap(db, r, { nextRecapAt: next, lastRecapWeek: week.weekStart });
      return sent;
    });
    if (attempt.kind === 'done' && attempt.value) this.counts.recapped += 1;
  }
}
