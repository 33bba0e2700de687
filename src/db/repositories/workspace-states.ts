import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';

export interface WorkspaceStateCounts {
  active: number;
  token_paused: number;
  uninstalled: number;
}

/**
 * How many workspaces are active, paused because Slack refused their token, or uninstalled (awaiting the
 * purge), for the metrics. One statement. An uninstall's pause lasts until 'infinity' (delivery-pauses.ts), a
 * refused token's until its next check. With one workspace there is no installations row: the bot's own
 * workspace is the one, in whichever state its pause says.
 */
export async function countWorkspaceStates(
  db: Database,
  mode: 'single' | 'oauth',
): Promise<WorkspaceStateCounts> {
  type Row = { installed: number; revoked: number; refused: number; gone: number };
  const result = (await db.execute(sql`
    select
      (select count(*)::int from installations where revoked_at is null) as installed,
      (select count(*)::int from installations where revoked_at is not null) as revoked,
      (select count(*)::int from delivery_pauses where paused_until <> 'infinity') as refused,
      (select count(*)::int from delivery_pauses where paused_until = 'infinity') as gone`)) as unknown as {
    rows: Row[];
  };
  const row = result.rows[0] ?? { installed: 0, revoked: 0, refused: 0, gone: 0 };
  if (mode === 'single') {
    const paused = row.refused > 0 ? 1 : 0;
    const uninstalled = !paused && row.gone > 0 ? 1 : 0;
    return { active: 1 - paused - uninstalled, token_paused: paused, uninstalled };
  }
  return {
    active: Math.max(0, row.installed - row.refused),
    token_paused: row.refused,
    uninstalled: row.revoked,
  };
}
