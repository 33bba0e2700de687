// Reminders exactly once across replicas: the bot's own scheduler (replica A) and a second Scheduler (replica B)
// over the same database (its own pool on the Postgres server, the one handle on PGlite) and the same local
// Slack, ticking the same minutes. The drills are delivered by the bot; the nudges are read from each drill's
// thread in the local Slack.
//
// Bad luck tried: both replicas ticking at once through 429s (Retry-After 1 s) and 500s; a replica whose claim
// on the nudges it had not started ran out while it was stuck on a slow post, and another replica took them.

import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { seedSubscriber } from '../../harness/scheduler.ts';
import { onPostgresServer } from '../../harness/test-database.ts';
import { drills } from '../../src/db/schema/index.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { repliesTo } from '../support/drill-driver.ts';
import { useProgressBot, useReplicas } from '../support/progress-bot.ts';
import { tick } from './support.ts';

const { clock, t } = useProgressBot('2027-02-02T00:00:00Z');
const replicas = useReplicas(t, clock, 2);
/** Replica A (the bot's own scheduler) and replica B. */
let a: Scheduler;
let b: Scheduler;
beforeAll(() => {
  [a, b] = replicas as [Scheduler, Scheduler];
});
afterEach(() => t.standin.clearIntercepts());

const NUDGE = /A nudge: today's drill is still waiting/;
const nudges = (d: { channel: string; ts: string }) =>
  repliesTo(t, d.channel, d.ts).filter((m) => NUDGE.test(m.text));
const isNudge = (args: Record<string, unknown>) =>
  typeof args.thread_ts === 'string' && NUDGE.test(String(args.text));

/**
 * `n` UTC subscribers at `hour`:00 every day (stored as /star subscribe stores them), their drills of `date`
 * delivered by the bot then: their nudges are due 4 hours later (not before 08:00). Each test uses its own
 * hour, so no earlier subscriber is due at the same minutes.
 */
async function deliveredTo(n: number, tag: string, date: string, hour: number) {
  const ids = Array.from({ length: n }, (_, i) => `U${tag}${String(i).padStart(4, '0')}`);
  const seededAt = new Date(`${date}T00:00:00Z`);
  for (const id of ids)
    await seedSubscriber(t.bot.database, { userId: id, minuteOfDay: hour * 60 }, seededAt);
  await tick(t, clock, `${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const rows = await t.bot.ctx.db
    .select()
    .from(drills)
    .where(and(inArray(drills.userId, ids), eq(drills.localDate, date), isNotNull(drills.messageTs)));
  expect(rows).toHaveLength(n);
  return rows.map((r) => ({ id: r.id, channel: r.channelId as string, ts: r.messageTs as string }));
}
it('two replicas ticking the same minutes through 429s and 500s send each of 150 nudges once', async () => {
  const posted = await deliveredTo(150, 'RPL', '2027-02-02', 9);
  let n = 0;
  t.standin.intercept('chat.postMessage', ({ args }) => {
    if (!isNudge(args)) return undefined;
    n += 1;
    if (n % 15 === 0) return { status: 429, retryAfter: 1 };
    if (n % 11 === 1) return { status: 500 };
    return undefined;
  });
  let sentA = 0;
  let sentB = 0;
  for (let minute = 0; minute < 10; minute++) {
    const at = clock.set(new Date(Date.parse('2027-02-02T13:00:00Z') + minute * 60_000).toISOString());
    const [ca, cb] = await Promise.all([a.tick(at), b.tick(at)]);
    sentA += ca.reminded;
    sentB += cb.reminded;
    if (posted.every((d) => nudges(d).length > 0)) break;
  }
  await t.bot.idle();
  expect(posted.filter((d) => nudges(d).length !== 1)).toEqual([]);
  // The seeded 150, and no one else's: nothing else is due.
  expect(sentA + sentB).toBe(150);
  if (onPostgresServer) {
    // Both took part: SKIP LOCKED split the nudges instead of one replica waiting on the other.
    expect(sentA).toBeGreaterThan(0);
    expect(sentB).toBeGreaterThan(0);
  }
  const statuses = t.standin
    .callsTo('chat.postMessage')
    .filter((c) => isNudge(c.args))
    .map((c) => c.status);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(5);
  expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(5);
}, 120_000);

it('a replica whose claim ran out before it posted does not send what another replica took over', async () => {
  // At 03:00 UTC: their nudges wait for 08:00, when nothing else is due. More nudges than a replica posts at
  // once in one workspace (10), so some wait for a slot.
  const posted = await deliveredTo(12, 'LSE', '2027-02-02', 3);
  // Replica A's first nudges take long (Slack slow): its claim on the ones still waiting for a slot runs out.
  const started: string[] = [];
  t.standin.intercept('chat.postMessage', ({ args }) => {
    if (!isNudge(args)) return undefined;
    started.push(String(args.thread_ts));
    return { delayMs: 1_000 };
  });
  const at = clock.set('2027-02-02T08:00:00Z');
  const ticking = a.tick(at);
  await t.standin.waitFor(() => started.length >= 10);
  const waiting = posted.filter((d) => !started.includes(d.ts)).map((d) => d.id);
  expect(waiting).toHaveLength(2);
  // Time passes: A's lease on the nudges it has not started ends, as a lease does after its 5 minutes.
  await t.bot.ctx.db
    .update(drills)
    .set({ remindClaimedUntil: sql`now() - interval '1 second'` })
    .where(inArray(drills.id, waiting));
  t.standin.clearIntercepts();
  const taken = await b.tick(at);
  expect(taken.reminded).toBe(2);
  await ticking;
  await t.bot.idle();
  expect(posted.map((d) => nudges(d).length)).toEqual(posted.map(() => 1));
});
