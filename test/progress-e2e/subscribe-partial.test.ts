// /star subscribe changes only the settings it names, over HTTP against the local Slack: a subscriber who
// chose days and topics changes the time and keeps them; `subscribe` alone shows the settings and how to
// change them; `all` brings every topic back.
//
// Bad inputs tried: `subscribe 7:30pm` and `subscribe all incidents` (refused in the ack, nothing changed);
// `subscribe` alone by someone not subscribed (subscribes with the defaults, as before); a change after
// unsubscribing (the defaults, not the old settings); a pause in force across a change of time.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromMask } from '../../src/drills/days.ts';
import type { TestBot } from '../support/test-bot.ts';
import { person, star, startProgressBot, subscriptionOf, TestClock, topicAt } from './support.ts';

/** Monday 1 March 2027, 06:00 in London. */
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

const settingsOf = async (user: string) => {
  const sub = await subscriptionOf(t, user);
  return sub && { minuteOfDay: sub.minuteOfDay, days: daysFromMask(sub.dayMask), topics: sub.topics };
};

describe('a subscribe that names some settings', () => {
  it('changes only those, and `subscribe` alone shows the settings and how to change them', async () => {
    const user = person(t, 'Europe/London');
    const [first, second] = [topicAt(t, 0), topicAt(t, 4)];
    await star(t, user, `subscribe 08:30 mon,wed,fri ${first.slug} ${second.slug}`);
    await star(t, user, 'pause 7d');

    const changed = await star(t, user, 'subscribe 07:30');
    expect(changed.text).toContain('Subscription updated: a drill at *07:30 Europe/London, Mon, Wed, Fri*');
    expect(changed.text).toContain(`on ${first.title}, ${second.title}`);
    expect(await settingsOf(user)).toEqual({
      minuteOfDay: 450,
      days: 0b0010101,
      topics: [first.slug, second.slug],
    });
    expect((await subscriptionOf(t, user))?.pausedUntil).toBe('2027-03-08');

    await star(t, user, 'subscribe daily');
    expect(await settingsOf(user)).toMatchObject({ minuteOfDay: 450, days: 'daily' });

    const shown = await star(t, user, 'subscribe');
    expect(shown.text).toContain('You are subscribed: a drill at *07:30 Europe/London, every day*');
    expect(shown.text).toContain('`/star subscribe 07:30`: the time');
    expect(shown.text).toContain('`all` for every topic');
    expect(await settingsOf(user)).toEqual({
      minuteOfDay: 450,
      days: 'daily',
      topics: [first.slug, second.slug],
    });

    await star(t, user, 'subscribe all');
    expect(await settingsOf(user)).toEqual({ minuteOfDay: 450, days: 'daily', topics: [] });
  });

  it('refuses what it cannot read, changing nothing', async () => {
    const user = person(t, 'Europe/London');
    await star(t, user, 'subscribe 08:30 weekends');
    const before = await settingsOf(user);
    for (const bad of ['subscribe 7:30pm', `subscribe all ${topicAt(t, 0).slug}`]) {
      const reply = await star(t, user, bad);
      expect(reply.inAck).toBe(true);
      expect(reply.text).toContain('Nothing was changed.');
    }
    expect(await settingsOf(user)).toEqual(before);
  });

  it('starts from the defaults for someone not subscribed, or no longer', async () => {
    const user = person(t, 'Europe/London');
    const first = await star(t, user, 'subscribe');
    expect(first.text).toContain('Subscribed: a drill at *09:00 Europe/London, weekdays*, on all topics.');
    await star(t, user, `subscribe 08:00 sat ${topicAt(t, 1).slug}`);
    await star(t, user, 'unsubscribe');
    await star(t, user, 'subscribe 07:00');
    expect(await settingsOf(user)).toEqual({ minuteOfDay: 420, days: 'weekdays', topics: [] });
  });
});
