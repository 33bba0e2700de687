// The scheduler after a replica died, its lease, a change while posting, and starting and stopping, on a real
// database with the Slack stand-in (the tick itself: scheduler.test.ts).

import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { seedSubscriber, TEAM } from '../../harness/scheduler.ts';
import { markDrillPosted } from '../../src/db/repositories/drills.ts';
import { insertScheduledDrill } from '../../src/db/repositories/scheduled-drills.ts';
import { saveSubscription } from '../../src/db/repositories/subscriptions.ts';
import { processedEvents, subscriptions } from '../../src/db/schema/index.ts';
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

describe('after a replica died', () => {
  it('posts a drill it stored but never posted, once its lease has expired', async () => {
    const sub = await seedSubscriber(handle, { userId: 'UHALF' }, SEEDED);
    const { drill } = await insertScheduledDrill(handle.db, {
      teamId: TEAM,
      userId: 'UHALF',
      topicSlug: 'x',
      questionId: 'q_0000000000',
      questionText: 'Tell me about a time you had to stop halfway.',
      source: 'scheduled',
      subscriptionId: sub.id,
      localDate: '2026-03-10',
    });
    // Leases run on the database's clock, whatever instant the scheduler's clock stands at.
    const leaseEnds = (until: ReturnType<typeof sql>) =>
      handle.db
        .update(subscriptions)
        .set({ claimedBy: 'dead-replica', claimedUntil: until })
        .where(eq(subscriptions.id, sub.id));
    await leaseEnds(sql`now() + interval '1 hour'`);
    const s = await scheduler();

    expect(await s.tick(at('2026-03-10T09:05:00Z'))).toEqual(none);
    await leaseEnds(sql`now() - interval '1 second'`);
    expect(await s.tick(at('2026-03-10T09:05:00Z'))).toEqual({ ...none, delivered: 1 });
    const [message] = dmOf('UHALF');
    expect(message?.text).toContain('stop halfway');
    expect(await drillsOf('UHALF')).toMatchObject([{ id: drill.id, messageTs: message?.ts }]);
  });

  it('does not post again a drill that was posted, and only advances', async () => {
    const sub = await seedSubscriber(handle, { userId: 'UDONE' }, SEEDED);
    const { drill } = await insertScheduledDrill(handle.db, {
      teamId: TEAM,
      userId: 'UDONE',
      topicSlug: 'x',
      questionId: 'q_0000000000',
      questionText: 'Already asked.',
      source: 'scheduled',
      subscriptionId: sub.id,
      localDate: '2026-03-10',
    });
    await markDrillPosted(handle.db, drill, {
      channelId: 'D0UDONE',
      messageTs: '1773133200.000100',
      postedAt: new Date(),
    });
    const s = await scheduler();
    expect(await s.tick(at('2026-03-10T09:00:00Z'))).toEqual({ ...none, alreadyPosted: 1 });
    expect(standin.count('chat.postMessage')).toBe(0);
    expect(await subscriptionOf('UDONE')).toMatchObject({ nextDueDate: '2026-03-11', claimedBy: null });
  });
});

describe('the lease', () => {
  it('is not outlived: a claim that waited too long to post safely is given back, then delivered', async () => {
    const ids = ['ULEASE1', 'ULEASE2', 'ULEASE3'];
    for (const userId of ids) await seedSubscriber(handle, { userId }, SEEDED);
    standin.intercept('chat.postMessage', () => ({ delayMs: 150 }));
    // 200 ms of lease, so a post must start within 100 ms of the claim; one at a time takes 150 ms each.
    const s = await scheduler({ concurrency: 1, leaseMs: 200 });
    const counts = await s.tick(at('2026-03-10T09:00:00Z'));
    expect(counts).toMatchObject({ delivered: 3, failed: 0 });
    expect(counts.released).toBeGreaterThan(0);
    for (const userId of ids) expect(dmOf(userId)).toHaveLength(1);
  });
});

