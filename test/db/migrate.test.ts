import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { MIGRATIONS_FOLDER, runMigrations } from '../../src/db/migrate.ts';
import { createLogger } from '../../src/logger.ts';

const db0IsServer = () => onPostgresServer;

const log = createLogger('error');
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function fresh(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db;
}
async function open(db: TestDatabase): Promise<DatabaseHandle> {
  const handle = await openDatabase(db.config, log);
  cleanup.push(() => handle.close());
  return handle;
}

// Both drivers return { rows }; the shared Database type does not know which one it is.
const rows = async (h: DatabaseHandle, query: ReturnType<typeof sql>) =>
  ((await h.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

describe('migrations', () => {
  it('replicas migrating at the same moment take turns: every migration applied exactly once', async () => {
    const db = await fresh();
    const first = await open(db);
    // On a server, two pools (two replicas); embedded, two callers in the one owning process.
    const second = db.kind === 'postgres' ? await open(db) : first;
    await Promise.all([runMigrations(first), runMigrations(second), runMigrations(first)]);
    const files = (await readdir(MIGRATIONS_FOLDER)).filter((f) => f.endsWith('.sql'));
    const applied = await rows(first, sql`select hash from drizzle.__drizzle_migrations`);
    expect(applied).toHaveLength(files.length);
    const tables = await rows(
      first,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'answers',
      'daily_jobs',
      'days_off',
      'delivery_pauses',
      'drill_stories',
      'drills',
      'export_requests',
      'follow_up_answers',
      'guide_drafts',
      'guide_versions',
      'installations',
      'mock_interviews',
      'model_follow_ups',
      'peer_reviews',
      'processed_events',
      'recaps',
      'review_cards',
      'roles',
      'seen_signatures',
      'stories',
      'subscriptions',
      'users',
      'workspace_model',
    ]);
  });

  it('the due-subscription index and the one-drill-per-local-day guard exist', async () => {
    const db = await fresh();
    const h = await open(db);
    await runMigrations(h);
    const indexes = await rows(
      h,
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`,
    );
    const byName = Object.fromEntries(indexes.map((i) => [i.indexname, String(i.indexdef)]));
    expect(byName.subscriptions_due_idx).toMatch(/\(next_due_at\) WHERE active/);
    expect(byName.drills_user_local_date_uq).toMatch(
      /UNIQUE INDEX .*\(team_id, user_id, local_date\) WHERE \(source = 'scheduled'/,
    );
    expect(byName.answers_drill_id_unique).toMatch(/UNIQUE/);
    // The hourly prune deletes processed_events by age.
    expect(byName.processed_events_created_idx).toMatch(/\(created_at\)/);
  });

  it('the database refuses values outside the enum-like columns, whatever the code sends', async () => {
    const db = await fresh();
    const h = await open(db);
    await runMigrations(h);
    await h.db.execute(sql`insert into users (team_id, id) values ('T1', 'UCHECK')`);
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await h.db.execute(statement).then(
        () => undefined,
        (err: unknown) => err as { cause?: { code?: string } },
      );
      expect(error?.cause?.code, String(statement.queryChunks)).toBe('23514'); // check_violation
    };
    for (const mask of [0, 128, -1, 255]) {
      await refused(
        sql`insert into subscriptions (team_id, user_id, minute_of_day, day_mask) values ('T1', 'UCHECK', 540, ${mask})`,
      );
    }
    await refused(
      sql`insert into subscriptions (team_id, user_id, minute_of_day, day_mask, reminder_minutes) values ('T1', 'UCHECK', 540, 31, 5)`,
    );
    await refused(
      sql`insert into subscriptions (team_id, user_id, minute_of_day, day_mask) values ('T1', 'UCHECK', 1440, 127)`,
    );
    await refused(
      sql`insert into subscriptions (team_id, user_id, minute_of_day, day_mask) values ('T1', 'UCHECK', -1, 127)`,
    );
    await refused(
      sql`insert into drills (team_id, user_id, topic_slug, question_id, question_text, source) values ('T1', 'UCHECK', 't', 'q', 'x', 'other')`,
    );
    // A scheduled drill has a local date; an on-demand one has none.
    await refused(
      sql`insert into drills (team_id, user_id, topic_slug, question_id, question_text, source) values ('T1', 'UCHECK', 't', 'q', 'x', 'scheduled')`,
    );
    await h.db.execute(
      sql`insert into subscriptions (team_id, user_id, minute_of_day, day_mask) values ('T1', 'UCHECK', 1439, 31)`,
    );
  });

  it.runIf(db0IsServer())(
    'waits for another replica’s migration however long it takes (no 5 s query timeout)',
    async () => {
      const db = await fresh();
      const url = (db.config as { url: string }).url;
      // Another replica holds the migration lock for 6 s, longer than any pool query may take.
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      cleanup.push(() => other.end());
      await other.query('select pg_advisory_lock($1)', [0x57a2d1]);
      const release = setTimeout(() => void other.query('select pg_advisory_unlock($1)', [0x57a2d1]), 6_000);
      cleanup.push(async () => clearTimeout(release));
      const h = await open(db);
      const started = performance.now();
      await runMigrations(h);
      expect(performance.now() - started).toBeGreaterThan(5_500);
      expect(await rows(h, sql`select count(*)::int as n from users`)).toEqual([{ n: 0 }]);
    },
    30_000,
  );

  it('npm run db:migrate applies them on their own and exits 0', async () => {
    const db = await fresh();
    const env =
      db.config.kind === 'postgres'
        ? { DATABASE_URL: db.config.url }
        : { DATA_DIR: db.config.dataDir, DATABASE_URL: '' };
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'db:migrate'], {
      env: { ...process.env, ...env },
    });
    expect(stdout).toContain('migrations applied');
    const h = await open(db);
    expect(await rows(h, sql`select count(*)::int as n from users`)).toEqual([{ n: 0 }]);
  });
});
