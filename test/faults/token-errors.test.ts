// Slack refusing the bot's token, seen through the whole bot: a user's command meets token_revoked. The user
// is told plainly and nothing is stored; delivery pauses (one alert); /healthz reports it; no subscription is
// switched off; and once the token works again (checked with auth.test after the backoff) all resumes.
// Bad inputs tried: token_revoked on chat.postMessage, then invalid_auth on auth.test while paused.

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliveryPauses, drills, subscriptions } from '../../src/db/schema/index.ts';
import { blocksText, healthz, newUser, waitForHealth } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ bot: { scheduler: { cron: false } } });
});
afterAll(async () => {
  await t?.close();
});

const runOut = () =>
  t.bot.ctx.db.update(deliveryPauses).set({ pausedUntil: sql`now() - interval '1 second'` });

it('tells the user, stores nothing, pauses delivery without switching anyone off, and reports it on /healthz', async () => {
  const subscriber = newUser();
  await t.standin.slashCommand(t.url, { userId: subscriber, text: 'subscribe 09:00 daily' });
  await t.bot.idle();
  const [before] = await t.bot.ctx.db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, subscriber));
  expect(before?.active).toBe(true);
  // Ticks just after the drill is due, on its own date: a day later would find the day passed (stale, never
  // delivered) whenever the test runs before 09:00 in the subscriber's zone.
  const dueAt = new Date((before?.nextDueAt?.getTime() ?? Number.NaN) + 60_000);

  t.standin.intercept('chat.postMessage', () => ({ error: 'token_revoked' }));
  const userId = newUser();
  await t.standin.slashCommand(t.url, { userId, text: 'random', channelId: 'C0GENERAL' });
  await t.bot.idle();
  const told = t.standin
    .ephemerals(userId)
    .map((e) => blocksText(e.args.blocks))
    .join(' ');
  expect(told).toMatch(/Slack refused its access \(`token_revoked`\).*reinstall.*No drill was sent/);
  expect(await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId))).toHaveLength(0);
  expect(t.logs.lines.filter((l) => l.alert === 'slack_token_refused')).toHaveLength(1);

  const health = await waitForHealth(t, 503);
  expect(health.json).toMatchObject({
    ok: false,
    database: 'ok',
    slack: { paused: true, reason: 'token_revoked' },
  });

  // While paused a tick posts nothing, even after the pause runs out if the token still fails.
  t.standin.intercept('auth.test', () => ({ error: 'invalid_auth' }));
  await runOut();
  expect(await t.bot.scheduler?.tick(dueAt)).toMatchObject({ delivered: 0 });
  const [pause] = await t.bot.ctx.db.select().from(deliveryPauses);
  expect(pause).toMatchObject({ reason: 'invalid_auth', failures: 2 });
  const [during] = await t.bot.ctx.db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, subscriber));
  expect(during).toMatchObject({ active: true, deactivatedReason: null, deliveryAttempts: 0 });

  // The token works again: the next check ends the pause, the subscriber's drill goes out, health is back.
  t.standin.clearIntercepts();
  await runOut();
  const counts = await t.bot.scheduler?.tick(new Date(dueAt.getTime() + 1_000));
  expect(counts).toMatchObject({ delivered: 1 });
  expect(await t.bot.ctx.db.select().from(deliveryPauses)).toHaveLength(0);
  expect((await waitForHealth(t, 200)).json).toEqual({ ok: true, database: 'ok' });
  expect((await healthz(t)).status).toBe(200);
});
