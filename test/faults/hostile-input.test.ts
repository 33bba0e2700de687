// Hostile and broken input, on both databases.
//
// 1. Signatures: forged (wrong secret), tampered (body changed after signing), stale (timestamp now-301 s)
//    and unsigned requests of every kind the bot acts on (a drill command, a click, a STAR submission, a
//    user_change event) are refused with 401 and change nothing: no Web API call, no response_url post, no
//    row. The same requests correctly signed do act, so "nothing happened" is not an accident.
//
// 2. 2,000 generated, correctly signed requests (fast-check, fixed seed, 100 runs of 20 sent concurrently):
//    slash commands, block_actions on the answer button, STAR modal submissions, Events API envelopes and
//    raw bodies, each valid or broken in many ways; the generators, and what each one tries, are in
//    test/support/hostile/. Every request must get a non-5xx answer within Slack's 3 s; no promise rejection
//    may go unhandled; the bot is healthy afterwards; and rows change only for valid requests, checked
//    against an oracle written from the spec: answers only from a drill's owner with four valid parts,
//    drills/users/subscriptions only for senders of a well-formed /star command, processed_events and time
//    zones only from well-formed user_change events; no STAR modal of a drill is ever shown to anyone but its
//    owner.

import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignOptions, type SlackReply, signRequest } from '../../local-slack/index.ts';
import { answers, drills, processedEvents, subscriptions, users } from '../../src/db/schema/index.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { ACTION_ANSWER_DRILL, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import {
  answerOf,
  blocksText,
  FORM,
  healthz,
  newUser,
  openModal,
  repliesTo,
  requestDrill,
  rowCounts,
  SLACK_DEADLINE_MS,
  viewValues,
  watchUnhandledRejections,
} from '../support/drill-driver.ts';
import {
  type HostileCase,
  hostileRequest,
  requestBody,
  starSubmissionPayload,
  starValues,
} from '../support/hostile/index.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
const rejections = watchUnhandledRejections();

/** The drills' owners and their drills, made before any hostile request. */
const owner = newUser('UOWNERA');
const other = newUser('UOWNERB');
let fixtures: {
  a1: { id: number; answer: StarAnswer; channel: string; ts: string };
  a2: { id: number; channel: string; ts: string };
  b1: { id: number; channel: string; ts: string };
};

beforeAll(async () => {
  t = await startTestBot();
  const a1 = await requestDrill(t, owner, 'incidents');
  const a2 = await requestDrill(t, owner, 'leadership');
  const b1 = await requestDrill(t, other, 'incidents');
  const modal = await openModal(t, owner, a1.channel, a1.ts, a1.drill.id);
  const answer = answerOf('owner-original');
  const saved = await t.standin.submitView(t.url, {
    userId: owner,
    viewId: modal.viewId,
    values: viewValues(answer),
  });
  expect(saved.body).toBe('');
  await t.standin.waitFor(() => repliesTo(t, a1.channel, a1.ts).length === 1);
  // The work after the save (the Home tab published again) is done before anything is compared.
  await t.bot.idle();
  fixtures = {
    a1: { id: a1.drill.id, answer, channel: a1.channel, ts: a1.ts },
    a2: { id: a2.drill.id, channel: a2.channel, ts: a2.ts },
    b1: { id: b1.drill.id, channel: b1.channel, ts: b1.ts },
  };
});

afterAll(async () => {
  rejections.stop();
  await t?.close();
});

