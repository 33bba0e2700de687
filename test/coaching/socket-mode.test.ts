// The coaching loop over Socket Mode, as the manifest's default runs it: a drill, the answer, the feedback in
// the thread with its score, a follow-up practised, and a self-rating, each request delivered through the
// local Slack's Socket Mode link instead of HTTP.
//
// Bad inputs tried: another user's rating click, delivered over the socket like the owner's.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandin, SOCKET_MODE } from '../../local-slack/index.ts';
import { drills } from '../../src/db/schema/index.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_PRACTISE_FOLLOW_UP,
  ACTION_RATE_DRILL,
  BLOCK_RATING,
} from '../../src/views/ids.ts';
import { viewValues, waitForRow } from '../support/drill-driver.ts';
import { startSocketModeBot, type TestBot } from '../support/test-bot.ts';
import {
  answerRow,
  buttonsOf,
  cardOf,
  drillRow,
  ephemeralTexts,
  followUpRows,
  followUpValues,
  I_ANSWER,
  shownText,
  WE_ANSWER,
} from './support.ts';

const APP_TOKEN = 'xapp-1-coaching';
let standin: SlackStandin;
let t: TestBot;

beforeAll(async () => {
  t = await startSocketModeBot(APP_TOKEN);
  standin = t.standin;
});
afterAll(async () => {
  await t?.close();
});

/** The id of the modal the first views.open after `opens` calls opened. */
function openedSince(opens: number): string {
  const open = standin.callsTo('views.open')[opens];
  if (!open?.response.ok) throw new Error('no modal opened');
  return String((open.response.view as { id: string }).id);
}

describe('the coaching loop over Socket Mode', () => {
  it('answer, feedback with its score, edit, follow-up, rating', async () => {
    const userId = 'U0COACHSOCK1';
    const reply = await standin.slashCommand(SOCKET_MODE, { userId, text: 'incidents' });
    expect(reply.status).toBe(200);
    await t.bot.idle();
    const post = standin.callsTo('chat.postMessage').find((c) => c.args.channel === userId);
    const channel = String(post?.response.channel);
    const ts = String(post?.response.ts);
    const drill = await waitForRow(async () => {
      const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.messageTs, ts));
      return row;
    });

    // Answer.
    const answer = async (text: Record<string, string>) => {
      const opens = standin.callsTo('views.open').length;
      await standin.clickButton(SOCKET_MODE, {
        userId,
        channel,
        messageTs: ts,
        actionId: ACTION_ANSWER_DRILL,
        value: String(drill.id),
      });
      await t.bot.idle();
      const viewId = openedSince(opens);
      const saved = await standin.submitView(SOCKET_MODE, { userId, viewId, values: viewValues(text) });
      expect(saved.status).toBe(200);
      await t.bot.idle();
      return standin.thread(channel, ts).filter((m) => m.thread_ts === ts);
    };
    const [feedback] = await answer(WE_ANSWER);
    if (!feedback) throw new Error('no feedback in the thread');
    const first = (await answerRow(t, drill.id))?.score;
    expect(feedback.text).toMatch(new RegExp(`^Score: ${first}/100\\b`));
    expect(shownText(feedback.blocks)).toContain("'we' 5 times");
    expect(shownText(standin.message(channel, ts)?.blocks)).toContain(`Score: ${first}/100`);

    // Edit: the same reply, with the change.
    const edited = await answer(I_ANSWER);
    expect(edited.map((m) => m.ts)).toEqual([feedback.ts]);
    const second = (await answerRow(t, drill.id))?.score;
    expect(edited[0]?.text).toMatch(new RegExp(`^Score: ${second}/100, up from ${first}\\b`));

    // A follow-up practised.
    const opens = standin.callsTo('views.open').length;
    await standin.clickButton(SOCKET_MODE, {
      userId,
      channel,
      messageTs: feedback.ts,
      actionId: ACTION_PRACTISE_FOLLOW_UP,
      value: `${drill.id}:1`,
    });
    await t.bot.idle();
    const followUpView = openedSince(opens);
    await standin.submitView(SOCKET_MODE, {
      userId,
      viewId: followUpView,
      values: followUpValues(
        'I posted updates in #incident and I called Priya; complaints dropped from 40 to 5.',
      ),
    });
    await t.bot.idle();
    const [followUp] = await followUpRows(t, drill.id);
    const replies = standin.thread(channel, ts).filter((m) => m.thread_ts === ts);
    expect(replies).toHaveLength(2);
    expect(replies[1]?.text).toContain(`Score: ${followUp?.score}/100`);

    // Another user's rating click is refused; the owner's Good is stored and shown.
    await standin.clickButton(SOCKET_MODE, {
      userId: 'U0COACHSOCK2',
      channel,
      messageTs: feedback.ts,
      actionId: `${ACTION_RATE_DRILL}_easy`,
      value: `${drill.id}:easy`,
    });
    await t.bot.idle();
    expect(ephemeralTexts(t, 'U0COACHSOCK2')).toEqual([expect.stringMatching(/not available to you/)]);
    expect(await cardOf(t, userId, drill.questionId)).toBeUndefined();

    await standin.clickButton(SOCKET_MODE, {
      userId,
      channel,
      messageTs: feedback.ts,
      actionId: `${ACTION_RATE_DRILL}_good`,
      value: `${drill.id}:good`,
    });
    await t.bot.idle();
    const card = await cardOf(t, userId, drill.questionId);
    expect(card?.lastRating).toBe('good');
    expect(card?.dueAt.getTime()).toBeGreaterThan(Date.now());
    expect((await drillRow(t, drill.id)).rating).toBe('good');
    const shown = standin.message(channel, feedback.ts);
    const ratings = buttonsOf(shown?.blocks).filter((b) => b.blockId === BLOCK_RATING);
    expect(ratings.map((b) => b.label)).toEqual(['Again', 'Hard', '✓ Good', 'Easy']);
    expect(shownText(shown?.blocks)).toContain('You rated it *Good*.');
    // The score line survives the rating's update.
    expect(shown?.text).toMatch(new RegExp(`^Score: ${second}/100`));
  });
});
