// Two workspaces, two guides: each installed through the OAuth flow, each installer (the installations table
// says who installed: no admin flag needed) pastes their own guide. The same user id in both drills each
// workspace's topics only, `/star guide` shows each its own, and the purge of one takes only its guides.
//
// Bad inputs tried: a topic word of the other workspace's guide; a member (no Upload button for them).

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../local-slack/index.ts';
import { drills, guideVersions, installations } from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import { purgeUninstalledWorkspaces } from '../../src/scheduler/housekeeping.ts';
import type { TestBot } from '../support/test-bot.ts';
import { install, startOAuthBot } from '../workspaces/support.ts';
import { guideStatus, pasteGuide, TEAM_GUIDE } from './support.ts';

const ALPHA = 'TALPHAGD01';
const BETA = 'TBETAGD002';
const INSTALLER = { [ALPHA]: 'UINSTGDALF', [BETA]: 'UINSTGDBET' } as const;
const SAME_USER = 'USAMEGD001';
const BETA_GUIDE = TEAM_GUIDE.replace(
  '# Platform Team Interview Loop',
  '# Sales Engineering Loop',
).replaceAll('Onboarding New Hires', 'Running Customer Demos');

let t: TestBot;
const ws = (teamId: string) => t.standin.oauth.workspaceOf(teamId) as Workspace;

beforeAll(async () => {
  t = await startOAuthBot();
  for (const teamId of [ALPHA, BETA] as const) {
    const { page } = await install(t, { teamId, teamName: teamId, userId: INSTALLER[teamId] });
    expect(page.status).toBe(200);
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

/** `/star <text>` in a workspace: the drill stored for the person there, or undefined when none was sent. */
async function drillIn(teamId: string, text: string) {
  const reply = await t.standin.slashCommand(t.url, { userId: SAME_USER, text, workspace: ws(teamId) });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  const [latest] = await t.bot.ctx.db
    .select()
    .from(drills)
    .where(sql`${drills.teamId} = ${teamId} and ${drills.userId} = ${SAME_USER}`)
    .orderBy(sql`${drills.id} desc`)
    .limit(1);
  return { reply: (reply.json as { text?: string } | undefined)?.text ?? '', latest };
}

describe('two workspaces with their own guides', () => {
  it('each installer sets their guide; neither workspace sees the other’s', async () => {
    t.standin.setUser({ id: 'UMEMBERGD1', tz: 'UTC' });
    expect((await guideStatus(t, 'UMEMBERGD1', ws(BETA))).hasUpload).toBe(false);
    expect(await pasteGuide(t, INSTALLER[ALPHA], TEAM_GUIDE, ws(ALPHA))).toContain(
      'Platform Team Interview Loop',
    );
    expect(await pasteGuide(t, INSTALLER[BETA], BETA_GUIDE, ws(BETA))).toContain('Sales Engineering Loop');

    expect((await guideStatus(t, SAME_USER, ws(ALPHA))).text).toContain(
      "This workspace's guide: Platform Team Interview Loop",
    );
    expect((await guideStatus(t, SAME_USER, ws(BETA))).text).toContain(
      "This workspace's guide: Sales Engineering Loop",
    );

    const inAlpha = await drillIn(ALPHA, 'onboarding');
    expect(inAlpha.latest?.topicSlug).toBe('onboarding-new-hires');
    const notInBeta = await drillIn(BETA, 'onboarding');
    expect(notInBeta.reply).toContain("I don't know the topic or command `onboarding`");
    expect(notInBeta.latest).toBeUndefined();
    expect((await drillIn(BETA, 'demos')).latest?.topicSlug).toBe('running-customer-demos');
    expect((await drillIn(ALPHA, 'demos')).reply).toContain("I don't know the topic or command `demos`");
    // Each drill went out with its own workspace's token.
    const posts = t.standin.callsTo('chat.postMessage').filter((c) => c.args.channel === SAME_USER);
    expect(posts.map((c) => c.team)).toEqual([ALPHA, BETA]);
  });

  it('the purge of an uninstalled workspace deletes its guides, and only its own', async () => {
    const db = t.bot.database.db;
    await db
      .update(installations)
      .set({ revokedAt: sql`now() - interval '31 days'`, purgeAfter: sql`now() - interval '1 day'` })
      .where(eq(installations.id, ALPHA));
    expect(await purgeUninstalledWorkspaces(db, createLogger('error'))).toBe(1);
    const rows = await db.select().from(guideVersions);
    expect(rows.map((r) => r.teamId)).toEqual([BETA]);
  });
});
