// Events API retries: Slack re-sends an event it thinks was missed (X-Slack-Retry-Num 1-3, same event_id),
// at once or minutes later, to any replica. Each event_id is acted on once; a new event_id is acted on.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processedEvents, users } from '../../src/db/schema/index.ts';
import {
  newUser,
  requestDrill,
  SLACK_DEADLINE_MS,
  watchUnhandledRejections,
} from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
const rejections = watchUnhandledRejections();

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  rejections.stop();
  await t?.close();
});

const zoneOf = async (id: string) => (await t.bot.ctx.db.select().from(users).where(eq(users.id, id)))[0]?.tz;
const processed = async (eventId: string) =>
  t.bot.ctx.db.select().from(processedEvents).where(eq(processedEvents.eventId, eventId));
const zoneChanges = (id: string) => t.logs.find('user changed time zone').filter((l) => l.user === id);

describe('user_change retries', () => {
  it('a retried event_id is acted on once, even after the state moved on; a new event_id is acted on', async () => {
    const userId = newUser();
    await requestDrill(t, userId); // the bot now knows the user (zone UTC)
    expect(await zoneOf(userId)).toBe('UTC');

    const first = await t.standin.sendEvent(
      t.url,
      { type: 'user_change', user: { id: userId, tz: 'Europe/Paris' } },
      { eventId: 'Ev0RETRY0001' },
    );
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(SLACK_DEADLINE_MS);
    await t.standin.waitFor(() => zoneChanges(userId).length === 1);
    expect(await zoneOf(userId)).toBe('Europe/Paris');
    expect(await processed('Ev0RETRY0001')).toHaveLength(1);

    // The zone moves on by another path (here: directly), so a replayed stale event would be visible.
    await t.bot.ctx.db.update(users).set({ tz: 'America/Chicago' }).where(eq(users.id, userId));

    for (const retryNum of [1, 2, 3]) {
      const retry = await t.standin.sendEvent(
        t.url,
        { type: 'user_change', user: { id: userId, tz: 'Europe/Paris' } },
        { eventId: 'Ev0RETRY0001', retryNum, retryReason: retryNum === 1 ? 'http_timeout' : 'http_error' },
      );
      expect(retry.status).toBe(200);
      expect(retry.ms).toBeLessThan(SLACK_DEADLINE_MS);
    }
    // The retries are acked before they are handled: give the handlers time to finish.
    await waitForQuiet();
    expect(await zoneOf(userId)).toBe('America/Chicago');
    expect(zoneChanges(userId)).toHaveLength(1);
    expect(await processed('Ev0RETRY0001')).toHaveLength(1);

    // A different event_id is a different change: acted on.
    const next = await t.standin.sendEvent(
      t.url,
      { type: 'user_change', user: { id: userId, tz: 'Asia/Tokyo' } },
      { eventId: 'Ev0RETRY0002' },
    );
    expect(next.status).toBe(200);
    await t.standin.waitFor(() => zoneChanges(userId).length === 2);
    expect(await zoneOf(userId)).toBe('Asia/Tokyo');
    expect(await processed('Ev0RETRY0002')).toHaveLength(1);
    expect(rejections.reasons).toEqual([]);
  });

  it('the original and its retries arriving together: one row, one change, no error from the race', async () => {
    const userId = newUser();
    await requestDrill(t, userId);
    const replies = await Promise.all(
      [undefined, 1, 2, 3].map((retryNum) =>
        t.standin.sendEvent(
          t.url,
          { type: 'user_change', user: { id: userId, tz: 'Australia/Sydney' } },
          { eventId: 'Ev0RACE00001', retryNum },
        ),
      ),
    );
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.ms).toBeLessThan(SLACK_DEADLINE_MS);
    }
    await t.standin.waitFor(() => zoneChanges(userId).length === 1);
    await waitForQuiet();
    expect(zoneChanges(userId)).toHaveLength(1);
    expect(await zoneOf(userId)).toBe('Australia/Sydney');
    expect(await processed('Ev0RACE00001')).toHaveLength(1);
    // Four inserts of one event_id race; the losers must see "already seen", not a key violation.
    expect(t.logs.find('could not handle user_change')).toEqual([]);
    expect(rejections.reasons).toEqual([]);
  });
});

/** Event handlers run after the ack: "nothing happened" is checked once the bot has handled everything. */
function waitForQuiet() {
  return t.bot.idle();
}

describe('user_change for someone who never used the bot', () => {
  it('is not recorded: user_change arrives for the whole workspace, and most of it is not ours', async () => {
    const stranger = newUser();
    const reply = await t.standin.sendEvent(
      t.url,
      { type: 'user_change', user: { id: stranger, tz: 'Asia/Tokyo' } },
      { eventId: 'Ev0STRANGER1' },
    );
    expect(reply.status).toBe(200);
    await waitForQuiet();
    expect(await processed('Ev0STRANGER1')).toHaveLength(0);
    expect(await zoneOf(stranger)).toBeUndefined();
  });
});
