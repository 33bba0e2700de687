// Hostile and broken input, on both databases.
//
// 1. Signatures: forged (wrong secret), tampered (body changed after signing), stale (timestamp now-301 s)
//    and unsigned requests of every kind the bot acts on (a drill command, a click, a STAR submission, a
//    user_change event) are refused with 401 and change nothing: no Web API call, no response_url post, no
//    row. The same requests correctly signed do act, so "nothing happened" is not an accident.
//
// 2. 2,000 generated, correctly signed requests (fast-check, fixed seed, 100 runs of 20 sent concurrently):
//    - slash commands: `/star` with any text (unicode graphemes, control characters, `<!channel>`, `<@U..>`,
//      subcommands with good and bad arguments, prototype keys, strings of 4,001 to 100,000 characters),
//      from the drills' owners, other users and unknown users; fields dropped, duplicated (so they arrive as
//      arrays), emptied, overlong or not URLs; other commands; sent as JSON instead of a form;
//    - block_actions: the answer button with the owner's, another user's, unknown, zero, negative,
//      non-numeric, fractional, padded, huge and SQL-looking drill ids; other or absent action ids; no,
//      several or non-array actions; absent, empty, unknown and overlong trigger ids; no user; wrong types;
//    - view_submissions: the STAR modal with valid and invalid parts (blank, whitespace, zero-width only,
//      3,001+ characters, null, numbers, objects, missing), state or values of the wrong type or absent,
//      private_metadata holding another user's drill, garbage, JSON or 3,001+ characters, other callback
//      ids, no user, no view id;
//    - Events API: user_change with valid, unknown and hostile time zones for known and unknown users, other
//      event types (message, app_mention, app_home_opened, function_executed, tokens_revoked, made-up ones),
//      envelopes without event_id or event, url_verification, other envelope types;
//    - raw bodies: `payload=` with non-JSON, JSON null, arrays, strings, numbers or deep nesting; bare JSON
//      null/array/number/string; empty bodies; binary noise; content types text/plain, multipart, XML,
//      form with a charset, JSON for a form and none at all.
//    Every request must get a non-5xx answer within Slack's 3 s; no promise rejection may go unhandled; the
//    bot is healthy afterwards; and rows change only for valid requests, checked against an oracle written
//    from the spec: answers only from a drill's owner with four valid parts, drills/users/subscriptions
//    only for senders of a well-formed /star command, processed_events and time zones only from well-formed
//    user_change events; no STAR modal of a drill is ever shown to anyone but its owner.

