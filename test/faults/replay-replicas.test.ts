// Replay protection shared by every replica: the signatures of accepted requests are kept in the database, so
// a captured signed request replayed to another replica (Postgres server: two bots on one database) or to the
// same bot after a restart (both databases; the embedded one admits one process) is refused.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import { type SlackStandin, slashCommandBody, startSlackStandin } from '../../local-slack/index.ts';
import { drills, seenSignatures } from '../../src/db/schema/index.ts';
import { FORM, newUser } from '../support/drill-driver.ts';
import { BOT_TOKEN, SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.ts';

let standin: SlackStandin;
let database: TestDatabase;

beforeAll(async () => {
  standin = await startSlackStandin({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  database = await createTestDatabase();
});
afterAll(async () => {
  await standin?.close();
  await database?.drop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

function randomCommand(userId: string): string {
  return slashCommandBody(standin.workspace, {
    command: '/star',
    text: 'random',
    userId,
    userName: userId.toLowerCase(),
    channelId: standin.dmChannelFor(userId),
    channelName: 'directmessage',
    responseUrl: `${standin.apiUrl}../unused-response-url`,
    triggerId: standin.newTriggerId(userId),
  });
}

const start = () => startTestBot({ standin, database, bot: { scheduler: false } });
const drillsOf = (t: TestBot, userId: string) =>
  t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId));

describe('a replay after a restart (a fresh replica memory, the same database)', () => {
  it('is refused: 401, and one drill', async () => {
    const userId = newUser();
    const body = randomCommand(userId);
    const timestamp = nowSeconds();
    const first = await start();
    try {
      expect((await standin.sendRaw(first.url, body, FORM, { timestamp })).status).toBe(200);
      await first.bot.idle();
      expect(await first.bot.ctx.db.select().from(seenSignatures)).not.toHaveLength(0);
    } finally {
      await first.bot.stop();
    }
    const restarted = await start();
    try {
      expect((await standin.sendRaw(restarted.url, body, FORM, { timestamp })).status).toBe(401);
      await restarted.bot.idle();
      expect(await drillsOf(restarted, userId)).toHaveLength(1);
      expect(restarted.logs.find(/replay of a request another replica received/)).toHaveLength(1);
      // A new request of the same person still works: only the replay was refused.
      expect((await standin.sendRaw(restarted.url, randomCommand(userId), FORM)).status).toBe(200);
      await restarted.bot.idle();
      expect(await drillsOf(restarted, userId)).toHaveLength(2);
    } finally {
      await restarted.bot.stop();
    }
    // Two bot starts on the embedded database (each opens PGlite: seconds on a loaded machine).
  }, 120_000);
});

describe.skipIf(!onPostgresServer)('two replicas on one Postgres database', () => {
  it('a request replayed to the other replica is refused, and one sent to both at once acts once', async () => {
    const a = await start();
    const b = await start();
    try {
      const userId = newUser();
      const body = randomCommand(userId);
      const timestamp = nowSeconds();
      expect((await standin.sendRaw(a.url, body, FORM, { timestamp })).status).toBe(200);
      expect((await standin.sendRaw(b.url, body, FORM, { timestamp })).status).toBe(401);
      const other = randomCommand(userId);
      expect((await standin.sendRaw(b.url, other, FORM)).status).toBe(200);
      // The same signed request to both replicas at once: exactly one of them acts.
      const racing = randomCommand(userId);
      const ts = nowSeconds();
      const replies = await Promise.all([
        standin.sendRaw(a.url, racing, FORM, { timestamp: ts }),
        standin.sendRaw(b.url, racing, FORM, { timestamp: ts }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 401]);
      await Promise.all([a.bot.idle(), b.bot.idle()]);
      expect(await drillsOf(a, userId)).toHaveLength(3);
    } finally {
      await a.bot.stop();
      await b.bot.stop();
    }
  });
});