/** Sends and bounds the wait: a request Bolt never answers must fail the test, not hang it. */
async function send(
  body: string,
  contentType: string,
  sign?: SignOptions,
  headers: Record<string, string> = {},
) {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<SlackReply>((resolve) => {
    timer = setTimeout(() => resolve({ status: 0, body: 'no answer within 5 s', ms: 5_000 }), 5_000);
  });
  try {
    return await Promise.race([t.standin.sendRaw(t.url, body, contentType, sign, headers), hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Everything a request could have changed, to compare before and after. */
async function snapshot() {
  return {
    counts: await rowCounts(t.bot.ctx.db),
    calls: t.standin.calls.length,
    responses: t.standin.responses.length,
    users: await t.bot.ctx.db.select().from(users),
    answers: await t.bot.ctx.db.select().from(answers),
  };
}

// ---------------------------------------------------------------------------------------------- signatures

describe('request signatures', () => {
  it('forged, tampered, stale and unsigned requests get 401 and change nothing; signed ones act', async () => {
    const stranger = newUser('USTRANGER');
    const now = () => Math.floor(Date.now() / 1000);
    const modal = await openModal(t, owner, fixtures.a2.channel, fixtures.a2.ts, fixtures.a2.id);
    const submission = (sign?: SignOptions) =>
      t.standin.sendRaw(
        t.url,
        `payload=${encodeURIComponent(
          JSON.stringify(
            starSubmissionPayload(t.standin.workspace, {
              userId: owner,
              viewId: modal.viewId,
              privateMetadata: String(fixtures.a2.id),
              values: starValues(answerOf('signed')),
            }),
          ),
        )}`,
        FORM,
        sign,
      );
    const requests: Record<string, (sign?: SignOptions) => Promise<SlackReply>> = {
      '/star random': (sign) =>
        t.standin.slashCommand(t.url, { userId: stranger, text: 'random', channelId: 'C0GENERAL' }, sign),
      click: (sign) =>
        t.standin.clickButton(
          t.url,
          {
            userId: owner,
            channel: fixtures.a2.channel,
            messageTs: fixtures.a2.ts,
            actionId: ACTION_ANSWER_DRILL,
          },
          sign,
        ),
      submission,
      user_change: (sign) =>
        t.standin.sendEvent(
          t.url,
          { type: 'user_change', user: { id: owner, tz: 'Asia/Kolkata' } },
          {},
          sign,
        ),
    };
    const before = await snapshot();
    const opensBefore = t.standin.callsTo('views.open').length;
    const signings: Record<string, SignOptions> = {
      forged: { secret: 'not-the-signing-secret' },
      stale: { timestamp: now() - 301 },
      unsigned: { omit: true },
    };
    for (const [what, request] of Object.entries(requests)) {
      for (const [how, sign] of Object.entries(signings)) {
        const reply = await request(sign);
        expect(reply.status, `${how} ${what}`).toBe(401);
        expect(reply.ms).toBeLessThan(SLACK_DEADLINE_MS);
      }
    }
    // Tampered: a genuine signature over one body, sent with another (text changed from help to random).
    const ts = now();
    const signed = `command=%2Fstar&text=help&user_id=${stranger}&channel_id=C0GENERAL`;
    const signature = signRequest(t.standin.signingSecret, ts, signed);
    const tampered = await t.standin.sendRaw(
      t.url,
      signed.replace('help', 'random'),
      FORM,
      { omit: true },
      {
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
    );
    expect(tampered.status).toBe(401);
    // One of the two headers missing.
    const halves: Array<Record<string, string>> = [
      { 'x-slack-signature': signature },
      { 'x-slack-request-timestamp': String(ts) },
    ];
    for (const headers of halves) {
      const half = await t.standin.sendRaw(t.url, signed, FORM, { omit: true }, headers);
      expect(half.status).toBe(401);
    }
    // A wrongly accepted request's follow-up work would be done by now.
    await t.bot.idle();
    expect(await snapshot()).toEqual(before);

    // The control: the same requests, correctly signed, do what they are for.
    expect((await requests['/star random']?.())?.status).toBe(200);
    await t.standin.waitForCall('chat.postMessage', (c) => c.args.channel === stranger);
    expect((await requests.click?.())?.status).toBe(200);
    await t.standin.waitForCall('views.open', () => true, { since: opensBefore });
    const saved = await submission();
    expect(saved).toMatchObject({ status: 200, body: '' });
    expect((await requests.user_change?.())?.status).toBe(200);
    const after = await snapshot();
    expect(after.counts.drills).toBe(before.counts.drills + 1);
    expect(after.counts.answers).toBe(before.counts.answers + 1);
    await expect
      .poll(async () => (await t.bot.ctx.db.select().from(users).where(eq(users.id, owner)))[0]?.tz)
      .toBe('Asia/Kolkata');
    // Put the fixtures back as the fuzzing below expects them.
    await t.bot.ctx.db.delete(answers).where(eq(answers.drillId, fixtures.a2.id));
    await t.bot.ctx.db.update(users).set({ tz: 'UTC' }).where(eq(users.id, owner));
  });
});

const RUNS = 100;
const BATCH = 20;
const SEED = 20_251_128;

describe('2,000 generated signed requests', () => {
  it('never get a 5xx or a late answer, leave no unhandled rejection, and change rows only for valid requests', async () => {
    const before = {
      users: await t.bot.ctx.db.select().from(users),
      drills: await t.bot.ctx.db.select().from(drills),
      answers: await t.bot.ctx.db.select().from(answers),
      events: await t.bot.ctx.db.select().from(processedEvents),
    };
    // Built after the fixtures: the generated requests name their drills and owners.
    const world = {
      workspace: t.standin.workspace,
      users: [owner, other],
      drills: [
        { id: fixtures.a1.id, owner },
        { id: fixtures.a2.id, owner },
        { id: fixtures.b1.id, owner: other },
      ],
    };
    const sent: HostileCase[] = [];
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    const started = performance.now();

    await fc
      .assert(
        fc.asyncProperty(
          fc.array(hostileRequest(world), { minLength: BATCH, maxLength: BATCH }),
          async (batch) => {
            const replies = await Promise.all(
              batch.map((c) => {
                sent.push(c);
                return send(requestBody(c, t.standin), c.contentType);
              }),
            );
            replies.forEach((reply, i) => {
              const c = batch[i] as HostileCase;
              statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
              if (reply.status === 0 || reply.status >= 500 || reply.ms >= SLACK_DEADLINE_MS) {
                failures.push(`${reply.status} in ${Math.round(reply.ms)} ms: ${c.label}`);
              }
            });
            return failures.length === 0;
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
      .catch((err: Error) => {
        throw new Error(`${err.message.split('\n')[0]}\n${failures.slice(0, 20).join('\n')}`);
      });
    expect(sent.length).toBe(RUNS * BATCH);
    const elapsed = performance.now() - started;

    // The work after the acks (drills posted, answers saved) settles before rows are compared.
    await settle();

    expect(failures).toEqual([]);
    expect(rejections.reasons).toEqual([]);
    // A signed, well-formed app_uninstalled is Slack saying the token is dead: delivery pauses, and says so.
    const uninstalled = sent.some((c) => c.pausesDelivery);
    expect(await healthz(t)).toMatchObject(
      uninstalled
        ? { status: 503, json: { database: 'ok', slack: { paused: true, reason: 'app_uninstalled' } } }
        : { status: 200, json: { ok: true } },
    );

    // ---- rows, against the oracle
    const allowed = sent.flatMap((c) => (c.allowed ? [c.allowed] : []));
    const commandSenders = new Set(allowed.flatMap((a) => (a.kind === 'command' ? [a.userId] : [])));
    const eventIds = new Set(allowed.flatMap((a) => (a.kind === 'event' ? [a.eventId] : [])));

    const usersAfter = await t.bot.ctx.db.select().from(users);
    const knownBefore = new Map(before.users.map((u) => [u.id, u]));
    for (const u of usersAfter) {
      if (!knownBefore.has(u.id)) expect(commandSenders, `user row ${u.id}`).toContain(u.id);
      const zones = new Set([
        knownBefore.get(u.id)?.tz ?? 'UTC',
        ...allowed.flatMap((a) => (a.kind === 'event' && a.userId === u.id && a.tz ? [a.tz] : [])),
      ]);
      // A well-formed /star subscribe may also set the zone from users.info (the stand-in's default).
      if (commandSenders.has(u.id)) zones.add('America/Los_Angeles');
      expect(zones, `time zone of ${u.id}`).toContain(u.tz);
    }

    const drillsBefore = new Set(before.drills.map((d) => d.id));
    for (const d of await t.bot.ctx.db.select().from(drills)) {
      if (!drillsBefore.has(d.id)) expect(commandSenders, `drill ${d.id} of ${d.userId}`).toContain(d.userId);
    }
    for (const s of await t.bot.ctx.db.select().from(subscriptions)) {
      expect(commandSenders, `subscription of ${s.userId}`).toContain(s.userId);
    }
    for (const e of await t.bot.ctx.db.select().from(processedEvents)) {
      if (!before.events.some((b) => b.eventId === e.eventId)) expect(eventIds).toContain(e.eventId);
    }

    const answersAfter = await t.bot.ctx.db.select().from(answers);
    for (const drillId of [fixtures.a1.id, fixtures.a2.id, fixtures.b1.id]) {
      const saves = allowed.flatMap((a) => (a.kind === 'save' && a.drillId === drillId ? [a.answer] : []));
      const row = answersAfter.find((a) => a.drillId === drillId);
      const prior = before.answers.find((a) => a.drillId === drillId);
      const stored = row && {
        situation: row.situation,
        task: row.task,
        action: row.action,
        result: row.result,
      };
      if (saves.length === 0) {
        expect(stored, `answer to drill ${drillId}`).toEqual(
          prior && {
            situation: prior.situation,
            task: prior.task,
            action: prior.action,
            result: prior.result,
          },
        );
      } else {
        expect(saves, `answer to drill ${drillId}`).toContainEqual(stored);
      }
    }
    for (const a of answersAfter) {
      expect([fixtures.a1.id, fixtures.a2.id, fixtures.b1.id], `answer to drill ${a.drillId}`).toContain(
        a.drillId,
      );
    }

    // No STAR modal of a drill was shown to anyone but its owner; the sample answer went once per drill.
    const owners = new Map(world.drills.map((d) => [String(d.id), d.owner]));
    for (const view of t.standin.views.values()) {
      if (view.view.callback_id !== VIEW_STAR_ANSWER) continue;
      const drillOwner = owners.get(String(view.view.private_metadata));
      if (drillOwner)
        expect(view.user, `modal of drill ${String(view.view.private_metadata)}`).toBe(drillOwner);
      if (view.user !== owner) expect(blocksText(view.view.blocks)).not.toContain('owner-original');
    }
    for (const f of [fixtures.a1, fixtures.a2, fixtures.b1]) {
      expect(repliesTo(t, f.channel, f.ts).length).toBeLessThanOrEqual(1);
    }
    const counts = sent.reduce<Record<string, number>>((acc, c) => {
      const kind = c.label.split(' ')[0] as string;
      acc[kind] = (acc[kind] ?? 0) + 1;
      return acc;
    }, {});
    console.info(
      `${sent.length} generated requests in ${Math.round(elapsed)} ms (${JSON.stringify(counts)}); ` +
        `statuses ${JSON.stringify(statuses)}; ` +
        `${allowed.filter((a) => a.kind === 'save').length} valid saves, ${commandSenders.size} command senders`,
    );
  });
});

/** Waits until the bot has handled every request it received, including the work after each ack. */
function settle() {
  return t.bot.idle();
}
