// Installations after the install: revocation (uninstall), the purge 30 days later, and key rotation of the
// stored tokens, against the real database (PGlite, or the server in DATABASE_URL) migrated by the real
// migrator.

import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../harness/test-database.ts';
import { parseInstallationKeys } from '../../src/crypto/token-crypto.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import {
  deletePurgedInstallation,
  findInstallation,
  installationsDueForPurge,
  markRevoked,
} from '../../src/db/repositories/installations.ts';
import { installations } from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import { DatabaseInstallationStore } from '../../src/workspaces/installation-store.ts';
import { rekeyInstallations } from '../../src/workspaces/rekey.ts';
import { keyIdOf } from '../support/stored-token.ts';
import { orgInstall, teamBot, teamInstall } from './installation-fixtures.ts';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');
const keys = parseInstallationKeys(`k1:${K1}`);
const DAY = 86_400_000;

let database: TestDatabase;
let handle: DatabaseHandle;
let store: DatabaseInstallationStore;

beforeAll(async () => {
  database = await createTestDatabase();
  handle = await openDatabase(database.config, createLogger('error'));
  await runMigrations(handle);
  store = new DatabaseInstallationStore(handle.db, keys);
});

afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

beforeEach(async () => {
  await handle.db.delete(installations);
});

const _rawRow = async (id: string) =>
  (
    (await handle.db.execute(sql`select * from installations where id = ${id}`)) as unknown as {
      rows: Array<Record<string, unknown>>;
    }
  ).rows[0];

describe('revocation and the purge query', () => {
  const now = new Date('2025-06-01T00:00:00Z');

  it('markRevoked revokes once: a second event neither reports it again nor postpones the purge', async () => {
    await store.storeInstallation(teamInstall('T20'));
    const first = await markRevoked(handle.db, 'T20', new Date(now.getTime() - 10 * DAY));
    expect(first?.revokedAt).toEqual(new Date(now.getTime() - 10 * DAY));
    expect(first?.purgeAfter).toEqual(new Date(now.getTime() + 20 * DAY));
    expect(await markRevoked(handle.db, 'T20', now)).toBeUndefined();
    expect((await findInstallation(handle.db, 'T20'))?.purgeAfter).toEqual(
      new Date(now.getTime() + 20 * DAY),
    );
    expect(await markRevoked(handle.db, 'TNEVER', now)).toBeUndefined();
  });

  it('lists installations revoked more than 30 days ago and not reinstalled, oldest first', async () => {
    for (const id of ['T30', 'T31', 'T32', 'T33', 'T34']) await store.storeInstallation(teamInstall(id));
    await store.storeInstallation(orgInstall('E30'));
    await markRevoked(handle.db, 'T30', new Date(now.getTime() - 31 * DAY));
    await markRevoked(handle.db, 'T31', new Date(now.getTime() - 30 * DAY)); // exactly 30 days: due
    await markRevoked(handle.db, 'T32', new Date(now.getTime() - 30 * DAY + 1000)); // a second short
    await markRevoked(handle.db, 'T33', new Date(now.getTime() - 60 * DAY));
    await store.storeInstallation(teamInstall('T33')); // reinstalled: kept
    await markRevoked(handle.db, 'E30', new Date(now.getTime() - 45 * DAY));
    const due = await installationsDueForPurge(handle.db, now);
    expect(due).toEqual([
      {
        id: 'E30',
        teamId: null,
        enterpriseId: 'E30',
        isEnterpriseInstall: true,
        revokedAt: new Date(now.getTime() - 45 * DAY),
      },
      {
        id: 'T30',
        teamId: 'T30',
        enterpriseId: null,
        isEnterpriseInstall: false,
        revokedAt: new Date(now.getTime() - 31 * DAY),
      },
      {
        id: 'T31',
        teamId: 'T31',
        enterpriseId: null,
        isEnterpriseInstall: false,
        revokedAt: new Date(now.getTime() - 30 * DAY),
      },
    ]);
    expect((await installationsDueForPurge(handle.db, now, 1)).map((r) => r.id)).toEqual(['E30']);
    // On the database's clock (default) the dates above are long past.
    expect((await installationsDueForPurge(handle.db)).map((r) => r.id)).toEqual([
      'E30',
      'T30',
      'T31',
      'T32',
    ]);
  });

  it('deletePurgedInstallation deletes only a row still revoked and due', async () => {
    await store.storeInstallation(teamInstall('T40'));
    await store.storeInstallation(teamInstall('T41'));
    await markRevoked(handle.db, 'T40', new Date(now.getTime() - 31 * DAY));
    expect(await deletePurgedInstallation(handle.db, 'T41', now)).toBe(false); // active
    expect(await deletePurgedInstallation(handle.db, 'T40', new Date(now.getTime() - 2 * DAY))).toBe(false); // not due yet
    expect(await deletePurgedInstallation(handle.db, 'T40', now)).toBe(true);
    expect(await deletePurgedInstallation(handle.db, 'T40', now)).toBe(false); // exactly once
    expect(await findInstallation(handle.db, 'T40')).toBeUndefined();
    expect(await findInstallation(handle.db, 'T41')).toBeDefined();
  });
});

