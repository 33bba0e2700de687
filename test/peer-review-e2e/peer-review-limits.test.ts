// Ask a colleague's refusals and endings, over HTTP against the local Slack: who may not be asked (each a field
// error in the ask modal, nothing stored, no DM), the daily limit, the copy withdrawn when the author edits the
// answer, the data of either side deleted, and a request left unanswered for 7 days (the test clock) expiring
// exactly once though two replicas tick at the same moment; the workspace purged.
//
// Bad inputs tried: no one picked, yourself, a bot, a deactivated account, a person of another workspace, a user
// Slack does not know, a 6th request to the same colleague within 24 hours, a 600-character note; a stale
// Review button after the copy was withdrawn; a review after expiry.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRevokedTeam } from '../../src/db/repositories/revoked-teams.ts';
import { pauseRevokedTeams } from '../../src/db/repositories/token-pauses.ts';
import { peerReviews } from '../../src/db/schema/index.ts';
import { ACTION_PEER_REVIEW, BLOCK_ASK_NOTE, BLOCK_ASK_REVIEWER } from '../../src/views/ids.ts';
import { peerRatingBlock } from '../../src/views/peer-review.ts';
import { openHome, person, star, TestClock } from '../progress-e2e/support.ts';
import { openModal, viewValues } from '../support/drill-driver.ts';
import { startProgressBot, useReplicas } from '../support/progress-bot.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';
import {
  answeredDrill,
  fieldError,
  GOOD_REVIEW,
  openAsk,
  openReview,
  openTheOnlyRequest,
  rawReview,
  requestDms,
  requestsOf,
  staleClick,
  submitAsk,
  submitReview,
  threadTexts,
} from './support.ts';

const clock = new TestClock(new Date('2027-03-02T10:00:00Z'));
let started: TestBot | undefined;
const t = new Proxy({} as TestBot, { get: (_, key) => Reflect.get(started as TestBot, key) });

beforeAll(async () => {
  started = await startProgressBot(clock);
});
afterAll(async () => {
  await started?.close();
});
const replicas = useReplicas(t, clock, 2);

async function deleteData(userId: string): Promise<void> {
  await star(t, userId, 'delete');
  const modal = t.standin.openModal(userId);
  const reply = await t.standin.submitView(t.url, { userId, viewId: modal?.id ?? '', values: {} });
  expect(reply.json).toMatchObject({ response_action: 'update' });
  await t.bot.idle();
}

describe('who may be asked', () => {
  it('refuses no one, yourself, a bot, a deactivated account, another workspace, a stranger and a 6th ask; each changes nothing', async () => {
    const { author, d } = await answeredDrill(t, 2);
    const bot = person(t, 'UTC', 'UBOT');
    t.standin.setUser({ id: bot, is_bot: true });
    const gone = person(t, 'UTC', 'UGONE');
    t.standin.setUser({ id: gone, deleted: true });
    const guest = person(t, 'UTC', 'UGUEST');
    t.standin.setUser({ id: guest, team_id: 'T0OTHERORG' });
    const cases: Array<[string | null, RegExp]> = [
      [null, /Choose the colleague to ask/],
      [author, /That is you/],
      [bot, /That is a bot/],
      [gone, /deactivated/],
      [guest, /another workspace/],
      ['U0NOBODY404', /Slack does not know this person/],
    ];
    const modal = await openAsk(t, author, d);
    const posts = t.standin.count('chat.postMessage');
    for (const [reviewer, message] of cases) {
      const reply = await submitAsk(t, author, modal, { reviewer, clientChecks: false });
      expect({ reviewer, error: fieldError(reply, BLOCK_ASK_REVIEWER) }).toEqual({
        reviewer,
        error: expect.stringMatching(message),
      });
    }
    const long = await submitAsk(t, author, modal, {
      reviewer: gone,
      note: 'n'.repeat(600),
      clientChecks: false,
    });
    expect(fieldError(long, BLOCK_ASK_NOTE)).toBe('Keep the note to 500 characters (this one has 600).');
    expect(await requestsOf(t, author)).toEqual([]);
    expect(t.standin.count('chat.postMessage')).toBe(posts);

    // Five asks of one colleague in a day go; the 6th is refused, and another colleague may still be asked.
    const colleague = person(t, 'UTC', 'UREV');
    for (let i = 0; i < 5; i++) {
      const sent = await submitAsk(t, author, await openAsk(t, author, d), { reviewer: colleague });
      expect(sent.body).toBe('');
    }
    const sixth = await submitAsk(t, author, await openAsk(t, author, d), { reviewer: colleague });
    expect(fieldError(sixth, BLOCK_ASK_REVIEWER)).toMatch(
      /asked this colleague 5 times in the last 24 hours/,
    );
    expect(await requestsOf(t, author)).toHaveLength(5);
    expect(requestDms(t, colleague)).toHaveLength(5);
    const other = person(t, 'UTC', 'UREV');
    expect((await submitAsk(t, author, await openAsk(t, author, d), { reviewer: other })).body).toBe('');
    // A day later the limit has room again.
    clock.advance(24 * 60 * 60_000 + 60_000);
    expect((await submitAsk(t, author, await openAsk(t, author, d), { reviewer: colleague })).body).toBe('');
    expect(await requestsOf(t, author)).toHaveLength(7);
  }, 120_000);
});

