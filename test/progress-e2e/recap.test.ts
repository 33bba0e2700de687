// The weekly recap end to end: answers given through the local Slack on an injected clock, the scheduler ticked
// by hand around Monday's drill time, the recap read as the DM a person would see, and the recaps table.
// Replica B (two replicas, exactly once) is a second Scheduler over the same database: its own pool on the
// Postgres server, the one handle on PGlite.
//
// Bad inputs and bad luck tried: `recap`, `recap maybe`, `recap on off`, `recap off` when not subscribed; a tick
// a minute before the drill time; the same Monday ticked twice and by two replicas at once; a week with no
// answer; a bot down all Monday (not sent on Tuesday); the first Monday after New York moves its clocks.

import { and, eq, gte, lt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, drills, recaps } from '../../src/db/schema/index.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { requestDrill } from '../support/drill-driver.ts';
import { useProgressBot, useReplicas } from '../support/progress-bot.ts';
import { shownText } from '../support/shown-text.ts';
import { answer, dms, EMPTY_ANSWER, person, star, strongAnswer, subscriptionOf, tick } from './support.ts';

/** Monday 4 January 2027, 07:00 UTC. */
const { clock, t } = useProgressBot('2027-01-04T07:00:00Z');
const replicas = useReplicas(t, clock, 2);

const topics = () => t.bot.ctx.bank.topics;
/** The weekly recaps in the person's DM. */
const recapsFor = (userId: string) => dms(t, userId).filter((m) => m.text.startsWith('Your week:'));

/** An on-demand drill on `slug` answered at `iso`. */
async function answeredAt(userId: string, iso: string, slug: string, parts = strongAnswer(slug)) {
  clock.set(iso);
  const d = await requestDrill(t, userId, slug, t.standin.dmChannelFor(userId));
  await answer(t, userId, d, parts);
  return d;
}

