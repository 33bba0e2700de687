// `/star mock` in a workspace whose token Slack refuses: the same truthful words as a refused drill, and
// nothing stored (no mock, no drill), so a later `/star mock` starts afresh. Its own bot: the refusal pauses
// the workspace's deliveries, which other tests must not inherit.
// Bad input tried: token_revoked on the first question's chat.postMessage.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drills, mockInterviews } from '../../src/db/schema/index.ts';
import { blocksText, newUser } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ bot: { scheduler: { cron: false } } });
});
afterAll(async () => {
  await t?.close();
});

it('tells the truth about a refused token and stores nothing', async () => {
  t.standin.intercept('chat.postMessage', () => ({ error: 'token_revoked' }));
  const userId = newUser();
  await t.standin.slashCommand(t.url, { userId, text: 'mock', channelId: 'C0GENERAL' });
  await t.bot.idle();
  const told = t.standin
    .ephemerals(userId)
    .map((e) => blocksText(e.args.blocks))
    .join(' ');
  expect(told).toMatch(
    /Slack refused its access \(`token_revoked`\)\. A workspace admin needs to reinstall it\. No mock interview was started\./,
  );
  expect(await t.bot.ctx.db.select().from(mockInterviews).where(eq(mockInterviews.userId, userId))).toEqual(
    [],
  );
  expect(await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId))).toEqual([]);

  // Slack takes posts again: the next /star mock starts one.
  t.standin.clearIntercepts();
  await t.standin.slashCommand(t.url, { userId, text: 'mock', channelId: 'C0GENERAL' });
  await t.bot.idle();
  expect(
    await t.bot.ctx.db.select().from(mockInterviews).where(eq(mockInterviews.userId, userId)),
  ).toHaveLength(1);
  const said = t.standin
    .ephemerals(userId)
    .map((e) => blocksText(e.args.blocks))
    .join(' ');
  expect(said).toContain('Your mock interview has started in your DM with me');
}, 60_000);
