import type { Database } from '../db/client.ts';
import { endPause } from '../db/repositories/token-pauses.ts';
import { adoptLegacyUsers } from '../db/repositories/users.ts';
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
  if (await endPause(db, teamId)) log.info({ team: teamId }, 'the bot token works: scheduled drills resume');
}
