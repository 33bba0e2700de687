// What one `/star subscribe` costs the bot beyond storing it (issue 16, item 6): users.info only while no
// user_change event has brought the person's zone, and a Home publish only for someone who has opened the
// Home tab. Driven over HTTP through the local Slack; each case counts the Web API calls the bot made.
//
// Bad inputs tried: a user_change with a zone that is not an IANA name (ignored: users.info is still asked);
// a stranger opening the Home tab before ever using the bot (nothing stored for them).

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriptions, users } from '../../src/db/schema/index.ts';
import { starShown } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
let seq = 0;
function newUser(tz: string): string {
  const id = `USUBCOST${++seq}`;
  t.standin.setUser({ id, tz });
  return id;
}

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

const callsFor = (method: string, key: string, userId: string) =>
  t.standin.callsTo(method).filter((c) => c.args[key] === userId).length;

/** `/star <text>`, the bot done with everything it started; the one reply the user was shown. */
async function star(userId: string, text: string) {
  const { shown } = await starShown(t, userId, text);
  expect(shown).toHaveLength(1);
  return JSON.stringify(shown[0]?.args);
}

async function userRow(userId: string) {
  const [row] = await t.bot.ctx.db.select().from(users).where(eq(users.id, userId));
  return row;
}

describe('the zone', () => {
  it('asks users.info until a user_change event brings the zone, then uses the stored one', async () => {
    const user = newUser('Europe/London');
    expect(await star(user, 'subscribe 08:00 daily')).toContain('Europe/London');
    expect(callsFor('users.info', 'user', user)).toBe(1);
    // Subscribing again without an event: the zone is asked again (it may have changed unseen).
    await star(user, 'subscribe 09:00 daily');
    expect(callsFor('users.info', 'user', user)).toBe(2);

    expect((await t.standin.userChange(t.url, { userId: user, tz: 'Asia/Kolkata' })).status).toBe(200);
    await t.bot.idle();
    expect(await userRow(user)).toMatchObject({ tz: 'Asia/Kolkata', zoneFromEvent: true });
    expect(await star(user, 'subscribe 07:30 weekdays')).toContain('Asia/Kolkata');
    expect(callsFor('users.info', 'user', user)).toBe(2);
    const [sub] = await t.bot.ctx.db.select().from(subscriptions).where(eq(subscriptions.userId, user));
    expect(sub).toMatchObject({ minuteOfDay: 7 * 60 + 30, active: true });
  });

  it('a user_change whose zone is not an IANA name changes nothing: users.info is still asked', async () => {
    const user = newUser('America/New_York');
    await star(user, 'subscribe 08:00 daily');
    await t.standin.userChange(t.url, { userId: user, tz: 'Mars/Olympus_Mons' });
    await t.bot.idle();
    expect(await userRow(user)).toMatchObject({ tz: 'America/New_York', zoneFromEvent: false });
    t.standin.setUser({ id: user, tz: 'America/New_York' });
    await star(user, 'subscribe 09:00 daily');
    expect(callsFor('users.info', 'user', user)).toBe(2);
  });
});

describe('the Home tab', () => {
  it('is not published after a subscribe of someone who never opened it; it is once they have', async () => {
    const user = newUser('Europe/Berlin');
    await star(user, 'subscribe 08:00 daily');
    expect(callsFor('views.publish', 'user_id', user)).toBe(0);
    expect(await userRow(user)).toMatchObject({ homeOpened: false });

    await t.standin.sendEvent(t.url, { type: 'app_home_opened', user, tab: 'home' });
    await t.bot.idle();
    expect(callsFor('views.publish', 'user_id', user)).toBe(1);
    expect(await userRow(user)).toMatchObject({ homeOpened: true });
    await star(user, 'subscribe 09:00 daily');
    expect(callsFor('views.publish', 'user_id', user)).toBe(2);
  });

  it('a stranger opening it is shown the empty dashboard and nothing is stored about them', async () => {
    const user = newUser('Europe/Paris');
    await t.standin.sendEvent(t.url, { type: 'app_home_opened', user, tab: 'home' });
    await t.bot.idle();
    expect(callsFor('views.publish', 'user_id', user)).toBe(1);
    expect(await userRow(user)).toBeUndefined();
  });
});
