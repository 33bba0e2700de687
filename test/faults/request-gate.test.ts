// The request gate in front of Bolt (src/slack/request-gate.ts), driven over HTTP as Slack would.
//
// Bad inputs tried: timestamps 301 s, 1 day and 10 years in the future and 301 s in the past; a timestamp that
// is not a number, negative, or 13 digits; the same signed request sent twice (a replay), and ten copies at
// once; a signed body of 600 KB, and one just over 512 KB; an unsigned ssl_check. The controls: skew within
// 5 minutes either way is accepted, and the largest real submission (four 3,000-character parts of 3-byte
// characters in an edited answer, with the modal's initial values: about 270 KB encoded) still passes. A
// saturated bot (requests arriving 3 s late) gets a drill request, help, and a forged request.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest, slashCommandBody } from '../../local-slack/index.ts';
import { answers, drills } from '../../src/db/schema/index.ts';
import { ReplayCache } from '../../src/slack/replay-cache.ts';
import { BODY_LIMIT_BYTES, judge, lateness } from '../../src/slack/request-gate.ts';
import { FORM, newUser, openModal, requestDrill, viewValues } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
// Slack's timestamps are whole seconds while the gate compares milliseconds, so a skew is rounded to stay on its
// side of the 5-minute line whatever fraction of a second "now" is at: a refused timestamp at least |skew| s
// away, an accepted one at most |skew| s away (the request still takes a few ms to arrive).
const atLeast = (skew: number) => (skew >= 0 ? Math.ceil : Math.floor)(Date.now() / 1000) + skew;
const atMost = (skew: number) => (skew >= 0 ? Math.floor : Math.ceil)(Date.now() / 1000) + skew;

/** A `/star random` typed in the user's DM (so the drill itself is the whole answer), as Slack signs it. */
function randomCommand(userId: string): string {
  return slashCommandBody(t.standin.workspace, {
    command: '/star',
    text: 'random',
    userId,
    userName: userId.toLowerCase(),
    channelId: t.standin.dmChannelFor(userId),
    channelName: 'directmessage',
    responseUrl: `${t.standin.apiUrl}../unused-response-url`,
    triggerId: t.standin.newTriggerId(userId),
  });
}

const drillsOf = (userId: string) => t.bot.ctx.db.select().from(drills).where(eq(drills.userId, userId));

describe('timestamps', () => {
  it.each([
    ['301 s ahead', 301],
    ['a day ahead', 86_400],
    ['ten years ahead', 10 * 365 * 86_400],
    ['301 s behind', -301],
  ])('%s: 401, and nothing is done', async (_label, skew) => {
    const userId = newUser();
    const reply = await t.standin.sendRaw(t.url, randomCommand(userId), FORM, {
      timestamp: atLeast(skew),
    });
    expect(reply.status).toBe(401);
    await t.bot.idle();
    expect(await drillsOf(userId)).toHaveLength(0);
    expect(t.standin.callsTo('chat.postMessage').filter((c) => c.args.channel === userId)).toHaveLength(0);
  });

  it.each([
    ['not a number', 'soon'],
    ['negative', '-5'],
    ['13 digits', '1'.repeat(13)],
  ])('a timestamp that is %s: 401', async (_label, timestamp) => {
    const body = randomCommand(newUser());
    const reply = await t.standin.sendRaw(
      t.url,
      body,
      FORM,
      { omit: true },
      {
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signRequest(t.standin.signingSecret, Number(timestamp) || 0, body),
      },
    );
    expect(reply.status).toBe(401);
  });

  it.each([
    ['299 s ahead', 299],
    ['299 s behind', -299],
  ])('%s is within Slack’s 5 minutes: accepted, and the drill comes', async (_label, skew) => {
    const userId = newUser();
    const reply = await t.standin.sendRaw(t.url, randomCommand(userId), FORM, {
      timestamp: atMost(skew),
    });
    expect(reply.status).toBe(200);
    await t.bot.idle();
    expect(await drillsOf(userId)).toHaveLength(1);
  });
});

describe('replays', () => {
  it('the same signed request sent again is refused: one drill, not two', async () => {
    const userId = newUser();
    const body = randomCommand(userId);
    const timestamp = nowSeconds();
    expect((await t.standin.sendRaw(t.url, body, FORM, { timestamp })).status).toBe(200);
    expect((await t.standin.sendRaw(t.url, body, FORM, { timestamp })).status).toBe(401);
    await t.bot.idle();
    expect(await drillsOf(userId)).toHaveLength(1);
    expect(t.logs.find(/replay/)).not.toHaveLength(0);
  });

  it('ten copies at once: exactly one acts', async () => {
    const userId = newUser();
    const body = randomCommand(userId);
    const timestamp = nowSeconds();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => t.standin.sendRaw(t.url, body, FORM, { timestamp })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(401)]);
    await t.bot.idle();
    expect(await drillsOf(userId)).toHaveLength(1);
  });
});

describe('body size', () => {
  it.each([
    ['600 KB', 600 * 1024],
    ['one byte over the limit', BODY_LIMIT_BYTES + 1],
  ])('a signed body of %s gets 413, and the bot keeps serving', async (_label, size) => {
    const body = `text=${'x'.repeat(size)}`;
    expect((await t.standin.sendRaw(t.url, body, FORM)).status).toBe(413);
    const userId = newUser();
    await requestDrill(t, userId, 'random');
  });

  it('the largest real submission passes: an edited answer of four 3,000-character parts of 3-byte characters', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'random');
    const huge = {
      situation: '€'.repeat(3000),
      task: '✅'.repeat(3000),
      action: '→'.repeat(3000),
      result: '★'.repeat(3000),
    };
    const first = await openModal(t, userId, channel, ts, drill.id);
    expect(
      (await t.standin.submitView(t.url, { userId, viewId: first.viewId, values: viewValues(huge) })).status,
    ).toBe(200);
    // Editing: the modal now carries the four parts as initial values, and the submission carries them twice.
    const second = await openModal(t, userId, channel, ts, drill.id);
    const edited = { ...huge, result: '☆'.repeat(3000) };
    const reply = await t.standin.submitView(t.url, {
      userId,
      viewId: second.viewId,
      values: viewValues(edited),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, drill.id));
    expect(row?.result).toBe(edited.result);
  });
});

