// Two workspaces installed through the OAuth flow, one bot: each workspace's people, data, token and Slack
// limits kept apart, end to end over signed HTTP with the local Slack answering each workspace's token.
//
// Bad inputs tried: a click from one workspace on a drill of the same user id in the other; posts under a
// revoked token; a 429 storm on one workspace's token; requests from an uninstalled workspace; Slack's retry
// of an uninstall event.

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../harness/scheduler.ts';
import type { Workspace } from '../../local-slack/index.ts';
import { claimDailyJob } from '../../src/db/repositories/daily-jobs.ts';
import { startMock } from '../../src/db/repositories/mock-interviews.ts';
import { ensureStoryForDrill } from '../../src/db/repositories/stories.ts';
import {
  answers,
  dailyJobs,
  deliveryPauses,
  drillStories,
  drills,
  installations,
  mockInterviews,
  stories,
  subscriptions,
  users,
} from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import { purgeUninstalledWorkspaces } from '../../src/scheduler/housekeeping.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { ACTION_ANSWER_DRILL } from '../../src/views/ids.ts';
import { answerOf, viewValues } from '../support/drill-driver.ts';
import type { TestBot } from '../support/test-bot.ts';
import { install, startOAuthBot } from './support.ts';

const ALPHA = 'TALPHA0001';
const BETA = 'TBETA00002';
const SAME_USER = 'USAMEID001';

let t: TestBot;
let scheduler: Scheduler;
const clock = new TestClock(new Date('2026-03-09T12:00:00Z'));
const db = () => t.bot.database.db;
const ws = (teamId: string) => t.standin.oauth.workspaceOf(teamId) as Workspace;

beforeAll(async () => {
  t = await startOAuthBot({ scheduler: { cron: false }, clock });
  scheduler = t.bot.scheduler as Scheduler;
  for (const [teamId, teamName] of [
    [ALPHA, 'Alpha Bootcamp'],
    [BETA, 'Beta University'],
  ] as const) {
    const { page } = await install(t, { teamId, teamName, userId: `UADMIN${teamId.slice(1, 5)}` });
    expect(page.status).toBe(200);
  }
}, 60_000);
afterAll(() => t?.close());

beforeEach(async () => {
  // Each test starts from the two installed workspaces with nobody subscribed and nothing paused.
  await db().delete(users);
  await db().delete(deliveryPauses);
  await db().delete(dailyJobs);
  await db().update(installations).set({ revokedAt: null, purgeAfter: null });
  t.standin.clearIntercepts();
  t.standin.clearCalls();
  clock.set('2026-03-09T12:00:00Z');
});

