// Slack's side of HTTP mode: what the local Slack sends, a minimal Bolt App accepts and dispatches to its listeners.

import type { App, BlockButtonAction, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandin, signRequest, startSlackStandin } from '../../local-slack/index.ts';
import { button, type Seen, startMinimalApp, stepModal } from './minimal-bolt-app.ts';

const SECRET = 'test-signing-secret';

let standin: SlackStandin;
let skewMs = 0; // moves the stand-in's clock (trigger expiry) without sleeping
let app: App;
let botUrl: string;
let seen: Seen;

beforeAll(async () => {
  standin = await startSlackStandin({ signingSecret: SECRET, now: () => Date.now() + skewMs });
  ({ app, botUrl, seen } = await startMinimalApp(standin, SECRET));
});

afterAll(async () => {
  await app.stop();
  await standin.close();
});

describe('signing', () => {
  it("matches Slack's published test vector", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('Bolt refuses a forged, stale or unsigned request with 401 and runs no listener', async () => {
    const before = seen.commands.length;
    const forged = await standin.slashCommand(
      botUrl,
      { userId: 'U1', text: 'x' },
      { secret: 'not-the-secret' },
    );
    const stale = await standin.slashCommand(
      botUrl,
      { userId: 'U1', text: 'x' },
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
    );
    const unsigned = await standin.slashCommand(botUrl, { userId: 'U1', text: 'x' }, { omit: true });
    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(seen.commands.length).toBe(before);
  });
});

describe('slash commands', () => {
  it('arrive form-encoded with the fields Bolt types, and respond() posts to the response_url', async () => {
    standin.setUser({ id: 'U100', name: 'grace' });
    const reply = await standin.slashCommand(botUrl, { userId: 'U100', text: 'hello <world>' });
    expect(reply.status).toBe(200);
    const command = seen.commands.at(-1) as SlashCommand;
    expect(command).toMatchObject({
      command: '/star',
      text: 'hello <world>',
      user_id: 'U100',
      user_name: 'grace',
      team_id: 'T0STANDIN',
      channel_id: standin.dmChannelFor('U100'),
      channel_name: 'directmessage',
      api_app_id: 'A0STANDIN',
      is_enterprise_install: 'false',
    });
    expect(command.trigger_id).toMatch(/^\d+\.\d+\.[0-9a-f]{32}$/);
    expect(command.response_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/commands\//);
    const posted = await standin.waitFor(() => standin.responses.find((r) => r.url === command.response_url));
    expect(posted).toMatchObject({ status: 200, body: { text: 'You said: hello <world>' } });
    expect(standin.ephemerals('U100').at(-1)?.args).toMatchObject({
      text: 'You said: hello <world>',
      user: 'U100',
    });
  });

  it('a response_url takes 5 posts, then answers 404', async () => {
    await standin.slashCommand(botUrl, { userId: 'U101', text: 'count' });
    const url = (seen.commands.at(-1) as SlashCommand).response_url;
    await standin.waitFor(() => standin.responses.some((r) => r.url === url));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `extra ${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 404]);
  });

  it('a response_url expires after 30 minutes of the stand-in clock', async () => {
    await standin.slashCommand(botUrl, { userId: 'U103', text: 'expire' });
    const url = (seen.commands.at(-1) as SlashCommand).response_url;
    await standin.waitFor(() => standin.responses.some((r) => r.url === url));
    skewMs += 30 * 60 * 1000 + 1;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'too late' }),
      });
      expect([res.status, await res.json()]).toEqual([404, { ok: false, error: 'expired_url' }]);
    } finally {
      skewMs = 0;
    }
  });

  it('its trigger opens a modal at once, but not after the stand-in clock passes 3 s', async () => {
    await standin.slashCommand(botUrl, { userId: 'U102', text: 'modal' });
    const opened = await standin.waitForCall('views.open', (c) => c.response.ok === true);
    expect(standin.views.get((opened.response.view as { id: string }).id)?.user).toBe('U102');

    const since = standin.callsTo('views.open').length;
    const reply = await standin.slashCommand(botUrl, { userId: 'U102', text: 'late modal' });
    expect(reply.status).toBe(200); // acked before the slow work
    skewMs += 3001;
    try {
      const late = await standin.waitForCall('views.open', () => true, { since });
      expect(late.response).toEqual({ ok: false, error: 'expired_trigger_id' });
    } finally {
      skewMs = 0;
    }
  });
});

describe('button clicks', () => {
  it('send a block_actions payload built from the stored message; respond() replaces it', async () => {
    const posted = await app.client.chat.postMessage({
      channel: 'U200',
      text: 'Your question is ready',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Tell me about a conflict.' } },
        {
          type: 'actions',
          block_id: 'drill',
          elements: [
            {
              type: 'button',
              action_id: 'practice',
              text: { type: 'plain_text', text: 'Practice' },
              value: 'q-7',
            },
            { type: 'button', action_id: 'skip', text: { type: 'plain_text', text: 'Skip' }, value: 'q-7' },
          ],
        },
      ],
    });
    const channel = posted.channel as string;
    const reply = await standin.clickButton(botUrl, {
      userId: 'U200',
      channel,
      messageTs: posted.ts as string,
      actionId: 'practice',
    });
    expect(reply.status).toBe(200);
    const body = seen.actions.at(-1) as BlockButtonAction;
    expect(body).toMatchObject({
      type: 'block_actions',
      user: { id: 'U200' },
      container: { type: 'message', message_ts: posted.ts, channel_id: channel, is_ephemeral: false },
      channel: { id: channel },
      message: { ts: posted.ts, text: 'Your question is ready', user: 'U0STANDINBOT' },
      actions: [
        {
          type: 'button',
          action_id: 'practice',
          block_id: 'drill',
          value: 'q-7',
          text: { text: 'Practice' },
        },
      ],
    });
    expect(body.trigger_id).not.toBe(seen.commands.at(-1)?.trigger_id);
    await standin.waitFor(() => standin.message(channel, posted.ts as string)?.text === 'Started');
  });

  it('refuses to click a button the message does not have', async () => {
    const posted = await app.client.chat.postMessage({ channel: 'C1', text: 'plain' });
    expect(() =>
      standin.clickButton(botUrl, {
        userId: 'U1',
        channel: 'C1',
        messageTs: posted.ts as string,
        actionId: 'practice',
      }),
    ).toThrow(/no button/);
  });
});

describe('clicks elsewhere', () => {
  it('on an ephemeral: container is_ephemeral, no message; replace_original edits the ephemeral', async () => {
    await standin.slashCommand(botUrl, { userId: 'U210', text: 'hints' });
    const url = (seen.commands.at(-1) as SlashCommand).response_url;
    const posted = await standin.waitFor(() => standin.responses.find((r) => r.url === url));
    const channel = standin.dmChannelFor('U210');
    const messageTs = posted.ts as string;
    expect(standin.ephemeralMessage(channel, messageTs)?.to).toBe('U210');
    await standin.clickButton(botUrl, { userId: 'U210', channel, messageTs, actionId: 'hint', value: 'q-2' });
    const body = seen.actions.at(-1) as BlockButtonAction;
    expect(body.container).toMatchObject({ is_ephemeral: true, message_ts: messageTs });
    expect(body.message).toBeUndefined();
    expect(body.actions[0]).toMatchObject({ value: 'q-2', block_id: 'h2' });
    await standin.waitFor(() => standin.ephemeralMessage(channel, messageTs)?.text === 'Hint for q-2');
  });

  it("response_type in_channel posts a new message to the click's channel", async () => {
    const posted = await app.client.chat.postMessage({
      channel: 'C0SHARE',
      text: 'answer',
      blocks: [{ type: 'actions', elements: [button('share', 'Share', 's')] }],
    });
    await standin.clickButton(botUrl, {
      userId: 'U211',
      channel: 'C0SHARE',
      messageTs: posted.ts as string,
      actionId: 'share',
    });
    await standin.waitFor(() => standin.messages('C0SHARE').length === 2);
    expect(standin.messages('C0SHARE')[1]?.text).toBe('Shared with the channel');
    expect((seen.actions.at(-1) as BlockButtonAction).actions[0]?.block_id).toMatch(/^\w+$/); // Slack's generated id
  });

  it('in a modal: container view, its trigger pushes a view; response_action update replaces the view', async () => {
    const trigger = standin.newTriggerId('U212');
    const opened = await app.client.views.open({ trigger_id: trigger, view: stepModal('step1') });
    const rootId = opened.view?.id as string;
    await standin.clickViewButton(botUrl, { userId: 'U212', viewId: rootId, actionId: 'more' });
    expect(seen.actions.at(-1)).toMatchObject({
      container: { type: 'view', view_id: rootId },
      view: { id: rootId },
    });
    const pushed = await standin.waitFor(() => {
      const top = standin.openModal('U212');
      return top && top.id !== rootId ? top : undefined;
    });
    expect(pushed).toMatchObject({ root_view_id: rootId, previous_view_id: rootId });

    const reply = await standin.submitView(botUrl, { userId: 'U212', viewId: rootId, values: {} });
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(standin.views.get(rootId)?.view.callback_id).toBe('step2');
  });
});

describe('a pick in a select outside an input block', () => {
  const option = (value: string) => ({
    text: { type: 'plain_text' as const, text: `Story ${value}` },
    value,
  });
  const pickModal = {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'Pick' },
    blocks: [
      {
        type: 'section' as const,
        block_id: 'stories',
        text: { type: 'mrkdwn' as const, text: 'Start from a story' },
        accessory: {
          type: 'static_select' as const,
          action_id: 'pick',
          options: [option('1:7'), option('1:4')],
        },
      },
    ],
  };

  it('is sent at once as a block action carrying the option chosen, from a view', async () => {
    const opened = await app.client.views.open({ trigger_id: standin.newTriggerId('U213'), view: pickModal });
    const viewId = opened.view?.id as string;
    const reply = await standin.pickViewOption(botUrl, {
      userId: 'U213',
      viewId,
      actionId: 'pick',
      value: '1:4',
    });
    expect(reply.status).toBe(200);
    expect(seen.actions.at(-1)).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: viewId },
      view: { id: viewId },
      actions: [
        { type: 'static_select', action_id: 'pick', block_id: 'stories', selected_option: option('1:4') },
      ],
    });
  });

  it('refuses an option the select does not have, or a select the view does not have', async () => {
    const opened = await app.client.views.open({ trigger_id: standin.newTriggerId('U214'), view: pickModal });
    const viewId = opened.view?.id as string;
    const before = seen.actions.length;
    expect(() =>
      standin.pickViewOption(botUrl, { userId: 'U214', viewId, actionId: 'pick', value: '1:9' }),
    ).toThrow(/has no option 1:9; it has 1:7, 1:4/);
    expect(() =>
      standin.pickViewOption(botUrl, { userId: 'U214', viewId, actionId: 'other', value: '1:7' }),
    ).toThrow(/no select \*\/other/);
    expect(seen.actions).toHaveLength(before);
  });
});

describe('view submissions', () => {
  async function openModal(userId: string): Promise<string> {
    await standin.slashCommand(botUrl, { userId, text: 'modal' });
    return (await standin.waitFor(() => standin.openModal(userId))).id;
  }

  it('carry state.values per input block; response_action errors keeps the modal open', async () => {
    const viewId = await openModal('U300');
    const reply = await standin.submitView(botUrl, {
      userId: 'U300',
      viewId,
      values: { situation: { text: 'short' } },
    });
    expect(reply.json).toEqual({ response_action: 'errors', errors: { situation: 'Tell a bit more' } });
    const body = seen.submissions.at(-1) as ViewSubmitAction;
    expect(body).toMatchObject({
      type: 'view_submission',
      user: { id: 'U300' },
      view: {
        id: viewId,
        callback_id: 'answer',
        private_metadata: '{"question":"q-7"}',
        hash: standin.views.get(viewId)?.hash,
        state: {
          values: {
            situation: { text: { type: 'plain_text_input', value: 'short' } },
            result: { text: { type: 'plain_text_input', value: 'draft' } },
          },
        },
      },
    });
    expect(standin.openModal('U300')?.id).toBe(viewId);
  });

  it('a bare ack closes the modal', async () => {
    const viewId = await openModal('U301');
    const reply = await standin.submitView(botUrl, {
      userId: 'U301',
      viewId,
      values: { situation: { text: 'A long enough situation' }, result: { text: null } },
    });
    expect(reply.status).toBe(200);
    expect(seen.submissions.at(-1)?.view.state.values.result?.text?.value).toBeNull();
    expect(standin.views.get(viewId)?.closed).toBe(true);
    expect(standin.openModal('U301')).toBeUndefined();
  });

  it('what the Slack client would not submit throws', async () => {
    const viewId = await openModal('U302');
    await expect(standin.submitView(botUrl, { userId: 'U302', viewId, values: {} })).rejects.toThrow(
      /required/,
    );
    const tooLong = { situation: { text: 'x'.repeat(501) } };
    await expect(standin.submitView(botUrl, { userId: 'U302', viewId, values: tooLong })).rejects.toThrow(
      /max_length/,
    );
  });
});

describe('events', () => {
  it('arrive in an event_callback envelope; retry headers reach context.retryNum', async () => {
    const event = {
      type: 'app_home_opened',
      user: 'U400',
      channel: standin.dmChannelFor('U400'),
      tab: 'home',
    };
    const first = await standin.sendEvent(botUrl, event, { eventId: 'Ev0STANDIN1' });
    expect(first.status).toBe(200);
    await standin.waitFor(() => standin.homeView('U400'));
    expect(seen.events.at(-1)).toMatchObject({
      event: { type: 'app_home_opened', user: 'U400' },
      retryNum: undefined,
    });

    await standin.sendEvent(botUrl, event, {
      eventId: 'Ev0STANDIN1',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    await standin.waitFor(() => seen.events.at(-1)?.retryNum === 1);
    expect(seen.events.at(-1)?.retryReason).toBe('http_timeout');
  });

  it('answers url_verification and rejects a malformed body', async () => {
    const challenge = await standin.urlVerification(botUrl, 'abc123');
    expect(challenge.json).toEqual({ challenge: 'abc123' });
    const garbage = await standin.sendRaw(botUrl, '{"type":', 'application/json');
    expect(garbage.status).toBeGreaterThanOrEqual(400);
  });
});
