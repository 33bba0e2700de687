// The Postgres pool's session settings, read back from the server the way the bot's queries see them.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgresServer } from '../../harness/test-database.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createLogger } from '../../src/logger.ts';

describe.runIf(onPostgresServer)('the bot’s Postgres connections', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    while (cleanup.length) await cleanup.pop()?.();
  });

  it('never plan parallel workers, whose start-up costs more than the small queries they would split', async () => {
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const handle = await openDatabase(database.config, createLogger('error'));
    cleanup.push(() => handle.close());
    // Several at once, so more than one pooled connection answers: each must carry the setting.
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const result = (await handle.db.execute(
          sql`select current_setting('max_parallel_workers_per_gather') as workers, pg_sleep(0.05)`,
        )) as unknown as { rows: Array<{ workers: string }> };
        return result.rows[0]?.workers;
      }),
    );
    expect(answers).toEqual(['0', '0', '0', '0']);
  });
});
