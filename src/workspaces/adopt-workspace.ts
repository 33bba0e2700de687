import type { Database } from '../db/client.ts';
import { activeWorkspaceInstalls } from '../db/repositories/installations.ts';
import { endPause } from '../db/repositories/token-pauses.ts';
import { adoptLegacyUsers, deleteLegacyUsers, hasLegacyUsers } from '../db/repositories/users.ts';
import type { Logger } from '../logger.ts';

/**
 * Single workspace, at start-up, once the bot's token works (auth.test named its workspace):
 * - rows stored before data was kept per workspace (team '') move under that workspace (migration 0008);
 * - a pause of that workspace ends: the token just worked, so a reinstall (a new SLACK_BOT_TOKEN after an
 *   uninstall) or a token fixed while the bot was down delivers again at once.
 */
export async function adoptWorkspace(
  db: Database,
  identity: () => Promise<{ teamId?: string }>,
  log: Logger,
) {
  const { teamId } = await identity();
  if (!teamId) throw new Error('auth.test named no workspace');
  const moved = await adoptLegacyUsers(db, teamId);
  if (moved > 0) log.info({ team: teamId, users: moved }, 'stored users moved under the bot’s workspace');
  // What could not move: the workspace already has that user under its own id (a newer copy of them).
  const duplicates = await deleteLegacyUsers(db);
  if (duplicates > 0)
    log.info({ team: teamId, users: duplicates }, 'deleted stored users the workspace already has');
  if (await endPause(db, teamId)) log.info({ team: teamId }, 'the bot token works: scheduled drills resume');
}

/**
 * Many workspaces, at start-up and after each install: rows left with an empty team (migration 0008) belong to
 * the one workspace the bot served before it was distributed. While exactly one workspace has installed it,
 * they are that workspace's and move there; once installs are more than one (or only org-wide), nothing says
 * which workspace they came from, and they are deleted, so that neither `/star delete` nor the purge can miss
 * them. No install yet: they wait for the first.
 */
export async function settleLegacyRows(db: Database, log: Logger): Promise<void> {
  if (!(await hasLegacyUsers(db))) return;
  const installs = await activeWorkspaceInstalls(db, 2);
  if (installs.total === 0) return;
  if (installs.total === 1 && installs.teamIds.length === 1) {
    const [teamId] = installs.teamIds as [string];
    const moved = await adoptLegacyUsers(db, teamId);
    const duplicates = await deleteLegacyUsers(db);
    log.info(
      { team: teamId, users: moved, duplicates },
      'stored users moved under the one installed workspace',
    );
    return;
  }
  const deleted = await deleteLegacyUsers(db);
  log.warn(
    { users: deleted },
    'deleted stored users of no known workspace (from before data was kept per workspace)',
  );
}