/** The person's answers given in [from, until), with their topic and score as stored. */
async function answersBetween(userId: string, from: string, until: string) {
  return t.bot.ctx.db
    .select({ slug: drills.topicSlug, score: answers.score })
    .from(answers)
    .innerJoin(drills, eq(drills.id, answers.drillId))
    .where(
      and(
        eq(drills.userId, userId),
        gte(answers.createdAt, new Date(from)),
        lt(answers.createdAt, new Date(until)),
      ),
    );
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the weekly recap', () => {
  it('comes on Monday at the drill time with the week’s drills, average and change, strongest and weakest topic, and streak', async () => {
    clock.set('2027-01-04T07:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 weekdays');
    const [a, b, c] = topics().map((x) => x.slug) as [string, string, string];
    // Week of 4 January: two answers. Week of 11 January: three, one of them empty.
    await answeredAt(user, '2027-01-04T12:00:00Z', a);
    await answeredAt(user, '2027-01-05T12:00:00Z', b, EMPTY_ANSWER);
    await answeredAt(user, '2027-01-11T12:00:00Z', a);
    await answeredAt(user, '2027-01-12T12:00:00Z', b);
    await answeredAt(user, '2027-01-13T22:30:00Z', c, EMPTY_ANSWER); // 23:30 Berlin, still Wednesday

    // Monday 11 January: the first week's recap, with nothing to compare with.
    await tick(t, clock, '2027-01-11T07:59:00Z');
    expect(recapsFor(user)).toHaveLength(0);
    await tick(t, clock, '2027-01-11T08:00:00Z');
    expect(recapsFor(user)).toHaveLength(1);
    expect(recapsFor(user)[0]?.text).toMatch(/^Your week: 2 drills answered, average score \d+\.$/);

    // Monday 18 January at 09:00 Berlin (08:00Z).
    await tick(t, clock, '2027-01-18T07:59:00Z');
    expect(recapsFor(user)).toHaveLength(1);
    await tick(t, clock, '2027-01-18T08:00:00Z');
    const [, recap] = recapsFor(user);
    if (!recap) throw new Error('no recap on Monday 18 January');
    const week = await answersBetween(user, '2027-01-10T23:00:00Z', '2027-01-17T23:00:00Z');
    const before = await answersBetween(user, '2027-01-03T23:00:00Z', '2027-01-10T23:00:00Z');
    expect(week).toHaveLength(3);
    const average = mean(week.map((w) => w.score ?? 0));
    const change = Math.round(average - mean(before.map((w) => w.score ?? 0)));
    const byTopic = [...new Set(week.map((w) => w.slug))]
      .map((slug) => ({ slug, avg: mean(week.filter((w) => w.slug === slug).map((w) => w.score ?? 0)) }))
      .sort((x, y) => y.avg - x.avg);
    const title = (slug: string | undefined) => t.bot.ctx.bank.topic(slug ?? '')?.title;
    const shown = shownText(recap.blocks);
    expect(shown).toContain('*Your week in Star Drill* · Mon 11 Jan – Sun 17 Jan');
    expect(shown).toContain(':white_check_mark: *3 drills* answered');
    const direction =
      change === 0
        ? 'the same as last week'
        : `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} from last week`;
    expect(shown).toMatch(new RegExp(`Average score [▰▱]+ ${Math.round(average)}, ${direction}`));
    expect(shown).toContain(`:muscle: Strongest: *${title(byTopic[0]?.slug)}*`);
    expect(shown).toContain(`:dart: To work on: *${title(byTopic.at(-1)?.slug)}*`);
    expect(byTopic.at(-1)?.slug).toBe(c);
    // Answered Mon-Wed, then Thursday and Friday missed: the run is over; the longest was 3 drill days.
    expect(shown).toContain(':fire: Streak: *0 drill days* (longest 3)');
    expect(shown).toContain('`/star recap off` stops these weekly recaps.');

    // Ticked again the same Monday: nothing more.
    await tick(t, clock, '2027-01-18T08:00:00Z');
    await tick(t, clock, '2027-01-18T09:30:00Z');
    expect(recapsFor(user)).toHaveLength(2);
    expect(await t.bot.ctx.db.select().from(recaps).where(eq(recaps.userId, user))).toMatchObject([
      { weekStart: '2027-01-04', messageTs: recapsFor(user)[0]?.ts },
      { weekStart: '2027-01-11', messageTs: recap.ts },
    ]);
    expect(await subscriptionOf(t, user)).toMatchObject({
      lastRecapWeek: '2027-01-11',
      nextRecapAt: new Date('2027-01-25T08:00:00Z'),
      recapClaimedUntil: null,
    });
  });

  it('does not come for a week with no answer, nor on Tuesday after a Monday the bot was down', async () => {
    clock.set('2027-01-04T07:00:00Z');
    const quiet = person(t, 'Europe/Berlin');
    const late = person(t, 'Europe/Berlin');
    await star(t, quiet, 'subscribe 10:00 weekdays');
    await star(t, late, 'subscribe 10:00 weekdays');
    await answeredAt(quiet, '2027-01-05T12:00:00Z', topics()[0]?.slug ?? '');
    await answeredAt(late, '2027-01-19T12:00:00Z', topics()[0]?.slug ?? '');

    // quiet answered in the week of 4 January only: recapped on the 11th, not on the 18th.
    await tick(t, clock, '2027-01-11T09:00:00Z');
    await tick(t, clock, '2027-01-18T09:00:00Z');
    expect(recapsFor(quiet)).toHaveLength(1);
    expect(await subscriptionOf(t, quiet)).toMatchObject({ nextRecapAt: new Date('2027-01-25T09:00:00Z') });

    // late answered in the week of 18 January; the bot is down all Monday 25 January, back on Tuesday.
    await tick(t, clock, '2027-01-26T09:00:00Z');
    expect(recapsFor(late)).toHaveLength(0);
    expect(await subscriptionOf(t, late)).toMatchObject({ nextRecapAt: new Date('2027-02-01T09:00:00Z') });
  });

  it('comes at the drill time on the first Monday after New York moves its clocks', async () => {
    clock.set('2027-03-10T15:00:00Z'); // Wednesday, EST
    const user = person(t, 'America/New_York');
    await star(t, user, 'subscribe 09:00 weekdays');
    await answeredAt(user, '2027-03-11T15:00:00Z', topics()[1]?.slug ?? '');
    // Monday 15 March 09:00 is EDT: 13:00Z, not 14:00Z.
    await tick(t, clock, '2027-03-15T12:59:00Z');
    expect(recapsFor(user)).toHaveLength(0);
    await tick(t, clock, '2027-03-15T13:00:00Z');
    expect(recapsFor(user)).toHaveLength(1);
    expect(shownText(recapsFor(user)[0]?.blocks)).toContain('Mon 8 Mar – Sun 14 Mar');
  });
});

