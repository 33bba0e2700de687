// Isolation: user B, whatever ids they send, cannot open, answer, edit or list user A's drills. B tries A's
// drill ids in every place an id travels (the button value of A's message and of B's own, a forged
// view_submission's private_metadata, the /star history arguments), in every spelling the id parser might
// accept; A's question, A's answer, the answers table and A's messages stay A's.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers } from '../../src/db/schema/index.ts';
import { ACTION_ANSWER_DRILL, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import {
  answerOf,
  blocksText,
  type Drill,
  newUser,
  openModal,
  rawSubmission,
  repliesTo,
  requestDrill,
  sendPayload,
  viewValues,
  watchUnhandledRejections,
} from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
const rejections = watchUnhandledRejections();
const alice = newUser('UALICE');
const bob = newUser('UBOB');
const aliceAnswer = answerOf('alice-private');

interface Posted {
  drill: Drill;
  channel: string;
  ts: string;
}
let aliceAnswered: Posted;
let aliceOpen: Posted;
let bobOwn: Posted;

beforeAll(async () => {
  t = await startTestBot();
  aliceAnswered = await requestDrill(t, alice, 'incidents');
  aliceOpen = await requestDrill(t, alice, 'leadership');
  bobOwn = await requestDrill(t, bob, 'learning');
  const { viewId } = await openModal(
    t,
    alice,
    aliceAnswered.channel,
    aliceAnswered.ts,
    aliceAnswered.drill.id,
  );
  const saved = await t.standin.submitView(t.url, { userId: alice, viewId, values: viewValues(aliceAnswer) });
  expect(saved.body).toBe('');
  await t.standin.waitFor(() => repliesTo(t, aliceAnswered.channel, aliceAnswered.ts).length === 1);
  // The drill message is marked answered last: after that, nothing of Alice's changes unless Bob changes it.
  await t.standin.waitFor(() =>
    /Edit answer/.test(blocksText(t.standin.message(aliceAnswered.channel, aliceAnswered.ts)?.blocks)),
  );
});
afterAll(async () => {
  rejections.stop();
  await t?.close();
});

/** Spellings of an id that a lax parser might take for it. */
const spellings = (id: number) => [
  String(id),
  `0${id}`,
  ` ${id}`,
  `${id} `,
  `${id}.0`,
  `+${id}`,
  `${id}e0`,
  `0x${id.toString(16)}`,
  `[${id}]`,
  `{"drillId":${id}}`,
  `${id},${bobOwn.drill.id}`,
];

/** Everything Bob saw: views shown to him, ephemerals to him, messages in his DM. */
function seenByBob(): string {
  const views = [...t.standin.views.values()].filter((v) => v.user === bob).map((v) => v.view);
  const ephemerals = t.standin.ephemerals(bob).map((c) => c.args);
  const dm = t.standin.messages(t.standin.dmChannelFor(bob));
  return blocksText([views, ephemerals, dm]);
}

/** Bob's own drill may share a question with Alice's (same bank): only Alice's answer text is unique. */
function expectNothingOfAlice(text: string) {
  for (const part of Object.values(aliceAnswer)) expect(text).not.toContain(part);
  for (const question of [aliceAnswered.drill.questionText, aliceOpen.drill.questionText]) {
    if (question !== bobOwn.drill.questionText) expect(text).not.toContain(question);
  }
}

async function aliceRows() {
  return t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, aliceAnswered.drill.id));
}

