// A busy click is never silent (issue 22, item 1): when a click's work is shed, or its turn comes too late
// for its trigger's 3 seconds, the person gets an ephemeral "busy, nothing was changed" in the conversation
// (the click's response_url, or chat.postEphemeral in their DM for a Home button), decided by the time left
// on the trigger, without trying views.open. A submission that comes too late to be answered in the modal
// is not saved, and an ephemeral message in the DM says so and how to get the text back.
//
// Bad inputs tried: a drill's Answer click, the Home tab's Settings click and a modal's "Start from a saved
// story" each signed 3 s before they reach the bot (a bot whose socket backlog held them: the trigger has
// expired); a click whose views.open Slack answers expired_trigger_id even though the time looked enough; a
// STAR submission signed 3 s before; an on-time click, a rating and a STAR submission while the bot is
// saturated (requests arriving 3 s late). The control: an on-time click on an idle bot opens its modal.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackReply } from '../../local-slack/index.ts';
import { answers, drills, stories } from '../../src/db/schema/index.ts';
import { BUSY_CLICK } from '../../src/slack/listeners/busy-reply.ts';
import { LATE_NOTICE, NOT_SAVED } from '../../src/slack/listeners/views/save-submission.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_OPEN_SETTINGS,
  ACTION_RATE_DRILL,
  ACTION_USE_STORY,
  BLOCK_HOME_ACTIONS,
} from '../../src/views/ids.ts';
import {
  answerOf,
  newUser,
  openModal,
  repliesTo,
  requestDrill,
  SLACK_DEADLINE_MS,
  viewValues,
} from '../support/drill-driver.ts';
import { onTimeFirst, signedAgo, untilShed } from '../support/saturate.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

/** Signed 3 s before it reaches the bot: Slack's 3 s (and the trigger's) are over when the bot reads it. */
const threeSecondsLate = () => signedAgo(3);

/** What the person sees only for themselves in their DM with the bot, as text. */
const ephemeralTexts = (bot: TestBot, userId: string) =>
  bot.standin.ephemeralsIn(userId, bot.standin.dmChannelFor(userId)).map((m) => m.text);

