// Crash mid fan-out: the real bot process, delivering 1,000 due drills, is killed with SIGKILL part way; a
// restarted one finishes. Every subscriber ends with exactly one drill row for the day and one DM, except the
// posts caught in the one window no database can close: Slack had accepted the post but the bot died before
// storing its ts. Those are repeated, and the test names them exactly: the users whose DM reached the
// stand-in before the restart while their drill row still had no ts. There can be at most as many of them as
// posts the scheduler has in flight (DEFAULT_CONCURRENCY), because each post waits for its ts to be stored
// before its slot takes the next drill.
//
// The dead replica's lease (10 minutes in production) must run out before another replica takes its rows.
// Rather than a test-only setting in the bot, the test moves the leases' end into the past, exactly what
// time does to them; the claim query compares claimed_until with the database's view of now, so nothing
// else about the restarted bot differs from production.
//
// Postgres server only: PGlite belongs to one process, and this needs two bot processes over time plus the test.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, spawnBot } from '../../harness/bot-process.ts';
import { openMigrated, postsPerUser, startStandin, TEAM } from '../../harness/scheduler.ts';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import type { SlackStandin } from '../../local-slack/index.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { DEFAULT_CONCURRENCY } from '../../src/scheduler/scheduler.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/test-bot.ts';

const SUBSCRIBERS = 1_000;
/** Enough posts for the kill to land with claims held and drills half done, far from the end. */
const KILL_AFTER_POSTS = 300;

describe.runIf(onPostgresServer)('crash mid fan-out', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let standin: SlackStandin;
  let workdir: string;
  const bots: BotProcess[] = [];
  // Today in UTC, where the subscribers live: all due at 00:00, so due now, for today's local date.
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    database = await createTestDatabase();
    handle = await openMigrated(database.config);
    standin = await startStandin();
    workdir = await mkdtemp(path.join(os.tmpdir(), 'star-drill-crash-'));
    await handle.db.execute(sql`
      insert into users (team_id, id, tz)
      select ${TEAM}, 'U' || lpad(i::text, 7, '0'), 'UTC' from generate_series(1, ${SUBSCRIBERS}::int) i`);
    await handle.db.execute(sql`
      insert into subscriptions (team_id, user_id, minute_of_day, day_mask, next_due_at, next_due_date)
      select team_id, id, 0, 127, ${`${today}T00:00:00Z`}::timestamptz, ${today}::date from users`);
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
    const url = database.config.kind === 'postgres' ? database.config.url : '';
    const bot = spawnBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: standin.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: url,
      },
      workdir,
    );
    bots.push(bot);
    return bot;
  };

  const count = async (query: ReturnType<typeof sql>) => {
    const result = (await handle.db.execute(query)) as unknown as { rows: Array<{ n: number }> };
    return Number(result.rows[0]?.n);
  };

  it('leaves every subscriber exactly one drill; repeats a DM only where Slack answered and the bot died before storing it', async () => {
    // Slack answering in 20 ms keeps the fan-out going for a second or two, so the kill lands mid-way.
    standin.intercept('chat.postMessage', () => ({ delayMs: 20 }));

    const first = startBot();
    await standin.waitFor(() => standin.count('chat.postMessage') >= KILL_AFTER_POSTS, { timeoutMs: 60_000 });
    first.child.kill('SIGKILL');
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
    // Posts the dead process had sent are still being answered by the stand-in (20 ms each): let them land.
    await standin.idle();

    const postedBeforeRestart = new Set(postsPerUser(standin).keys());
    expect(postedBeforeRestart.size).toBeGreaterThanOrEqual(KILL_AFTER_POSTS);
    expect(postedBeforeRestart.size).toBeLessThan(SUBSCRIBERS);
    // The window: posted, but the ts never stored.
    const unrecorded = (await handle.db.execute(
      sql`select user_id from drills where source = 'scheduled' and message_ts is null`,
    )) as unknown as { rows: Array<{ user_id: string }> };
    const window = new Set(unrecorded.rows.map((r) => r.user_id).filter((u) => postedBeforeRestart.has(u)));
    expect(window.size).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
    // The dead replica still holds claims: without their leases running out, nobody may take those rows.
    const held = await count(sql`select count(*)::int as n from subscriptions where claimed_by is not null`);
    expect(held).toBeGreaterThan(0);

    // Time passes: the dead replica's leases end.
    await handle.db.execute(sql`
      update subscriptions set claimed_until = now() - interval '1 second' where claimed_by is not null`);

    const second = startBot();
    // Done when every subscription has moved on to tomorrow and no claim is left.
    await expect
      .poll(
        () =>
          count(sql`
            select count(*)::int as n from subscriptions
            where next_due_date <= ${today}::date or claimed_by is not null`),
        { timeout: 60_000, interval: 50, message: 'subscriptions not advanced after the restart' },
      )
      .toBe(0);
    second.child.kill('SIGTERM');
    await second.exited;

    // Exactly one drill row per subscriber for today, each with the ts of a DM.
    const drills = (await handle.db.execute(sql`
      select user_id, count(*)::int as n, count(message_ts)::int as posted
      from drills where source = 'scheduled' and local_date = ${today}::date group by user_id`)) as unknown as {
      rows: Array<{ user_id: string; n: number; posted: number }>;
    };
    expect(drills.rows).toHaveLength(SUBSCRIBERS);
    expect(drills.rows.filter((r) => r.n !== 1 || r.posted !== 1)).toEqual([]);

    // One DM each, two exactly for the users caught in the window.
    const posts = postsPerUser(standin);
    expect(posts.size).toBe(SUBSCRIBERS);
    const twice = [...posts].filter(([, n]) => n === 2).map(([u]) => u);
    expect([...posts.values()].every((n) => n === 1 || n === 2)).toBe(true);
    expect(new Set(twice)).toEqual(window);
    // The restarted bot said why it posted those again.
    const reposted = second.logs.filter(
      (l) => l.msg === 'posting a scheduled drill stored by an earlier attempt',
    );
    expect(reposted.length).toBeGreaterThanOrEqual(window.size);
  }, 180_000);
});
