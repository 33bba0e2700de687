// The one reminder in an unanswered scheduled drill's thread, end to end: drills delivered by the bot's own
// scheduler, ticked by hand on an injected clock; the reminder read from the drill's thread in the local Slack
// and from the drills table. Two replicas and a crash: reminder-replicas.test.ts, reminder-crash.test.ts.
//
// Bad inputs and bad luck tried: a tick a minute early; ticks after the reminder went; a drill at 03:00 (the
// nudge would fall before 08:00); at 18:00 (it would fall after 21:00); a bot down until 21:30, and until the
// next morning; an answer before the nudge; the reminder set to Off; a 429 with Retry-After on the nudge; 500s
// beyond the client's retries.

import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { drills } from '../../src/db/schema/index.ts';
import { ACTION_OPEN_SETTINGS, BLOCK_HOME_ACTIONS } from '../../src/views/ids.ts';
import { repliesTo } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import {
  answer,
  home,
  openHome,
  person,
  scheduledDrill,
  settingsValues,
  star,
  strongAnswer,
  tick,
} from './support.ts';

const { clock, t } = useProgressBot('2027-01-12T06:00:00Z');

afterEach(() => t.standin.clearIntercepts());

const NUDGE = /A nudge: today's drill is still waiting/;
/** The reminders in a drill's thread. */
const nudges = (d: { channel: string; ts: string }) =>
  repliesTo(t, d.channel, d.ts).filter((m) => NUDGE.test(m.text));
const isNudge = (args: Record<string, unknown>) =>
  typeof args.thread_ts === 'string' && NUDGE.test(String(args.text));

async function drillRow(id: number) {
  const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.id, id));
  return row;
}

/** A Berlin subscriber at `time`, every day (Berlin is UTC+1 in January). */
async function berliner(time: string) {
  const user = person(t, 'Europe/Berlin');
  await star(t, user, `subscribe ${time} daily`);
  return user;
}