describe('a click whose trigger has expired by the time the bot reads it', () => {
  it('a drill’s Answer button: no views.open, an ephemeral "busy" through its response_url', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'random', t.standin.dmChannelFor(userId));
    const opens = t.standin.count('views.open');
    const click = await t.standin.clickButton(
      t.url,
      { userId, channel, messageTs: ts, actionId: ACTION_ANSWER_DRILL, value: String(drill.id) },
      threeSecondsLate(),
    );
    expect(click.status).toBe(200);
    await t.bot.idle();
    expect(t.standin.count('views.open')).toBe(opens);
    expect(t.standin.ephemerals(userId).map((c) => c.args.text)).toContain(BUSY_CLICK);
    expect(ephemeralTexts(t, userId)).toContain(BUSY_CLICK);
  });

  it('the Home tab’s Settings button (no response_url): an ephemeral "busy" in the DM', async () => {
    const userId = newUser();
    const published = t.standin.count('views.publish');
    await t.standin.sendEvent(t.url, { type: 'app_home_opened', user: userId, tab: 'home' });
    await t.bot.idle();
    expect(t.standin.count('views.publish')).toBeGreaterThan(published);
    const home = t.standin.homeView(userId);
    if (!home) throw new Error('no Home tab');
    const opens = t.standin.count('views.open');
    const click = await t.standin.clickViewButton(
      t.url,
      { userId, viewId: home.id, actionId: ACTION_OPEN_SETTINGS, blockId: BLOCK_HOME_ACTIONS },
      threeSecondsLate(),
    );
    expect(click.status).toBe(200);
    await t.bot.idle();
    expect(t.standin.count('views.open')).toBe(opens);
    const posted = t.standin.callsTo('chat.postEphemeral').filter((c) => c.args.user === userId);
    expect(posted.map((c) => c.response.ok)).toEqual([true]);
    expect(ephemeralTexts(t, userId)).toEqual([BUSY_CLICK]);
  });

  it('a trigger that expires on the way to Slack all the same (a starved machine): an ephemeral "busy"', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'random', t.standin.dmChannelFor(userId));
    t.standin.intercept('views.open', () => ({ error: 'expired_trigger_id' }));
    try {
      const click = await t.standin.clickButton(t.url, {
        userId,
        channel,
        messageTs: ts,
        actionId: ACTION_ANSWER_DRILL,
        value: String(drill.id),
      });
      expect(click.status).toBe(200);
      await t.bot.idle();
    } finally {
      t.standin.clearIntercepts();
    }
    expect(ephemeralTexts(t, userId)).toContain(BUSY_CLICK);
    expect(t.logs.find('could not open the modal')).toEqual([]);
  });

  it('“Start from a saved story” in the modal: the modal is left as it was, an ephemeral "busy" in the DM', async () => {
    const userId = newUser();
    const dm = t.standin.dmChannelFor(userId);
    // A saved answer makes a story, which the next drill's modal offers.
    const first = await requestDrill(t, userId, 'random', dm);
    const answered = await openModal(t, userId, first.channel, first.ts, first.drill.id);
    await t.standin.submitView(t.url, { userId, viewId: answered.viewId, values: viewValues(answerOf('s')) });
    await t.bot.idle();
    const [story] = await t.bot.ctx.db.select().from(stories).where(eq(stories.userId, userId));
    const next = await requestDrill(t, userId, 'random', dm);
    const { viewId, view } = await openModal(t, userId, next.channel, next.ts, next.drill.id);
    const shown = JSON.stringify(view().blocks);
    expect(shown).toContain(ACTION_USE_STORY);
    const updates = t.standin.count('views.update');
    const click = await t.standin.pickViewOption(
      t.url,
      { userId, viewId, actionId: ACTION_USE_STORY, value: `${next.drill.id}:${story?.id}` },
      threeSecondsLate(),
    );
    expect(click.status).toBe(200);
    await t.bot.idle();
    expect(t.standin.count('views.update')).toBe(updates);
    expect(JSON.stringify(view().blocks)).toBe(shown);
    expect(ephemeralTexts(t, userId)).toEqual([BUSY_CLICK]);
  });

  it('control: the same click on time opens the modal and says nothing else', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'random', t.standin.dmChannelFor(userId));
    const { viewId } = await openModal(t, userId, channel, ts, drill.id);
    await t.bot.idle();
    expect(t.standin.views.get(viewId)?.closed).toBeFalsy();
    expect(ephemeralTexts(t, userId)).toEqual([]);
  });
});

describe('a submission too late to be answered in the modal', () => {
  it('is not saved; the DM says so and how to get the text back', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'random', t.standin.dmChannelFor(userId));
    const { viewId } = await openModal(t, userId, channel, ts, drill.id);
    const reply = await t.standin.submitView(
      t.url,
      { userId, viewId, values: viewValues(answerOf('late')) },
      threeSecondsLate(),
    );
    // Answered all the same (Slack may already have given up): a field error, never a close.
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ response_action: 'errors' });
    await t.bot.idle();
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id))).toEqual([]);
    expect(ephemeralTexts(t, userId)).toEqual([LATE_NOTICE.answer]);
    expect(LATE_NOTICE.answer).toMatch(/not saved/);
    expect(LATE_NOTICE.answer).toMatch(/Answer with STAR/);
    // The modal, and the text in it, are still there.
    expect(t.standin.views.get(viewId)?.closed).toBeFalsy();
  });
});

