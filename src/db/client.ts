import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { withTimeout } from '../timeout.ts';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema/index.ts';

/** One type for both drivers, so repositories never know which database they run on. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  /** Where the data is, for the start-up log line (no password, no query string). */
  description: string;
  kind: 'postgres' | 'embedded';
  /**
   * Runs `fn` (the migrator) on a connection of its own holding a session-level advisory lock. Not a pool
   * connection: those give up on any query after 5 s, and a migration, or the wait for another replica's, may
   * take longer. What a migration waits for instead is bounded by `lock_timeout`.
   */
  withMigrationLock<T>(key: number, fn: (db: Database) => Promise<T>): Promise<T>;
  ping(timeoutMs?: number): Promise<boolean>;
  /** The Postgres pool's connections (metrics); undefined on the embedded database, which has no pool. */
  poolStats(): { total: number; idle: number; waiting: number } | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * The embedded database's data-directory lock was lost while held: another process may be writing the
   * same files. The default stops this process at once (exit 1) rather than risk corrupting them.
   */
  onLockLost?: (err: Error) => void;
}

export async function openDatabase(
  config: Config['database'],
  log: Logger,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') return openPostgres(config.url, log);
  const onLockLost =
    options.onLockLost ??
    ((err: Error) => {
      log.fatal(
        { err, dataDir: config.dataDir },
        'lost the lock on DATA_DIR: another process may be writing it; exiting',
      );
      process.exit(1);
    });
  return openEmbedded(config.dataDir, onLockLost);
}

/**
 * `postgres://user@host:5432/db` for the logs: no password, and no query string, which may carry one too
 * (`?password=`, `?sslpassword=`, `?sslkey=`).
 */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${u.username}@` : '';
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** A migration waiting this long for a table lock (held by a replica's long query) fails and is retried. */
const MIGRATION_LOCK_TIMEOUT = '15s';

/** How long stop() waits for the pool's connections to say goodbye to the server. */
const POOL_CLOSE_TIMEOUT_MS = 2_000;

/** Connections to a Postgres server per replica: the work after acks and the scheduler share them. */
export const POOL_SIZE = 10;

function openPostgres(url: string, log: Logger): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    // Fail fast while the database is unreachable so Slack still gets its ack and a clear reply in time.
    connectionTimeoutMillis: 2_000,
    // Behind a network partition or a hung server a sent query never hears back, and the OS takes ~15 minutes
    // to give up on the connection: the work after an ack would never answer the user, stop() would wait on
    // the stuck clients, and the pool would keep handing them out after the network heals. A failed query
    // releases its client with the error, so the pool drops it. Every query here takes milliseconds.
    query_timeout: 5_000,
    idleTimeoutMillis: 30_000,
    // Every query here reads or writes a handful of rows. Where the planner misjudges a range as large (the
    // tick's "earliest reminder due", whose drills are mostly reminded already), it plans parallel workers,
    // and starting them cost ~10 ms of an idle tick's ~1 ms at 100,000 subscribers (bench/tick-cost.ts).
    options: '-c max_parallel_workers_per_gather=0',
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener it kills the process.
  pool.on('error', (err) => log.warn({ err }, 'postgres connection lost; it will be reopened on demand'));
  // A checked-out client (inside a transaction, between statements) has no pool listener: its connection
  // dying would be an uncaught 'error'. Its caller's next query fails instead, and the pool drops the client
  // on release because it is no longer queryable.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    description: `postgres ${describeUrl(url)}`,
    async withMigrationLock(key, fn) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      client.on('error', (err) => log.warn({ err }, 'migration connection lost'));
      await client.connect();
      try {
        // Waits for a replica migrating right now, however long that takes; the session's end releases it.
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        await client.query(`SET lock_timeout = '${MIGRATION_LOCK_TIMEOUT}'`);
        return await fn(drizzlePg({ client, schema }) as unknown as Database);
      } finally {
        await client.end();
      }
    },
    ping: (timeoutMs) => ping(db, timeoutMs),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    // A client stuck behind a partition never hears the server's goodbye, so pool.end() would wait forever.
    close: async () => {
      const closed = await withTimeout(
        pool.end().then(() => true),
        POOL_CLOSE_TIMEOUT_MS,
        () => false,
      );
      if (!closed) log.warn('postgres connections did not close in time; leaving them to the process exit');
    },
  };
}

async function openEmbedded(dataDir: string, onLockLost: (err: Error) => void): Promise<DatabaseHandle> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  // PGlite is a single-process database: a second process on the same files would corrupt them.
  const unlock = await lockDataDir(dir, { onLost: onLockLost });
  // Loaded only here: the PGlite module costs ~40 MB of memory, which a bot on a Postgres server never needs.
  const [{ PGlite: Pglite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  let client: PGlite;
  try {
    client = await Pglite.create(path.join(dir, 'pglite'));
  } catch (err) {
    await unlock();
    throw err;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  // One process owns the files, so an in-process queue is the whole of the "advisory lock".
  let queue: Promise<unknown> = Promise.resolve();
  return {
    db,
    kind: 'embedded',
    description: `embedded postgres (PGlite) in ${dir}`,
    withMigrationLock<T>(_key: number, fn: (db: Database) => Promise<T>): Promise<T> {
      const run = queue.then(() => fn(db));
      queue = run.catch(() => {});
      return run;
    },
    ping: (timeoutMs) => ping(db, timeoutMs),
    poolStats: () => undefined,
    async close() {
      await client.close();
      await unlock();
    },
  };
}

function ping(db: Database, timeoutMs = 2_000): Promise<boolean> {
  const answered = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  return withTimeout(answered, timeoutMs, () => false);
}