describe('a copy taken back', () => {
  it('an edit withdraws the copy: the DM says so, a stale Review opens a notice, a review already open is of an earlier version', async () => {
    const { author, d } = await answeredDrill(t, 3);
    const reviewer = person(t, 'UTC', 'UREV');
    await submitAsk(t, author, await openAsk(t, author, d), { reviewer });
    const { request, dm, modal: openBefore } = await openTheOnlyRequest(t, author, reviewer);

    // The author edits the answer (the same text saved again withdraws nothing; a change does).
    const edit = await openModal(t, author, d.channel, d.ts, d.drill.id);
    await t.standin.submitView(t.url, { userId: author, viewId: edit.viewId, values: {} });
    await t.bot.idle();
    expect((await requestsOf(t, author))[0]?.status).toBe('pending');
    const changed = await openModal(t, author, d.channel, d.ts, d.drill.id);
    await t.standin.submitView(t.url, {
      userId: author,
      viewId: changed.viewId,
      values: viewValues({ result: 'Revenue recovered within the week; churn fell 12% that quarter.' }),
    });
    await t.bot.idle();
    const [withdrawn] = await requestsOf(t, author);
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      situation: null,
      task: null,
      action: null,
      result: null,
    });
    const dmNow = shownText(t.standin.message(dm.channel, dm.ts)?.blocks);
    expect(dmNow).toContain('edited their answer');
    expect(dmNow).not.toContain('*Situation*');

    // A stale Review button: a notice, nothing changes.
    await staleClick(t, reviewer, ACTION_PEER_REVIEW, String(request.id));
    expect(shownText(t.standin.openModal(reviewer)?.view.blocks)).toContain('this request was withdrawn');
    expect((await requestsOf(t, author))[0]?.status).toBe('withdrawn');

    // The modal opened before the edit, still open in the colleague's client, is sent: the author is told the
    // review is of an earlier version.
    const late = await rawReview(t, reviewer, openBefore.id, request.id, GOOD_REVIEW);
    expect(late.json).toMatchObject({ response_action: 'update' });
    expect((await requestsOf(t, author))[0]).toMatchObject({ status: 'reviewed', ofEarlierVersion: true });
    expect(threadTexts(t, d).join('\n')).toContain('This review is of an earlier version of your answer');
  }, 120_000);

  it('the author’s /star delete withdraws the DM; the reviewer’s removes their review from thread and Home', async () => {
    const { author, d } = await answeredDrill(t, 4);
    const reviewer = person(t, 'UTC', 'UREV');
    await submitAsk(t, author, await openAsk(t, author, d), { reviewer });
    const [dm] = requestDms(t, reviewer);
    await deleteData(author);
    expect(await requestsOf(t, author)).toEqual([]);
    expect(shownText(t.standin.message(dm?.channel ?? '', dm?.ts ?? '')?.blocks)).toContain(
      'deleted their Star Drill data, so their request and the answer shared with you were withdrawn',
    );

    const second = await answeredDrill(t, 4);
    await submitAsk(t, second.author, await openAsk(t, second.author, second.d), { reviewer });
    const [request] = await requestsOf(t, second.author);
    const dm2 = requestDms(t, reviewer).at(-1);
    if (!request || !dm2) throw new Error('no request');
    await submitReview(t, reviewer, await openReview(t, reviewer, dm2, request.id), GOOD_REVIEW);
    expect((await openHome(t, second.author)).text).toContain('*Peer reviews*');
    // A third request still open in the reviewer's DM when they delete: it stops showing that answer.
    const third = await answeredDrill(t, 4);
    await submitAsk(t, third.author, await openAsk(t, third.author, third.d), { reviewer });
    const open = requestDms(t, reviewer).at(-1);
    await deleteData(reviewer);
    const openNow = shownText(t.standin.message(open?.channel ?? '', open?.ts ?? '')?.blocks);
    expect(openNow).toContain('You deleted your Star Drill data');
    expect(openNow).not.toContain('*Situation*');
    expect(await requestsOf(t, third.author)).toEqual([]);
    expect(await requestsOf(t, second.author)).toEqual([]);
    const thread = threadTexts(t, second.d).join('\n');
    expect(thread).toContain(`<@${reviewer}> deleted their Star Drill data, so their review was removed.`);
    expect(thread).not.toContain('reviewed your answer');
    expect((await openHome(t, second.author)).text).not.toContain('*Peer reviews*');
  }, 120_000);
});

