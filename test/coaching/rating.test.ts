// Self-rating as a user meets it: below the feedback, "How ready would you be to say this out loud?" with
// Again / Hard / Good / Easy. A click stores the rating per (user, question) as an FSRS card, and the feedback
// message shows the choice and when the question comes back; another click changes it (recomputed from the
// card before the first rating, at the time of the first rating), unless a later drill of the same question
// has been rated since. The bot runs on a clock the test moves forward.
//
// Bad inputs tried: another user's click on the owner's buttons, forged values ("<id>:superb", "abc:good",
// "<id>" alone, "0:good", "-1:good"), a rating of a drill that has no answer yet, the same rating clicked twice,
// and a change of mind after the question was rated again in a later drill.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../harness/test-clock.ts';
import type { StoredMessage } from '../../local-slack/index.ts';
import { ACTION_RATE_DRILL, BLOCK_RATING } from '../../src/views/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answeredDrill,
  buttonsOf,
  cardOf,
  cardsOf,
  DAY,
  drillRow,
  ephemeralTexts,
  forgedClick,
  HOUR,
  I_ANSWER,
  newUser,
  rate,
  requestDrill,
  shownText,
  WE_ANSWER,
} from './support.ts';

const clock = new TestClock();
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ clock });
});
afterAll(async () => {
  await t?.close();
});

const NOT_YOURS = /This drill is not available to you/;

async function answered(userId: string, text = 'incidents', answer = I_ANSWER) {
  const d = await answeredDrill(t, userId, text, answer);
  return { ...d, at: { channel: d.channel, feedbackTs: d.feedback.ts, drillId: d.drill.id } };
}

const feedbackNow = (at: { channel: string; feedbackTs: string }) =>
  t.standin.message(at.channel, at.feedbackTs) as StoredMessage;

/** The rating buttons as shown: their labels and which one is marked. */
function ratingButtons(message: StoredMessage) {
  return buttonsOf(message.blocks).filter((b) => b.blockId === BLOCK_RATING);
}

/** `<!date^SECONDS^...>` in the "comes back" line, as a Date. */
function comesBack(message: StoredMessage): Date | undefined {
  const line = shownText(message.blocks)
    .split('\n')
    .find((l) => l.startsWith('You rated it'));
  const seconds = /comes back <!date\^(\d+)\^/.exec(line ?? '')?.[1];
  return seconds === undefined ? undefined : new Date(Number(seconds) * 1000);
}

