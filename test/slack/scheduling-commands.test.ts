// /star subscribe, unsubscribe, skip and status through the real bot over HTTP: signed slash commands and
// events from the Slack stand-in, the real database, a clock fixed at chosen instants, and the scheduler
// ticked by hand.

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { drills, subscriptions, users } from '../../src/db/schema/index.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { useProgressBot } from '../support/progress-bot.ts';

/** Tuesday 10 March 2026, 05:30 in Kolkata. */
const { clock, t } = useProgressBot('2026-03-10T00:00:00Z');
let scheduler: Scheduler;
let seq = 0;
/** A user the stand-in knows, in `tz`. */
function newUser(tz = 'Asia/Kolkata'): string {
  const id = `USCHED${++seq}`;
  t.standin.setUser({ id, tz });
  return id;
}

beforeAll(() => {
  scheduler = t.bot.scheduler as Scheduler;
});

interface Reply {
  /** Answered in the ack itself (bad input, or a reply ready in time), rather than later through response_url. */
  inAck: boolean;
  text: string;
  responseType: unknown;
}

/** `/star <text>`; the reply from the ack body, or else the next response_url post. */
async function star(userId: string, text: string): Promise<Reply> {
  const before = t.standin.responses.length;
  const ack = await t.standin.slashCommand(t.url, { userId, text });
  expect(ack.status).toBe(200);
  const body = ack.json as { text?: string; response_type?: string } | undefined;
  if (body?.text) return { inAck: true, text: body.text, responseType: body.response_type };
  const post = await t.standin.waitFor(() => t.standin.responses[before]);
  const later = post.body as { text: string; response_type?: string };
  return { inAck: false, text: later.text, responseType: later.response_type };
}

/** The drills the bot DMed this user (other tests' subscribers share the database and the ticks). */
const dms = (userId: string) => t.standin.messages(t.standin.dmChannelFor(userId));

async function subscriptionOf(userId: string) {
  const [row] = await t.bot.database.db.select().from(subscriptions).where(eq(subscriptions.userId, userId));
  return row;
}

function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (!value) throw new Error('condition not met in time');
      return value;
    },
    { timeout: timeoutMs, interval: 10 },
  );
}

describe('/star subscribe', () => {
  it('subscribes with the defaults in the zone Slack gives, and says when the next drill comes', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Asia/Kolkata');
    const reply = await star(user, 'subscribe');
    // Ready well within a second here: the reply comes in the ack (command-reply.test.ts has the slow case).
    expect(reply.inAck).toBe(true);
    expect(reply.responseType).toBe('ephemeral');
    expect(reply.text).toContain('Subscribed: a drill at *09:00 Asia/Kolkata, weekdays*, on all topics.');
    expect(reply.text).toContain('Next drill: *Tue 10 Mar at 09:00 (today)*.');

    const [stored] = await t.bot.database.db.select().from(users).where(eq(users.id, user));
    expect(stored?.tz).toBe('Asia/Kolkata');
    expect(await subscriptionOf(user)).toMatchObject({
      minuteOfDay: 540,
      dayMask: 31,
      topics: [],
      active: true,
      nextDueAt: new Date('2026-03-10T03:30:00Z'),
      nextDueDate: '2026-03-10',
    });
    expect(t.standin.callsTo('users.info').some((c) => c.args.user === user)).toBe(true);
  });

  it('takes a time, days and topics, and subscribing again changes the settings', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Europe/Berlin');
    await star(user, 'subscribe');
    const topic = t.bot.ctx.bank.topics[1];
    if (!topic) throw new Error('the guide has fewer than 2 topics');
    const reply = await star(user, `subscribe 07:15 daily ${topic.slug}`);
    expect(reply.text).toContain(
      `Subscription updated: a drill at *07:15 Europe/Berlin, every day*, on ${topic.title}.`,
    );
    // 07:15 CET (+1) is 06:15Z.
    expect(reply.text).toContain('Next drill: *Tue 10 Mar at 07:15 (today)*.');
    expect(await subscriptionOf(user)).toMatchObject({
      minuteOfDay: 435,
      dayMask: 127,
      topics: [topic.slug],
      nextDueAt: new Date('2026-03-10T06:15:00Z'),
    });
  });

  it.each([
    ['subscribe 25:00', '`25:00` is not a time'],
    ['subscribe 9am', 'write it as HH:MM on a 24-hour clock, e.g. `09:00`'],
    ['subscribe 08:00 nosuchtopic', '`nosuchtopic` is not a topic I know'],
    // Names of Object.prototype's members once stored a schedule with no days.
    ['subscribe 08:00 constructor', '`constructor` is not a topic I know'],
    ['subscribe 08:00 __proto__', '`__proto__` is not a topic I know'],
    ['subscribe <!channel>', '`&lt;!channel&gt;` is not a topic I know'],
  ])('refuses `%s` at once, showing the right form, and stores nothing', async (text, problem) => {
    const user = newUser();
    const reply = await star(user, text);
    expect(reply.inAck).toBe(true);
    expect(reply.responseType).toBe('ephemeral');
    expect(reply.text).toContain(problem);
    expect(reply.text).toContain('`/star subscribe [HH:MM] [daily|weekdays] [topic ...]`');
    expect(reply.text).toContain('Nothing was changed.');
    expect(await subscriptionOf(user)).toBeUndefined();
    expect(await t.bot.database.db.select().from(users).where(eq(users.id, user))).toEqual([]);
  });

  it('leaves an existing subscription as it was after bad input', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser();
    await star(user, 'subscribe 08:00');
    const before = await subscriptionOf(user);
    expect((await star(user, 'subscribe 8.30pm daily')).inAck).toBe(true);
    expect(await subscriptionOf(user)).toEqual(before);
  });

  it('falls back to UTC, with a note, when Slack gives no usable zone', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Not/AZone');
    const reply = await star(user, 'subscribe 09:00 daily');
    expect(reply.text).toContain('*09:00 UTC, every day*');
    expect(reply.text).toContain('no time zone I can use, so your drills follow UTC');
    expect(await subscriptionOf(user)).toMatchObject({ nextDueAt: new Date('2026-03-10T09:00:00Z') });
  });

  it('keeps the stored zone, with a note, when users.info fails', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Asia/Kathmandu');
    await star(user, 'subscribe');
    t.standin.intercept('users.info', () => ({ error: 'internal_error' }));
    try {
      const reply = await star(user, 'subscribe 10:00');
      expect(reply.text).toContain('*10:00 Asia/Kathmandu, weekdays*');
      expect(reply.text).toContain(
        'could not read your time zone from Slack just now, so I used Asia/Kathmandu',
      );
    } finally {
      t.standin.clearIntercepts();
    }
  });

  it('does not promise a second drill today after today’s went out', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('UTC');
    await star(user, 'subscribe 09:00 daily');
    await scheduler.tick(new Date('2026-03-10T09:00:00Z'));
    clock.set('2026-03-10T09:30:00Z');
    const reply = await star(user, 'subscribe 10:00 daily');
    expect(reply.text).toContain('Next drill: *Wed 11 Mar at 10:00 (tomorrow)*.');
    await scheduler.tick(new Date('2026-03-10T10:00:00Z'));
    expect(dms(user)).toHaveLength(1);
  });
});

