import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, spawnBot } from '../../harness/bot-process.ts';
import { createTestDatabase, onPostgresServer } from '../../harness/test-database.ts';
import { type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';

let standin: SlackStandin;
let workdir: string;
const running: BotProcess[] = [];

beforeAll(async () => {
  standin = await startSlackStandin({ signingSecret: 'secret' });
  workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-startup-'));
});
afterAll(async () => {
  for (const bot of running) bot.child.kill('SIGKILL');
  await standin?.close();
  await rm(workdir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}) {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: standin.apiUrl,
    PORT: '0',
    ...extra,
  };
}

function start(extra: Record<string, string>) {
  const bot = spawnBot(env(extra), workdir);
  running.push(bot);
  return bot;
}

const listening = (l: Record<string, unknown>) =>
  typeof l.port === 'number' && typeof l.database === 'string';
const ready = (l: Record<string, unknown>) => l.msg === 'database ready: migrations applied';

// Each test starts real processes; PGlite's first start alone can take seconds on a loaded machine.
describe('start-up', { timeout: 120_000 }, () => {
  it('a missing or malformed setting stops start-up with one line naming the variable', async () => {
    const missing = spawnBot({ SLACK_SIGNING_SECRET: 's' }, workdir);
    expect((await missing.exited).code).toBe(1);
    expect(missing.stderr().trim()).toMatch(/^Invalid configuration: SLACK_BOT_TOKEN is required[^\n]*$/);

    const badPort = spawnBot(env({ PORT: 'http' }), workdir);
    expect((await badPort.exited).code).toBe(1);
    expect(badPort.stderr().trim()).toMatch(/^Invalid configuration: PORT must be a port number[^\n]*$/);
  });

  it('embedded: logs the database and port, serves /healthz, owns its DATA_DIR, stops on SIGTERM', async () => {
    const dataDir = path.join(workdir, 'data');
    const first = start({ DATA_DIR: dataDir });
    const line = await first.waitForLog(listening);
    expect(line.database).toBe(`embedded postgres (PGlite) in ${dataDir}`);
    expect(line.mode).toBe('http');
    expect(String(line.msg)).toMatch(/listening on HTTP port \d+/);
    await first.waitForLog(ready);
    const health = await fetch(`http://127.0.0.1:${line.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: 'ok' });

    // A second bot on the same files must refuse, never share them.
    const second = start({ DATA_DIR: dataDir });
    expect((await second.exited).code).toBe(1);
    expect(JSON.stringify(second.logs)).toMatch(/DATA_DIR .* is in use by process \d+/);
    expect((await fetch(`http://127.0.0.1:${line.port}/healthz`)).status).toBe(200);

    const stopAsked = Date.now();
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(10_000);
    expect(first.logs.some((l) => l.msg === 'Star Drill stopped')).toBe(true);
  });

  it('after a crash (SIGKILL) a restarted bot takes the data directory over at once', async () => {
    const dataDir = path.join(workdir, 'crash');
    const first = start({ DATA_DIR: dataDir });
    await first.waitForLog(ready);
    first.child.kill('SIGKILL');
    await first.exited;
    const again = start({ DATA_DIR: dataDir });
    await again.waitForLog(ready);
    again.child.kill('SIGINT');
    expect((await again.exited).code).toBe(0);
  });

  it('exits at once when its lock on DATA_DIR is lost, rather than share the files', async () => {
    const dataDir = path.join(workdir, 'lost');
    const bot = start({ DATA_DIR: dataDir });
    await bot.waitForLog(ready);
    await rm(path.join(dataDir, 'star-drill.lock'), { recursive: true, force: true });
    expect((await bot.exited).code).toBe(1);
    expect(bot.logs.some((l) => l.level === 'fatal' && /lost the lock on DATA_DIR/.test(String(l.msg)))).toBe(
      true,
    );
  });

  it.runIf(onPostgresServer)('with DATABASE_URL: says which server, without the password', async () => {
    const db = await createTestDatabase();
    try {
      const url = new URL(String((db.config as { url: string }).url));
      url.password = 'hunter2';
      // libpq also takes a password from the query string.
      url.searchParams.set('sslpassword', 'hunter3');
      const bot = start({ DATABASE_URL: url.toString() });
      const line = await bot.waitForLog(listening);
      expect(String(line.database)).toMatch(/^postgres postgres:\/\//);
      expect(JSON.stringify(bot.logs)).not.toMatch(/hunter/);
      await bot.waitForLog(ready);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