describe('a saturated bot', () => {
  // Its own bot: requests arriving late make it refuse work, which would change the other tests' answers.
  let late: TestBot;
  beforeAll(async () => {
    late = await startTestBot();
  });
  afterAll(async () => {
    await late?.close();
  });

  it('answers a command "busy" before Bolt, stores nothing; still serves help; a forged request is still 401', async () => {
    // On time first: the least lateness seen is how far this host's clock is from Slack's (none here).
    for (let i = 0; i < 5; i++) {
      expect((await late.standin.slashCommand(late.url, { userId: newUser(), text: 'help' })).status).toBe(
        200,
      );
    }
    // Then 3 s late, as from a bot whose socket backlog holds seconds of requests: once the median of the
    // last second is late, work is refused.
    const lateBy3s = { timestamp: nowSeconds() - 3 };
    const refused: string[] = [];
    // In bursts, so each burst lands within the one-second window the lateness is judged over, however slow
    // this machine is.
    for (let round = 0; round < 5 && refused.length === 0; round++) {
      const users = Array.from({ length: 8 }, () => newUser());
      const replies = await Promise.all(
        users.map((userId) => late.standin.slashCommand(late.url, { userId, text: 'random' }, lateBy3s)),
      );
      replies.forEach((reply, i) => {
        expect(reply.status).toBe(200);
        if (/busy right now and did not do this/.test(JSON.stringify(reply.json)))
          refused.push(users[i] as string);
      });
    }
    expect(refused.length).toBeGreaterThan(0);
    const [busy] = refused as [string];
    // The ack said it all: ephemeral, and nothing stored or posted for that user once the bot is idle.
    await late.bot.idle();
    expect(await late.bot.ctx.db.select().from(drills).where(eq(drills.userId, busy))).toEqual([]);
    expect(late.standin.callsTo('chat.postMessage').filter((c) => c.args.channel === busy)).toEqual([]);

    // Still saturated (a fresh late burst, since the lateness is judged over the last second): help is
    // answered from memory as ever, a topic drill is refused, a forgery is refused.
    const helps = await Promise.all(
      Array.from({ length: 8 }, () =>
        late.standin.slashCommand(late.url, { userId: busy, text: 'help' }, lateBy3s),
      ),
    );
    for (const help of helps) expect(JSON.stringify(help.json)).toMatch(/subscribe/);
    const again = await late.standin.slashCommand(late.url, { userId: busy, text: 'incidents' }, lateBy3s);
    expect(again.json).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(again.json)).toMatch(/busy right now/);
    const forged = await late.standin.slashCommand(
      late.url,
      { userId: busy, text: 'random' },
      { ...lateBy3s, secret: 'not-the-signing-secret' },
    );
    expect(forged.status).toBe(401);
    await late.bot.idle();
    expect(await late.bot.ctx.db.select().from(drills).where(eq(drills.userId, busy))).toEqual([]);
  });
});

it('Slack’s unsigned ssl_check is answered 200', async () => {
  expect((await t.standin.sendRaw(t.url, 'ssl_check=1&token=x', FORM, { omit: true })).status).toBe(200);
});

describe('judge, the gate’s rule', () => {
  const secret = 'gate-secret';
  const request = (body: string, timestamp: number, signature = signRequest(secret, timestamp, body)) =>
    Object.assign(Object.create(null), {
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      rawBody: Buffer.from(body),
    });
  const at = 1_800_000_000;

  it('accepts a fresh, correctly signed request once', () => {
    const replays = new ReplayCache(300_000);
    expect(judge(request('{"type":"x"}', at), secret, at * 1000, replays)).toMatchObject({ ok: true });
    expect(judge(request('{"type":"x"}', at), secret, at * 1000 + 1000, replays)).toMatchObject({
      ok: false,
      status: 401,
      reason: expect.stringMatching(/replay/),
    });
  });

  it('forgets a signature once the window has passed (Slack would refuse it as stale by then)', () => {
    const replays = new ReplayCache(300_000);
    replays.firstTime('v0=abc', 0);
    expect(replays.firstTime('v0=abc', 300_001)).toBe(true);
    expect(replays.size).toBe(1);
  });

  it('does not remember forged signatures', () => {
    const replays = new ReplayCache(300_000);
    const forged = request('{}', at, signRequest('wrong', at, '{}'));
    expect(judge(forged, secret, at * 1000, replays)).toMatchObject({
      ok: false,
      reason: 'signature mismatch',
    });
    expect(replays.size).toBe(0);
  });

  it('answers a correctly signed null body 400', () => {
    expect(judge(request('null', at), secret, at * 1000, new ReplayCache(300_000))).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});

describe('lateness, how late a request surely is', () => {
  it.each([
    // Slack's timestamp is whole seconds: a request may have left up to a second after it.
    [1_800_000_000_000, 1_800_000_000_400, 0],
    [1_800_000_000_000, 1_800_000_001_000, 0],
    [1_800_000_000_000, 1_800_000_002_500, 1_500],
    // A clock a little behind Slack's is not "late".
    [1_800_000_000_000, 1_799_999_999_000, 0],
  ])('sent at %i, received at %i: %i ms', (sentAt, now, late) => {
    expect(lateness(sentAt, now)).toBe(late);
  });
});