describe('the scheduled drill', () => {
  it('arrives by DM at the subscribed local time, stored as scheduled with its local date', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Asia/Kolkata');
    await star(user, 'subscribe 09:00 weekdays');
    await scheduler.tick(new Date('2026-03-10T03:29:00Z'));
    expect(dms(user)).toHaveLength(0);
    await scheduler.tick(new Date('2026-03-10T03:30:00Z'));
    expect(dms(user)).toHaveLength(1);
    const [dm] = dms(user);
    expect(dm?.text).toMatch(/^Today's drill: /);
    const [drill] = await t.bot.database.db.select().from(drills).where(eq(drills.userId, user));
    expect(drill).toMatchObject({ source: 'scheduled', localDate: '2026-03-10', messageTs: dm?.ts });
  });
});

describe('/star skip', () => {
  it('skips the next drill only, names the one after, and a second skip changes nothing', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Asia/Kolkata');
    await star(user, 'subscribe 09:00 daily');

    const first = await star(user, 'skip');
    expect(first.text).toContain(
      'Skipped the drill of *Tue 10 Mar*. The next one comes *Wed 11 Mar at 09:00 (tomorrow)*.',
    );
    const after = await subscriptionOf(user);
    expect(after).toMatchObject({ skipDate: '2026-03-10', nextDueDate: '2026-03-11' });

    const second = await star(user, 'skip');
    expect(second.text).toContain('already skipping the drill of *Tue 10 Mar*');
    expect(second.text).toContain('*Wed 11 Mar at 09:00 (tomorrow)*');
    expect(await subscriptionOf(user)).toEqual(after);

    await scheduler.tick(new Date('2026-03-10T03:30:00Z'));
    expect(dms(user)).toHaveLength(0);

    // Once the skipped day has come, skip is free to skip the next one.
    clock.set('2026-03-10T06:00:00Z');
    const third = await star(user, 'skip');
    expect(third.text).toContain(
      'Skipped the drill of *Wed 11 Mar*. The next one comes *Thu 12 Mar at 09:00*.',
    );
  });

  it('skips a Friday drill of a weekdays subscription to Monday', async () => {
    clock.set('2026-03-13T00:00:00Z');
    const user = newUser('UTC');
    await star(user, 'subscribe 09:00 weekdays');
    const reply = await star(user, 'skip');
    expect(reply.text).toContain(
      'Skipped the drill of *Fri 13 Mar*. The next one comes *Mon 16 Mar at 09:00*.',
    );
  });

  it('says there is nothing to skip when not subscribed', async () => {
    const user = newUser();
    const reply = await star(user, 'skip');
    expect(reply.text).toContain('You are not subscribed');
    expect(reply.text).toContain('There is no drill to skip.');
    expect(await subscriptionOf(user)).toBeUndefined();
  });
});

