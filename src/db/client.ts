import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema/index.ts';

/** One type for both drivers, so repositories never know which database they run on. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  /** Where the data is, for the start-up log line (the password is never shown). */
  description: string;
  kind: 'postgres' | 'embedded';
  /** Runs `fn` with a session-level advisory lock held on one connection (used by the migrator). */
  withAdvisoryLock<T>(key: number, fn: (db: Database) => Promise<T>): Promise<T>;
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(config: Config['database'], log: Logger): Promise<DatabaseHandle> {
  return config.kind === 'postgres' ? openPostgres(config.url, log) : openEmbedded(config.dataDir);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

function openPostgres(url: string, log: Logger): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Fail fast while the database is unreachable so Slack still gets its ack and a clear reply in time.
    connectionTimeoutMillis: 2_000,
    // Behind a network partition or a hung server a sent query never hears back, and the OS takes ~15 minutes
    // to give up on the connection: the work after an ack would never answer the user, stop() would wait on
    // the stuck clients, and the pool would keep handing them out after the network heals. A failed query
    // releases its client with the error, so the pool drops it. Every query here takes milliseconds.
    query_timeout: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener it kills the process.
  pool.on('error', (err) =>
    log.warn({ err: err.message }, 'postgres connection lost; it will be reopened on demand'),
  );
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    description: `postgres ${redactUrl(url)}`,
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn(drizzlePg({ client, schema }) as unknown as Database);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    ping: (timeoutMs) => ping(db, timeoutMs),
    close: () => pool.end(),
  };
}

async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  // PGlite is a single-process database: a second process on the same files would corrupt them.
  const unlock = await lockDataDir(dir);
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
    withAdvisoryLock<T>(_key: number, fn: (db: Database) => Promise<T>): Promise<T> {
      const run = queue.then(() => fn(db));
      queue = run.catch(() => {});
      return run;
    },
    ping: (timeoutMs) => ping(db, timeoutMs),
    async close() {
      await client.close();
      await unlock();
    },
  };
}

async function ping(db: Database, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
