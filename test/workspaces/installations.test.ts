// The installations table, its repository and Bolt's InstallationStore on it, against the real database
// (PGlite, or the server in DATABASE_URL) migrated by the real migrator.

import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/oauth';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../harness/test-database.ts';
import { parseInstallationKeys } from '../../src/crypto/token-crypto.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import {
  findActiveInstallation,
  findInstallation,
  installationIdOf,
  installationsDueForPurge,
  RETENTION_DAYS,
} from '../../src/db/repositories/installations.ts';
import { installations } from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import {
  DatabaseInstallationStore,
  InstallationNotFoundError,
  UnusableInstallationError,
} from '../../src/workspaces/installation-store.ts';
import { orgInstall, teamBot, teamInstall } from './installation-fixtures.ts';

const K1 = randomBytes(32).toString('base64');
const _K2 = randomBytes(32).toString('base64');
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

const rawRow = async (id: string) =>
  (
    (await handle.db.execute(sql`select * from installations where id = ${id}`)) as unknown as {
      rows: Array<Record<string, unknown>>;
    }
  ).rows[0];

describe('installationIdOf', () => {
  it('is the enterprise id for an org-wide install, the team id otherwise', () => {
    expect(installationIdOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false })).toBe('T1');
    expect(installationIdOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toBe('E1');
    expect(installationIdOf({ teamId: 'T1' })).toBe('T1');
    expect(installationIdOf({ enterpriseId: 'E1', isEnterpriseInstall: false })).toBeUndefined();
    expect(installationIdOf({ teamId: 'T1', isEnterpriseInstall: true })).toBeUndefined();
    expect(installationIdOf({ teamId: '', isEnterpriseInstall: false })).toBeUndefined();
  });
});

