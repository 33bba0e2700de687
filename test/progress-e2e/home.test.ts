// The App Home dashboard end to end: app_home_opened published through views.publish, per-topic progress after
// answers and self-ratings, the unanswered drills with their Answer buttons, the streak on an injected clock
// (weekends of a weekdays schedule, a paused day, a missed drill day, the week New York moves its clocks), and
// the Home tab published again after each answer, rating and settings change.
//
// Bad inputs tried: app_home_opened for the Messages tab (nothing published), for a person the bot has never
// seen (an empty dashboard, no rows written), an answer given at 23:30 local (the next day in UTC) on each side
// of a daylight-saving change, a drill day left unanswered, a pause set after the day's drill was answered.

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.ts';
import { ACTION_ANSWER_DRILL, BLOCK_HOME_UNANSWERED_PREFIX, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import { requestDrill, viewValues } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import {
  answer,
  dms,
  EMPTY_ANSWER,
  home,
  openHome,
  person,
  rate,
  scheduledDrill,
  star,
  strongAnswer,
  tick,
} from './support.ts';

const { clock, t } = useProgressBot('2027-01-12T10:00:00Z');

const publishesFor = (userId: string) =>
  t.standin.callsTo('views.publish').filter((c) => c.args.user_id === userId).length;

/** The scheduled drill of `date`, delivered at `dueIso`, answered at `answerIso` (or left unanswered). */
async function drillDay(userId: string, date: string, dueIso: string, answerIso?: string) {
  await tick(t, clock, dueIso);
  const d = await scheduledDrill(t, userId, date);
  if (answerIso) {
    clock.set(answerIso);
    await answer(t, userId, d, strongAnswer(t.bot.ctx.bank.topic(d.drill.topicSlug)?.slug ?? ''));
  }
  return d;
}

describe('opening the Home tab', () => {
  it('publishes on the Home tab only, and a stranger gets an empty dashboard without any row written', async () => {
    const user = person(t, 'Europe/Paris');
    const before = t.standin.count('views.publish');
    const messagesTab = await t.standin.sendEvent(t.url, {
      type: 'app_home_opened',
      user,
      channel: t.standin.dmChannelFor(user),
      tab: 'messages',
    });
    expect(messagesTab.status).toBe(200);
    await t.bot.idle();
    expect(t.standin.count('views.publish')).toBe(before);

    const { view, text } = await openHome(t, user);
    expect(view.view.type).toBe('home');
    expect(text).toContain('*Streak:* none yet');
    expect(text).toContain('Not subscribed');
    expect(text).toContain('No answers yet');
    expect(await t.bot.ctx.db.select().from(users).where(eq(users.id, user))).toEqual([]);
  });
});

describe('progress per topic', () => {
  it('shows each answered topic with its score, trend, readiness and last practice, refreshed after every answer and rating', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Asia/Kolkata');
    const [incidents, collaboration] = t.bot.ctx.bank.topics;
    if (!incidents || !collaboration) throw new Error('the guide has fewer than 2 topics');

    const first = await requestDrill(t, user, incidents.slug, t.standin.dmChannelFor(user));
    // Opened once the person is a user of the bot: from then on their changes republish it.
    await openHome(t, user);
    let published = publishesFor(user);
    await answer(t, user, first, strongAnswer(incidents.slug));
    expect(publishesFor(user)).toBeGreaterThan(published);
    let { text } = home(t, user);
    expect(text).toContain(`*${incidents.title}*`);
    expect(text).toMatch(/▰+▱* \d+/);
    // 10:00Z is 15:30 in Kolkata, on Tuesday 12 January.
    expect(text).toContain('not started · 1 answered · last Tue 12 Jan');
    expect(text).toContain(`Not started yet: ${collaboration.title}`);
    expect(text).toContain('*Streak: 1 drill day*');
    expect(text).toContain('Today’s drill is done.');

    published = publishesFor(user);
    await rate(t, user, first, 'easy');
    expect(publishesFor(user)).toBeGreaterThan(published);
    ({ text } = home(t, user));
    expect(text).not.toContain('not started · 1 answered');
    expect(text).toMatch(/(shaky|getting there|ready) · 1 answered/);

    // A second, much weaker answer on the topic the next day: the average falls and the trend points down.
    clock.set('2027-01-13T10:00:00Z');
    const second = await requestDrill(t, user, incidents.slug, t.standin.dmChannelFor(user));
    await answer(t, user, second, EMPTY_ANSWER);
    ({ text } = home(t, user));
    expect(text).toMatch(/↓ −\d+/);
    expect(text).toContain('2 answered · last Wed 13 Jan');
    expect(text).toContain('*Streak: 2 drill days*');
  });

  it('lists unanswered drills with an Answer button that opens the drill’s modal; answered, it leaves the list', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Europe/Madrid');
    const topic = t.bot.ctx.bank.topics[2];
    if (!topic) throw new Error('the guide has fewer than 3 topics');
    const waiting = await requestDrill(t, user, topic.slug, t.standin.dmChannelFor(user));
    const { blocks, text } = await openHome(t, user);
    expect(text).toContain('*Waiting for your answer* (1)');
    expect(text).toContain(waiting.drill.questionText);
    const row = blocks.find((b) => b.block_id === `${BLOCK_HOME_UNANSWERED_PREFIX}${waiting.drill.id}`);
    expect(row?.accessory).toMatchObject({ action_id: ACTION_ANSWER_DRILL, value: String(waiting.drill.id) });

    const opens = t.standin.count('views.open');
    await t.standin.clickViewButton(t.url, {
      userId: user,
      viewId: home(t, user).view.id,
      actionId: ACTION_ANSWER_DRILL,
      value: String(waiting.drill.id),
    });
    await t.bot.idle();
    expect(t.standin.count('views.open')).toBe(opens + 1);
    const modal = t.standin.openModal(user);
    expect(modal?.view.callback_id).toBe(VIEW_STAR_ANSWER);
    expect(modal?.view.private_metadata).toBe(String(waiting.drill.id));
    const saved = await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal?.id ?? '',
      values: viewValues({ ...strongAnswer(topic.slug) }),
    });
    expect(saved.body).toBe('');
    await t.bot.idle();
    expect(home(t, user).text).not.toContain('Waiting for your answer');
  });

  it('is published again after a settings change (subscribe) and after pause, once the person has opened it', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Europe/Madrid');
    // Never opened: subscribing costs no Home publish (issue 16: the tab is published when it is opened).
    await star(t, user, 'subscribe 06:00 weekdays');
    expect(publishesFor(user)).toBe(0);
    await openHome(t, user);
    let published = publishesFor(user);
    await star(t, user, 'subscribe 07:00 daily');
    expect(publishesFor(user)).toBe(published + 1);
    expect(home(t, user).text).toContain('*Next drill:* Wed 13 Jan at 07:00 (tomorrow)');
    published = publishesFor(user);
    await star(t, user, 'pause until 2027-01-20');
    expect(publishesFor(user)).toBe(published + 1);
    expect(home(t, user).text).toContain('*Paused* until Wed 20 Jan');
    expect(home(t, user).text).toContain('*Next drill:* Wed 20 Jan at 07:00');
  });
});