describe("another user's drills", () => {
  it("B's clicks with A's ids, from A's message or B's own, open only a notice", async () => {
    const messagesBefore = blocksText(t.standin.messages(aliceAnswered.channel));
    for (const target of [aliceAnswered, aliceOpen]) {
      // The real button on A's message (Slack would not show it to B, but a forged click can name it).
      const { view } = await openModal(t, bob, target.channel, target.ts, target.drill.id);
      const shown = await t.standin.waitFor(() => (view()?.callback_id !== undefined ? view() : undefined));
      expect(shown.callback_id).not.toBe(VIEW_STAR_ANSWER);
      expect(blocksText(shown.blocks)).toMatch(/not available to you/);

      // B's own button, its value swapped for A's id in every spelling.
      for (const value of spellings(target.drill.id)) {
        const opensBefore = t.standin.callsTo('views.open').length;
        const reply = await sendPayload(t, clickPayload(bob, value));
        expect(reply.status, value).toBeLessThan(500);
        if (reply.status !== 200) continue;
        const open = await t.standin.waitForCall('views.open', () => true, { since: opensBefore });
        const viewId = (open.response.view as { id?: string } | undefined)?.id;
        const final = await t.standin.waitFor(() => {
          const v = viewId ? t.standin.views.get(viewId)?.view : undefined;
          return v && !/Loading/.test(blocksText(v.blocks)) ? v : undefined;
        });
        expect(final.callback_id, value).not.toBe(VIEW_STAR_ANSWER);
      }
    }
    expectNothingOfAlice(seenByBob());
    // A's messages were not touched.
    expect(blocksText(t.standin.messages(aliceAnswered.channel))).toBe(messagesBefore);
  });

  it("B's forged submissions naming A's drills store nothing and change nothing", async () => {
    const rowsBefore = await aliceRows();
    // B opens his own modal, then submits it with private_metadata pointing at A's drills.
    const own = await openModal(t, bob, bobOwn.channel, bobOwn.ts, bobOwn.drill.id);
    const forged = answerOf('bob-forged');
    for (const target of [aliceAnswered, aliceOpen]) {
      for (const metadata of spellings(target.drill.id)) {
        const reply = await rawSubmission(t, own.viewId, bob, forged, { private_metadata: metadata });
        expect(reply.status, metadata).toBeLessThan(500);
        if (reply.status === 200) {
          const body = reply.json as { response_action?: string; errors?: Record<string, string> };
          expect(body.response_action, metadata).toBe('errors');
          expect(Object.values(body.errors ?? {}).join(' ')).toMatch(/Nothing was saved/);
        }
      }
    }
    // The same through A's own modal (B replays a view id he learned): still refused.
    const aliceModal = await openModal(t, alice, aliceOpen.channel, aliceOpen.ts, aliceOpen.drill.id);
    const replay = await rawSubmission(t, aliceModal.viewId, bob, forged);
    expect(replay.json).toMatchObject({ response_action: 'errors' });

    expect(await aliceRows()).toEqual(rowsBefore);
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, aliceOpen.drill.id))).toEqual(
      [],
    );
    // Nor was B's refused text stored against B's own drill.
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, bobOwn.drill.id))).toEqual([]);
    const allText = blocksText(await t.bot.ctx.db.select().from(answers));
    expect(allText).not.toContain('bob-forged');
    // A's thread holds A's one sample reply; nothing was posted to A's unanswered drill.
    expect(repliesTo(t, aliceAnswered.channel, aliceAnswered.ts)).toHaveLength(1);
    expect(repliesTo(t, aliceOpen.channel, aliceOpen.ts)).toHaveLength(0);
    expectNothingOfAlice(seenByBob());
  });

  it("B's /star history lists B's drills only, whatever he adds to the command", async () => {
    for (const args of [
      '',
      alice,
      `<@${alice}>`,
      String(aliceAnswered.drill.id),
      `${alice} ${aliceAnswered.drill.id}`,
      "' or 1=1 --",
    ]) {
      const before = t.standin.ephemerals(bob).length;
      const reply = await t.standin.slashCommand(t.url, { userId: bob, text: `history ${args}`.trim() });
      expect(reply.status).toBe(200);
      const listed = await t.standin.waitFor(() => t.standin.ephemerals(bob).slice(before)[0]);
      const shown = blocksText(listed.args);
      expect(shown, args).toContain(bobOwn.drill.questionText.slice(0, 40));
      expect(shown).not.toContain(':white_check_mark: answered'); // Bob answered nothing
      expect((shown.match(/not answered yet/g) ?? []).length, args).toBe(1);
      expectNothingOfAlice(shown);
    }
    expect(rejections.reasons).toEqual([]);
  });
});

function clickPayload(userId: string, value: string) {
  return {
    type: 'block_actions',
    user: { id: userId, username: 'bob', name: 'bob', team_id: t.standin.workspace.teamId },
    api_app_id: t.standin.workspace.appId,
    token: t.standin.workspace.verificationToken,
    container: { type: 'message', message_ts: bobOwn.ts, channel_id: bobOwn.channel, is_ephemeral: false },
    trigger_id: t.standin.newTriggerId(userId),
    team: { id: t.standin.workspace.teamId, domain: 'standin' },
    channel: { id: bobOwn.channel, name: 'directmessage' },
    actions: [
      {
        action_id: ACTION_ANSWER_DRILL,
        block_id: 'drill_actions',
        text: { type: 'plain_text', text: 'Answer with STAR' },
        type: 'button',
        value,
        action_ts: '1700000000.000100',
      },
    ],
  };
}
