import type { QuestionBank } from '../bank/question-bank.ts';
import type { Database } from '../db/client.ts';
import { progressRowsOf } from '../db/repositories/progress.ts';
import {
  advanceRecap,
  claimDueRecaps,
  claimRecapWeek,
  releaseRecap,
  setRecapTs,
  unclaimRecapWeek,
} from '../db/repositories/recaps.ts';
import type { TokenWatch } from '../delivery/token-watch.ts';
import { isValidZone } from '../drills/schedule.ts';
import type { Logger } from '../logger.ts';
import { nextRecapAt, recapDue, weeklyRecap } from '../progress/recap.ts';
import { progressSnapshot } from '../progress/snapshot.ts';
import { NoInstallationError } from '../slack-api/errors.ts';
import { recapMessage } from '../views/recap.ts';
import type { WorkspaceClients } from '../workspaces/workspace-clients.ts';
import type { RateLimits } from './rate-limits.ts';
import { roleGapsOf } from './recap-role-gaps.ts';

export interface RecapCounts {
  recapped: number;
}

const BATCH = 50;
const LEASE_MS = 5 * 60_000;

/**
 * Monday's weekly recaps (progress/recap.ts decides which week and what goes in it). Exactly once per user and
 * week across replicas: the claim and lease take the subscription, and a row per (user, week) is inserted
 * before the post, so a second sender finds it taken. A post Slack refused for a reason that may pass (a 429,
 * a dead token, an outage) gives the week's row back, so a later tick sends it; only a crash between Slack's
 * answer and the ts being stored can lose one.
 */
export async function sendDueRecaps(
  deps: {
    db: Database;
    bank: QuestionBank;
    workspaces: WorkspaceClients;
    log: Logger;
    tokens: TokenWatch;
    rateLimits: RateLimits;
  },
  now: Date,
  stopping: () => boolean,
): Promise<RecapCounts> {
  const counts: RecapCounts = { recapped: 0 };
  const refused = new Set<string>();
  while (!stopping()) {
    const due = await claimDueRecaps(deps.db, {
      now,
      leaseMs: LEASE_MS,
      limit: BATCH,
      skipTeams: [...refused, ...deps.rateLimits.held()],
    });
    if (due.length === 0) break;
    for (const r of due) {
      const log = deps.log.child({ team: r.teamId, user: r.userId, subscription: r.id });
      if (refused.has(r.teamId) || deps.rateLimits.isHeld(r.teamId)) {
        await releaseRecap(deps.db, r.id);
        continue;
      }
      let claimedWeek: string | undefined;
      const zone = isValidZone(r.tz) ? r.tz : 'UTC';
      const next = nextRecapAt(zone, r.minuteOfDay, now);
      try {
        const week = recapDue({ zone, minuteOfDay: r.minuteOfDay, now, lastSentWeekStart: r.lastRecapWeek });
        if (!week) {
          await advanceRecap(deps.db, r.id, { nextRecapAt: next });
          continue;
        }
        const { rows } = await progressRowsOf(deps.db, r);
        const { streak } = progressSnapshot(rows, deps.bank.topics, now);
        const titles = new Map(deps.bank.topics.map((t) => [t.slug, t.title]));
        const recap = weeklyRecap({ zone, week, answered: rows.answered, titles, streak });
        // Read before the week is claimed: a failure here leaves nothing claimed.
        const gaps = recap ? await roleGapsOf(deps.db, r) : undefined;
        if (recap && (await claimRecapWeek(deps.db, r, week.weekStart))) {
          claimedWeek = week.weekStart;
          const slack = await deps.workspaces.forWorkspace(r);
          if (!slack) throw new NoInstallationError(r.teamId);
          const posted = await slack.scheduler.chat.postMessage({
            channel: r.userId,
            ...recapMessage(recap, gaps),
          });
          claimedWeek = undefined;
          if (posted.ts) await setRecapTs(deps.db, r, week.weekStart, posted.ts);
          counts.recapped += 1;
        }
        await advanceRecap(deps.db, r.id, { nextRecapAt: next, lastRecapWeek: week.weekStart });
      } catch (err) {
        const failure = await deps.tokens.report(err, r.teamId).catch(() => ({ kind: 'transient' as const }));
        if (failure.kind === 'recipient') {
          // The DM can never arrive: this week is over for them; the next Monday is next.
          log.warn({ err }, 'weekly recap not sent');
          await advanceRecap(deps.db, r.id, { nextRecapAt: next }).catch(() => releaseRecap(deps.db, r.id));
          continue;
        }
        // Nothing reached the user: the week's row goes back and a later tick tries again.
        if (claimedWeek) await unclaimRecapWeek(deps.db, r, claimedWeek).catch(() => undefined);
        await releaseRecap(deps.db, r.id).catch(() => undefined);
        if (failure.kind === 'rate_limited') deps.rateLimits.hold(r.teamId, failure.retryAfterMs);
        else log.warn({ err }, 'weekly recap not sent; a later tick retries');
        if (failure.kind === 'token') {
          refused.add(r.teamId);
          deps.workspaces.forget(r.teamId);
        }
      }
    }
    if (due.length < BATCH) break;
  }
  return counts;
}