describe('a saturated bot', () => {
  // Its own bot: requests arriving late make it refuse work, which would change the other tests' answers.
  let late: TestBot;
  /** A drill with its modal open, per person: one for the click, five for the submissions (one a round). */
  let clicked: Awaited<ReturnType<typeof drillOf>>;
  let rated: Awaited<ReturnType<typeof drillOf>> & { feedbackTs: string };
  const modals: Array<Awaited<ReturnType<typeof drillOf>> & { shown: string }> = [];

  /** A new person's drill in their DM, with its answer modal open. */
  async function drillOf() {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(
      late,
      userId,
      'random',
      late.standin.dmChannelFor(userId),
    );
    return { userId, channel, ts, drill, ...(await openModal(late, userId, channel, ts, drill.id)) };
  }

  // Everything set up before the first burst: a saturated bot would refuse the set-up's commands.
  beforeAll(async () => {
    late = await startTestBot();
    clicked = await drillOf();
    late.standin.closeView(clicked.userId, clicked.viewId);
    const answered = await drillOf();
    const values = viewValues(answerOf('rate'));
    await late.standin.submitView(late.url, { userId: answered.userId, viewId: answered.viewId, values });
    await late.bot.idle();
    const feedback = repliesTo(late, answered.channel, answered.ts).find((m) =>
      JSON.stringify(m.blocks).includes(ACTION_RATE_DRILL),
    );
    if (!feedback) throw new Error('no feedback with rating buttons');
    rated = { ...answered, feedbackTs: feedback.ts };
    for (let i = 0; i < 5; i++) {
      const m = await drillOf();
      modals.push({ ...m, shown: JSON.stringify(m.view().blocks) });
    }
    await onTimeFirst(late);
  });
  afterAll(async () => {
    await late?.close();
  });

  it('sheds an on-time click with an ephemeral "busy", and opens nothing', async () => {
    const { userId, channel, ts, drill } = clicked;
    const shed = await untilShed(late, async () => {
      const opens = late.standin.count('views.open');
      const click = await late.standin.clickButton(late.url, {
        userId,
        channel,
        messageTs: ts,
        actionId: ACTION_ANSWER_DRILL,
        value: String(drill.id),
      });
      expect(click.status).toBe(200);
      await late.bot.idle();
      if (late.standin.count('views.open') === opens) return true;
      late.standin.closeView(userId, String(late.standin.openModal(userId)?.id));
      return false;
    });
    expect(shed).toBe(true);
    expect(ephemeralTexts(late, userId)).toContain(BUSY_CLICK);
  });

  it('sheds a rating with an ephemeral "busy" through its response_url, and stores nothing', async () => {
    const { userId, channel, feedbackTs, drill } = rated;
    const ratingOf = async () =>
      (await late.bot.ctx.db.select().from(drills).where(eq(drills.id, drill.id)))[0]?.rating ?? null;
    const busyCount = () => ephemeralTexts(late, userId).filter((text) => text === BUSY_CLICK).length;
    const ratings = ['again', 'hard', 'good', 'easy', 'again'] as const;
    let round = 0;
    const shed = await untilShed(late, async () => {
      const rating = ratings[round++ % ratings.length];
      const [before, busyBefore] = [await ratingOf(), busyCount()];
      const click = await late.standin.clickButton(late.url, {
        userId,
        channel,
        messageTs: feedbackTs,
        actionId: `${ACTION_RATE_DRILL}_${rating}`,
        value: `${drill.id}:${rating}`,
      });
      expect(click.status).toBe(200);
      await late.bot.idle();
      const busy = busyCount() > busyBefore;
      // "Busy" means nothing was changed; a click let through changes the rating to the one clicked.
      expect(await ratingOf()).toBe(busy ? before : rating);
      return busy;
    });
    expect(shed).toBe(true);
  });

  it('refuses a STAR submission in time: a field error in the modal, which stays as it was', async () => {
    let round = 0;
    let refused: { m: (typeof modals)[number]; reply: SlackReply } | undefined;
    await untilShed(late, async () => {
      // A round the bot lets through saves and closes its modal: the next round submits the next one.
      const m = modals[round++];
      if (!m) return false;
      const values = viewValues(answerOf('busy'));
      const reply = await late.standin.submitView(late.url, { userId: m.userId, viewId: m.viewId, values });
      await late.bot.idle();
      if (late.standin.views.get(m.viewId)?.closed) return false;
      refused = { m, reply };
      return true;
    });
    if (!refused) throw new Error('the bot was never saturated when a submission came');
    const { m, reply } = refused;
    // In time: the modal shows why beside its first field and keeps what was typed (Slack keeps a modal's
    // state when it answers errors): it is neither closed nor replaced.
    expect(reply.ms).toBeLessThan(SLACK_DEADLINE_MS);
    expect(reply.json).toEqual({ response_action: 'errors', errors: { situation: NOT_SAVED.busy } });
    expect(late.standin.views.get(m.viewId)?.closed).toBe(false);
    expect(JSON.stringify(m.view().blocks)).toBe(m.shown);
    expect(await late.bot.ctx.db.select().from(answers).where(eq(answers.drillId, m.drill.id))).toEqual([]);
    // Answered in the modal, so nothing in the DM.
    expect(ephemeralTexts(late, m.userId)).toEqual([]);
  });
});
