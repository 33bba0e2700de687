// The scheduler's tick on a real database (PGlite, or the Postgres server when DATABASE_URL is set) with the
// Slack stand-in, at fixed instants: nothing here waits for the wall clock. Recovery (a dead replica, the
// lease, start and stop) is in scheduler-recovery.test.ts.

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeScheduler, seedSubscriber, TEAM } from '../../harness/scheduler.ts';
import { deliveryPauses } from '../../src/db/schema/index.ts';
import {
  at,
  clock,
  dmOf,
  drillsOf,
  handle,
  none,
  SEEDED,
  scheduler,
  standin,
  subscriptionOf,
  useTickFixture,
} from './tick-fixture.ts';

useTickFixture();

describe('a tick', () => {
  it('delivers a due drill once: a DM, a scheduled drill row with the local date, the next one tomorrow', async () => {
    await seedSubscriber(handle, { userId: 'UKOLKATA', zone: 'Asia/Kolkata' }, SEEDED);
    const s = await scheduler();

    expect(await s.tick(at('2026-03-10T03:29:59Z'))).toEqual(none);
    expect(dmOf('UKOLKATA')).toHaveLength(0);

    // 09:00 in Kolkata (+5:30).
    expect(await s.tick(at('2026-03-10T03:30:00Z'))).toEqual({ ...none, delivered: 1 });
    const [message] = dmOf('UKOLKATA');
    expect(message?.text).toMatch(/^Today's drill: /);
    const [drill] = await drillsOf('UKOLKATA');
    expect(drill).toMatchObject({ source: 'scheduled', localDate: '2026-03-10', messageTs: message?.ts });
    expect(await subscriptionOf('UKOLKATA')).toMatchObject({
      nextDueAt: at('2026-03-11T03:30:00Z'),
      nextDueDate: '2026-03-11',
      claimedUntil: null,
      claimedBy: null,
      deliveryAttempts: 0,
    });

    expect(await s.tick(at('2026-03-10T03:30:00Z'))).toEqual(none);
    expect(await s.tick(at('2026-03-10T03:31:00Z'))).toEqual(none);
    expect(standin.count('chat.postMessage')).toBe(1);
  });

  it('delivers late on the same local day once, after the bot was down at the due time', async () => {
    await seedSubscriber(handle, { userId: 'ULATE' }, SEEDED);
    const s = await scheduler();
    expect(await s.tick(at('2026-03-10T11:00:00Z'))).toEqual({ ...none, delivered: 1 });
    expect(await s.tick(at('2026-03-10T11:01:00Z'))).toEqual(none);
    expect(await drillsOf('ULATE')).toMatchObject([{ localDate: '2026-03-10' }]);
  });

  it('does not deliver a day missed entirely; the next day comes on time', async () => {
    await seedSubscriber(handle, { userId: 'UMISSED' }, SEEDED);
    const { scheduler: s, logs } = await makeScheduler({ db: handle, standin, clock });

    expect(await s.tick(at('2026-03-11T08:00:00Z'))).toEqual({ ...none, skippedStale: 1 });
    expect(dmOf('UMISSED')).toHaveLength(0);
    expect(await drillsOf('UMISSED')).toHaveLength(0);
    expect(await subscriptionOf('UMISSED')).toMatchObject({ nextDueDate: '2026-03-11', claimedBy: null });
    expect(logs.find(/not sent late/)[0]).toMatchObject({ user: 'UMISSED', missed: ['2026-03-10'] });

    expect(await s.tick(at('2026-03-11T09:00:00Z'))).toEqual({ ...none, delivered: 1 });
    expect(await drillsOf('UMISSED')).toMatchObject([{ localDate: '2026-03-11' }]);
  });

  it('after days missed, delivers only today’s drill when today’s time has passed too', async () => {
    await seedSubscriber(handle, { userId: 'UDOWN2' }, SEEDED);
    const s = await scheduler();
    expect(await s.tick(at('2026-03-12T10:00:00Z'))).toEqual({ ...none, delivered: 1 });
    expect(await drillsOf('UDOWN2')).toMatchObject([{ localDate: '2026-03-12' }]);
    expect(await subscriptionOf('UDOWN2')).toMatchObject({ nextDueDate: '2026-03-13' });
  });

  it('delivers a time skipped by spring-forward at the first valid minute after it', async () => {
    // New York jumps from 02:00 to 03:00 on Sunday 8 March 2026: 02:30 does not exist that day.
    await seedSubscriber(
      handle,
      { userId: 'UNY', zone: 'America/New_York', minuteOfDay: 150 },
      at('2026-03-08T05:00:00Z'),
    );
    const s = await scheduler();
    expect(await s.tick(at('2026-03-08T06:59:59Z'))).toEqual(none);
    expect(await s.tick(at('2026-03-08T07:00:00Z'))).toEqual({ ...none, delivered: 1 });
    expect(await drillsOf('UNY')).toMatchObject([{ localDate: '2026-03-08' }]);
    // Monday 02:30 EDT.
    expect(await subscriptionOf('UNY')).toMatchObject({ nextDueAt: at('2026-03-09T06:30:00Z') });
  });

  it('draws from the subscription’s topics', async () => {
    const { scheduler: s, deps } = await makeScheduler({ db: handle, standin, clock });
    const topic = deps.banks.builtIn.topics[2];
    await seedSubscriber(handle, { userId: 'UTOPIC', topics: [topic?.slug ?? ''] }, SEEDED);
    await s.tick(at('2026-03-10T09:00:00Z'));
    expect(await drillsOf('UTOPIC')).toMatchObject([{ topicSlug: topic?.slug }]);
  });
});

describe('Slack errors', () => {
  it('deactivates the subscription when Slack says this user can never get a DM, and logs it', async () => {
    await seedSubscriber(handle, { userId: 'UGONE' }, SEEDED);
    await seedSubscriber(handle, { userId: 'UFINE' }, SEEDED);
    standin.intercept('chat.postMessage', ({ args }) =>
      args.channel === 'UGONE' ? { error: 'user_not_found' } : undefined,
    );
    const { scheduler: s, logs } = await makeScheduler({ db: handle, standin, clock });

    expect(await s.tick(at('2026-03-10T09:00:00Z'))).toEqual({ ...none, delivered: 1, deactivated: 1 });
    expect(await subscriptionOf('UGONE')).toMatchObject({
      active: false,
      deactivatedReason: 'user_not_found',
      nextDueAt: null,
      claimedBy: null,
    });
    expect(logs.find(/deactivated/)[0]).toMatchObject({ user: 'UGONE', reason: 'user_not_found' });
    // Yesterday's drill went unanswered, and its reminder's day is over: it is dropped, not sent late.
    expect(await s.tick(at('2026-03-11T09:00:00Z'))).toEqual({ ...none, delivered: 1, remindersDropped: 1 });
    expect(standin.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UGONE')).toHaveLength(1);
  });

  it('releases the claim with a backoff after 5xx outlasting the client’s retries, and retries the same day', async () => {
    await seedSubscriber(handle, { userId: 'UFLAKY' }, SEEDED);
    let down = true;
    standin.intercept('chat.postMessage', () => (down ? { status: 503 } : undefined));
    const s = await scheduler();

    expect(await s.tick(at('2026-03-10T09:00:00Z'))).toEqual({ ...none, failed: 1 });
    // The first try and the WebClient's six retries.
    expect(standin.count('chat.postMessage')).toBe(7);
    expect(await subscriptionOf('UFLAKY')).toMatchObject({
      claimedBy: null,
      claimedUntil: null,
      retryAt: at('2026-03-10T09:01:00Z'),
      deliveryAttempts: 1,
      nextDueDate: '2026-03-10',
    });
    expect(await s.tick(at('2026-03-10T09:00:30Z'))).toEqual(none);

    down = false;
    expect(await s.tick(at('2026-03-10T09:01:01Z'))).toEqual({ ...none, delivered: 1 });
    expect(await drillsOf('UFLAKY')).toHaveLength(1);
    expect(dmOf('UFLAKY')).toHaveLength(1);
    expect(await subscriptionOf('UFLAKY')).toMatchObject({ deliveryAttempts: 0, nextDueDate: '2026-03-11' });
  });
});

describe('Slack refusing the bot token', () => {
  const pauseRow = async () => {
    const [row] = await handle.db.select().from(deliveryPauses);
    return row;
  };
  const runOut = () =>
    handle.db.update(deliveryPauses).set({ pausedUntil: sql`now() - interval '1 second'` });

  it('pauses delivery for everyone and deactivates no one, with one alert across replicas; a working token resumes it', async () => {
    const ids = ['UTOKEN1', 'UTOKEN2', 'UTOKEN3'];
    for (const userId of ids) await seedSubscriber(handle, { userId }, SEEDED);
    standin.intercept('chat.postMessage', () => ({ error: 'account_inactive' }));
    const a = await makeScheduler({ db: handle, standin, clock }, { concurrency: 1, replicaId: 'a' });

    // The first refused post pauses the rest: they go back untouched, no attempt counted against anyone.
    expect(await a.scheduler.tick(at('2026-03-10T09:00:00Z'))).toEqual({ ...none, released: 3 });
    expect(standin.count('chat.postMessage')).toBe(1);
    for (const userId of ids) {
      expect(await subscriptionOf(userId)).toMatchObject({
        active: true,
        deactivatedReason: null,
        deliveryAttempts: 0,
        retryAt: null,
        claimedBy: null,
        nextDueDate: '2026-03-10',
      });
    }
    expect(await pauseRow()).toMatchObject({ scope: TEAM, reason: 'account_inactive', failures: 1 });

    // Another replica ticking meanwhile posts nothing and does not alert again.
    const b = await makeScheduler({ db: handle, standin, clock }, { replicaId: 'b' });
    expect(await b.scheduler.tick(at('2026-03-10T09:01:00Z'))).toEqual(none);
    expect(standin.count('chat.postMessage')).toBe(1);

    // The pause runs out: one replica asks Slack about the token first. Still refused: paused for longer.
    standin.intercept('auth.test', () => ({ error: 'token_revoked' }));
    await runOut();
    expect(await a.scheduler.tick(at('2026-03-10T09:02:00Z'))).toEqual(none);
    expect(standin.count('chat.postMessage')).toBe(1);
    expect(await pauseRow()).toMatchObject({ reason: 'token_revoked', failures: 2 });

    // Fixed (reinstalled): the next check finds the token working, and the day's drills go out.
    standin.clearIntercepts();
    await runOut();
    expect(await b.scheduler.tick(at('2026-03-10T09:03:00Z'))).toEqual({ ...none, delivered: 3 });
    expect(await pauseRow()).toBeUndefined();
    for (const userId of ids) expect(dmOf(userId)).toHaveLength(1);
    const alerts = [...a.logs.lines, ...b.logs.lines].filter((l) => l.alert === 'slack_token_refused');
    expect(alerts).toHaveLength(1);
    expect(b.logs.find(/works again/)).toHaveLength(1);
  });
});

describe('Slack misbehaving on scheduled posts', () => {
  it('delivers every drill exactly once through a 429 (Retry-After) on every third post and a 500 on every fifth', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `USTORM${String(i + 1).padStart(2, '0')}`);
    for (const userId of ids) await seedSubscriber(handle, { userId }, SEEDED);
    standin.intercept('chat.postMessage', ({ n }) => {
      if (n % 3 === 0) return { status: 429, retryAfter: 1 };
      if (n % 5 === 0) return { status: 500 };
      return undefined;
    });
    const s = await scheduler();
    // A drill that meets more errors in a row than the client retries is released with a backoff and taken
    // again by a later tick, as in production: tick every other minute until none is left.
    const total = { ...none };
    for (let minute = 0; minute <= 20 && total.delivered < ids.length; minute += 2) {
      const counts = await s.tick(new Date(at('2026-03-10T09:00:00Z').getTime() + minute * 60_000));
      for (const [k, v] of Object.entries(counts)) total[k as keyof typeof none] += v;
    }
    expect(total).toMatchObject({ delivered: ids.length, alreadyPosted: 0, deactivated: 0 });

    const calls = standin.callsTo('chat.postMessage');
    expect(calls.filter((c) => c.status === 429).length).toBeGreaterThanOrEqual(10);
    expect(calls.filter((c) => c.status === 500).length).toBeGreaterThanOrEqual(5);
    // None twice: one accepted post per subscriber, one drill row each, carrying that post's ts.
    for (const userId of ids) {
      const accepted = calls.filter((c) => c.args.channel === userId && c.status === 200);
      expect(accepted, userId).toHaveLength(1);
      expect(dmOf(userId)).toHaveLength(1);
      expect(await drillsOf(userId)).toMatchObject([
        { localDate: '2026-03-10', messageTs: accepted[0]?.response.ts },
      ]);
      expect(await subscriptionOf(userId)).toMatchObject({ nextDueDate: '2026-03-11', claimedBy: null });
    }
  }, 120_000);
});
