// INSTALLATION_KEY at start-up and in rotation: a wrong or missing key stops the bot naming the key id (with
// /healthz and the metrics saying why), and a rotation between ids LIKE would confuse (`prod-1` -> `prod_1`)
// rewrites every row and is verified with the new key alone. On both databases.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Installation } from '@slack/oauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnBot } from '../../harness/bot-process.ts';
import { createTestDatabase, type TestDatabase } from '../../harness/test-database.ts';
import { startSlackStandin } from '../../local-slack/index.ts';
import { parseInstallationKeys } from '../../src/crypto/token-crypto.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { installationsNotUnderKey } from '../../src/db/repositories/installation-tokens.ts';
import { installations } from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import { DatabaseInstallationStore } from '../../src/workspaces/installation-store.ts';
import { checkInstallationKeys, InstallationKeyError } from '../../src/workspaces/key-check.ts';
import { notReadableWithCurrentKeyOnly, rekeyInstallations } from '../../src/workspaces/rekey.ts';
import { parseMetrics, sampleSum } from '../metrics/support.ts';
import { keyIdOf } from '../support/stored-token.ts';
import { SIGNING_SECRET, startTestBot } from '../support/test-bot.ts';
import { oauthConfig } from './support.ts';

const key = () => randomBytes(32).toString('base64');
const OLD = key();
const NEW = key();

let database: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  handle = await openDatabase(database.config, createLogger('error'));
  await runMigrations(handle);
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});
beforeEach(async () => {
  await handle.db.delete(installations);
});

