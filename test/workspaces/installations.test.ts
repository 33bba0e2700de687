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
  deletePurgedInstallation,
  findActiveInstallation,
  findInstallation,
  installationIdOf,
  installationsDueForPurge,
  markRevoked,
  RETENTION_DAYS,
} from '../../src/db/repositories/installations.ts';
import { installations } from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import {
  DatabaseInstallationStore,
  InstallationNotFoundError,
  UnusableInstallationError,
} from '../../src/workspaces/installation-store.ts';
import { rekeyInstallations } from '../../src/workspaces/rekey.ts';
import { keyIdOf } from '../support/stored-token.ts';

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

const teamBot = (teamId: string) => ({
  token: `xoxb-${teamId}-secret-token`,
  scopes: ['chat:write', 'commands'],
  id: `B${teamId}`,
  userId: `U${teamId}BOT`,
});

function teamInstall(
  teamId: string,
  overrides: Partial<Installation<'v2', false>> = {},
): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    bot: teamBot(teamId),
    appId: 'A0APP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
    ...overrides,
  };
}

function orgInstall(enterpriseId: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid Org' },
    user: { id: 'WADMIN', token: undefined, scopes: undefined },
    bot: { token: `xoxb-${enterpriseId}-org-token`, scopes: ['chat:write'], id: 'BORG', userId: 'WORGBOT' },
    appId: 'A0APP',
    enterpriseUrl: 'https://grid-org.enterprise.slack.com/',
    tokenType: 'bot',
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}

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
