// Enterprise Grid: an org-wide app removed from one workspace (team_access_revoked, over signed HTTP; its
// purge takes the workspace's guides and drafts with its people), the org-wide purge sparing workspaces with their own install, and rows left with an empty team from before
// migration 0008 moved or deleted. On both databases.
//
// Bad inputs tried: Slack's retry of team_access_revoked (the purge date does not move); a team_access event
// with no team_ids (ignored, 200); an org-wide purge over a workspace that installed the app itself.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../harness/test-clock.ts';
import type { Workspace } from '../../local-slack/index.ts';
import { markRevoked, purgeWorkspace, upsertInstallation } from '../../src/db/repositories/installations.ts';
import { ensureUser } from '../../src/db/repositories/users.ts';
import { countWorkspaceStates } from '../../src/db/repositories/workspace-states.ts';
import {
  dailyJobs,
  deliveryPauses,
  drills,
  guideDrafts,
  guideVersions,
  installations,
  users,
} from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import { purgeUninstalledWorkspaces } from '../../src/scheduler/housekeeping.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { settleLegacyRows } from '../../src/workspaces/adopt-workspace.ts';
import { openUpload, pasteGuide, submitUpload, TEAM_GUIDE } from '../guide-e2e/support.ts';
import type { TestBot } from '../support/test-bot.ts';
import { install, startOAuthBot } from './support.ts';

const ALPHA = 'TGRIDALPHA';
const BETA = 'TGRIDBETA0';
const DAY = 86_400_000;
let t: TestBot;
let scheduler: Scheduler;
const clock = new TestClock(new Date('2026-03-09T12:00:00Z'));
const db = () => t.bot.database.db;
const ws = (teamId: string) => t.standin.oauth.workspaceOf(teamId) as Workspace;
/** Who installed each workspace: its admin for `/star guide`. */
const installer = (teamId: string) => `UADMIN${teamId.slice(5, 9)}`;
const quiet = createLogger('error');

beforeAll(async () => {
  t = await startOAuthBot({ scheduler: { cron: false }, clock });
  scheduler = t.bot.scheduler as Scheduler;
  for (const teamId of [ALPHA, BETA]) {
    const { page } = await install(t, { teamId, teamName: teamId, userId: installer(teamId) });
    expect(page.status).toBe(200);
  }
}, 60_000);
afterAll(() => t?.close());
beforeEach(async () => {
  await db().delete(users);
  await db().delete(deliveryPauses);
  await db().delete(dailyJobs);
  await db().delete(guideVersions);
  await db().delete(guideDrafts);
  clock.set('2026-03-09T12:00:00Z');
});

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