import { stringify } from 'node:querystring';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, drills, processedEvents, subscriptions, users } from '../../src/db/schema/index.ts';
import { STAR_PARTS, type StarAnswer } from '../../src/drills/star-answer.ts';
import {
  eventEnvelope,
  type SignOptions,
  type SlackReply,
  signRequest,
} from '../../src/local-slack/index.ts';
import { ACTION_ANSWER_DRILL, ACTION_STAR_INPUT, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
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
import { startTestBot, type TestBot } from '../support/test-bot.ts';

const JSON_TYPE = 'application/json';

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
        `payload=${encodeURIComponent(JSON.stringify(submissionPayload(modal.viewId, owner, fixtures.a2.id)))}`,
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

function submissionPayload(viewId: string, userId: string, drillId: number) {
  return {
    type: 'view_submission',
    team: { id: 'T0STANDIN', domain: 'standin' },
    user: { id: userId, username: 'u', name: 'u', team_id: 'T0STANDIN' },
    api_app_id: 'A0STANDIN',
    token: 'standin-verification-token',
    trigger_id: '__TRIGGER__',
    view: {
      id: viewId,
      team_id: 'T0STANDIN',
      type: 'modal',
      callback_id: VIEW_STAR_ANSWER,
      private_metadata: String(drillId),
      state: {
        values: Object.fromEntries(
          Object.entries(answerOf('signed')).map(([part, value]) => [
            part,
            { [ACTION_STAR_INPUT]: { type: 'plain_text_input', value } },
          ]),
        ),
      },
      hash: '1.abc',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

// ----------------------------------------------------------------------------------------- generated input

/** What a generated request may change, by the spec; anything else must change nothing. */
type Allowed =
  | { kind: 'save'; drillId: number; answer: StarAnswer }
  | { kind: 'command'; userId: string }
  | { kind: 'event'; eventId: string; userId?: string; tz?: string };

interface Case {
  label: string;
  body: string;
  contentType: string;
  allowed?: Allowed;
  /** Who the placeholder trigger_id is issued to. */
  triggerUser?: string;
}

type Obj = Record<string, unknown>;

/** A field change: `breaks` says whether the request stops being a valid one. */
interface Mutation {
  breaks: boolean;
  apply: (o: Obj) => void;
  name: string;
}

const drop = (path: string, breaks: boolean): Mutation => ({
  name: `drop ${path}`,
  breaks,
  apply: (o) => {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target: unknown = o;
    for (const k of keys) target = (target as Obj | undefined)?.[k];
    if (target && typeof target === 'object') delete (target as Obj)[last];
  },
});
const set = (path: string, value: unknown, breaks: boolean): Mutation => ({
  name: `set ${path}=${JSON.stringify(value)?.slice(0, 40)}`,
  breaks,
  apply: (o) => {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target: unknown = o;
    for (const k of keys) target = (target as Obj | undefined)?.[k];
    if (target && typeof target === 'object') (target as Obj)[last] = value;
  },
});

const huge = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('x', 'é', '😀', '<!channel>', '\u200b', ' '))
    .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 60, unit: 'grapheme' }),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom(
    '',
    'random',
    'help',
    'topics',
    'history',
    'status',
    'skip',
    'unsubscribe',
    'subscribe 09:00 weekdays',
    'subscribe 25:99 sometimes',
    'subscribe 7am daily incidents leadership',
    'incidents',
    '3',
    '0',
    '-1',
    '<!channel>',
    '<@U0BOSS> <!here|here>',
    '__proto__',
    'constructor',
    'toString',
    '%00',
    "'; drop table drills; --",
    '\u202e\u0000',
  ),
  huge(4_001, 100_000),
);

const userChoice = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(owner, other) },
  { weight: 2, arbitrary: fc.stringMatching(/^U[A-Z0-9]{8,10}$/).map((id) => `UFZ${id}`) },
  { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(65), 'ü', 'U 1', '../U1') },
);

/** A drill reference: `id` set when it names a real drill, with its owner. */
const drillChoice = () =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom('a1', 'a2', 'b1').map((k) => {
        const f = fixtures[k as 'a1' | 'a2' | 'b1'];
        return { raw: String(f.id), id: f.id, owner: k === 'b1' ? other : owner };
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '',
          '0',
          '-1',
          '987654',
          '1e3',
          ' 1',
          '1.0',
          '0x1',
          '99999999999999999999',
          '١',
          '{"drill":1}',
          '1; drop table answers',
          '1 OR 1=1',
          'null',
        )
        .map((raw) => ({ raw, id: undefined, owner: undefined })),
    },
    { weight: 1, arbitrary: huge(3_001, 20_000).map((raw) => ({ raw, id: undefined, owner: undefined })) },
  );

const validPart = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 120, unit: 'grapheme' })
    .filter((s) => !/^[\s\p{Cf}]*$/u.test(s) && [...s.trim()].length <= 3000),
  fc.constantFrom('  padded answer  ', `\n${'y'.repeat(3000)}\n`, 'Told <!channel> & <@U0BOSS>'),
);
const invalidPart = fc.constantFrom<unknown>(
  '',
  '   ',
  '\n\t',
  '\u200b\u200d',
  null,
  'z'.repeat(3001),
  42,
  {
    text: 'x',
  },
  ['x'],
  true,
  undefined,
);

