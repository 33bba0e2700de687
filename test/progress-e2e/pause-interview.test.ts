// /star pause, resume and interview end to end: slash commands through the local Slack, the scheduler ticked
// at each day's drill time on an injected clock, and what status, the Home tab and the DMs then show.
//
// Bad inputs tried (each answered in words naming the problem, "Nothing was changed.", the row untouched):
//   pause: (nothing), `until`, `2027-13-01`, `2027-02-30`, `24/12/2027`, `tomorrow`, `7`, `0d`, `7x`,
//   `400d`, `2027-01-01` (past), `2027-01-12` (today), `2028-06-01` (over a year), `until 2027-01-20 extra`,
//   `<!channel>`; interview: (nothing), `2027-01-11` (past), `2027-02-30`, `15/12/2027`, `2028-06-01`,
//   `next week`; `interview off` and `resume` with nothing to stop; pause/resume/interview when not subscribed.

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, daysOff, drills } from '../../src/db/schema/index.ts';
import { answerOf, requestDrill } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import {
  answer,
  dms,
  drillsOf,
  EMPTY_ANSWER,
  openHome,
  person,
  star,
  strongAnswer,
  subscriptionOf,
  tick,
} from './support.ts';

/** Tuesday 12 January 2027, 07:00 UTC: 08:00 in Berlin, an hour before the 09:00 drills. */
const { clock, t } = useProgressBot('2027-01-12T07:00:00Z');

/** Ticks at 09:00 Berlin (08:00Z in winter) on each date; returns the dates a drill reached the person. */
async function drillDays(userId: string, dates: string[]): Promise<string[]> {
  const got: string[] = [];
  for (const date of dates) {
    const before = dms(t, userId).length;
    await tick(t, clock, `${date}T08:00:00Z`);
    if (dms(t, userId).length > before) got.push(date);
  }
  return got;
}

