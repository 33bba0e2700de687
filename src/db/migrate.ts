import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Any constant shared by all replicas; it only has to differ from other advisory locks in the database. */
const MIGRATION_LOCK_KEY = 0x57a2d1;

/**
 * Applies pending migrations (`folder`: a test may apply an older set, to upgrade a database filled by it). Replicas starting together take turns on a Postgres advisory lock, so the
 * second finds the work done instead of racing to create the same tables.
 */
export async function runMigrations(handle: DatabaseHandle, folder = MIGRATIONS_FOLDER): Promise<void> {
  await handle.withMigrationLock(MIGRATION_LOCK_KEY, async (db) => {
    const migrate = handle.kind === 'postgres' ? migratePg : migratePglite;
    // Both migrators take the same folder; the cast bridges their driver-specific db types.
    await migrate(db as never, { migrationsFolder: folder });
  });
}