async function teamAccess(
  type: 'team_access_revoked' | 'team_access_granted',
  teamIds: string[],
  eventId: string,
) {
  const reply = await t.standin.sendEvent(t.url, { type, team_ids: teamIds } as never, {
    eventId,
    workspace: ws(BETA),
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
}

const drillTeams = async () =>
  (await db().select({ teamId: drills.teamId }).from(drills)).map((d) => d.teamId).sort();
const guideTeams = async () => ({
  versions: (await db().select().from(guideVersions)).map((g) => g.teamId).sort(),
  drafts: (await db().select().from(guideDrafts)).map((g) => g.teamId).sort(),
});

/** The workspace's own guide in use, and a second upload left in preview (a draft), by its installer. */
async function guideAndDraft(teamId: string) {
  await pasteGuide(t, installer(teamId), TEAM_GUIDE, ws(teamId));
  const modal = await openUpload(t, installer(teamId), ws(teamId));
  const previewed = await submitUpload(t, installer(teamId), modal, { text: TEAM_GUIDE }, ws(teamId));
  expect(previewed).toMatchObject({ response_action: 'update' });
}

describe('team_access_revoked', () => {
  it('stops that workspace’s deliveries at once, purges it after 30 days, and team_access_granted resumes one', async () => {
    await subscribe(ALPHA, 'UGRIDA0001');
    await subscribe(BETA, 'UGRIDB0001');
    await guideAndDraft(ALPHA);
    await guideAndDraft(BETA);
    expect(await guideTeams()).toEqual({ versions: [ALPHA, BETA], drafts: [ALPHA, BETA] });
    await teamAccess('team_access_revoked', [ALPHA], 'EvRevoke1');
    await teamAccess('team_access_revoked', [ALPHA], 'EvRevoke1'); // Slack's retry
    const [pause] = await db().select().from(deliveryPauses);
    expect(pause).toMatchObject({ scope: ALPHA, reason: 'team_access_revoked' });
    expect(t.logs.find(/org-wide app was removed/)).toHaveLength(1);

    expect(await scheduler.tick(new Date('2026-03-10T09:00:30Z'))).toMatchObject({ delivered: 1 });
    expect(await drillTeams()).toEqual([BETA]);

    // 29 days later nothing is deleted; 30 days after the event, that workspace's people are.
    if (!pause) throw new Error('no pause');
    const revokedAt = pause.createdAt.getTime();
    await purgeUninstalledWorkspaces(db(), quiet, new Date(revokedAt + 29 * DAY));
    expect((await db().select().from(users)).map((u) => u.teamId).sort()).toEqual([ALPHA, BETA]);
    expect(await guideTeams()).toEqual({ versions: [ALPHA, BETA], drafts: [ALPHA, BETA] });
    await purgeUninstalledWorkspaces(db(), quiet, new Date(revokedAt + 30 * DAY + 1000));
    expect((await db().select().from(users)).map((u) => u.teamId)).toEqual([BETA]);
    expect(await db().select().from(deliveryPauses)).toEqual([]);
    // The guide's text and who uploaded it go with the people; the other workspace's guide stays.
    expect(await guideTeams()).toEqual({ versions: [BETA], drafts: [BETA] });
    // The organisation's other workspace keeps its installation and its data.
    expect(await db().select().from(installations).where(eq(installations.id, BETA))).toHaveLength(1);
  });

  it('team_access_granted ends that pause only; an event naming no workspace is ignored', async () => {
    await subscribe(ALPHA, 'UGRIDA0002');
    await teamAccess('team_access_revoked', [ALPHA], 'EvRevoke2');
    await teamAccess('team_access_granted', [ALPHA], 'EvGrant2');
    expect(await db().select().from(deliveryPauses)).toEqual([]);
    await teamAccess('team_access_granted', [], 'EvGrantNone');
    expect(await scheduler.tick(new Date('2026-03-10T09:00:30Z'))).toMatchObject({ delivered: 1 });
  });
});

describe('workspaces by state (the metric)', () => {
  it('counts installs as active, a refused token as token_paused, an uninstall as uninstalled', async () => {
    expect(await countWorkspaceStates(db(), 'oauth')).toEqual({ active: 2, token_paused: 0, uninstalled: 0 });
    await db()
      .insert(deliveryPauses)
      .values({ scope: ALPHA, reason: 'token_revoked', pausedUntil: new Date(Date.now() + DAY) });
    expect(await countWorkspaceStates(db(), 'oauth')).toEqual({ active: 1, token_paused: 1, uninstalled: 0 });
    await markRevoked(db(), BETA);
    try {
      expect(await countWorkspaceStates(db(), 'oauth')).toEqual({
        active: 0,
        token_paused: 1,
        uninstalled: 1,
      });
    } finally {
      await db()
        .update(installations)
        .set({ revokedAt: null, purgeAfter: null })
        .where(eq(installations.id, BETA));
    }
  });
});

describe('the org-wide purge', () => {
  it('deletes the people of the organisation’s workspaces that have no installation of their own', async () => {
    const org = 'EGRIDORG01';
    const base = {
      botToken: 'v1:x:y:z:w',
      botId: 'B1',
      botUserId: 'U1',
      botScopes: ['chat:write'],
      installerUserId: 'UADMIN',
    };
    await upsertInstallation(db(), {
      ...base,
      id: org,
      enterpriseId: org,
      teamId: null,
      isEnterpriseInstall: true,
    });
    // ALPHA installed the app itself (it is in the organisation too); TGRIDGAMMA only through the org install.
    await db().update(installations).set({ enterpriseId: org }).where(eq(installations.id, ALPHA));
    await ensureUser(db(), { teamId: ALPHA, userId: 'UOWN000001' }, { enterpriseId: org });
    await ensureUser(db(), { teamId: 'TGRIDGAMMA', userId: 'UORG000001' }, { enterpriseId: org });
    await markRevoked(db(), org, new Date(Date.now() - 31 * DAY));
    const people = await purgeWorkspace(db(), {
      id: org,
      teamId: null,
      enterpriseId: org,
      isEnterpriseInstall: true,
      revokedAt: new Date(),
    });
    expect(people).toBe(1);
    expect((await db().select().from(users)).map((u) => u.id)).toEqual(['UOWN000001']);
    await db().update(installations).set({ enterpriseId: null }).where(eq(installations.id, ALPHA));
  });
});

describe('rows with an empty team (before migration 0008)', () => {
  it('with several workspaces installed, cannot be attributed: deleted, so no delete or purge misses them', async () => {
    await ensureUser(db(), { teamId: '', userId: 'ULEGACY001' });
    await settleLegacyRows(db(), quiet);
    expect(await db().select().from(users).where(eq(users.teamId, ''))).toEqual([]);
  });

  it('with exactly one workspace installed, move to it; a duplicate of a user it has is deleted', async () => {
    await markRevoked(db(), BETA);
    try {
      await ensureUser(db(), { teamId: '', userId: 'ULEGACY002' });
      await ensureUser(db(), { teamId: '', userId: 'UDUPLIC001' });
      await ensureUser(db(), { teamId: ALPHA, userId: 'UDUPLIC001' });
      await settleLegacyRows(db(), quiet);
      const rows = await db().select({ teamId: users.teamId, id: users.id }).from(users).orderBy(users.id);
      expect(rows).toEqual([
        { teamId: ALPHA, id: 'UDUPLIC001' },
        { teamId: ALPHA, id: 'ULEGACY002' },
      ]);
    } finally {
      await db()
        .update(installations)
        .set({ revokedAt: null, purgeAfter: null })
        .where(eq(installations.id, BETA));
    }
  });
});