/** `/star subscribe 09:00 daily` typed by `userId` in the workspace. */
async function subscribe(teamId: string, userId: string) {
  t.standin.setUser({ id: userId, tz: 'UTC' });
  const reply = await t.standin.slashCommand(t.url, {
    userId,
    text: 'subscribe 09:00 daily',
    workspace: ws(teamId),
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
}

const subscriptionsOf = (userId: string) =>
  db().select().from(subscriptions).where(eq(subscriptions.userId, userId)).orderBy(subscriptions.teamId);

/** Posts of drills (not thread replies) that Slack accepted, with the workspace whose token posted them. */
const drillPosts = () =>
  t.standin
    .callsTo('chat.postMessage')
    .filter((c) => c.status === 200 && c.response.ok === true && !c.args.thread_ts);

describe('two workspaces', () => {
  it('keep the same user id apart: two people, two subscriptions, two DMs, each answered on its own', async () => {
    await subscribe(ALPHA, SAME_USER);
    await subscribe(BETA, SAME_USER);
    expect((await subscriptionsOf(SAME_USER)).map((s) => s.teamId)).toEqual([ALPHA, BETA]);

    expect(await scheduler.tick(new Date('2026-03-10T09:00:00Z'))).toMatchObject({ delivered: 2, failed: 0 });
    // Each workspace's drill was posted with that workspace's own token, into that workspace's DM.
    const posts = drillPosts();
    expect(posts.map((p) => p.team).sort()).toEqual([ALPHA, BETA]);
    const dmA = t.standin.dmChannelFor(SAME_USER, ws(ALPHA));
    const dmB = t.standin.dmChannelFor(SAME_USER, ws(BETA));
    expect(dmA).not.toBe(dmB);
    const inA = t.standin.messages(dmA).at(-1);
    expect(t.standin.messages(dmB)).toHaveLength(1);
    const rows = await db().select().from(drills).where(eq(drills.userId, SAME_USER)).orderBy(drills.teamId);
    expect(rows.map((d) => [d.teamId, d.channelId])).toEqual([
      [ALPHA, dmA],
      [BETA, dmB],
    ]);

    // The Alpha person answers their drill; the Beta person's stays unanswered.
    await answerInWorkspace(ALPHA, dmA, inA?.ts as string);
    const stored = await db()
      .select({ team: drills.teamId })
      .from(answers)
      .innerJoin(drills, eq(drills.id, answers.drillId));
    expect(stored).toEqual([{ team: ALPHA }]);
    // /star history in Beta shows Beta's drill only, unanswered.
    await t.standin.slashCommand(t.url, { userId: SAME_USER, text: 'history', workspace: ws(BETA) });
    await t.bot.idle();
    const history = t.standin.ephemerals(SAME_USER).at(-1);
    expect(JSON.stringify(history?.args)).toContain('not answered');
    expect(JSON.stringify(history?.args)).not.toContain('score');
  });

  it('refuse a drill opened from the other workspace, with the same words as a missing drill', async () => {
    await subscribe(ALPHA, SAME_USER);
    await subscribe(BETA, SAME_USER);
    await scheduler.tick(new Date('2026-03-10T09:00:00Z'));
    const dmA = t.standin.dmChannelFor(SAME_USER, ws(ALPHA));
    const inA = t.standin.messages(dmA).at(-1);
    const before = t.standin.callsTo('views.open').length;
    // The same user id clicks Alpha's drill button, but the request comes from Beta.
    const reply = await t.standin.clickButton(t.url, {
      userId: SAME_USER,
      channel: dmA,
      messageTs: inA?.ts as string,
      actionId: ACTION_ANSWER_DRILL,
      workspace: ws(BETA),
    });
    expect(reply.status).toBe(200);
    const opened = await t.standin.waitForCall('views.open', () => true, { since: before });
    expect(opened.team).toBe(BETA);
    expect(JSON.stringify(opened.args.view)).toContain('This drill is not available to you');
    expect(JSON.stringify(opened.args.view)).not.toContain('Situation');
    await t.bot.idle();
    expect(t.logs.find(/another user’s drill/)).toHaveLength(1);
  });

  it('a 429 storm in one workspace holds only its posts: the other’s fan-out never waits for it', async () => {
    const people = Array.from({ length: 12 }, (_, i) => `USTORM${String(i).padStart(4, '0')}`);
    for (const userId of people) {
      await subscribe(ALPHA, userId);
      await subscribe(BETA, userId);
    }
    t.standin.clearCalls();
    // Slack throttles Alpha for its first three seconds, each time asking for 4 s.
    const stormEnds = performance.now() + 3_000;
    t.standin.intercept('chat.postMessage', ({ team }) =>
      team === ALPHA && performance.now() < stormEnds ? { status: 429, retryAfter: 4 } : undefined,
    );
    const counts = await scheduler.tick(new Date('2026-03-10T09:00:00Z'));
    expect(counts).toMatchObject({ delivered: 24, failed: 0, deactivated: 0 });

    const calls = t.standin.callsTo('chat.postMessage').filter((c) => !c.args.thread_ts);
    const ofA = calls.filter((c) => c.team === ALPHA);
    const ofB = calls.filter((c) => c.team === BETA);
    const firstLimit = ofA.find((c) => c.status === 429)?.at as number;
    expect(firstLimit).toBeDefined();
    // Beta: every post accepted at the first try, all before Alpha's Retry-After was over.
    expect(ofB).toHaveLength(12);
    expect(ofB.every((c) => c.status === 200)).toBe(true);
    const lastB = Math.max(...ofB.map((c) => c.at));
    const firstAcceptedA = Math.min(...ofA.filter((c) => c.status === 200).map((c) => c.at));
    expect(lastB).toBeLessThan(firstAcceptedA);
    // Alpha: the throttled posts stopped at once (no hammering) and resumed only after Retry-After.
    expect(ofA.filter((c) => c.status === 429).length).toBeLessThanOrEqual(20);
    expect(firstAcceptedA - firstLimit).toBeGreaterThanOrEqual(4_000);
    expect(ofA.filter((c) => c.status === 200)).toHaveLength(12);
    // Nothing counted against anyone: Slack's throttle is not a failed delivery.
    const subs = await db().select().from(subscriptions);
    expect(subs.every((s) => s.deliveryAttempts === 0 && s.nextDueDate === '2026-03-11')).toBe(true);
  }, 60_000);

  it('a revoked token pauses only its workspace, alerts once, and deactivates nobody', async () => {
    await subscribe(ALPHA, 'UREVOKE001');
    await subscribe(BETA, 'UREVOKE001');
    await subscribe(BETA, 'UREVOKE002');
    t.standin.revoke(ALPHA, 'token_revoked');

    expect(await scheduler.tick(new Date('2026-03-10T09:00:00Z'))).toMatchObject({
      delivered: 2,
      released: 1,
      deactivated: 0,
    });
    expect(drillPosts().every((p) => p.team === BETA)).toBe(true);
    expect(await db().select().from(deliveryPauses)).toMatchObject([
      { scope: ALPHA, reason: 'token_revoked', failures: 1 },
    ]);
    const alerts = t.logs.lines.filter((l) => l.alert === 'slack_token_refused');
    expect(alerts).toMatchObject([{ team: ALPHA, reason: 'token_revoked' }]);
    const alpha = await db().select().from(subscriptions).where(eq(subscriptions.teamId, ALPHA));
    expect(alpha).toMatchObject([{ active: true, deactivatedReason: null, deliveryAttempts: 0 }]);

    // Another tick during the pause: Alpha is not even tried; Beta's next day goes out.
    t.standin.clearCalls();
    expect(await scheduler.tick(new Date('2026-03-11T09:00:00Z'))).toMatchObject({ delivered: 2 });
    expect(t.standin.callsTo('chat.postMessage').some((c) => c.team === ALPHA)).toBe(false);
    // The bot stays healthy: one workspace's token is that workspace's matter.
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, slack: { pausedWorkspaces: 1 } });

    // An admin reinstalls (a new token): the pause ends at once and Alpha's drill goes out on the next tick.
    const { page } = await install(t, { teamId: ALPHA, teamName: 'Alpha Bootcamp', userId: 'UADMINALPH' });
    expect(page.status).toBe(200);
    expect(await db().select().from(deliveryPauses)).toEqual([]);
    t.standin.clearCalls();
    expect(await scheduler.tick(new Date('2026-03-11T09:05:00Z'))).toMatchObject({ delivered: 1 });
    expect(drillPosts().map((p) => p.team)).toEqual([ALPHA]);
  });
});

