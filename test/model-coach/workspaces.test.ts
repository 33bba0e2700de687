// The extra coaching is each workspace's own choice: two workspaces installed through the OAuth flow, one bot
// whose operator configured a model. The installer of one turns it on; the other stays off (a member there
// is refused); the same user id answering in both sends only the first workspace's answer to the model. The
// purge of an uninstalled workspace takes its choice with it.
//
// Bad inputs tried: a member who is neither admin nor installer turning it on; the same user id in both.

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../local-slack/index.ts';
import { installations, workspaceModel } from '../../src/db/schema/index.ts';
import { createLogger } from '../../src/logger.ts';
import { purgeUninstalledWorkspaces } from '../../src/scheduler/housekeeping.ts';
import { ACTION_ANSWER_DRILL } from '../../src/views/ids.ts';
import { ephemeralText, shownText, WE_ANSWER } from '../coaching/support.ts';
import { starShown, viewValues } from '../support/drill-driver.ts';
import { type ModelStandin, startModelStandin } from '../support/model-standin.ts';
import type { TestBot } from '../support/test-bot.ts';
import { install, startOAuthBot } from '../workspaces/support.ts';
import { GROUNDED, GROUNDED_FOLLOW_UPS, modelConfig } from './support.ts';

const ALPHA = 'TALPHA0001';
const BETA = 'TBETA00002';
const INSTALLER = { [ALPHA]: 'UINSTALPHA', [BETA]: 'UINSTBETA1' } as const;
const SAME_USER = 'USAMEID001';

let t: TestBot;
let model: ModelStandin;
const ws = (teamId: string) => t.standin.oauth.workspaceOf(teamId) as Workspace;

beforeAll(async () => {
  model = await startModelStandin();
  t = await startOAuthBot({ coachModel: modelConfig(model) });
  for (const teamId of [ALPHA, BETA] as const) {
    const { page } = await install(t, { teamId, teamName: teamId, userId: INSTALLER[teamId] });
    expect(page.status).toBe(200);
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
  await model?.close();
});

async function star(teamId: string, userId: string, text: string): Promise<string> {
  const { shown } = await starShown(t, userId, text, { workspace: ws(teamId) });
  return shown.map(ephemeralText).join('\n');
}

/** `/star incidents` in the workspace, answered with WE_ANSWER; the drill's thread when all is done. */
async function answerIn(teamId: string) {
  await star(teamId, SAME_USER, 'incidents');
  const channel = t.standin.dmChannelFor(SAME_USER, ws(teamId));
  const drill = t.standin
    .messages(channel)
    .filter((m) => !m.thread_ts)
    .at(-1);
  const before = t.standin.callsTo('views.open').length;
  const click = await t.standin.clickButton(t.url, {
    userId: SAME_USER,
    channel,
    messageTs: drill?.ts as string,
    actionId: ACTION_ANSWER_DRILL,
    workspace: ws(teamId),
  });
  expect(click.status).toBe(200);
  await t.standin.waitForCall('views.open', () => true, { since: before });
  const modal = await t.standin.waitFor(() => t.standin.openModal(SAME_USER));
  const saved = await t.standin.submitView(t.url, {
    userId: SAME_USER,
    viewId: modal.id,
    values: viewValues(WE_ANSWER),
    workspace: ws(teamId),
  });
  expect(saved.status).toBe(200);
  await t.bot.idle();
  return t.standin.thread(channel, drill?.ts as string).filter((m) => m.thread_ts === drill?.ts);
}

describe('two workspaces', () => {
  it('each decides for itself: the installer turns it on in one; a member of the other is refused', async () => {
    t.standin.setUser({ id: 'UMEMBERBT1', tz: 'UTC' });
    expect(await star(BETA, 'UMEMBERBT1', 'model on')).toContain('Only a workspace admin or owner');
    expect(await star(ALPHA, INSTALLER[ALPHA], 'model on')).toContain(
      'Extra coaching is *on* for this workspace',
    );
    const rows = await t.bot.database.db.select().from(workspaceModel);
    expect(rows.map((r) => [r.teamId, r.enabled])).toEqual([[ALPHA, true]]);
    expect(await star(BETA, SAME_USER, 'model')).toContain('Extra coaching is *off* for this workspace');
  });

  it('the same user id answering in both: only the workspace that opted in sends the answer to the model', async () => {
    model.answer({ kind: 'json', body: GROUNDED });
    const inAlpha = await answerIn(ALPHA);
    const inBeta = await answerIn(BETA);
    expect(model.requests).toHaveLength(1);
    expect(inAlpha).toHaveLength(2);
    expect(shownText(inAlpha[1]?.blocks)).toContain(GROUNDED_FOLLOW_UPS[0]);
    expect(inBeta).toHaveLength(1);
    expect(shownText(inBeta[0]?.blocks)).toMatch(/Score: \d+\/100/);
    // Each reply went out with its own workspace's token.
    const threadPosts = t.standin.callsTo('chat.postMessage').filter((c) => c.args.thread_ts);
    expect(threadPosts.map((c) => c.team)).toEqual([ALPHA, ALPHA, BETA]);
  });

  it('the purge of an uninstalled workspace deletes its choice, and only its own', async () => {
    // Beta's admin turns it on too, then Alpha is uninstalled and its 30 days pass.
    t.standin.setUser({ id: 'UADMINBT01', tz: 'UTC', is_admin: true });
    expect(await star(BETA, 'UADMINBT01', 'model on')).toContain('Extra coaching is *on*');
    const db = t.bot.database.db;
    await db
      .update(installations)
      .set({ revokedAt: sql`now() - interval '31 days'`, purgeAfter: sql`now() - interval '1 day'` })
      .where(eq(installations.id, ALPHA));
    expect(await purgeUninstalledWorkspaces(db, createLogger('error'))).toBe(1);
    const rows = await db.select().from(workspaceModel);
    expect(rows.map((r) => r.teamId)).toEqual([BETA]);
  });
});