const install = (teamId: string): Installation<'v2', false> => ({
  team: { id: teamId, name: teamId },
  enterprise: undefined,
  user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
  bot: { token: `xoxb-${teamId}-secret`, scopes: ['chat:write'], id: `B${teamId}`, userId: `U${teamId}` },
  appId: 'A0APP',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

async function storeUnder(keyText: string, ...teams: string[]) {
  const store = new DatabaseInstallationStore(handle.db, parseInstallationKeys(keyText));
  for (const team of teams) await store.storeInstallation(install(team));
}

describe('rekey compares key ids exactly', () => {
  it('rotating prod-1 -> prod_1 rewrites every row, and verifies it with prod_1 alone', async () => {
    await storeUnder(`prod-1:${OLD}`, 'T1', 'T2', 'T3');
    const rotated = parseInstallationKeys(`prod_1:${NEW},prod-1:${OLD}`);
    // LIKE 'v1:prod_1:%' matched 'v1:prod-1:...' ("_" is any character): nothing was found to rewrite.
    expect((await installationsNotUnderKey(handle.db, 'prod_1')).map((r) => r.id)).toEqual([
      'T1',
      'T2',
      'T3',
    ]);
    expect(await notReadableWithCurrentKeyOnly(handle.db, rotated)).toHaveLength(3);

    expect(await rekeyInstallations(handle.db, rotated)).toEqual({ rewritten: 3, skipped: 0, failed: [] });
    for (const row of await handle.db.select().from(installations))
      expect(keyIdOf(row.botToken)).toBe('prod_1');
    expect(await notReadableWithCurrentKeyOnly(handle.db, rotated)).toEqual([]);
    await expect(
      checkInstallationKeys(handle.db, parseInstallationKeys(`prod_1:${NEW}`)),
    ).resolves.toBeUndefined();
  });

  it('the verification lists a row the current key alone cannot read', async () => {
    await storeUnder(`k1:${OLD}`, 'T1');
    await storeUnder(`lost:${key()}`, 'T2');
    const rotated = parseInstallationKeys(`k2:${NEW},k1:${OLD}`);
    const report = await rekeyInstallations(handle.db, rotated);
    expect(report.rewritten).toBe(1);
    expect(await notReadableWithCurrentKeyOnly(handle.db, rotated)).toEqual([
      { id: 'T2', reason: expect.stringContaining('"lost"') },
    ]);
  });
});

describe('the start-up key check', () => {
  it('passes with the right key, and with a rotation that still holds the old key', async () => {
    await storeUnder(`k1:${OLD}`, 'T1', 'T2');
    await checkInstallationKeys(handle.db, parseInstallationKeys(`k1:${OLD}`));
    await checkInstallationKeys(handle.db, parseInstallationKeys(`k2:${NEW},k1:${OLD}`));
  });

  it('names the key id when a wrong key has the right id, or the id is missing', async () => {
    await storeUnder(`k1:${OLD}`, 'T1', 'T2');
    for (const wrong of [`k1:${NEW}`, `k2:${NEW}`]) {
      const check = checkInstallationKeys(handle.db, parseInstallationKeys(wrong));
      await expect(check).rejects.toBeInstanceOf(InstallationKeyError);
      await expect(check).rejects.toThrow(/key id "k1"/);
    }
  });

  it('an empty installations table passes (a fresh install has nothing to check)', async () => {
    await checkInstallationKeys(handle.db, parseInstallationKeys(`k1:${NEW}`));
  });
});

describe('a bot started with the wrong INSTALLATION_KEY', () => {
  it('does not become ready, says why on /healthz, and counts the decrypt failure', async () => {
    await storeUnder(`k1:${OLD}`, 'T1');
    await handle.close();
    const standin = await startSlackStandin({ signingSecret: SIGNING_SECRET });
    const config = oauthConfig(standin.apiUrl, database.config);
    const wrong = parseInstallationKeys(`k1:${NEW}`);
    const t = await startTestBot({
      standin,
      database,
      waitReady: false,
      bot: {
        config: {
          ...config,
          slack: { ...config.slack, auth: { ...config.slack.auth, installationKeys: wrong } as never },
        },
      },
    });
    try {
      await expect(t.bot.ready).rejects.toThrow(/key id "k1"/);
      const health = await fetch(`${t.baseUrl}/healthz`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as {
        installationKey: { ok: boolean; decryptFailures: number; problem: string };
      };
      expect(body.installationKey.ok).toBe(false);
      expect(body.installationKey.problem).toMatch(/key id "k1"/);
      expect(body.installationKey.decryptFailures).toBeGreaterThan(0);
      const metrics = parseMetrics(await (await fetch(`${t.baseUrl}/metrics`)).text());
      expect(sampleSum(metrics, 'star_drill_token_decrypt_failures_total')).toBeGreaterThan(0);
      expect(
        t.logs.lines.some((l) => JSON.stringify(l).includes(NEW) || JSON.stringify(l).includes(OLD)),
      ).toBe(false);
    } finally {
      await t.bot.stop();
      await standin.close();
      handle = await openDatabase(database.config, createLogger('error'));
    }
  });

  it('as a process (npm start), exits 1 with one fatal line naming the key id', async () => {
    await storeUnder(`k1:${OLD}`, 'T1');
    await handle.close();
    const standin = await startSlackStandin({ signingSecret: SIGNING_SECRET });
    const cwd = mkdtempSync(path.join(tmpdir(), 'star-drill-keycheck-'));
    const env: Record<string, string> = {
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      INSTALLATION_KEY: `k1:${NEW}`,
      SLACK_API_URL: standin.apiUrl,
      PORT: '0',
      ...(database.config.kind === 'postgres'
        ? { DATABASE_URL: database.config.url }
        : { DATA_DIR: database.config.dataDir }),
    };
    const bot = spawnBot(env, cwd);
    try {
      const { code } = await bot.exited;
      expect(code).toBe(1);
      const fatal = bot.logs.filter((l) => l.level === 'fatal');
      expect(fatal).toHaveLength(1);
      expect(String(fatal[0]?.msg)).toMatch(
        /INSTALLATION_KEY cannot decrypt any stored bot token under key id "k1"/,
      );
      expect(JSON.stringify(bot.logs)).not.toContain(NEW);
    } finally {
      bot.child.kill();
      await standin.close();
      rmSync(cwd, { recursive: true, force: true });
      handle = await openDatabase(database.config, createLogger('error'));
    }
  }, 60_000);
});