describe('uninstall', () => {
  async function uninstall(teamId: string, eventId = `Ev${teamId}`) {
    const reply = await t.standin.sendEvent(
      t.url,
      { type: 'app_uninstalled' },
      { eventId, workspace: ws(teamId) },
    );
    expect(reply.status).toBe(200);
    await t.bot.idle();
  }

  it('stops the workspace’s deliveries at once; a reinstall within 30 days keeps its history and resumes', async () => {
    await subscribe(ALPHA, 'UCOMEBACK1');
    await subscribe(BETA, 'USTAYS0001');
    await scheduler.tick(new Date('2026-03-10T09:00:00Z'));
    const dmA = t.standin.dmChannelFor('UCOMEBACK1', ws(ALPHA));
    const drillA = t.standin.messages(dmA).at(-1);
    await answerInWorkspace(ALPHA, dmA, drillA?.ts as string, 'UCOMEBACK1');

    await uninstall(ALPHA);
    // Slack retries the event: nothing more happens, one log line.
    await uninstall(ALPHA);
    const [row] = await db().select().from(installations).where(eq(installations.id, ALPHA));
    if (!row?.revokedAt || !row.purgeAfter) throw new Error('the installation was not marked revoked');
    expect(row.purgeAfter.getTime() - row.revokedAt.getTime()).toBe(30 * 86_400_000);
    expect(await db().select().from(deliveryPauses)).toMatchObject([
      { scope: ALPHA, reason: 'app_uninstalled' },
    ]);
    expect(t.logs.find(/removed from a workspace/)).toHaveLength(1);

    // The next day: Beta's drill goes out, Alpha's does not, and Alpha's subscription stays as it was.
    t.standin.clearCalls();
    expect(await scheduler.tick(new Date('2026-03-11T09:00:00Z'))).toMatchObject({ delivered: 1, failed: 0 });
    expect(drillPosts().map((p) => p.team)).toEqual([BETA]);
    // A request from the uninstalled workspace finds no installation: refused, nothing stored.
    const refused = await t.standin.slashCommand(t.url, {
      userId: 'UCOMEBACK1',
      text: 'history',
      workspace: ws(ALPHA),
    });
    expect(refused.status).toBe(401);

    // Reinstalled within the 30 days: the same person finds their history, and drills resume.
    const { page } = await install(t, { teamId: ALPHA, teamName: 'Alpha Bootcamp', userId: 'UADMINALPH' });
    expect(page.status).toBe(200);
    const [back] = await db().select().from(installations).where(eq(installations.id, ALPHA));
    expect(back).toMatchObject({ revokedAt: null, purgeAfter: null });
    expect(await db().select().from(deliveryPauses)).toEqual([]);
    const history = await db()
      .select({ answered: answers.id })
      .from(drills)
      .innerJoin(answers, eq(answers.drillId, drills.id))
      .where(and(eq(drills.teamId, ALPHA), eq(drills.userId, 'UCOMEBACK1')));
    expect(history).toHaveLength(1);
    t.standin.clearCalls();
    expect(await scheduler.tick(new Date('2026-03-12T09:00:00Z'))).toMatchObject({ delivered: 2 });
    expect(
      drillPosts()
        .map((p) => p.team)
        .sort(),
    ).toEqual([ALPHA, BETA]);
  });

  it('deletes the workspace’s data 30 days later, once across replicas, and nothing of the other workspace', async () => {
    await subscribe(ALPHA, 'UGOESAWAY1');
    await subscribe(BETA, 'UGOESAWAY1');
    await scheduler.tick(new Date('2026-03-10T09:00:00Z'));
    // A story in each workspace (the story bank keeps them per person), to see the purge take Alpha's.
    for (const d of await db().select().from(drills)) {
      await ensureStoryForDrill(db(), d, d.id, () => `Story of ${d.teamId}`);
    }
    expect(await db().select().from(stories)).toHaveLength(2);
    // A mock interview in each workspace too (`/star mock`), to see the purge take Alpha's.
    for (const teamId of [ALPHA, BETA]) {
      await startMock(db(), { teamId, userId: 'UGOESAWAY1' }, [], new Date('2026-03-10T09:00:00Z'));
    }
    await uninstall(ALPHA);
    const log = createLogger('error');

    // Not yet due: the purge deletes nothing.
    expect(await purgeUninstalledWorkspaces(db(), log)).toBe(0);
    expect(await db().select().from(users)).toHaveLength(2);

    // Thirty days pass (on the database's clock, which the purge reads).
    await db().execute(
      sql`update installations set revoked_at = now() - interval '31 days', purge_after = now() - interval '1 day' where id = ${ALPHA}`,
    );
    // Two replicas' hourly housekeeping at the same moment: one of them takes the day's purge.
    const claims = await Promise.all([
      claimDailyJob(db(), 'purge_uninstalled', 'replica-a'),
      claimDailyJob(db(), 'purge_uninstalled', 'replica-b'),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await purgeUninstalledWorkspaces(db(), log)).toBe(1);
    expect(await purgeUninstalledWorkspaces(db(), log)).toBe(0);

    expect(await db().select({ team: users.teamId }).from(users)).toEqual([{ team: BETA }]);
    expect(await db().select({ team: drills.teamId }).from(drills)).toEqual([{ team: BETA }]);
    expect(await db().select({ team: stories.teamId }).from(stories)).toEqual([{ team: BETA }]);
    expect(await db().select({ team: drillStories.teamId }).from(drillStories)).toEqual([{ team: BETA }]);
    expect(await db().select({ team: mockInterviews.teamId }).from(mockInterviews)).toEqual([{ team: BETA }]);
    expect(await db().select().from(installations).where(eq(installations.id, ALPHA))).toEqual([]);
    expect(await db().select().from(deliveryPauses)).toEqual([]);
    // Alpha can install afresh later (a new installation, no history).
    const { page } = await install(t, { teamId: ALPHA, teamName: 'Alpha Bootcamp', userId: 'UADMINALPH' });
    expect(page.status).toBe(200);
  });
});

/** Answers the drill in `channel` as `userId` of the workspace: the STAR button, then the modal submitted. */
async function answerInWorkspace(teamId: string, channel: string, ts: string, userId = SAME_USER) {
  const before = t.standin.callsTo('views.open').length;
  const click = await t.standin.clickButton(t.url, {
    userId,
    channel,
    messageTs: ts,
    actionId: ACTION_ANSWER_DRILL,
    workspace: ws(teamId),
  });
  expect(click.status).toBe(200);
  await t.standin.waitForCall('views.open', () => true, { since: before });
  const modal = await t.standin.waitFor(() => t.standin.openModal(userId));
  const submitted = await t.standin.submitView(t.url, {
    userId,
    viewId: modal.id,
    values: viewValues(answerOf('Alpha')),
    workspace: ws(teamId),
  });
  expect(submitted.status).toBe(200);
  await t.bot.idle();
}