describe('/star status', () => {
  it('shows time, days, topics, zone, the next drill in local time, and drills answered', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Australia/Lord_Howe');
    const topic = t.bot.ctx.bank.topics[0];
    await star(user, `subscribe 18:45 weekdays ${topic?.slug}`);
    const reply = await star(user, 'status');
    expect(reply.text).toContain('*Daily drills: on* at *18:45 Australia/Lord_Howe, weekdays*');
    expect(reply.text).toContain(`Topics: ${topic?.title}`);
    expect(reply.text).toContain('Time zone: Australia/Lord_Howe');
    // 00:00Z is 11:00 in Lord Howe (+11 in March): today's 18:45 is still ahead.
    expect(reply.text).toContain('Next drill: *Tue 10 Mar at 18:45 (today)*');
    expect(reply.text).toContain('Drills answered: *0*.');
  });

  it('says so when not subscribed, and why when Slack stopped the drills', async () => {
    const user = newUser();
    const none = await star(user, 'status');
    expect(none.text).toContain('You are not subscribed to daily drills.');
    expect(none.text).toContain('Drills answered: *0*.');

    clock.set('2026-03-10T00:00:00Z');
    await star(user, 'subscribe');
    await t.bot.database.db
      .update(subscriptions)
      .set({ active: false, deactivatedReason: 'account_inactive' })
      .where(eq(subscriptions.userId, user));
    const stopped = await star(user, 'status');
    expect(stopped.text).toContain('Slack could not deliver them (`account_inactive`)');
  });
});

describe('/star unsubscribe', () => {
  it('stops the drills and keeps the history; again, it says there was nothing to stop', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('UTC');
    await star(user, 'subscribe 09:00 daily');
    await scheduler.tick(new Date('2026-03-10T09:00:00Z'));

    const reply = await star(user, 'unsubscribe');
    expect(reply.text).toContain('Unsubscribed: no more daily drills.');
    expect(await subscriptionOf(user)).toMatchObject({ active: false, nextDueAt: null });
    expect(await t.bot.database.db.select().from(drills).where(eq(drills.userId, user))).toHaveLength(1);
    await scheduler.tick(new Date('2026-03-11T09:00:00Z'));
    expect(dms(user)).toHaveLength(1);

    const again = await star(user, 'unsubscribe');
    expect(again.text).toContain('You are not subscribed');
    expect(again.text).toContain('There was nothing to stop.');

    clock.set('2026-03-11T10:00:00Z');
    const back = await star(user, 'subscribe 09:00 daily');
    expect(back.text).toContain('Subscribed: a drill at *09:00 UTC, every day*');
    expect(back.text).toContain('Next drill: *Thu 12 Mar at 09:00 (tomorrow)*.');
  });
});

describe('a time-zone change (user_change)', () => {
  it('recomputes the next drill in the new zone and keeps a skip', async () => {
    clock.set('2026-03-10T00:00:00Z');
    const user = newUser('Asia/Kolkata');
    await star(user, 'subscribe 09:00 daily');
    await star(user, 'skip');
    expect(await subscriptionOf(user)).toMatchObject({ nextDueAt: new Date('2026-03-11T03:30:00Z') });

    const sent = await t.standin.sendEvent(t.url, {
      type: 'user_change',
      user: { id: user, tz: 'America/New_York', tz_offset: -18000 },
    });
    expect(sent.status).toBe(200);
    // 00:00Z on 10 March is still 9 March in New York: the 10th is skipped, the 11th at 09:00 EDT is 13:00Z.
    const moved = await eventually(async () => {
      const row = await subscriptionOf(user);
      return row?.nextDueAt?.getTime() !== new Date('2026-03-11T03:30:00Z').getTime() && row;
    });
    expect(moved).toMatchObject({
      skipDate: '2026-03-10',
      nextDueDate: '2026-03-11',
      nextDueAt: new Date('2026-03-11T13:00:00Z'),
    });
    const [stored] = await t.bot.database.db.select().from(users).where(eq(users.id, user));
    expect(stored?.tz).toBe('America/New_York');
    expect((await star(user, 'status')).text).toContain('*09:00 America/New_York, every day*');
  });
});