describe('a change while a drill is being posted', () => {
  it('is kept: the next delivery follows the new settings, not the ones read at the claim', async () => {
    await seedSubscriber(handle, { userId: 'UCHANGE' }, SEEDED);
    standin.intercept('chat.postMessage', () => ({ delayMs: 400 }));
    const s = await scheduler();
    const ticking = s.tick(at('2026-03-10T09:00:00Z'));
    await standin.waitFor(() => standin.count('chat.postMessage') > 0);
    // The user moves to 10:00 while Slack is still answering.
    await saveSubscription(handle.db, {
      person: { teamId: TEAM, userId: 'UCHANGE' },
      minuteOfDay: 600,
      days: 'daily',
      topics: [],
      skipDate: null,
      next: { localDate: '2026-03-11', dueAt: at('2026-03-11T10:00:00Z') },
      nextRecapAt: at('2026-03-16T10:00:00Z'),
    });
    expect(await ticking).toEqual({ ...none, delivered: 1 });
    expect(await subscriptionOf('UCHANGE')).toMatchObject({
      minuteOfDay: 600,
      nextDueAt: at('2026-03-11T10:00:00Z'),
      claimedBy: null,
    });
  });
});

describe('start and stop', () => {
  it('start() ticks at once, so a bot back from downtime catches up without waiting for the minute', async () => {
    await seedSubscriber(handle, { userId: 'UBOOT' }, SEEDED);
    clock.set('2026-03-10T11:00:00Z');
    const s = await scheduler();
    s.start();
    try {
      await standin.waitFor(() => dmOf('UBOOT').length === 1);
    } finally {
      await s.stop();
    }
    expect(await drillsOf('UBOOT')).toMatchObject([{ localDate: '2026-03-10' }]);
  });

  it('a ticking scheduler forgets event ids older than a day, and keeps recent ones', async () => {
    await handle.db
      .insert(processedEvents)
      .values([{ eventId: 'EvOLD', createdAt: new Date(Date.now() - 2 * 86_400_000) }, { eventId: 'EvNEW' }]);
    const s = await scheduler();
    s.start();
    try {
      await vi.waitFor(async () => {
        const ids = (await handle.db.select().from(processedEvents)).map((r) => r.eventId);
        expect(ids).toEqual(['EvNEW']);
      });
    } finally {
      await s.stop();
      await handle.db.delete(processedEvents);
    }
  });

  it('stop() waits for the posts in flight and gives back the claims it has not started', async () => {
    for (const userId of ['USTOP1', 'USTOP2', 'USTOP3']) await seedSubscriber(handle, { userId }, SEEDED);
    standin.intercept('chat.postMessage', () => ({ delayMs: 300 }));
    const s = await scheduler({ concurrency: 1 });
    let settled = false;
    const ticking = s.tick(at('2026-03-10T09:00:00Z')).finally(() => {
      settled = true;
    });
    await standin.waitFor(() => standin.count('chat.postMessage') > 0);
    await s.stop();
    // stop() returned only after the tick: the post in flight and its ts are stored.
    expect(settled).toBe(true);
    const counts = await ticking;
    expect(counts).toEqual({ ...none, delivered: 1, released: 2 });
    const rows = await handle.db.select().from(subscriptions);
    expect(rows.every((r) => r.claimedBy === null && r.claimedUntil === null)).toBe(true);
    expect(rows.map((r) => r.nextDueDate).sort()).toEqual(['2026-03-10', '2026-03-10', '2026-03-11']);
  });

  it('stop() is bounded: it does not wait forever for a stuck tick', async () => {
    await seedSubscriber(handle, { userId: 'USTUCK' }, SEEDED);
    standin.intercept('chat.postMessage', () => ({ delayMs: 2_000 }));
    clock.set('2026-03-10T09:00:00Z');
    const s = await scheduler({ stopTimeoutMs: 100 });
    s.start();
    await standin.waitFor(() => standin.count('chat.postMessage') > 0);
    const started = performance.now();
    await s.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
    // The post goes on after stop() gave up waiting; it must end before the next test empties the tables.
    await s.idle();
  });
});
