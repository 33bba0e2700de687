// Every answer to a submission is true when time runs short (issue 22): "not saved" and "nothing was
// deleted" only when nothing was stored, and a COMMIT still on its way when Slack's time runs out is said to
// be unconfirmed, never "not saved", since Postgres may still apply it.
//
// Faults injected: the bot's transactions slowed (a hold of 2.5 s before the COMMIT is sent, or before the
// work starts) on submissions signed 1 s before they reach the bot (their time runs out at the margin, so the
// DM speaks too); a delete confirmation signed 3 s before (too late to start: busy).

import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { answers, drills } from '../../src/db/schema/index.ts';
import { IN_DOUBT_NOTICE, LATE_NOTICE, NOT_SAVED } from '../../src/slack/listeners/views/save-submission.ts';
import { answerOf, newUser, openModal, requestDrill, viewValues } from '../support/drill-driver.ts';
import { signedAgo } from '../support/saturate.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
let restore: (() => void) | undefined;

beforeAll(async () => {
  t = await startTestBot();
});
afterEach(() => {
  restore?.();
  restore = undefined;
});
afterAll(async () => {
  await t?.close();
});

const HOLD_MS = 2_500;
const hold = () => new Promise((resolve) => setTimeout(resolve, HOLD_MS));

/**
 * The bot's next transaction held `HOLD_MS`: `before` its work starts (it then finds its time over and rolls
 * back), or after the work returned, as a slow COMMIT (sent once the hold ends, it lands). Settles with it.
 */
function slowNextTransaction(where: 'before' | 'commit'): Promise<void> {
  const db = t.bot.ctx.db;
  const original = db.transaction;
  let settled: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    settled = resolve;
  });
  db.transaction = ((work: (tx: Database) => Promise<unknown>, config?: unknown) => {
    db.transaction = original;
    return original
      .call(
        db,
        async (tx: Database) => {
          if (where === 'before') await hold();
          const value = await work(tx);
          if (where === 'commit') await hold();
          return value;
        },
        config as never,
      )
      .finally(settled);
  }) as typeof db.transaction;
  restore = () => {
    db.transaction = original;
  };
  return done;
}

const ephemeralTexts = (userId: string) =>
  t.standin.ephemeralsIn(userId, t.standin.dmChannelFor(userId)).map((m) => m.text);

async function openAnswerModal() {
  const userId = newUser();
  const { channel, ts, drill } = await requestDrill(t, userId, 'random', t.standin.dmChannelFor(userId));
  const { viewId } = await openModal(t, userId, channel, ts, drill.id);
  return { userId, drill, viewId };
}

const answersOf = (drillId: number) =>
  t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drillId));

describe('a STAR answer whose save runs out of time', () => {
  it('with its COMMIT on the way: "could not confirm", never "not saved", and the answer lands', async () => {
    const { userId, drill, viewId } = await openAnswerModal();
    const settled = slowNextTransaction('commit');
    const reply = await t.standin.submitView(
      t.url,
      { userId, viewId, values: viewValues(answerOf('doubt')) },
      signedAgo(1),
    );
    expect(reply.json).toEqual({ response_action: 'errors', errors: { situation: NOT_SAVED.unconfirmed } });
    await t.bot.idle();
    expect(ephemeralTexts(userId)).toEqual([IN_DOUBT_NOTICE]);
    expect(IN_DOUBT_NOTICE).not.toMatch(/not saved/);
    expect(IN_DOUBT_NOTICE).toMatch(/may or may not have been saved/);
    expect(IN_DOUBT_NOTICE).toMatch(/\/star history/);
    // Why "not saved" would have been false: the COMMIT sent after the reply is applied.
    await settled;
    expect(await answersOf(drill.id)).toHaveLength(1);
  });

  it('before its COMMIT: rolled back, and the DM says "not saved" and how to get the text back', async () => {
    const { userId, drill, viewId } = await openAnswerModal();
    const settled = slowNextTransaction('before');
    const reply = await t.standin.submitView(
      t.url,
      { userId, viewId, values: viewValues(answerOf('rolled')) },
      signedAgo(1),
    );
    expect(reply.json).toMatchObject({ response_action: 'errors' });
    await t.bot.idle();
    expect(ephemeralTexts(userId)).toEqual([LATE_NOTICE.answer]);
    await settled;
    expect(await answersOf(drill.id)).toEqual([]);
  });
});

describe('the delete confirmation', () => {
  async function openDelete() {
    const userId = newUser();
    const { drill } = await requestDrill(t, userId, 'random', t.standin.dmChannelFor(userId));
    await t.standin.slashCommand(t.url, { userId, text: 'delete' });
    await t.bot.idle();
    const modal = t.standin.openModal(userId);
    if (!modal) throw new Error('no delete modal');
    const drillsOf = () => t.bot.ctx.db.select().from(drills).where(eq(drills.id, drill.id));
    return { userId, viewId: modal.id, drillsOf };
  }
  const modalText = (userId: string) => JSON.stringify(t.standin.openModal(userId)?.view.blocks);

  it('too late to start (signed 3 s before): "busy, nothing was deleted" in the modal and the DM', async () => {
    const { userId, viewId, drillsOf } = await openDelete();
    const reply = await t.standin.submitView(t.url, { userId, viewId, values: {} }, signedAgo(3));
    expect(reply.json).toMatchObject({ response_action: 'update' });
    await t.bot.idle();
    expect(modalText(userId)).toMatch(/busy right now, so nothing was deleted/);
    const [dm] = ephemeralTexts(userId);
    expect(dm).toMatch(/nothing was deleted. Please try again in a minute with `\/star delete`/);
    expect(await drillsOf()).toHaveLength(1);
  });

  it('its COMMIT on the way when time runs out: "could not confirm", and the delete lands', async () => {
    const { userId, viewId, drillsOf } = await openDelete();
    const settled = slowNextTransaction('commit');
    await t.standin.submitView(t.url, { userId, viewId, values: {} }, signedAgo(1));
    await t.bot.idle();
    expect(modalText(userId)).toMatch(/could not confirm in time whether your data was deleted/);
    expect(ephemeralTexts(userId).join('\n')).toMatch(/could not confirm in time/);
    expect(ephemeralTexts(userId).join('\n')).not.toMatch(/nothing was deleted/);
    await settled;
    await vi.waitFor(async () => expect(await drillsOf()).toEqual([]));
  });
});
