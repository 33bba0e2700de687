import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../src/config.ts';

export interface TestDatabase {
  config: Config['database'];
  kind: 'postgres' | 'embedded';
  drop(): Promise<void>;
}

/** True when the suite runs against a Postgres server (CI's second pass) rather than embedded PGlite. */
export const onPostgresServer = Boolean(process.env.DATABASE_URL);

/**
 * A fresh, empty database for one test file: on the server named by DATABASE_URL a new database
 * (dropped afterwards), else a new PGlite data directory. Each file migrates its own, through the real
 * migrator.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `star_drill_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      config: { kind: 'postgres', url: url.toString() },
      kind: 'postgres',
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-test-'));
  return {
    config: { kind: 'embedded', dataDir: dir },
    kind: 'embedded',
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