describe('/star recap on|off', () => {
  it.each([
    ['recap', 'Say `on` or `off`.'],
    ['recap maybe', '`maybe` is not `on` or `off`.'],
    ['recap on off', '`on off` is not `on` or `off`.'],
  ])('%j is refused at once, nothing changed', async (text, problem) => {
    clock.set('2027-01-04T07:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe');
    const before = await subscriptionOf(t, user);
    const reply = await star(t, user, text);
    expect(reply.inAck).toBe(true);
    expect(reply.text).toContain(problem);
    expect(reply.text).toContain('Use `/star recap on` or `/star recap off`.');
    expect(await subscriptionOf(t, user)).toEqual(before);
  });

  it('off stops it (status says so), on brings it back the next Monday; not subscribed, nothing to stop', async () => {
    clock.set('2027-02-01T07:00:00Z'); // Monday
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 weekdays');
    expect((await star(t, user, 'recap off')).text).toContain('Weekly recap off.');
    expect((await star(t, user, 'status')).text).toContain('Weekly recap: off');
    await answeredAt(user, '2027-02-02T12:00:00Z', topics()[2]?.slug ?? '');
    await tick(t, clock, '2027-02-08T08:00:00Z');
    expect(recapsFor(user)).toHaveLength(0);

    clock.set('2027-02-09T12:00:00Z');
    expect((await star(t, user, 'recap on')).text).toContain('Weekly recap on');
    expect((await star(t, user, 'status')).text).toContain('Weekly recap: on');
    expect(await subscriptionOf(t, user)).toMatchObject({
      recap: true,
      nextRecapAt: new Date('2027-02-15T08:00:00Z'),
    });
    await answeredAt(user, '2027-02-10T12:00:00Z', topics()[2]?.slug ?? '');
    await tick(t, clock, '2027-02-15T08:00:00Z');
    expect(recapsFor(user)).toHaveLength(1);

    const stranger = person(t, 'Europe/Berlin');
    expect((await star(t, stranger, 'recap off')).text).toContain('You are not subscribed');
    expect(await subscriptionOf(t, stranger)).toBeUndefined();
  });
});

describe('exactly once across replicas', () => {
  it('two replicas ticking Monday’s minute at once send each subscriber one recap', async () => {
    clock.set('2027-03-01T06:00:00Z'); // Monday
    const people = Array.from({ length: 12 }, () => person(t, 'UTC'));
    for (const user of people) {
      await star(t, user, 'subscribe 07:00 weekdays');
      await answeredAt(user, '2027-03-02T12:00:00Z', topics()[3]?.slug ?? '');
    }
    const [a, b] = replicas as [Scheduler, Scheduler];
    const at = clock.set('2027-03-08T07:00:00Z');
    const [ca, cb] = await Promise.all([a.tick(at), b.tick(at)]);
    await Promise.all([a.tick(at), b.tick(at)]);
    await t.bot.idle();
    expect(people.map((u) => recapsFor(u).length)).toEqual(people.map(() => 1));
    expect(ca.recapped + cb.recapped).toBe(people.length);
    for (const user of people) {
      expect(await t.bot.ctx.db.select().from(recaps).where(eq(recaps.userId, user))).toHaveLength(1);
    }
  });
});