describe('/star pause and resume', () => {
  it('no drill while paused; status and Home say so; drills come again on the date', async () => {
    clock.set('2027-01-12T07:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 daily');
    const reply = await star(t, user, 'pause until 2027-01-15');
    expect(reply.text).toContain('Paused: no drills until *Fri 15 Jan*');
    expect(reply.text).toContain('the first comes *Fri 15 Jan at 09:00*');
    expect(await subscriptionOf(t, user)).toMatchObject({
      pausedUntil: '2027-01-15',
      nextDueDate: '2027-01-15',
      nextDueAt: new Date('2027-01-15T08:00:00Z'),
    });
    // Today's drill had not been sent yet: today is the first day off.
    expect(await t.bot.ctx.db.select().from(daysOff).where(eq(daysOff.userId, user))).toMatchObject([
      { fromDate: '2027-01-12', untilDate: '2027-01-15', reason: 'pause' },
    ]);

    const status = await star(t, user, 'status');
    expect(status.text).toContain('Paused: until *Fri 15 Jan* (drills start again that day)');
    expect(status.text).toContain('Next drill: *Fri 15 Jan at 09:00*');
    const { text } = await openHome(t, user);
    expect(text).toContain('*Paused* until Fri 15 Jan');

    expect(
      await drillDays(user, ['2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15', '2027-01-16']),
    ).toEqual(['2027-01-15', '2027-01-16']);
    clock.set('2027-01-16T12:00:00Z');
    expect((await star(t, user, 'status')).text).not.toContain('Paused');
  });

  it('pause 7d counts from today; resume ends it early and the next drill comes today', async () => {
    clock.set('2027-01-12T07:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 daily');
    expect((await star(t, user, 'pause 7d')).text).toContain('no drills until *Tue 19 Jan*');
    expect(await drillDays(user, ['2027-01-12'])).toEqual([]);

    clock.set('2027-01-13T07:30:00Z');
    const resumed = await star(t, user, 'resume');
    expect(resumed.text).toContain('Resumed: your next drill comes *Wed 13 Jan at 09:00 (today)*');
    expect(await subscriptionOf(t, user)).toMatchObject({ pausedUntil: null, nextDueDate: '2027-01-13' });
    // The pause is kept for the streak as it really was: Tuesday only.
    expect(await t.bot.ctx.db.select().from(daysOff).where(eq(daysOff.userId, user))).toMatchObject([
      { fromDate: '2027-01-12', untilDate: '2027-01-13' },
    ]);
    expect((await star(t, user, 'status')).text).not.toContain('Paused');
    expect(await drillDays(user, ['2027-01-13', '2027-01-14'])).toEqual(['2027-01-13', '2027-01-14']);
    expect((await star(t, user, 'resume')).text).toContain('You were not paused; nothing changed.');
  });

  it.each([
    ['', 'Say until when, or for how long.'],
    ['until', 'Say until which date.'],
    ['2027-13-01', '`2027-13-01` is not a date on the calendar'],
    ['until 2027-02-30', '`2027-02-30` is not a date on the calendar'],
    ['24/12/2027', '`24/12/2027` is not a date I can read: write it as YYYY-MM-DD'],
    ['tomorrow', '`tomorrow` is not a date: write it as YYYY-MM-DD'],
    ['7', '`7` needs a unit: `7d` for days or `7w` for weeks.'],
    ['0d', 'A pause lasts at least one day.'],
    ['7x', '`7x` is not a length I know'],
    ['400d', '`400d` is longer than a year'],
    ['until 2027-01-01', '`2027-01-01` is in the past (today is 2027-01-12).'],
    ['2027-01-12', '`2027-01-12` is today'],
    ['2028-06-01', '`2028-06-01` is more than a year away'],
    ['until 2027-01-20 extra', '`extra` is not part of a pause.'],
    ['<!channel>', '`&lt;!channel&gt;` is not a date'],
  ])('pause %j: a clear error, nothing changed', async (args, problem) => {
    clock.set('2027-01-12T07:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 daily');
    const before = await subscriptionOf(t, user);
    const reply = await star(t, user, `pause ${args}`);
    expect(reply.text).toContain(problem);
    expect(reply.text).toContain('Use `/star pause until YYYY-MM-DD` or `/star pause 7d`');
    expect(reply.text).toContain('Nothing was changed.');
    expect(reply.text).not.toContain('<!channel>');
    expect(await subscriptionOf(t, user)).toEqual(before);
    expect(await t.bot.ctx.db.select().from(daysOff).where(eq(daysOff.userId, user))).toEqual([]);
  });

  it('pause, resume and interview say so when not subscribed, and store nothing', async () => {
    const user = person(t, 'Europe/Berlin');
    expect((await star(t, user, 'pause 7d')).text).toContain(
      'You are not subscribed, so there are no drills to pause.',
    );
    expect((await star(t, user, 'resume')).text).toContain('no drills to resume');
    expect((await star(t, user, 'interview 2027-02-01')).text).toContain('no drills to count down with');
    expect(await subscriptionOf(t, user)).toBeUndefined();
  });
});

