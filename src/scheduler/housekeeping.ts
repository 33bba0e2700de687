import type { Database } from '../db/client.ts';
import { claimDailyJob, forgetOldJobRuns } from '../db/repositories/daily-jobs.ts';
import { forgetOldEvents } from '../db/repositories/events.ts';
import { forgetOldExportRequests } from '../db/repositories/export-requests.ts';
import {
  installationsDueForPurge,
  purgeWorkspace,
  RETENTION_DAYS,
} from '../db/repositories/installations.ts';
import { purgeRevokedTeam } from '../db/repositories/revoked-teams.ts';
import { forgetExpiredSignatures } from '../db/repositories/seen-signatures.ts';
import { revokedTeamsDue } from '../db/repositories/token-pauses.ts';
import type { Logger } from '../logger.ts';

const HOUR_MS = 60 * 60_000;

/**
 * Chores that ride on the scheduler's tick but are not deliveries, hourly on each replica:
 * - seen_signatures and export_requests only matter for minutes and an hour (replays, the export limit).
 * - processed_events only has to outlive Slack's retries of an event (minutes); without pruning it grows by
 *   every user_change in the workspace. Any replica may do it (the delete is idempotent).
 * - Once a day across all replicas (the daily_jobs row), the data of workspaces uninstalled RETENTION_DAYS ago
 *   and not reinstalled is deleted.
 */
export class Housekeeping {
  private lastRunAt: number | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly replicaId = 'replica',
  ) {}

  async run(): Promise<void> {
    if (this.lastRunAt !== undefined && performance.now() - this.lastRunAt < HOUR_MS) return;
    this.lastRunAt = performance.now();
    await forgetOldEvents(this.db);
    // Both are also bounded where they are written; these catch a bot that stopped receiving requests.
    await forgetExpiredSignatures(this.db);
    await forgetOldExportRequests(this.db, new Date(Date.now() - HOUR_MS));
    if (await claimDailyJob(this.db, 'purge_uninstalled', this.replicaId)) {
      await purgeUninstalledWorkspaces(this.db, this.log);
      await forgetOldJobRuns(this.db);
    }
  }
}

/** Deletes every workspace whose retention ran out; `now` for tests (default: the database's clock). */
export async function purgeUninstalledWorkspaces(db: Database, log: Logger, now?: Date): Promise<number> {
  let purged = await purgeRevokedTeams(db, log, now);
  for (;;) {
    const due = await installationsDueForPurge(db, now);
    if (due.length === 0) return purged;
    for (const workspace of due) {
      const people = await purgeWorkspace(db, workspace, now);
      if (people === undefined) continue;
      purged += 1;
      log.info(
        { installation: workspace.id, people, revokedAt: workspace.revokedAt.toISOString() },
        `deleted the data of a workspace uninstalled more than ${RETENTION_DAYS} days ago`,
      );
    }
  }
}

/** Workspaces an org-wide app was removed from (team_access_revoked) RETENTION_DAYS ago: their people go. */
async function purgeRevokedTeams(db: Database, log: Logger, now?: Date): Promise<number> {
  let purged = 0;
  for (;;) {
    const due = await revokedTeamsDue(db, RETENTION_DAYS, now);
    if (due.length === 0) return purged;
    for (const teamId of due) {
      const people = await purgeRevokedTeam(db, teamId, RETENTION_DAYS, now);
      if (people === undefined) continue;
      purged += 1;
      log.info(
        { team: teamId, people },
        `deleted the data of a workspace the org-wide app was removed from more than ${RETENTION_DAYS} days ago`,
      );
    }
  }
}
