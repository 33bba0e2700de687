// A replica killed (SIGKILL) while it sends reminders; a restarted one finishes. Every unanswered drill ends
// with exactly one nudge in its thread, except where no database can help: Slack had accepted the nudge but the
// process died before storing `reminded_at`. Those are the nudges the local Slack received for drills still
// without `reminded_at` at the kill, and there are at most as many as a replica posts at once per workspace.
//
// The real bot process on the real clock (the database's `now()`, as in production): the subscribers live in a
// fixed-offset zone where it is early afternoon now, so their nudges are inside 08:00-21:00 whatever the hour
// the test runs. Their drills are delivered by a Scheduler in this process; then "four hours pass" for the
// nudges (remind_at moved into the past) and, after the kill, for the dead replica's leases, as time does.
//
// Bad luck tried: SIGKILL mid-way through 300 nudges; the leases of the dead replica still running.
//
// Postgres server only: PGlite belongs to one process, and this needs two bot processes over time plus the test.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, spawnBot } from '../../harness/bot-process.ts';
import {
  makeScheduler,
  openMigrated,
  seedSubscriber,
  startStandin,
  TestClock,
} from '../../harness/scheduler.ts';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import type { SlackStandin } from '../../local-slack/index.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { REMINDER_BATCH, REMINDERS_PER_WORKSPACE } from '../../src/delivery/reminder-job.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/test-bot.ts';

const SUBSCRIBERS = 300;
/** Mid-way through the second claimed batch, so the dead replica surely holds claims (not between batches). */
const KILL_AFTER_NUDGES = REMINDER_BATCH + REMINDER_BATCH / 2;
const NUDGE = /A nudge: today's drill is still waiting/;

/** A fixed-offset zone (no DST) where the local time is about 13:00 at `now`. */
function afternoonZone(now: Date): string {
  const offset = 13 - now.getUTCHours(); // -10..13: Etc/GMT-N is UTC+N
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe.runIf(onPostgresServer)('a replica killed while sending reminders', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let standin: SlackStandin;
  let workdir: string;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    handle = await openMigrated(database.config);
    standin = await startStandin();
    workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-remind-crash-'));
  });

  afterAll(async () => {
    for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await Promise.all(bots.map((b) => b.exited));
    await handle?.close();
    await database?.drop();
    await standin?.close();
    if (workdir) await rm(workdir, { recursive: true, force: true });
  });

  const startBot = () => {
    const bot = spawnBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: standin.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '',
      },
      workdir,
    );
    bots.push(bot);
    return bot;
  };

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
  const nudgeCalls = () =>
    standin
      .callsTo('chat.postMessage')
      .filter((c) => typeof c.args.thread_ts === 'string' && NUDGE.test(String(c.args.text)));

  it('leaves every drill exactly one nudge; repeats one only where Slack answered and the bot died before storing it', async () => {
    const now = new Date();
    const zone = afternoonZone(now);
    // Due five minutes ago, local: delivered now by a Scheduler in this process.
    const local = new Date(now.getTime() - 5 * 60_000).toLocaleTimeString('en-GB', { timeZone: zone });
    const minuteOfDay = Number(local.slice(0, 2)) * 60 + Number(local.slice(3, 5));
    const seededAt = new Date(now.getTime() - 10 * 60_000);
    for (let i = 0; i < SUBSCRIBERS; i++) {
      await seedSubscriber(
        handle,
        { userId: `UCRASH${String(i).padStart(4, '0')}`, zone, minuteOfDay },
        seededAt,
      );
    }
    const clock = new TestClock(now);
    const { scheduler } = await makeScheduler({ db: handle, standin, clock }, { replicaId: 'deliverer' });
    expect(await scheduler.tick(now)).toMatchObject({ delivered: SUBSCRIBERS, failed: 0 });
    // Four hours pass for the nudges: due now, in the afternoon of the drills' own local date.
    await handle.db.execute(sql`update drills set remind_at = now() - interval '1 minute'`);

    // Slack answering each nudge in 20 ms keeps the replica busy for seconds: the kill lands mid-way.
    standin.intercept('chat.postMessage', () => ({ delayMs: 20 }));
    const first = startBot();
    await standin.waitFor(() => nudgeCalls().length >= KILL_AFTER_NUDGES, { timeoutMs: 60_000 });
    first.child.kill('SIGKILL');
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
    await standin.idle();

    const nudged = new Set(nudgeCalls().map((c) => String(c.args.thread_ts)));
    expect(nudged.size).toBeGreaterThanOrEqual(KILL_AFTER_NUDGES);
    expect(nudged.size).toBeLessThan(SUBSCRIBERS);
    const unrecorded = await rows<{ ts: string }>(
      sql`select message_ts as ts from drills where reminded_at is null`,
    );
    const window = unrecorded.map((r) => r.ts).filter((ts) => nudged.has(ts));
    expect(window.length).toBeLessThanOrEqual(REMINDERS_PER_WORKSPACE);
    // The dead replica still holds claims: until their leases end, nobody may take those nudges.
    const [held] = await rows<{ n: number }>(
      sql`select count(*)::int as n from drills where reminded_at is null and remind_claimed_until > now()`,
    );
    expect(Number(held?.n)).toBeGreaterThan(0);
    // Time passes: the dead replica's leases end.
    await handle.db.execute(sql`
      update drills set remind_claimed_until = now() - interval '1 second'
      where reminded_at is null and remind_claimed_until is not null`);

    const second = startBot();
    await expect
      .poll(
        async () =>
          Number(
            (
              await rows<{ n: number }>(sql`select count(*)::int as n from drills where reminded_at is null`)
            )[0]?.n,
          ),
        { timeout: 60_000, interval: 50, message: 'nudges not sent after the restart' },
      )
      .toBe(0);
    second.child.kill('SIGTERM');
    await second.exited;
    await standin.idle();

    const perDrill = new Map<string, number>();
    for (const c of nudgeCalls()) {
      if (c.status !== 200) continue;
      const ts = String(c.args.thread_ts);
      perDrill.set(ts, (perDrill.get(ts) ?? 0) + 1);
    }
    expect(perDrill.size).toBe(SUBSCRIBERS);
    const twice = [...perDrill].filter(([, n]) => n === 2).map(([ts]) => ts);
    expect([...perDrill.values()].every((n) => n === 1 || n === 2)).toBe(true);
    expect(twice.sort()).toEqual([...window].sort());
  }, 120_000);
});