describe('key rotation', () => {
  it('tokens under the old key stay readable; rekey rewrites them under the new key; then the old key can go', async () => {
    const oldStore = new DatabaseInstallationStore(handle.db, keys);
    for (const id of ['T50', 'T51', 'T52']) await oldStore.storeInstallation(teamInstall(id));
    const base = teamInstall('T53');
    await oldStore.storeInstallation({
      ...base,
      bot: { ...teamBot('T53'), refreshToken: 'xoxe-refresh', expiresAt: 2e9 },
    });

    const rotated = parseInstallationKeys(`k2:${K2},k1:${K1}`);
    const newStore = new DatabaseInstallationStore(handle.db, rotated);
    const q = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });
    expect((await newStore.fetchInstallation(q('T50'))).bot?.token).toBe('xoxb-T50-secret-token');
    // A write after the rotation uses the new key.
    await newStore.storeInstallation(teamInstall('T51'));
    expect(keyIdOf((await findInstallation(handle.db, 'T51'))?.botToken ?? '')).toBe('k2');

    const report = await rekeyInstallations(handle.db, rotated, 2);
    expect(report).toEqual({ rewritten: 3, skipped: 0, failed: [] });
    for (const row of await handle.db.select().from(installations)) {
      expect(keyIdOf(row.botToken)).toBe('k2');
      if (row.botRefreshToken) expect(keyIdOf(row.botRefreshToken)).toBe('k2');
    }
    const onlyNew = new DatabaseInstallationStore(handle.db, parseInstallationKeys(`k2:${K2}`));
    for (const id of ['T50', 'T51', 'T52', 'T53']) {
      expect((await onlyNew.fetchInstallation(q(id))).bot?.token).toBe(`xoxb-${id}-secret-token`);
    }
    expect((await onlyNew.fetchInstallation(q('T53'))).bot?.refreshToken).toBe('xoxe-refresh');
    expect(await rekeyInstallations(handle.db, rotated)).toEqual({ rewritten: 0, skipped: 0, failed: [] });
  });

  it('a token under a key no longer held is reported, not lost, and the rest are rewritten', async () => {
    await new DatabaseInstallationStore(handle.db, keys).storeInstallation(teamInstall('T60'));
    const lost = parseInstallationKeys(`k0:${randomBytes(32).toString('base64')}`);
    await new DatabaseInstallationStore(handle.db, lost).storeInstallation(teamInstall('T61'));
    const rotated = parseInstallationKeys(`k2:${K2},k1:${K1}`);
    const report = await rekeyInstallations(handle.db, rotated);
    expect(report.rewritten).toBe(1);
    expect(report.failed).toEqual([{ id: 'T61', reason: expect.stringMatching(/key "k0"/) }]);
    expect(keyIdOf((await findInstallation(handle.db, 'T61'))?.botToken ?? '')).toBe('k0');
  });
});