describe('rating an answer', () => {
  it('Good: a card per (user, question) due in the future, the drill’s rating, and the message marks ✓ Good and when it comes back', async () => {
    const userId = newUser();
    const { drill, feedback, at, ts } = await answered(userId);
    expect(shownText(feedback.blocks)).toContain('How ready would you be to say this out loud?');
    expect(ratingButtons(feedback).map((b) => b.label)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    expect(ratingButtons(feedback).filter((b) => b.style)).toEqual([]);
    expect(shownText(feedback.blocks)).not.toContain('You rated it');
    expect(await cardsOf(t, userId)).toEqual([]);

    const ratedAt = clock.now();
    const updates = t.standin.callsTo('chat.update').length;
    await rate(t, userId, at, 'good');
    // The rating changes the feedback reply; the drill message (answered, its score) is left as it was.
    expect(
      t.standin
        .callsTo('chat.update')
        .slice(updates)
        .map((c) => c.args.ts),
    ).toEqual([feedback.ts]);

    const cards = await cardsOf(t, userId);
    expect(cards).toHaveLength(1);
    const card = cards[0];
    expect(card).toMatchObject({ userId, questionId: drill.questionId, lastRating: 'good' });
    // Drills come at most daily: the question is not back before tomorrow.
    expect(card?.dueAt.getTime()).toBeGreaterThanOrEqual(ratedAt.getTime() + DAY - 1000);
    expect(Date.parse(card?.card.due ?? '')).toBe(card?.dueAt.getTime());
    expect(card?.card.reps).toBe(1);
    const row = await drillRow(t, drill.id);
    expect(row.rating).toBe('good');
    expect(row.ratedCard?.card).toEqual(card?.card);

    const shown = feedbackNow(at);
    expect(shown.ts).toBe(feedback.ts);
    expect(ratingButtons(shown).map((b) => b.label)).toEqual(['Again', 'Hard', '✓ Good', 'Easy']);
    expect(
      ratingButtons(shown)
        .filter((b) => b.style === 'primary')
        .map((b) => b.label),
    ).toEqual(['✓ Good']);
    expect(shownText(shown.blocks)).toMatch(/You rated it \*Good\*\. It comes back <!date\^\d+\^/);
    expect(comesBack(shown)?.getTime()).toBe(Math.floor((card?.dueAt.getTime() ?? 0) / 1000) * 1000);
    // Still the one feedback reply; the rating is not a new message.
    expect(t.standin.thread(at.channel, ts).filter((m) => m.thread_ts)).toHaveLength(1);
  });

  it('changed to Again: recomputed from the card before the first rating, at the first rating’s time, not stacked', async () => {
    // The interval Again gives a question never rated before, measured on another user's first rating.
    const control = newUser();
    const c = await answered(control);
    await rate(t, control, c.at, 'again');
    const controlCard = await cardOf(t, control, c.drill.questionId);
    const againInterval =
      Date.parse(controlCard?.card.due ?? '') - Date.parse(controlCard?.card.lastReview ?? '');
    expect(againInterval).toBeGreaterThan(0);

    const userId = newUser();
    const { drill, at } = await answered(userId);
    expect(drill.questionId).toBe(c.drill.questionId);
    await rate(t, userId, at, 'good');
    const good = await cardOf(t, userId, drill.questionId);
    const firstRatedAt = Date.parse(good?.card.lastReview ?? '');

    // Two hours later the user changes their mind.
    clock.advance(2 * HOUR);
    await rate(t, userId, at, 'again');
    const again = await cardOf(t, userId, drill.questionId);
    expect(again?.lastRating).toBe('again');
    // One review, no lapse: the Good was replaced, not followed by an Again.
    expect(again?.card).toMatchObject({ reps: 1, lapses: 0, lastReview: good?.card.lastReview });
    expect(again?.dueAt.getTime()).toBe(firstRatedAt + againInterval);
    expect(again?.dueAt.getTime()).toBeLessThan(good?.dueAt.getTime() ?? 0);
    expect((await drillRow(t, drill.id)).rating).toBe('again');

    const shown = feedbackNow(at);
    expect(ratingButtons(shown).map((b) => b.label)).toEqual(['✓ Again', 'Hard', 'Good', 'Easy']);
    expect(shownText(shown.blocks)).toContain('You rated it *Again*.');
    expect(comesBack(shown)?.getTime()).toBe(Math.floor((again?.dueAt.getTime() ?? 0) / 1000) * 1000);

    // Back to Good: the very card of the first Good again.
    await rate(t, userId, at, 'good');
    expect((await cardOf(t, userId, drill.questionId))?.card).toEqual(good?.card);

    // The same rating clicked again changes nothing.
    const updates = t.standin.callsTo('chat.update').length;
    const before = await cardOf(t, userId, drill.questionId);
    await rate(t, userId, at, 'good');
    expect(await cardOf(t, userId, drill.questionId)).toEqual(before);
    expect(t.standin.callsTo('chat.update').slice(updates)).toEqual([]);
  });

  it('another user’s click is refused with the words for a missing drill; nothing is stored or shown', async () => {
    const owner = newUser();
    const intruder = newUser();
    const { drill, at } = await answered(owner);
    const seen = t.standin.ephemerals(intruder).length;
    const updates = t.standin.callsTo('chat.update').length;
    await rate(t, intruder, at, 'good');

    expect(ephemeralTexts(t, intruder, seen)).toEqual([expect.stringMatching(NOT_YOURS)]);
    expect(await cardsOf(t, owner)).toEqual([]);
    expect(await cardsOf(t, intruder)).toEqual([]);
    expect((await drillRow(t, drill.id)).rating).toBeNull();
    expect(t.standin.callsTo('chat.update').slice(updates)).toEqual([]);
    expect(ratingButtons(feedbackNow(at)).map((b) => b.label)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
  });

  it('forged values and a drill with no answer yet get the same words and store nothing', async () => {
    const userId = newUser();
    const { at } = await answered(userId);
    const unanswered = await requestDrill(t, userId, 'debt');
    const values = [
      `${at.drillId}:superb`,
      'abc:good',
      `${at.drillId}`,
      '0:good',
      '-1:good',
      `${unanswered.drill.id}:good`,
    ];
    for (const value of values) {
      const seen = t.standin.ephemerals(userId).length;
      const reply = await forgedClick(t, {
        userId,
        actionId: `${ACTION_RATE_DRILL}_good`,
        value,
        channel: at.channel,
        messageTs: at.feedbackTs,
      });
      expect(reply.status, value).toBe(200);
      await t.bot.idle();
      expect(ephemeralTexts(t, userId, seen), value).toEqual([expect.stringMatching(NOT_YOURS)]);
    }
    expect(await cardsOf(t, userId)).toEqual([]);
    expect((await drillRow(t, unanswered.drill.id)).rating).toBeNull();
  });

  it('a rating superseded by a later drill of the same question cannot change, and says so', async () => {
    const userId = newUser();
    const first = await answered(userId, 'incidents', WE_ANSWER);
    await rate(t, userId, first.at, 'again');

    // The question is due again: the next /star incidents asks it, and that drill is rated too.
    clock.advance(2 * DAY);
    const second = await answered(userId, 'incidents', I_ANSWER);
    expect(second.drill.questionId).toBe(first.drill.questionId);
    await rate(t, userId, second.at, 'good');
    const latest = await cardOf(t, userId, first.drill.questionId);
    expect(latest?.card.reps).toBe(2);

    const seen = t.standin.ephemerals(userId).length;
    const updates = t.standin.callsTo('chat.update').length;
    await rate(t, userId, first.at, 'hard');
    const told = ephemeralTexts(t, userId, seen);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/can no longer change/);
    expect(told[0]).toMatch(/later/);
    expect((await drillRow(t, first.drill.id)).rating).toBe('again');
    expect(await cardOf(t, userId, first.drill.questionId)).toEqual(latest);
    expect(t.standin.callsTo('chat.update').slice(updates)).toEqual([]);
    expect(ratingButtons(feedbackNow(first.at)).map((b) => b.label)).toEqual([
      '✓ Again',
      'Hard',
      'Good',
      'Easy',
    ]);

    // The later drill's rating can still change: it builds on the first drill's card, not on its own Good.
    await rate(t, userId, second.at, 'easy');
    const changed = await cardOf(t, userId, first.drill.questionId);
    expect(changed).toMatchObject({ lastRating: 'easy' });
    expect(changed?.card.reps).toBe(2);
    expect(changed?.card.lastReview).toBe(latest?.card.lastReview);
    expect(changed?.dueAt.getTime()).toBeGreaterThan(latest?.dueAt.getTime() ?? 0);
  });
});
