// Every date the bot shows comes from its injected clock, never from the database's: a clock set weeks away
// from the database server's, drills delivered by the scheduler and one asked for, one answered, then
// /star history, the Home tab, the export and the weekly recap must all name the clock's dates.
//
// Bad luck tried: the clock far ahead of the database's now() (as in the sandbox after Jump), and the per-minute
// limit on drills asked for, which must count by the same clock the drills were stamped with.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_DEMAND_DRILLS_PER_MINUTE } from '../../src/slack/listeners/commands/star/drill.ts';
import { slackDate } from '../../src/views/mrkdwn.ts';
import { requestDrill } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';
import {
  answer,
  dms,
  drillsOf,
  openHome,
  person,
  scheduledDrill,
  star,
  startProgressBot,
  strongAnswer,
  TestClock,
  tick,
} from './support.ts';

/** Friday 8 January 2027: weeks away from the database server's clock whenever this runs. */
const clock = new TestClock(new Date('2027-01-08T12:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

describe('dates on the bot’s clock', () => {
  it('history, Home, export and recap name the day the clock posted each drill', async () => {
    const user = person(t, 'Europe/London');
    await star(t, user, 'subscribe 09:00 daily');
    await tick(t, clock, '2027-01-09T09:00:00Z'); // Sat 9 Jan
    await tick(t, clock, '2027-01-10T09:00:00Z'); // Sun 10 Jan
    const sunday = await scheduledDrill(t, user, '2027-01-10');
    clock.set('2027-01-10T10:00:00Z');
    await answer(t, user, sunday, strongAnswer(sunday.drill.topicSlug));

    const stored = await drillsOf(t, user);
    expect(stored.map((d) => d.createdAt.toISOString())).toEqual([
      '2027-01-09T09:00:00.000Z',
      '2027-01-10T09:00:00.000Z',
    ]);
    expect(stored.map((d) => d.postedAt?.toISOString())).toEqual([
      '2027-01-09T09:00:00.000Z',
      '2027-01-10T09:00:00.000Z',
    ]);

    await star(t, user, 'history');
    const history = shownText(t.standin.ephemerals(user).at(-1)?.args.blocks);
    expect(history).toContain(slackDate(new Date('2027-01-09T09:00:00Z'), '{date_short}'));
    expect(history).toContain(slackDate(new Date('2027-01-10T09:00:00Z'), '{date_short}'));

    const { text: homeText } = await openHome(t, user);
    expect(homeText).toContain('· Sat 9 Jan'); // the Saturday drill, still waiting

    await star(t, user, 'export');
    const shared = dms(t, user)
      .filter((m) => (m.files?.length ?? 0) > 0)
      .at(-1);
    const markdown = t.standin.file(shared?.files?.[0]?.id ?? '')?.bytes?.toString('utf8') ?? '';
    expect(markdown).toMatch(/^## 2027-01-10 · /m);
    expect(markdown).toMatch(/^## 2027-01-09 · /m);
    expect(markdown).toContain('**Answered:** 2027-01-10 10:00');

    // Monday 11 January 09:00 London: the recap of 4-10 January counts the Sunday answer.
    await tick(t, clock, '2027-01-11T09:00:00Z');
    const recap = dms(t, user).find((m) => m.text.startsWith('Your week:'));
    expect(recap?.text).toMatch(/^Your week: 1 drill answered/);
  });

  it('counts the drills asked for in the last minute on the clock they were stamped with', async () => {
    const user = person(t, 'Europe/London');
    clock.set('2027-02-01T12:00:00Z');
    for (let i = 0; i < ON_DEMAND_DRILLS_PER_MINUTE; i++) await requestDrill(t, user);
    expect(await drillsOf(t, user)).toHaveLength(ON_DEMAND_DRILLS_PER_MINUTE);
    const refused = await star(t, user, 'random');
    expect(refused.text).toContain('drills in a minute');
    // A minute later on the bot's clock the limit is over, whatever the database's clock says.
    clock.set('2027-02-01T12:01:01Z');
    await star(t, user, 'random');
    const stored = await drillsOf(t, user);
    expect(stored).toHaveLength(ON_DEMAND_DRILLS_PER_MINUTE + 1);
    expect(stored.at(-1)?.createdAt.toISOString()).toBe('2027-02-01T12:01:01.000Z');
  });
});

describe('today on Home', () => {
  it('is the day of today’s scheduled drill: answering yesterday’s drill today leaves today’s waiting', async () => {
    const user = person(t, 'America/New_York');
    clock.set('2027-03-01T12:00:00Z'); // Monday 07:00 in New York
    await star(t, user, 'subscribe 09:00 daily');
    await tick(t, clock, '2027-03-01T14:00:00Z'); // Mon 09:00 New York
    await tick(t, clock, '2027-03-02T14:00:00Z'); // Tue 09:00 New York
    const monday = await scheduledDrill(t, user, '2027-03-01');
    clock.set('2027-03-02T15:00:00Z'); // Tue 10:00: Monday's drill answered a day late
    await answer(t, user, monday, strongAnswer(monday.drill.topicSlug));

    const { text } = await openHome(t, user);
    expect(text).not.toContain('Today’s drill is done');
    expect(text).toContain('Answer today’s drill to make it 2.');
    expect(text).toContain('*Waiting for your answer* (1)');
    expect(text).toContain('· Tue 2 Mar');
  });
});
