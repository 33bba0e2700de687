import { afterAll, beforeAll } from 'vitest';
import { openMigrated } from '../../harness/scheduler.ts';
import { createTestDatabase, type TestDatabase } from '../../harness/test-database.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';

/**
 * A migrated database of the test file's own (PGlite, or a fresh database on the Postgres server when
 * DATABASE_URL is set), opened before its tests and dropped after them. Call it at the top of the file;
 * `handle` is there once the tests run.
 */
export function useMigratedDatabase(): { readonly handle: DatabaseHandle } {
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = await openMigrated(database.config);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });
  return {
    get handle() {
      if (!handle) throw new Error('the migrated database is open only while the tests run');
      return handle;
    },
  };
}
