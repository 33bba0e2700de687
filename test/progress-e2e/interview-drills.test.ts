// `/star interview <date>` by someone not subscribed, over HTTP against the local Slack: daily drills at 09:00
// local time until the date, ending after it unless the person subscribes.
//
// Bad inputs tried: a date in the past and `interview off` by someone not subscribed (nothing stored, not even
// the user row); `interview off` while the drills are the interview's alone (they stop); a new interview date
// (the end moves with it); a subscribe meanwhile (the drills go on after the interview).

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.ts';
import type { TestBot } from '../support/test-bot.ts';
import { dms, openHome, person, star, startProgressBot, subscriptionOf, TestClock, tick } from './support.ts';

/** Tuesday 12 January 2027, 11:00 in Berlin. */
const clock = new TestClock(new Date('2027-01-12T10:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

/** Ticks at 09:00 Berlin (08:00Z) on each day of January given. */
async function mornings(...days: number[]) {
  const counts = [];
  for (const d of days) counts.push(await tick(t, clock, `2027-01-${String(d).padStart(2, '0')}T08:00:00Z`));
  return counts;
}

describe('/star interview without a subscription', () => {
  it('starts daily drills at 09:00 local time until the date, says how to change the time, and ends them after', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Europe/Berlin');
    const reply = await star(t, user, 'interview 2027-01-15');
    expect(reply.text).toContain('Interview on *Fri 15 Jan*');
    expect(reply.text).toContain('a drill every day at *09:00 your local time* (Europe/Berlin)');
    expect(reply.text).toContain('Next drill: *Wed 13 Jan at 09:00 (tomorrow)*');
    expect(reply.text).toContain('They end after the interview. To change the time, `/star subscribe 07:30`');
    expect(await subscriptionOf(t, user)).toMatchObject({
      active: true,
      minuteOfDay: 540,
      dayMask: 127,
      interviewDate: '2027-01-15',
      endsAfter: '2027-01-15',
    });

    const status = await star(t, user, 'status');
    expect(status.text).toContain('These drills end after *Fri 15 Jan*');
    const { text: homeText } = await openHome(t, user);
    expect(homeText).toContain('These drills end after Fri 15 Jan');

    const counts = await mornings(13, 14, 15, 16, 17);
    expect(dms(t, user)).toHaveLength(3); // the drills of 13, 14 and 15 January, none after
    expect(counts[3]?.ended).toBe(1); // Saturday 16th: the first day after the interview
    expect(await subscriptionOf(t, user)).toMatchObject({ active: false, endsAfter: null, nextDueAt: null });
    expect((await star(t, user, 'status')).text).toContain('You are not subscribed');
  });

  it('keeps the drills going after the interview once the person subscribes', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'interview 2027-01-14');
    const subscribed = await star(t, user, 'subscribe 07:30');
    expect(subscribed.text).toContain('Subscription updated: a drill at *07:30 Europe/Berlin, every day*');
    expect(await subscriptionOf(t, user)).toMatchObject({ endsAfter: null, interviewDate: '2027-01-14' });
    for (const d of [13, 14, 15, 16]) await tick(t, clock, `2027-01-${d}T06:30:00Z`);
    expect(dms(t, user)).toHaveLength(4);
    expect(await subscriptionOf(t, user)).toMatchObject({ active: true, nextDueDate: '2027-01-17' });
  });

  it('moves the end with a new date, and `interview off` stops the drills', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'interview 2027-01-14');
    await star(t, user, 'interview 2027-01-20');
    expect(await subscriptionOf(t, user)).toMatchObject({
      interviewDate: '2027-01-20',
      endsAfter: '2027-01-20',
    });
    const off = await star(t, user, 'interview off');
    expect(off.text).toContain('Interview countdown off: its daily drills have stopped.');
    expect(await subscriptionOf(t, user)).toMatchObject({ active: false, nextDueAt: null });
  });

  it('stores nothing for a date in the past or for `off`', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Europe/Berlin');
    const past = await star(t, user, 'interview 2027-01-01');
    expect(past.text).toContain('`2027-01-01` is in the past (today is 2027-01-12).');
    expect(past.text).toContain('Nothing was changed.');
    expect((await star(t, user, 'interview off')).text).toContain('There was no interview countdown to stop');
    expect(await subscriptionOf(t, user)).toBeUndefined();
    expect(await t.bot.ctx.db.select().from(users).where(eq(users.id, user))).toEqual([]);
  });
});
