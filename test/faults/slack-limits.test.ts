// Slack's rate limits and the bot's own, on the request path.
//
// - One user's DM post answered 429 (Retry-After 12 s) must not hold another user's modal: a trigger_id lives
//   3 s. The rate-limited user is told to try again, and nothing is stored for them.
// - A user (or a runaway script) asking for drills gets ON_DEMAND_DRILLS_PER_MINUTE a minute, then a friendly
//   reply and no drill. Bad inputs tried: 13 `/star random` in a row from one user; the 429 above.

import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drills } from '../../src/db/schema/index.ts';
import { ON_DEMAND_DRILLS_PER_MINUTE } from '../../src/slack/listeners/commands/star/drill.ts';
import { blocksText, clickAnswer, newUser, requestDrill } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterEach(() => t.standin.clearIntercepts());
afterAll(async () => {
  await t?.close();
});

const drillsOf = (userId: string) => t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId));
const toldTo = (userId: string) => t.standin.ephemerals(userId).map((e) => blocksText(e.args.blocks));

describe('a 429 on one user’s DM', () => {
  it('does not hold another user’s modal, and tells the first to try again, with nothing stored', async () => {
    const limited = newUser();
    const other = newUser();
    const { channel, ts, drill } = await requestDrill(t, other, 'random');
    t.standin.intercept('chat.postMessage', ({ args }) =>
      args.channel === limited ? { status: 429, retryAfter: 12 } : undefined,
    );

    expect(
      (await t.standin.slashCommand(t.url, { userId: limited, text: 'random', channelId: 'C0GENERAL' }))
        .status,
    ).toBe(200);
    await t.standin.waitForCall('chat.postMessage', (c) => c.args.channel === limited && c.status === 429);

    // The other user clicks while the first is rate-limited: the modal must open within the trigger's life.
    const clickedAt = Date.now();
    const { open } = await clickAnswer(t, other, channel, ts, drill.id);
    expect(open.response.ok).toBe(true);
    expect(open.at - clickedAt).toBeLessThan(1_000);

    await t.bot.idle();
    expect(toldTo(limited).join(' ')).toMatch(/slow down.*no drill was sent.*try again in 12 seconds/i);
    expect(await drillsOf(limited)).toHaveLength(0);
  });
});

describe('the per-user drill limit', () => {
  it(`gives ${ON_DEMAND_DRILLS_PER_MINUTE} drills a minute, then a friendly reply and no drill`, async () => {
    const userId = newUser();
    for (let i = 0; i < ON_DEMAND_DRILLS_PER_MINUTE; i++) await requestDrill(t, userId, 'random');
    const postsBefore = t.standin.callsTo('chat.postMessage').length;

    const reply = await t.standin.slashCommand(t.url, { userId, text: 'random', channelId: 'C0GENERAL' });
    expect(reply.status).toBe(200);
    await t.bot.idle();
    expect(toldTo(userId).at(-1)).toMatch(/That is 12 drills in a minute.*another in a minute/);
    expect(await drillsOf(userId)).toHaveLength(ON_DEMAND_DRILLS_PER_MINUTE);
    expect(t.standin.callsTo('chat.postMessage').slice(postsBefore)).toHaveLength(0);

    // Another user is not affected.
    await requestDrill(t, newUser(), 'random');
  });
});