describe('/star interview', () => {
  it.each([
    ['', 'Give the date of your interview.'],
    ['2027-01-11', '`2027-01-11` is in the past (today is 2027-01-12).'],
    ['2027-02-30', '`2027-02-30` is not a date on the calendar'],
    ['15/12/2027', '`15/12/2027` is not a date I can read'],
    ['2028-06-01', '`2028-06-01` is more than a year away'],
    ['next week', '`next` is not a date'],
  ])('interview %j: a clear error, nothing changed', async (args, problem) => {
    clock.set('2027-01-12T07:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 weekdays');
    const before = await subscriptionOf(t, user);
    const reply = await star(t, user, `interview ${args}`);
    expect(reply.text).toContain(problem);
    expect(reply.text).toContain('Nothing was changed.');
    expect(await subscriptionOf(t, user)).toEqual(before);
  });

  it('`interview off` without a countdown changes nothing', async () => {
    clock.set('2027-01-12T07:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 weekdays');
    const before = await subscriptionOf(t, user);
    expect((await star(t, user, 'interview off')).text).toContain('There was no interview countdown to stop');
    expect(await subscriptionOf(t, user)).toEqual(before);
  });

  it('drills every day (the weekend too) from the weakest topics, shows the days left, and the day after goes back to weekdays', async () => {
    clock.set('2027-01-12T07:00:00Z');
    const bank = t.bot.ctx.bank.topics.map((x) => x.slug);
    // The same history for both: the clearly weakest topic first, then two strong, then two middling.
    const [weakest, strong1, strong2, weak1, weak2] = bank as [string, string, string, string, string];
    const counting = person(t, 'Europe/Berlin');
    const control = person(t, 'Europe/Berlin');
    for (const user of [counting, control]) {
      for (const [slug, parts] of [
        [weakest, EMPTY_ANSWER],
        [strong1, strongAnswer(strong1)],
        [strong2, strongAnswer(strong2)],
        [weak1, answerOf('middling')],
        [weak2, answerOf('middling')],
      ] as const) {
        await answer(t, user, await requestDrill(t, user, slug, t.standin.dmChannelFor(user)), parts);
      }
    }
    // What the coach made of them, as the countdown will read it.
    const scores = new Map(
      (
        await t.bot.ctx.db
          .select({ slug: drills.topicSlug, score: answers.score })
          .from(answers)
          .innerJoin(drills, eq(drills.id, answers.drillId))
          .where(eq(drills.userId, counting))
      ).map((r) => [r.slug, r.score ?? 0]),
    );
    const score = (slug: string) => scores.get(slug) ?? 0;
    expect(score(weakest)).toBeLessThan(Math.min(score(weak1), score(weak2)));
    expect(Math.max(score(weak1), score(weak2))).toBeLessThan(Math.min(score(strong1), score(strong2)));

    // Thursday 14 January, before the drill; the interview is on Saturday.
    clock.set('2027-01-14T07:00:00Z');
    await star(t, counting, 'subscribe 09:00 weekdays');
    await star(t, control, 'subscribe 09:00 daily');
    const reply = await star(t, counting, 'interview 2027-01-16');
    expect(reply.text).toContain('Interview on *Sat 16 Jan*: 2 days to your interview.');
    expect(reply.text).toContain('your usual drills (weekdays) come back');
    expect((await star(t, counting, 'status')).text).toContain(
      'Interview: *2 days to your interview* (Sat 16 Jan): a drill every day, weakest topics first',
    );
    expect((await openHome(t, counting)).text).toContain('*2 days to your interview*');

    const days = ['2027-01-14', '2027-01-15', '2027-01-16', '2027-01-17', '2027-01-18'];
    const got: string[] = [];
    for (const date of days) {
      const before = dms(t, counting).length;
      await tick(t, clock, `${date}T08:00:00Z`);
      if (dms(t, counting).length > before) got.push(date);
      if (date === '2027-01-16') {
        expect((await star(t, counting, 'status')).text).toContain('Interview: *Your interview is today*');
      }
    }
    // Saturday too; Sunday, the day after, is back to weekdays: none; Monday as usual.
    expect(got).toEqual(['2027-01-14', '2027-01-15', '2027-01-16', '2027-01-18']);
    clock.set('2027-01-17T12:00:00Z');
    const after = await star(t, counting, 'status');
    expect(after.text).not.toContain('Interview');
    expect((await openHome(t, counting)).text).not.toContain('to your interview');

    const scheduledTopics = async (user: string) =>
      (await drillsOf(t, user)).filter((d) => d.source === 'scheduled').map((d) => d.topicSlug);
    const countdown = (await scheduledTopics(counting)).slice(0, 3);
    const usual = (await scheduledTopics(control)).slice(0, 3);
    // The countdown starts with the weakest topic and stays on the three weakest; without it the same
    // history rotates on to the strong topics.
    expect(countdown).toEqual([weakest, weak1, weak2]);
    expect(usual).toEqual([weakest, strong1, strong2]);
  });
});