describe('one nudge, a delay after delivery', () => {
  it('comes in the drill’s thread 4 hours after delivery by default, once', async () => {
    clock.set('2027-01-12T06:00:00Z');
    const user = await berliner('09:00');
    await tick(t, clock, '2027-01-12T08:00:00Z');
    const d = await scheduledDrill(t, user, '2027-01-12');
    expect(d.drill.remindAt).toEqual(new Date('2027-01-12T12:00:00Z'));
    expect((await star(t, user, 'status')).text).toContain('Reminder: after 4 hours');

    await tick(t, clock, '2027-01-12T11:59:00Z');
    expect(nudges(d)).toHaveLength(0);
    await tick(t, clock, '2027-01-12T12:00:00Z');
    expect(nudges(d)).toHaveLength(1);
    expect(nudges(d)[0]?.thread_ts).toBe(d.ts);
    expect((await drillRow(d.drill.id))?.remindedAt).not.toBeNull();
    await tick(t, clock, '2027-01-12T12:01:00Z');
    await tick(t, clock, '2027-01-12T15:00:00Z');
    expect(nudges(d)).toHaveLength(1);
  });

  it('waits for 08:00 local when the delay ends earlier that morning', async () => {
    clock.set('2027-01-12T01:00:00Z');
    const user = await berliner('03:00');
    await tick(t, clock, '2027-01-12T02:00:00Z');
    const d = await scheduledDrill(t, user, '2027-01-12');
    // 03:00 + 4 h is 07:00 Berlin: held until 08:00 Berlin, 07:00Z.
    expect(d.drill.remindAt).toEqual(new Date('2027-01-12T07:00:00Z'));
    await tick(t, clock, '2027-01-12T06:00:00Z');
    await tick(t, clock, '2027-01-12T06:59:00Z');
    expect(nudges(d)).toHaveLength(0);
    await tick(t, clock, '2027-01-12T07:00:00Z');
    expect(nudges(d)).toHaveLength(1);
  });

  it('is never planned when it would fall after 21:00 local', async () => {
    clock.set('2027-01-12T16:00:00Z');
    const user = await berliner('18:00');
    await tick(t, clock, '2027-01-12T17:00:00Z');
    const d = await scheduledDrill(t, user, '2027-01-12');
    expect(d.drill.remindAt).toBeNull();
    for (const at of ['2027-01-12T21:00:00Z', '2027-01-12T22:59:00Z', '2027-01-13T07:30:00Z']) {
      await tick(t, clock, at);
    }
    expect(nudges(d)).toHaveLength(0);
  });

  it('is dropped, not sent at night or the next day, when ticks stop until after 21:00', async () => {
    clock.set('2027-01-12T06:00:00Z');
    const lateEvening = await berliner('09:30');
    const nextMorning = await berliner('09:45');
    await tick(t, clock, '2027-01-12T08:30:00Z');
    await tick(t, clock, '2027-01-12T08:45:00Z');
    const a = await scheduledDrill(t, lateEvening, '2027-01-12');
    const b = await scheduledDrill(t, nextMorning, '2027-01-12');
    // Both nudges were due at 13:30 and 13:45 Berlin; the next tick is at 21:30 Berlin.
    const evening = await tick(t, clock, '2027-01-12T20:30:00Z');
    expect(evening.remindersDropped).toBeGreaterThanOrEqual(2);
    expect(nudges(a)).toHaveLength(0);
    expect(nudges(b)).toHaveLength(0);
    expect((await drillRow(a.drill.id))?.remindedAt).not.toBeNull();
    await tick(t, clock, '2027-01-13T07:30:00Z');
    expect([...nudges(a), ...nudges(b)]).toHaveLength(0);
  });

  it('is dropped on a later day after an outage through the night', async () => {
    clock.set('2027-01-12T06:00:00Z');
    const user = await berliner('10:00');
    await tick(t, clock, '2027-01-12T09:00:00Z');
    const d = await scheduledDrill(t, user, '2027-01-12');
    // Down from 10:00 Tuesday until 08:30 Wednesday (Berlin).
    const morning = await tick(t, clock, '2027-01-13T07:30:00Z');
    expect(morning.remindersDropped).toBeGreaterThanOrEqual(1);
    expect(nudges(d)).toHaveLength(0);
  });

  it('never follows an answer', async () => {
    clock.set('2027-01-12T06:00:00Z');
    const user = await berliner('09:15');
    await tick(t, clock, '2027-01-12T08:15:00Z');
    const d = await scheduledDrill(t, user, '2027-01-12');
    clock.set('2027-01-12T10:00:00Z');
    await answer(t, user, d, strongAnswer(d.drill.topicSlug));
    expect((await drillRow(d.drill.id))?.remindAt).toBeNull();
    await tick(t, clock, '2027-01-12T12:15:00Z');
    await tick(t, clock, '2027-01-12T13:00:00Z');
    expect(nudges(d)).toHaveLength(0);
  });

  it('follows the delay chosen in the settings; Off means none', async () => {
    clock.set('2027-01-12T06:00:00Z');
    const hourly = person(t, 'Europe/Berlin');
    const off = person(t, 'Europe/Berlin');
    for (const [user, reminder] of [
      [hourly, '60'],
      [off, 'off'],
    ] as const) {
      await openHome(t, user);
      await t.standin.clickViewButton(t.url, {
        userId: user,
        viewId: home(t, user).view.id,
        actionId: ACTION_OPEN_SETTINGS,
        blockId: BLOCK_HOME_ACTIONS,
      });
      await t.bot.idle();
      const modal = t.standin.openModal(user);
      await t.standin.submitView(t.url, {
        userId: user,
        viewId: modal?.id ?? '',
        values: settingsValues({ time: '09:20', days: ['tue', 'wed'], reminder }),
      });
      await t.bot.idle();
    }
    await tick(t, clock, '2027-01-12T08:20:00Z');
    const a = await scheduledDrill(t, hourly, '2027-01-12');
    const b = await scheduledDrill(t, off, '2027-01-12');
    expect(a.drill.remindAt).toEqual(new Date('2027-01-12T09:20:00Z'));
    expect(b.drill.remindAt).toBeNull();
    await tick(t, clock, '2027-01-12T09:20:00Z');
    await tick(t, clock, '2027-01-12T12:20:00Z');
    expect(nudges(a)).toHaveLength(1);
    expect(nudges(b)).toHaveLength(0);
  });
});

describe('when Slack refuses', () => {
  it('a 429 on the nudge is waited out and retried, without a second nudge', async () => {
    clock.set('2027-01-12T06:00:00Z');
    const user = await berliner('09:25');
    await tick(t, clock, '2027-01-12T08:25:00Z');
    const d = await scheduledDrill(t, user, '2027-01-12');
    let limited = 0;
    t.standin.intercept('chat.postMessage', ({ args }) =>
      isNudge(args) && limited++ === 0 ? { status: 429, retryAfter: 1 } : undefined,
    );
    const counts = await tick(t, clock, '2027-01-12T12:25:00Z');
    expect(counts.reminded).toBeGreaterThanOrEqual(1);
    const calls = t.standin.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === d.ts);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]?.at ?? 0).toBeGreaterThanOrEqual((calls[0]?.at ?? 0) + 1_000);
    expect(nudges(d)).toHaveLength(1);
  });

  it('a failure beyond the client’s retries gives the nudge back; a later tick sends it once', async () => {
    clock.set('2027-01-12T06:00:00Z');
    const user = await berliner('09:35');
    await tick(t, clock, '2027-01-12T08:35:00Z');
    const d = await scheduledDrill(t, user, '2027-01-12');
    t.standin.intercept('chat.postMessage', ({ args }) => (isNudge(args) ? { status: 500 } : undefined));
    await tick(t, clock, '2027-01-12T12:35:00Z');
    expect(nudges(d)).toHaveLength(0);
    expect(await drillRow(d.drill.id)).toMatchObject({ remindedAt: null, remindClaimedUntil: null });
    t.standin.clearIntercepts();
    await tick(t, clock, '2027-01-12T12:36:00Z');
    await tick(t, clock, '2027-01-12T12:37:00Z');
    expect(nudges(d)).toHaveLength(1);
  });
});
