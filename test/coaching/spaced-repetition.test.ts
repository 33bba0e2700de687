// Spaced repetition through the product: the ratings a user gives decide what /star random and the scheduled
// drills ask next. A question whose review is due comes first, then a question never asked, then the one asked
// longest ago; a topic rated low comes back sooner. The bot runs on a clock the test moves forward, and the
// scheduler is ticked by hand at chosen instants.
//
// Bad inputs tried: a due question competing with thirteen never-asked ones, a rated question that is not due
// yet (it must not jump the queue), a tick a day after the review fell due, and a control user with the same
// history and no ratings for each case (what the order would be without the ratings).

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../harness/test-clock.ts';
import { drills, subscriptions } from '../../src/db/schema/index.ts';
import { starShown } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answerDrill,
  cardOf,
  DAY,
  guideTopic,
  HOUR,
  I_ANSWER,
  newUser,
  rate,
  requestDrill,
} from './support.ts';

const clock = new TestClock();
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ clock, bot: { scheduler: { cron: false } } });
});
afterAll(async () => {
  await t?.close();
});

/** The guide's topics by their title, in the guide's order, with their questions as written. */
const TOPICS = [1, 2, 3, 4, 5].map((n) => guideTopic(n));
const topicOfQuestion = (text: string) => TOPICS.findIndex((g) => g.questions.includes(text)) + 1;

/** `/star <text>`, answered, its feedback rated (or not): the drill row. */
async function drill(userId: string, text: string, rating?: 'again' | 'hard' | 'good' | 'easy') {
  const d = await requestDrill(t, userId, text);
  if (rating) {
    const [feedback] = await answerDrill(
      t,
      userId,
      { channel: d.channel, ts: d.ts, drillId: d.drill.id },
      I_ANSWER,
    );
    if (!feedback) throw new Error('no feedback to rate');
    await rate(t, userId, { channel: d.channel, feedbackTs: feedback.ts, drillId: d.drill.id }, rating);
  }
  return d.drill;
}

describe('/star random', () => {
  it('with nothing due, a never-asked question comes before a rated one; once it is due, the rated one comes first', async () => {
    const userId = newUser();
    const first = await drill(userId, 'random', 'again');
    const card = await cardOf(t, userId, first.questionId);
    expect(card?.dueAt.getTime()).toBeGreaterThan(clock.now().getTime());

    // Not due yet: each drill is a question this user was never asked.
    const asked = [first.questionId];
    for (let i = 0; i < 3; i++) {
      const next = await drill(userId, 'random');
      expect(asked).not.toContain(next.questionId);
      asked.push(next.questionId);
    }

    // The Again review falls due: it beats the eleven questions never asked.
    clock.advance((card?.dueAt.getTime() ?? 0) - clock.now().getTime() + HOUR);
    const due = await drill(userId, 'random');
    expect(due.questionId).toBe(first.questionId);
    expect(due.questionText).toBe(first.questionText);

    // Control: the same history without the rating keeps drawing questions never asked.
    const control = newUser();
    const controlAsked: string[] = [];
    for (let i = 0; i < 5; i++) controlAsked.push((await drill(control, 'random')).questionId);
    expect(new Set(controlAsked).size).toBe(5);
  });

  it('a topic rated Again comes back sooner than one rated Easy, and sooner than without ratings', async () => {
    // Both users drill one question of each topic, in the guide's order (never-drilled topics first).
    const rated = newUser();
    const control = newUser();
    const ratings: Record<number, 'again' | 'easy'> = { 1: 'easy', 2: 'again' };
    for (const userId of [rated, control]) {
      const topics: number[] = [];
      for (let n = 1; n <= 5; n++) {
        const d = await drill(userId, 'random', userId === rated ? ratings[n] : undefined);
        topics.push(topicOfQuestion(d.questionText));
      }
      expect(topics).toEqual([1, 2, 3, 4, 5]);
    }

    // An hour later nothing is due (an Again comes back after a day), and every question drilled was asked.
    clock.advance(HOUR);
    const next = async (userId: string) => topicOfQuestion((await drill(userId, 'random')).questionText);
    // Without ratings: the topic drilled longest ago.
    expect(await next(control)).toBe(1);
    // Rated: topic 1 (Easy) waits; topic 2 (Again) comes back first.
    const sooner = await requestDrill(t, rated, 'random');
    expect(topicOfQuestion(sooner.drill.questionText)).toBe(2);
    // A question of that topic the user was not asked yet.
    expect(sooner.drill.questionText).not.toBe(TOPICS[1]?.questions[0]);
  });

  it('within a topic, once every question was asked, the one asked longest ago comes back', async () => {
    const userId = newUser();
    const asked: string[] = [];
    for (let i = 0; i < 4; i++) asked.push((await drill(userId, 'leadership')).questionText);
    expect(new Set(asked.slice(0, 3))).toEqual(new Set(TOPICS[4]?.questions));
    expect(asked[3]).toBe(asked[0]);
  });
});

describe('scheduled drills', () => {
  it('the scheduled tick asks the due review first; a user without the rating gets a question never asked', async () => {
    const rated = newUser();
    const control = newUser();
    for (const id of [rated, control]) t.standin.setUser({ id, tz: 'UTC' });
    const first = await drill(rated, 'random', 'again');
    const controlFirst = await drill(control, 'random');
    expect(controlFirst.questionId).toBe(first.questionId);
    const card = await cardOf(t, rated, first.questionId);

    // Two days on, both subscribe; the tick at their next 09:00 finds the review overdue.
    clock.advance(2 * DAY);
    for (const id of [rated, control]) {
      expect((await starShown(t, id, 'subscribe 09:00 daily')).shown.length).toBeGreaterThan(0);
    }
    const [sub] = await t.bot.ctx.db.select().from(subscriptions).where(eq(subscriptions.userId, rated));
    const dueAt = sub?.nextDueAt as Date;
    expect(dueAt.getTime()).toBeGreaterThan(card?.dueAt.getTime() ?? Number.POSITIVE_INFINITY);

    const counts = await t.bot.scheduler?.tick(dueAt);
    expect(counts?.delivered).toBeGreaterThanOrEqual(2);
    await t.bot.idle();

    const scheduled = async (userId: string) =>
      (await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId))).filter(
        (d) => d.source === 'scheduled',
      );
    const [ratedDrill] = await scheduled(rated);
    const [controlDrill] = await scheduled(control);
    expect(ratedDrill?.questionId).toBe(first.questionId);
    expect(controlDrill?.questionId).not.toBe(first.questionId);
    // The DM the rated user got asks that question.
    const dm = t.standin.messages(t.standin.dmChannelFor(rated)).at(-1);
    expect(dm?.text).toContain(first.questionText);
    expect(dm?.ts).toBe(ratedDrill?.messageTs);
  });
});
