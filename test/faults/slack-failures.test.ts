// Slack misbehaving inside the drill loop: views.open failing once (HTTP 500, or ok:false internal_error)
// and the thread post of the sample answer failing once. The loop still completes, what was saved stays
// saved, failures are logged with the drill id, and the user is never told "saved" for something not saved.

import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answers, drills } from '../../src/db/schema/index.ts';
import { VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import {
  answerOf,
  blocksText,
  clickAnswer,
  type Drill,
  newUser,
  openModal,
  repliesTo,
  requestDrill,
  SLACK_DEADLINE_MS,
  viewValues,
  watchUnhandledRejections,
} from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
const rejections = watchUnhandledRejections();

beforeAll(async () => {
  t = await startTestBot();
});
afterEach(() => t.standin.clearIntercepts());
afterAll(async () => {
  rejections.stop();
  await t?.close();
});

const storedAnswer = async (drillId: number) =>
  (await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drillId)))[0];

describe('views.open fails once', () => {
  it('HTTP 500: the WebClient retries within the trigger window, so the same click opens the modal', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId);
    const opensBefore = t.standin.callsTo('views.open').length;
    t.standin.intercept('views.open', ({ n }) => (n === 1 ? { status: 500 } : undefined));

    const click = await clickAnswer(t, userId, channel, ts, drill.id);
    expect(click.click.status).toBe(200);
    expect(click.click.ms).toBeLessThan(SLACK_DEADLINE_MS);
    expect(click.open.status).toBe(500);
    // The retry reuses the trigger; the stand-in would answer expired_trigger_id after 3 s.
    const opened = await t.standin.waitForCall('views.open', (c) => c.response.ok === true, {
      since: opensBefore,
    });
    expect(opened.args.trigger_id).toBe(click.open.args.trigger_id);
    const viewId = String((opened.response.view as { id: string }).id);
    expect(t.standin.openModal(userId)?.id).toBe(viewId);
    await completeLoop(userId, channel, ts, drill, viewId);
  });

  it('ok:false internal_error: logged with the drill id, nothing opens, the next click works, the loop completes', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId);
    t.standin.intercept('views.open', ({ n }) => (n === 1 ? { error: 'internal_error' } : undefined));

    const failed = await clickAnswer(t, userId, channel, ts, drill.id);
    expect(failed.click.status).toBe(200);
    expect(failed.click.ms).toBeLessThan(SLACK_DEADLINE_MS);
    expect(failed.open.response).toMatchObject({ ok: false, error: 'internal_error' });
    const logged = await t.standin.waitFor(() =>
      t.logs.find('could not open the modal').find((l) => l.drill === String(drill.id)),
    );
    expect(logged).toMatchObject({ level: 'error', user: userId });
    expect(t.standin.openModal(userId)).toBeUndefined();

    // The user clicks again: a fresh trigger, the modal opens with the question.
    const { viewId, view } = await openModal(t, userId, channel, ts, drill.id);
    expect(view().callback_id).toBe(VIEW_STAR_ANSWER);
    await completeLoop(userId, channel, ts, drill, viewId);
  });
});

/** From an open STAR modal to the stored answer, the thread reply and the updated drill message. */
async function completeLoop(userId: string, channel: string, ts: string, drill: Drill, viewId: string) {
  expect(blocksText(t.standin.views.get(viewId)?.view.blocks)).toContain(drill.questionText);
  const answer = answerOf(`loop-${drill.id}`);
  const saved = await t.standin.submitView(t.url, { userId, viewId, values: viewValues(answer) });
  expect(saved.body).toBe('');
  expect(await storedAnswer(drill.id)).toMatchObject(answer);
  await t.standin.waitFor(() => repliesTo(t, channel, ts).length === 1);
  await t.standin.waitFor(() => /Edit answer/.test(blocksText(t.standin.message(channel, ts)?.blocks)));
}

describe('the thread post fails once', () => {
  it('keeps the answer, logs the drill id, claims nothing false, and the next save posts the reply once', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId);
    let threadPosts = 0;
    t.standin.intercept('chat.postMessage', ({ args }) => {
      if (args.thread_ts === undefined) return undefined;
      threadPosts += 1;
      return threadPosts === 1 ? { error: 'internal_error' } : undefined;
    });

    const first = await openModal(t, userId, channel, ts, drill.id);
    const answer = answerOf('thread-failure');
    const saved = await t.standin.submitView(t.url, {
      userId,
      viewId: first.viewId,
      values: viewValues(answer),
    });
    // The answer was stored, so the modal closes: that is true.
    expect(saved.body).toBe('');
    expect(await storedAnswer(drill.id)).toMatchObject(answer);

    const logged = await t.standin.waitFor(() =>
      t.logs
        .find('answer saved, but Slack refused the feedback in the thread')
        .find((l) => l.drill === drill.id),
    );
    expect(logged).toMatchObject({ level: 'error', user: userId });
    // The drill message may say "answered": the answer is stored. (It is updated after the failure is handled.)
    await t.standin.waitFor(() => /Edit answer/.test(blocksText(t.standin.message(channel, ts)?.blocks)));
    // No reply in the thread, and nothing anywhere says the sample answer was posted; the claim was given back.
    expect(repliesTo(t, channel, ts)).toHaveLength(0);
    const [row] = await t.bot.ctx.db.select().from(drills).where(eq(drills.id, drill.id));
    expect(row?.feedbackPostedAt).toBeNull();
    const toldUser = blocksText([t.standin.ephemerals(userId), t.standin.thread(channel, ts)]);
    expect(toldUser).not.toMatch(/sample answer/i);

    // The next save (an edit, pre-filled) posts the thread reply, once.
    const second = await openModal(t, userId, channel, ts, drill.id);
    const prefilled = (second.view().blocks as Array<{ type: string; element?: { initial_value?: string } }>)
      .filter((b) => b.type === 'input')
      .map((b) => b.element?.initial_value);
    expect(prefilled).toEqual(Object.values(answer));
    const edited = { ...answer, result: 'Edited after the failed thread post.' };
    const again = await t.standin.submitView(t.url, {
      userId,
      viewId: second.viewId,
      values: viewValues(edited),
    });
    expect(again.body).toBe('');
    const replies = await t.standin.waitFor(() => {
      const r = repliesTo(t, channel, ts);
      return r.length > 0 ? r : undefined;
    });
    expect(replies).toHaveLength(1);
    expect(blocksText(replies[0]?.blocks)).toContain('Edited after the failed thread post.');
    expect(await storedAnswer(drill.id)).toMatchObject(edited);

    // A third save posts nothing more.
    const third = await openModal(t, userId, channel, ts, drill.id);
    await t.standin.submitView(t.url, { userId, viewId: third.viewId, values: viewValues(edited) });
    await t.standin.waitFor(
      () => t.standin.callsTo('chat.update').filter((c) => c.args.ts === ts).length >= 3,
    );
    expect(repliesTo(t, channel, ts)).toHaveLength(1);
    expect(threadPosts).toBe(2);
    expect(rejections.reasons).toEqual([]);
  });
});