describe('DatabaseInstallationStore', () => {
  it('stores a workspace install by team id with the token encrypted, and fetches it back whole', async () => {
    const install = teamInstall('T1');
    await store.storeInstallation(install);
    const raw = await rawRow('T1');
    expect(raw).toMatchObject({
      id: 'T1',
      team_id: 'T1',
      team_name: 'Team T1',
      enterprise_id: null,
      is_enterprise_install: false,
      app_id: 'A0APP',
      bot_id: 'BT1',
      bot_user_id: 'UT1BOT',
      bot_scopes: ['chat:write', 'commands'],
      installer_user_id: 'UINSTALLER',
      revoked_at: null,
      purge_after: null,
    });
    // The plaintext token is nowhere in the row.
    expect(JSON.stringify(raw)).not.toContain('secret-token');
    expect(String(raw?.bot_token)).toMatch(/^v1:k1:/);

    const fetched = await store.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched).toEqual({ ...install, user: { id: 'UINSTALLER', token: undefined, scopes: undefined } });
  });

  it('a workspace inside an Enterprise Grid org (not org-wide) is stored by team id, its enterprise kept', async () => {
    await store.storeInstallation(teamInstall('T2', { enterprise: { id: 'E9', name: 'Grid' } }));
    const row = await findInstallation(handle.db, 'T2');
    expect(row).toMatchObject({ teamId: 'T2', enterpriseId: 'E9', isEnterpriseInstall: false });
    const fetched = await store.fetchInstallation({
      teamId: 'T2',
      enterpriseId: 'E9',
      isEnterpriseInstall: false,
    });
    expect(fetched.enterprise).toEqual({ id: 'E9', name: 'Grid' });
    expect(fetched.bot?.token).toBe('xoxb-T2-secret-token');
  });

  it('stores and fetches an org-wide install by enterprise id, whatever workspace the request comes from', async () => {
    await store.storeInstallation(orgInstall('E1'));
    const row = await findInstallation(handle.db, 'E1');
    expect(row).toMatchObject({
      id: 'E1',
      teamId: null,
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
      enterpriseUrl: 'https://grid-org.enterprise.slack.com/',
    });
    for (const teamId of ['T100', 'T200', undefined]) {
      const fetched = await store.fetchInstallation({
        teamId: teamId as never,
        enterpriseId: 'E1',
        isEnterpriseInstall: true,
      });
      expect(fetched).toMatchObject({
        team: undefined,
        enterprise: { id: 'E1', name: 'Grid Org' },
        isEnterpriseInstall: true,
        enterpriseUrl: 'https://grid-org.enterprise.slack.com/',
        bot: { token: 'xoxb-E1-org-token', userId: 'WORGBOT', id: 'BORG' },
      });
    }
    // Not a workspace install: a lookup by team id does not find it.
    await expect(
      store.fetchInstallation({ teamId: 'E1', enterpriseId: 'E1', isEnterpriseInstall: false }),
    ).rejects.toThrow(InstallationNotFoundError);
  });

  it('a reinstall updates the one row: new token, scopes and installer, first install date kept', async () => {
    const first = await store.store(teamInstall('T3'));
    expect(first).toEqual({ id: 'T3', created: true });
    const before = await findInstallation(handle.db, 'T3');
    const second = await store.store(
      teamInstall('T3', {
        user: { id: 'UOTHER', token: undefined, scopes: undefined },
        bot: {
          token: 'xoxb-T3-new-token',
          scopes: ['chat:write', 'commands', 'users:read'],
          id: 'BT3',
          userId: 'UT3BOT',
        },
      }),
    );
    expect(second).toEqual({ id: 'T3', created: false });
    const rows = await handle.db.select().from(installations);
    expect(rows).toHaveLength(1);
    const after = rows[0];
    expect(after).toMatchObject({
      installerUserId: 'UOTHER',
      botScopes: ['chat:write', 'commands', 'users:read'],
    });
    expect(after?.installedAt).toEqual(before?.installedAt);
    expect(after?.updatedAt.getTime()).toBeGreaterThanOrEqual(before?.updatedAt.getTime() ?? 0);
    expect(after?.botToken).not.toBe(before?.botToken);
    const fetched = await store.fetchInstallation({
      teamId: 'T3',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe('xoxb-T3-new-token');
  });

  it('refuses what the bot cannot run on, storing nothing', async () => {
    await expect(store.storeInstallation(teamInstall('T4', { bot: undefined }))).rejects.toThrow(
      /carries no bot token/,
    );
    await expect(
      store.storeInstallation({ ...orgInstall('E2'), enterprise: undefined as never }),
    ).rejects.toThrow(UnusableInstallationError);
    await expect(
      store.storeInstallation({ ...teamInstall('T5'), authVersion: 'v1' } as unknown as Installation),
    ).rejects.toThrow(/OAuth v1/);
    expect(await handle.db.select().from(installations)).toEqual([]);
  });

  it('fetching what was never installed fails clearly', async () => {
    await expect(
      store.fetchInstallation({ teamId: 'TNONE', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow('no active installation for TNONE');
    await expect(
      store.fetchInstallation({ teamId: undefined as never, enterpriseId: 'E1', isEnterpriseInstall: false }),
    ).rejects.toThrow(/no installation id/);
  });

  it('deleteInstallation marks the install revoked, keeps the row, and it is never returned for use again', async () => {
    await store.storeInstallation(teamInstall('T6'));
    await store.deleteInstallation({ teamId: 'T6', enterpriseId: undefined, isEnterpriseInstall: false });
    const row = await findInstallation(handle.db, 'T6');
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect(row?.purgeAfter?.getTime()).toBe((row?.revokedAt?.getTime() ?? 0) + RETENTION_DAYS * DAY);
    expect(await findActiveInstallation(handle.db, 'T6')).toBeUndefined();
    await expect(
      store.fetchInstallation({ teamId: 'T6', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(InstallationNotFoundError);
  });

  it('deleteInstallation for a user (a user token, never stored) leaves the bot installation alone', async () => {
    await store.storeInstallation(teamInstall('T7'));
    await store.deleteInstallation({
      teamId: 'T7',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
      userId: 'U1',
    });
    expect((await findInstallation(handle.db, 'T7'))?.revokedAt).toBeNull();
  });

  it('a reinstall after an uninstall clears the revocation: usable again, no longer due for purge', async () => {
    await store.storeInstallation(teamInstall('T8'));
    await store.revoke({ teamId: 'T8', isEnterpriseInstall: false }, new Date(Date.now() - 40 * DAY));
    expect((await installationsDueForPurge(handle.db)).map((r) => r.id)).toEqual(['T8']);
    await store.storeInstallation(teamInstall('T8', { bot: { ...teamBot('T8'), token: 'xoxb-T8-again' } }));
    expect(await installationsDueForPurge(handle.db)).toEqual([]);
    const row = await findInstallation(handle.db, 'T8');
    expect(row).toMatchObject({ revokedAt: null, purgeAfter: null });
    const fetched = await store.fetchInstallation({
      teamId: 'T8',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe('xoxb-T8-again');
  });

  it('an org-wide install is revoked by enterprise id', async () => {
    await store.storeInstallation(orgInstall('E3'));
    expect(await store.revoke({ teamId: 'T1', enterpriseId: 'E3', isEnterpriseInstall: true })).toBe(true);
    expect((await findInstallation(handle.db, 'E3'))?.revokedAt).toBeInstanceOf(Date);
  });

  it('token rotation: a refresh token and expiry are stored encrypted and returned', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 43_200;
    const base = teamInstall('T9');
    await store.storeInstallation({
      ...base,
      bot: { ...teamBot('T9'), refreshToken: 'xoxe-1-refresh-secret', expiresAt },
    });
    const raw = await rawRow('T9');
    expect(JSON.stringify(raw)).not.toContain('refresh-secret');
    const fetched = await store.fetchInstallation({
      teamId: 'T9',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot).toMatchObject({ refreshToken: 'xoxe-1-refresh-secret', expiresAt });
    // A reinstall without rotation clears both.
    await store.storeInstallation(teamInstall('T9'));
    expect(await findInstallation(handle.db, 'T9')).toMatchObject({
      botRefreshToken: null,
      botTokenExpiresAt: null,
    });
  });

  it('a token swapped onto another row, or tampered with in the database, fails instead of being used', async () => {
    await store.storeInstallation(teamInstall('T10'));
    await store.storeInstallation(teamInstall('T11'));
    const t10 = await findInstallation(handle.db, 'T10');
    await handle.db
      .update(installations)
      .set({ botToken: t10?.botToken ?? '' })
      .where(sql`id = 'T11'`);
    await expect(
      store.fetchInstallation({ teamId: 'T11', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/failed authentication/);
  });

  it('the table refuses a row keyed by the wrong id', async () => {
    const base = {
      botToken: 'v1:k1:x:y:z',
      botId: 'B',
      botUserId: 'U',
      botScopes: [],
      installerUserId: 'U',
    };
    await expect(
      handle.db.insert(installations).values({ ...base, id: 'T1', teamId: 'T2', isEnterpriseInstall: false }),
    ).rejects.toThrow();
    await expect(
      handle.db.insert(installations).values({ ...base, id: 'E1', teamId: null, isEnterpriseInstall: true }),
    ).rejects.toThrow();
  });
});