describe('the streak', () => {
  it('a weekdays schedule keeps it over the weekend and the week New York changes its clocks; a missed drill day breaks it', async () => {
    // Thursday 11 March 2027, New York on EST (UTC-5); clocks go forward on Sunday 14 March.
    clock.set('2027-03-11T12:00:00Z');
    const user = person(t, 'America/New_York');
    await star(t, user, 'subscribe 09:00 weekdays');

    // Each answered at 23:30 local: already the next day in UTC.
    await drillDay(user, '2027-03-11', '2027-03-11T14:00:00Z', '2027-03-12T04:30:00Z');
    await drillDay(user, '2027-03-12', '2027-03-12T14:00:00Z', '2027-03-13T04:30:00Z');
    // The weekend: no drills due.
    await tick(t, clock, '2027-03-13T14:00:00Z');
    await tick(t, clock, '2027-03-14T13:00:00Z');
    expect(dms(t, user)).toHaveLength(2);
    // Monday, on EDT (UTC-4): 09:00 is 13:00Z, 23:30 is 03:30Z on Tuesday.
    await drillDay(user, '2027-03-15', '2027-03-15T13:00:00Z', '2027-03-16T03:30:00Z');

    clock.set('2027-03-16T12:00:00Z'); // Tuesday 08:00 EDT, before Tuesday's drill
    let { text } = await openHome(t, user);
    expect(text).toContain('*Streak: 3 drill days*');
    expect(text).toContain('Answer today’s drill to make it 4.');

    // Tuesday's drill is never answered; Wednesday's is.
    await drillDay(user, '2027-03-16', '2027-03-16T13:00:00Z');
    await drillDay(user, '2027-03-17', '2027-03-17T13:00:00Z', '2027-03-17T14:00:00Z');
    ({ text } = await openHome(t, user));
    expect(text).toContain('*Streak: 1 drill day* · longest 3');
    expect(text).toContain('Today’s drill is done.');
  });

  it('a paused day keeps it, even when the pause is set after that day’s drill was answered', async () => {
    // Monday 18 January 2027 in London (UTC+0), daily at 08:00.
    clock.set('2027-01-18T07:00:00Z');
    const user = person(t, 'Europe/London');
    await star(t, user, 'subscribe 08:00 daily');
    await drillDay(user, '2027-01-18', '2027-01-18T08:00:00Z', '2027-01-18T09:00:00Z');
    await drillDay(user, '2027-01-19', '2027-01-19T08:00:00Z', '2027-01-19T09:00:00Z');
    expect((await openHome(t, user)).text).toContain('*Streak: 2 drill days*');

    // Tuesday, after answering: a break for Wednesday, drills again on Thursday.
    const paused = await star(t, user, 'pause 2d');
    expect(paused.text).toContain('no drills until *Thu 21 Jan*');
    expect((await openHome(t, user)).text).toContain('*Streak: 2 drill days*');
    await tick(t, clock, '2027-01-20T08:00:00Z');
    expect(dms(t, user)).toHaveLength(2);
    expect((await openHome(t, user)).text).toContain('*Streak: 2 drill days*');

    await drillDay(user, '2027-01-21', '2027-01-21T08:00:00Z', '2027-01-21T09:00:00Z');
    expect((await openHome(t, user)).text).toContain('*Streak: 3 drill days*');
  });
});
