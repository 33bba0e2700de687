// A refused request is answered once (issue 22, item 2): each refusal ends the request's life, in the gate
// or in Bolt, with one warn line, and nothing after it. Before the fix a signed view_submission whose
// callback_id is not the bot's got its 400 at once, and 3 s later Bolt's "not acknowledged" timer logged an
// error (and, under load, tried to write a second response).
//
// Refusals tried, one request each, over HTTP: a signed view_submission with an unknown callback_id; a signed
// event of an unknown type; a signed form whose `payload` is not JSON; a signed `null` body; a wrong
// signature; a replay of an accepted request; a signed body over the size limit; a request signed more than
// 5 minutes ago. Then the test waits past Bolt's 3-second ack timer for real (that wait is what is tested:
// nothing may happen during it) and reads the log.

import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactivityBody, slashCommandBody } from '../../local-slack/index.ts';
import { BODY_LIMIT_BYTES } from '../../src/slack/request-gate.ts';
import { FORM, newUser } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

/** Bolt's ack timer fires 3,001 ms after a request enters it; a little more, on a loaded machine. */
const PAST_BOLT_TIMER_MS = 3_500;
const JSON_TYPE = 'application/json';
const nowSeconds = () => Math.floor(Date.now() / 1000);

function unknownViewSubmission(userId: string): string {
  return interactivityBody({
    type: 'view_submission',
    team: { id: t.standin.workspace.teamId, domain: t.standin.workspace.teamDomain },
    user: { id: userId, team_id: t.standin.workspace.teamId },
    api_app_id: t.standin.workspace.appId,
    trigger_id: t.standin.newTriggerId(userId),
    view: {
      id: 'V0UNKNOWN1',
      callback_id: 'not_one_of_ours',
      private_metadata: '',
      state: { values: {} },
    },
    response_urls: [],
  });
}

function helpCommand(userId: string): string {
  return slashCommandBody(t.standin.workspace, {
    command: '/star',
    text: 'help',
    userId,
    userName: userId.toLowerCase(),
    channelId: t.standin.dmChannelFor(userId),
    channelName: 'directmessage',
    responseUrl: `${t.standin.apiUrl}../unused-response-url`,
    triggerId: t.standin.newTriggerId(userId),
  });
}

/** Each kind: how it is sent, the status it gets, and what its one warn line says. */
const kinds: Array<[string, () => Promise<{ status: number }>, number, RegExp]> = [
  [
    'a signed view_submission with an unknown callback_id',
    () => t.standin.sendRaw(t.url, unknownViewSubmission(newUser()), FORM),
    400,
    /callback_id/,
  ],
  [
    'a signed event of an unknown envelope type',
    () => t.standin.sendRaw(t.url, JSON.stringify({ type: 'not_a_thing', token: 'x' }), JSON_TYPE),
    400,
    /unrecognised payload/,
  ],
  [
    'a signed form whose payload is not JSON',
    () => t.standin.sendRaw(t.url, 'payload=%7Bnot', FORM),
    400,
    /Malformed/,
  ],
  ['a signed null body', () => t.standin.sendRaw(t.url, 'null', JSON_TYPE), 400, /null/],
  [
    'a wrong signature',
    () => t.standin.slashCommand(t.url, { userId: newUser(), text: 'random' }, { secret: 'not-the-secret' }),
    401,
    /signature mismatch/,
  ],
  [
    'a signed body over the size limit',
    () => t.standin.sendRaw(t.url, `text=${'x'.repeat(BODY_LIMIT_BYTES + 1)}`, FORM),
    413,
    /over \d+ bytes/,
  ],
  [
    'a request signed 301 s ago',
    () =>
      t.standin.slashCommand(t.url, { userId: newUser(), text: 'help' }, { timestamp: nowSeconds() - 301 }),
    401,
    /5 minutes/,
  ],
];

describe('a refused request is answered once', () => {
  it('each kind gets its status, one warn line, and no error, even past Bolt’s 3-second timer', async () => {
    // A replay needs an accepted original first (a help command: answered in the ack, logs no warning).
    const replayBody = helpCommand(newUser());
    const timestamp = nowSeconds();
    expect((await t.standin.sendRaw(t.url, replayBody, FORM, { timestamp })).status).toBe(200);
    await t.bot.idle();
    const before = t.logs.lines.length;
    const all: typeof kinds = [
      ...kinds,
      [
        'a replay of an accepted request',
        () => t.standin.sendRaw(t.url, replayBody, FORM, { timestamp }),
        401,
        /replay/,
      ],
    ];
    const replies = await Promise.all(all.map(([, send]) => send()));
    expect(replies.map((r) => r.status)).toEqual(all.map(([, , status]) => status));
    // The completion signal: nothing the bot received is still being handled...
    await t.bot.idle();
    // ...and then Bolt's 3-second ack timer has had its chance to fire for each of them.
    await sleep(PAST_BOLT_TIMER_MS);
    const lines = t.logs.lines.slice(before);
    expect(lines.filter((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
    const warnings = lines.filter((l) => l.level === 'warn').map((l) => String(l.msg));
    expect(warnings).toHaveLength(all.length);
    // One line per refusal, each saying why.
    for (const [label, , , says] of all) {
      expect(warnings.filter((w) => says.test(w)).length, label).toBeGreaterThanOrEqual(1);
    }
  });
});
