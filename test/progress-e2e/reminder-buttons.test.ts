// The reminder offers what the person means: **Answer now** (the drill's STAR modal) and **Skip today** (the
// day recorded as a day off, so the streak neither grows nor breaks), over HTTP against the local Slack.
//
// Bad inputs tried: Skip today clicked twice; clicked the next day (the day is over: nothing changes); after
// the drill was answered; by another person, with the reminder's drill id (not theirs: refused, nothing stored);
// clicked while the bot is saturated (the standard busy notice, nothing stored).

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysOff } from '../../src/db/schema/index.ts';
import { BUSY_CLICK } from '../../src/slack/listeners/busy-reply.ts';
import { ACTION_ANSWER_DRILL, ACTION_SKIP_TODAY, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import { repliesTo } from '../support/drill-driver.ts';
import { onTimeFirst, untilSaturated } from '../support/saturate.ts';
import type { TestBot } from '../support/test-bot.ts';
import {
  answer,
  openHome,
  person,
  scheduledDrill,
  star,
  startProgressBot,
  strongAnswer,
  TestClock,
  tick,
} from './support.ts';

/** Monday 11 January 2027, 06:00 in London. */
const clock = new TestClock(new Date('2027-01-11T06:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

/** The drill of `date` (09:00 London), and its reminder 4 hours later. */
async function remindedDrill(user: string, date: string) {
  await tick(t, clock, `${date}T09:00:00Z`);
  const d = await scheduledDrill(t, user, date);
  await tick(t, clock, `${date}T13:00:00Z`);
  const nudge = repliesTo(t, d.channel, d.ts).find((m) => m.text.startsWith(':alarm_clock:'));
  if (!nudge) throw new Error(`no reminder for ${date}`);
  return { d, nudge };
}

const click = (user: string, d: { channel: string }, ts: string, actionId: string, value: number) =>
  t.standin.clickButton(t.url, {
    userId: user,
    channel: d.channel,
    messageTs: ts,
    actionId,
    value: String(value),
  });

const daysOffOf = (user: string) => t.bot.ctx.db.select().from(daysOff).where(eq(daysOff.userId, user));

describe('the reminder’s buttons', () => {
  it('Answer now opens the drill’s STAR modal', async () => {
    clock.set('2027-01-11T06:00:00Z');
    const user = person(t, 'Europe/London');
    await star(t, user, 'subscribe 09:00 daily');
    const { d, nudge } = await remindedDrill(user, '2027-01-11');
    expect(nudge.text).not.toContain('/star skip');
    await click(user, d, nudge.ts, ACTION_ANSWER_DRILL, d.drill.id);
    await t.bot.idle();
    expect(t.standin.openModal(user)?.view.callback_id).toBe(VIEW_STAR_ANSWER);
  });

  it('Skip today records the day off: the streak is kept, the reminder says so, a second click changes nothing', async () => {
    clock.set('2027-01-11T06:00:00Z');
    const user = person(t, 'Europe/London');
    await star(t, user, 'subscribe 09:00 daily');
    const monday = await remindedDrill(user, '2027-01-11');
    clock.set('2027-01-11T14:00:00Z');
    await answer(t, user, monday.d, strongAnswer(monday.d.drill.topicSlug));

    const { d, nudge } = await remindedDrill(user, '2027-01-12');
    // A double click: both find the button, one day off is stored.
    await Promise.all([
      click(user, d, nudge.ts, ACTION_SKIP_TODAY, d.drill.id),
      click(user, d, nudge.ts, ACTION_SKIP_TODAY, d.drill.id),
    ]);
    await t.bot.idle();
    expect(await daysOffOf(user)).toMatchObject([
      { fromDate: '2027-01-12', untilDate: '2027-01-13', reason: 'skip' },
    ]);
    const updated = t.standin.message(d.channel, nudge.ts);
    expect(updated?.text).toContain('Skipped: Tue 12 Jan is a day off');
    expect(JSON.stringify(updated?.blocks)).not.toContain(ACTION_SKIP_TODAY);
    const { text } = await openHome(t, user);
    expect(text).toContain('*Streak: 1 drill day*');
    expect(text).not.toContain('Answer today’s drill');

    // Wednesday answered: Tuesday, a day off, did not break the streak.
    const wednesday = await remindedDrill(user, '2027-01-13');
    clock.set('2027-01-13T14:00:00Z');
    await answer(t, user, wednesday.d, strongAnswer(wednesday.d.drill.topicSlug));
    expect((await openHome(t, user)).text).toContain('*Streak: 2 drill days*');
    expect(await daysOffOf(user)).toHaveLength(1);
  });

  it('refuses a day that is over, an answered drill and another person’s drill, storing nothing', async () => {
    clock.set('2027-01-11T06:00:00Z');
    const user = person(t, 'Europe/London');
    const stranger = person(t, 'Europe/London');
    await star(t, user, 'subscribe 09:00 daily');
    const { d, nudge } = await remindedDrill(user, '2027-01-11');
    const ephemeralsOf = (u: string) => t.standin.ephemerals(u).map((e) => String(e.args.text ?? ''));

    await click(stranger, d, nudge.ts, ACTION_SKIP_TODAY, d.drill.id);
    await t.bot.idle();
    expect(ephemeralsOf(stranger).join('\n')).toContain('This drill is not available to you');

    clock.set('2027-01-12T08:00:00Z'); // Tuesday: Monday is over
    await click(user, d, nudge.ts, ACTION_SKIP_TODAY, d.drill.id);
    await t.bot.idle();
    expect(ephemeralsOf(user).join('\n')).toContain('That day is over');

    const tuesday = await remindedDrill(user, '2027-01-12');
    clock.set('2027-01-12T14:00:00Z');
    await answer(t, user, tuesday.d, strongAnswer(tuesday.d.drill.topicSlug));
    await click(user, tuesday.d, tuesday.nudge.ts, ACTION_SKIP_TODAY, tuesday.d.drill.id);
    await t.bot.idle();
    expect(ephemeralsOf(user).join('\n')).toContain('You answered this drill already');
    expect(await daysOffOf(user)).toEqual([]);
    expect(await daysOffOf(stranger)).toEqual([]);
  });

  it('Skip today on a saturated bot: the standard busy notice, and the day is not skipped', async () => {
    clock.set('2027-01-11T06:00:00Z');
    const user = person(t, 'Europe/London');
    await star(t, user, 'subscribe 09:00 daily');
    const { d, nudge } = await remindedDrill(user, '2027-01-11');
    await onTimeFirst(t);
    expect(await untilSaturated(t)).toBe(true);
    await click(user, d, nudge.ts, ACTION_SKIP_TODAY, d.drill.id);
    await t.bot.idle();
    expect(t.standin.ephemerals(user).at(-1)?.args.text).toBe(BUSY_CLICK);
    expect(await daysOffOf(user)).toEqual([]);
    expect(JSON.stringify(t.standin.message(d.channel, nudge.ts)?.blocks)).toContain(ACTION_SKIP_TODAY);
  });
});