const submissionCase = fc
  .record({
    user: userChoice,
    drill: drillChoice(),
    parts: fc.tuple(
      fc.oneof({ weight: 4, arbitrary: validPart }, { weight: 1, arbitrary: invalidPart }),
      fc.oneof({ weight: 4, arbitrary: validPart }, { weight: 1, arbitrary: invalidPart }),
      fc.oneof({ weight: 4, arbitrary: validPart }, { weight: 1, arbitrary: invalidPart }),
      fc.oneof({ weight: 4, arbitrary: validPart }, { weight: 1, arbitrary: invalidPart }),
    ),
    mutations: fc.array(
      fc.constantFrom<Mutation>(
        drop('user', true),
        set('user', 'U1', true),
        set('user.id', 42, true),
        drop('view', true),
        drop('view.id', true),
        set('view.id', '', true),
        drop('view.state', true),
        set('view.state', [], true),
        set('view.state.values', 'values', true),
        set('view.state.values.situation', 'text', true),
        set('view.callback_id', 'star_answer_v2', true),
        set('view.callback_id', 'star_notice', true),
        drop('view.callback_id', true),
        drop('view.private_metadata', true),
        set('view.private_metadata', 7, true),
        set('type', 'view_closed', true),
        set('type', 'block_actions', true),
        drop('type', true),
        drop('team', false),
        drop('trigger_id', false),
        drop('api_app_id', false),
        drop('token', false),
        drop('response_urls', false),
        set('view.hash', '💥', false),
        set('unexpected', { nested: [1, 2, { deep: true }] }, false),
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ user, drill, parts, mutations }): Case => {
    const values: Obj = {};
    STAR_PARTS.forEach((part, i) => {
      const value = parts[i];
      if (value !== undefined) values[part] = { [ACTION_STAR_INPUT]: { type: 'plain_text_input', value } };
    });
    const payload: Obj = {
      type: 'view_submission',
      team: { id: 'T0STANDIN', domain: 'standin' },
      user: { id: user, username: 'u', name: 'u', team_id: 'T0STANDIN' },
      api_app_id: 'A0STANDIN',
      token: 'standin-verification-token',
      trigger_id: '__TRIGGER__',
      view: {
        id: 'V0FUZZ',
        team_id: 'T0STANDIN',
        type: 'modal',
        callback_id: VIEW_STAR_ANSWER,
        private_metadata: drill.raw,
        state: { values },
        hash: '1.abc',
      },
      response_urls: [],
      is_enterprise_install: false,
    };
    for (const m of mutations) m.apply(payload);
    const partsValid = parts.every(
      (p) => typeof p === 'string' && !/^[\s\p{Cf}]*$/u.test(p.trim()) && [...p.trim()].length <= 3000,
    );
    const valid =
      drill.id !== undefined && drill.owner === user && partsValid && !mutations.some((m) => m.breaks);
    const answer = Object.fromEntries(STAR_PARTS.map((p, i) => [p, String(parts[i]).trim()])) as StarAnswer;
    return {
      label: `view_submission ${[...mutations.map((m) => m.name), valid ? 'valid' : 'invalid'].join(', ')}`,
      body: stringify({ payload: JSON.stringify(payload) }),
      contentType: FORM,
      triggerUser: user,
      allowed: valid && drill.id !== undefined ? { kind: 'save', drillId: drill.id, answer } : undefined,
    };
  });

const clickCase = fc
  .record({
    user: userChoice,
    drill: drillChoice(),
    mutations: fc.array(
      fc.constantFrom<Mutation>(
        set('actions.0.action_id', 'answer_drill_v0', true),
        set('actions.0.action_id', '', true),
        drop('actions.0.action_id', true),
        drop('actions.0.value', true),
        set('actions.0.value', 12, true),
        set('actions', [], true),
        set('actions', 'answer_drill', true),
        drop('actions', true),
        drop('trigger_id', true),
        set('trigger_id', '', true),
        set('trigger_id', '1.2.unknown', false),
        set('trigger_id', 't'.repeat(300), true),
        drop('user', true),
        set('user.id', ['U1'], true),
        set('type', 'interactive_message', true),
        drop('team', false),
        drop('channel', false),
        drop('container', false),
        drop('response_url', false),
      ),
      { maxLength: 2 },
    ),
    twoActions: fc.boolean(),
  })
  .map(({ user, drill, mutations, twoActions }): Case => {
    const action = {
      action_id: ACTION_ANSWER_DRILL,
      block_id: 'drill_actions',
      text: { type: 'plain_text', text: 'Answer with STAR' },
      type: 'button',
      value: drill.raw,
      action_ts: '1700000000.000100',
    };
    const payload: Obj = {
      type: 'block_actions',
      user: { id: user, username: 'u', name: 'u', team_id: 'T0STANDIN' },
      api_app_id: 'A0STANDIN',
      token: 'standin-verification-token',
      container: {
        type: 'message',
        message_ts: '1700000000.000001',
        channel_id: 'D0FUZZ',
        is_ephemeral: false,
      },
      trigger_id: '__TRIGGER__',
      team: { id: 'T0STANDIN', domain: 'standin' },
      channel: { id: 'D0FUZZ', name: 'directmessage' },
      response_url: 'https://hooks.slack.invalid/actions/T0/1/x',
      actions: twoActions ? [action, { ...action, value: '1' }] : [action],
    };
    for (const m of mutations) m.apply(payload);
    return {
      label: `block_actions ${mutations.map((m) => m.name).join(', ')}`,
      body: stringify({ payload: JSON.stringify(payload) }),
      contentType: FORM,
      triggerUser: user,
    };
  });

const commandCase = fc
  .record({
    user: userChoice,
    text: anyText,
    mutations: fc.array(
      fc.constantFrom<Mutation>(
        drop('command', true),
        set('command', '/start', true),
        set('command', '/STAR', true),
        set('command', '', true),
        drop('user_id', true),
        set('user_id', ['U1', 'U2'], true),
        set('user_id', '', true),
        drop('channel_id', true),
        set('channel_id', 'C'.repeat(65), true),
        set('text', ['random', 'help'], true),
        set('response_url', 'not a url', true),
        set('trigger_id', 't'.repeat(256), true),
        drop('team_id', false),
        drop('team_domain', false),
        drop('channel_name', false),
        drop('user_name', false),
        drop('api_app_id', false),
        drop('token', false),
        drop('trigger_id', false),
        drop('is_enterprise_install', false),
      ),
      { maxLength: 2 },
    ),
    encoding: fc.constantFrom('form', 'form', 'form', 'form', 'json'),
  })
  .map(({ user, text, mutations, encoding }): Case => {
    const fields: Obj = {
      token: 'standin-verification-token',
      team_id: 'T0STANDIN',
      team_domain: 'standin',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: user,
      user_name: 'u',
      command: '/star',
      text,
      api_app_id: 'A0STANDIN',
      is_enterprise_install: 'false',
      response_url: '__RESPONSE_URL__',
      trigger_id: '__TRIGGER__',
    };
    for (const m of mutations) m.apply(fields);
    const idOk = user.length >= 1 && user.length <= 64;
    // Slack sends commands as a form; the same fields as JSON are still the same signed command.
    const wellFormed = idOk && text.length <= 4000 && !mutations.some((m) => m.breaks);
    return {
      label: `slash command (${encoding}) ${mutations.map((m) => m.name).join(', ')} text=${JSON.stringify(text.slice(0, 30))}`,
      body: encoding === 'form' ? stringify(fields as Record<string, string>) : JSON.stringify(fields),
      contentType: encoding === 'form' ? FORM : JSON_TYPE,
      triggerUser: user,
      allowed: wellFormed ? { kind: 'command', userId: user } : undefined,
    };
  });

const ZONES = ['Europe/Paris', 'Asia/Tokyo', 'America/New_York', 'UTC'];
const eventCase = fc
  .record({
    eventId: fc.stringMatching(/^Ev[A-Z0-9]{9}$/),
    type: fc.constantFrom(
      'user_change',
      'user_change',
      'user_change',
      'message',
      'app_mention',
      'app_home_opened',
      'function_executed',
      'tokens_revoked',
      'app_uninstalled',
      'made_up_event',
      '',
    ),
    user: userChoice,
    tz: fc.constantFrom<string | number | undefined>(
      ...ZONES,
      'Mars/Olympus_Mons',
      '+05:00',
      '../../etc/passwd',
      '',
      'x'.repeat(300),
      42,
      undefined,
    ),
    userShape: fc.constantFrom('object', 'object', 'object', 'string', 'absent'),
    mutations: fc.array(
      fc.constantFrom<Mutation>(
        drop('event_id', true),
        set('event_id', '', true),
        set('event_id', 12345, true),
        set('event_id', 'E'.repeat(300), true),
        drop('event', true),
        set('event', 'user_change', true),
        drop('event.type', true),
        set('type', 'app_rate_limited', true),
        set('type', 'event_callback_v2', true),
        drop('type', true),
        drop('team_id', false),
        drop('authorizations', false),
        drop('api_app_id', false),
        drop('event_time', false),
        drop('token', false),
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ eventId, type, user, tz, userShape, mutations }): Case => {
    const event: Obj = { type, event_ts: '1700000000.000200' };
    if (userShape === 'object') event.user = tz === undefined ? { id: user } : { id: user, tz };
    if (userShape === 'string') event.user = user;
    const envelope = eventEnvelope(
      {
        teamId: 'T0STANDIN',
        teamDomain: 'standin',
        appId: 'A0STANDIN',
        botId: 'B0STANDIN',
        botUserId: 'U0STANDINBOT',
        verificationToken: 'standin-verification-token',
      },
      event,
      eventId,
      1_700_000_000,
    );
    for (const m of mutations) m.apply(envelope);
    const wellFormed = type.length > 0 && !mutations.some((m) => m.breaks);
    const isUserChange = wellFormed && type === 'user_change';
    return {
      label: `event ${type} ${mutations.map((m) => m.name).join(', ')}`,
      body: JSON.stringify(envelope),
      contentType: JSON_TYPE,
      allowed: isUserChange
        ? {
            kind: 'event',
            eventId,
            userId: userShape === 'object' ? user : undefined,
            tz: typeof tz === 'string' && ZONES.includes(tz) ? tz : undefined,
          }
        : undefined,
    };
  });

const rawCase = fc
  .record({
    body: fc.oneof(
      fc.constantFrom(
        '',
        'payload=',
        'payload={',
        'payload=%ZZ',
        'payload=null',
        'payload=[]',
        'payload=%22str%22',
        'payload=42',
        `payload=${encodeURIComponent(`${'['.repeat(5000)}${']'.repeat(5000)}`)}`,
        `payload=${encodeURIComponent(JSON.stringify({ type: 'shortcut', callback_id: 'x' }))}`,
        `payload=${encodeURIComponent(JSON.stringify({ type: 'block_suggestion', action_id: 'answer_drill' }))}`,
        'null',
        '[]',
        '42',
        '"string"',
        'true',
        '{}',
        `{"type":"url_verification","challenge":"${'c'.repeat(100)}"}`,
        '{"type":"url_verification"}',
        'ssl_check=1&token=x',
        '<?xml version="1.0"?><payload/>',
        '--x\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{}\r\n--x--',
      ),
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
    ),
    contentType: fc.constantFrom(
      FORM,
      JSON_TYPE,
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/xml',
      `${FORM}; charset=utf-8`,
      '',
    ),
  })
  .map(
    ({ body, contentType }): Case => ({
      label: `raw ${contentType || '(no content type)'} ${JSON.stringify(body.slice(0, 40))}`,
      body,
      contentType,
    }),
  );

const anyCase = fc.oneof(
  { weight: 3, arbitrary: commandCase },
  { weight: 3, arbitrary: clickCase },
  { weight: 4, arbitrary: submissionCase },
  { weight: 3, arbitrary: eventCase },
  { weight: 2, arbitrary: rawCase },
);

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
    const sent: Case[] = [];
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    const started = performance.now();

    await fc
      .assert(
        fc.asyncProperty(fc.array(anyCase, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const replies = await Promise.all(
            batch.map((c) => {
              sent.push(c);
              const body = c.body
                .replaceAll('__TRIGGER__', t.standin.newTriggerId(c.triggerUser || 'U0FUZZ'))
                .replaceAll(
                  '__RESPONSE_URL__',
                  encodeURIComponent(
                    // The local Slack issues response_urls with its slash commands; these come from the same source.
                    t.standin.newResponseUrl('commands', {
                      user: c.triggerUser || 'U0FUZZ',
                      channel: 'C0GENERAL',
                    }),
                  ),
                );
              return send(body, c.contentType);
            }),
          );
          replies.forEach((reply, i) => {
            const c = batch[i] as Case;
            statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
            if (reply.status === 0 || reply.status >= 500 || reply.ms >= SLACK_DEADLINE_MS) {
              failures.push(`${reply.status} in ${Math.round(reply.ms)} ms: ${c.label}`);
            }
          });
          return failures.length === 0;
        }),
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
    expect(await healthz(t)).toMatchObject({ status: 200, json: { ok: true } });

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
    const owners = new Map([
      [String(fixtures.a1.id), owner],
      [String(fixtures.a2.id), owner],
      [String(fixtures.b1.id), other],
    ]);
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
