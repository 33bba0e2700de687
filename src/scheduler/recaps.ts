import type { WebClient } from '@slack/web-api';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Database } from '../db/client.ts';
import { progressRowsOf } from '../db/repositories/progress.ts';
import {
  advanceRecap,
  claimDueRecaps,
  claimRecapWeek,
  releaseRecap,
  setRecapTs,
} from '../db/repositories/recaps.ts';
import type { TokenWatch } from '../delivery/token-watch.ts';
import { isValidZone } from '../drills/schedule.ts';
import type { Logger } from '../logger.ts';
import { nextRecapAt, recapDue, weeklyRecap } from '../progress/recap.ts';
import { progressSnapshot } from '../progress/snapshot.ts';
import { recapMessage } from '../views/recap.ts';

export interface RecapCounts {
  recapped: number;
}

const BATCH = 50;
const LEASE_MS = 5 * 60_000;

/**
 * Monday's weekly recaps (progress/recap.ts decides which week and what goes in it). Exactly once per user and
 * week across replicas: the claim and lease take the subscription, and a row per (user, week) is inserted
 * before the post, so a second sender finds it taken.
 */
export async function sendDueRecaps(
  deps: { db: Database; bank: QuestionBank; slack: WebClient; log: Logger; tokens: TokenWatch },
  now: Date,
  stopping: () => boolean,
): Promise<RecapCounts> {
  const counts: RecapCounts = { recapped: 0 };
  while (!stopping()) {
    const due = await claimDueRecaps(deps.db, { now, leaseMs: LEASE_MS, limit: BATCH });
    if (due.length === 0) break;
    for (const r of due) {
      const log = deps.log.child({ user: r.userId, subscription: r.id });
      const zone = isValidZone(r.tz) ? r.tz : 'UTC';
      const next = nextRecapAt(zone, r.minuteOfDay, now);
      try {
        const week = recapDue({ zone, minuteOfDay: r.minuteOfDay, now, lastSentWeekStart: r.lastRecapWeek });
        if (!week) {
          await advanceRecap(deps.db, r.id, { nextRecapAt: next });
          continue;
        }
        const { rows } = await progressRowsOf(deps.db, r.userId);
        const { streak } = progressSnapshot(rows, deps.bank.topics, now);
        const titles = new Map(deps.bank.topics.map((t) => [t.slug, t.title]));
        const recap = weeklyRecap({ zone, week, answered: rows.answered, titles, streak });
        if (recap && (await claimRecapWeek(deps.db, r.userId, week.weekStart))) {
          const posted = await deps.slack.chat.postMessage({ channel: r.userId, ...recapMessage(recap) });
          if (posted.ts) await setRecapTs(deps.db, r.userId, week.weekStart, posted.ts);
          counts.recapped += 1;
        }
        await advanceRecap(deps.db, r.id, { nextRecapAt: next, lastRecapWeek: week.weekStart });
      } catch (err) {
        const failure = await deps.tokens.report(err).catch(() => ({ kind: 'transient' as const }));
        log.warn({ err }, 'weekly recap not sent');
        // The week's row (if inserted) keeps it from being sent twice; the next Monday is next either way.
        await advanceRecap(deps.db, r.id, { nextRecapAt: next }).catch(() => releaseRecap(deps.db, r.id));
        if (failure.kind === 'token') return counts;
      }
    }
    if (due.length < BATCH) break;
  }
  return counts;
}