describe('a request left unanswered', () => {
  it('expires after 7 days, once though two replicas tick together; a review after is refused', async () => {
    clock.set('2027-04-01T09:00:00Z');
    const { author, d } = await answeredDrill(t, 0);
    const reviewer = person(t, 'UTC', 'UREV');
    await submitAsk(t, author, await openAsk(t, author, d), { reviewer });
    const { request, dm, modal } = await openTheOnlyRequest(t, author, reviewer);

    const tickAll = async (iso: string) => {
      const at = clock.set(iso);
      await Promise.all(replicas.map((r) => r.tick(at)));
      await Promise.all(replicas.map((r) => r.idle()));
      await t.bot.idle();
    };
    await tickAll('2027-04-08T08:59:00Z');
    expect((await requestsOf(t, author))[0]?.status).toBe('pending');
    await tickAll('2027-04-08T09:01:00Z');
    await tickAll('2027-04-08T09:02:00Z');
    const [expired] = await requestsOf(t, author);
    expect(expired).toMatchObject({ status: 'expired' });
    expect(expired?.expiryNoticedAt).not.toBeNull();
    expect(threadTexts(t, d).filter((x) => x.includes('expired after 7 days'))).toHaveLength(1);
    const dmNow = shownText(t.standin.message(dm.channel, dm.ts)?.blocks);
    expect(dmNow).toContain('expired after 7 days unanswered');
    expect(dmNow).not.toContain('*Situation*');
    const updates = t.standin.callsTo('chat.update').filter((c) => c.args.ts === dm.ts);
    expect(updates).toHaveLength(1);

    const late = await submitReview(t, reviewer, modal, GOOD_REVIEW);
    expect(fieldError(late, peerRatingBlock('clearSituation'))).toMatch(/expired after 7 days/);
    const rows = await t.bot.ctx.db.select().from(peerReviews);
    expect(rows.filter((r) => r.id === request.id && r.status === 'reviewed')).toEqual([]);
  }, 120_000);
});

describe('the workspace purged', () => {
  it('takes every request and review with its people', async () => {
    const before = await t.bot.ctx.db.select().from(peerReviews);
    expect(before.length).toBeGreaterThan(0);
    const team = t.standin.workspace.teamId;
    // The purge of a workspace the app lost (here: an org-wide app's team_access_revoked), 30 days on.
    expect(await pauseRevokedTeams(t.bot.ctx.db, [team])).toEqual([team]);
    const people = await purgeRevokedTeam(t.bot.ctx.db, team, 30, new Date(Date.now() + 31 * 86_400_000));
    expect(people).toBeGreaterThan(0);
    expect(await t.bot.ctx.db.select().from(peerReviews)).toEqual([]);
  });
});
