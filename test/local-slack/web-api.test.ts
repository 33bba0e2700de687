// The local Slack's Web API, driven by the real WebClient the bot uses.

import { connect } from 'node:net';
import { type WebAPICallError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';
import { silentLogger } from '../support/silent-logger.ts';

const FAST_RETRY = { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 20 };
const clock = Date.UTC(2025, 2, 9, 12, 0, 0); // 2025-03-09 12:00 UTC: New York has just gone to EDT
let standin: SlackStandin;
let client: WebClient;

function clientFor(token: string | undefined, s: SlackStandin = standin): WebClient {
  return new WebClient(token, { slackApiUrl: s.apiUrl, retryConfig: FAST_RETRY, logger: silentLogger() });
}

async function slackError(
  promise: Promise<unknown>,
): Promise<WebAPICallError & { data?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as WebAPICallError & { data?: Record<string, unknown> };
  }
  throw new Error('expected the call to fail');
}

const section = (text: string, blockId?: string) => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text },
});

const _modal = (overrides: Record<string, unknown> = {}) => ({
  type: 'modal',
  callback_id: 'answer',
  title: { type: 'plain_text', text: 'Practice' },
  submit: { type: 'plain_text', text: 'Save' },
  blocks: [
    {
      type: 'input',
      block_id: 'situation',
      label: { type: 'plain_text', text: 'Situation' },
      element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 3000 },
    },
  ],
  ...overrides,
});

beforeAll(async () => {
  standin = await startSlackStandin({ signingSecret: 'secret', now: () => clock });
  client = clientFor('xoxb-test');
});
afterAll(() => standin.close());
afterEach(() => standin.clearIntercepts());

describe('auth', () => {
  it('auth.test answers with the bot identity', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({
      ok: true,
      user_id: 'U0STANDINBOT',
      bot_id: 'B0STANDIN',
      team_id: 'T0STANDIN',
    });
    expect(res.url).toMatch(/^https:\/\//);
  });

  it('a wrong token is invalid_auth and no token is not_authed, both recorded', async () => {
    const before = standin.count('auth.test');
    expect((await slackError(clientFor('xoxb-wrong').auth.test())).data?.error).toBe('invalid_auth');
    expect((await slackError(clientFor(undefined).auth.test())).data?.error).toBe('not_authed');
    expect(standin.count('auth.test')).toBe(before + 2);
    expect(standin.callsTo('auth.test').at(-1)?.response).toEqual({ ok: false, error: 'not_authed' });
  });

  it('an unknown method is unknown_method', async () => {
    expect((await slackError(client.apiCall('chat.teleport', {}))).data?.error).toBe('unknown_method');
  });
});

describe('messages', () => {
  it('posting to a user id lands in their DM, a D id that is the same in every instance', async () => {
    const res = await client.chat.postMessage({ channel: 'U111', text: 'Time to practise' });
    const dm = standin.dmChannelFor('U111');
    expect(dm).toMatch(/^D[A-Z0-9]+$/);
    expect(res.channel).toBe(dm);
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(standin.message(dm, res.ts as string)).toMatchObject({
      text: 'Time to practise',
      user: 'U0STANDINBOT',
    });
    const other = await startSlackStandin({ signingSecret: 's' });
    try {
      expect(other.dmChannelFor('U111')).toBe(dm);
    } finally {
      await other.close();
    }
  });

  it('decodes JSON-encoded arguments and gives blocks ids as Slack does', async () => {
    const res = await client.chat.postMessage({ channel: 'C1', text: 'fallback', blocks: [section('*hi*')] });
    const call = standin.callsTo('chat.postMessage').at(-1);
    expect(call?.args.blocks).toEqual([section('*hi*')]);
    const stored = standin.message('C1', res.ts as string);
    expect((stored?.blocks[0] as { block_id?: string } | undefined)?.block_id).toMatch(/^\w+$/);
  });

  it('ts values are unique and increasing even when the clock stands still', async () => {
    const a = await client.chat.postMessage({ channel: 'C2', text: 'a' });
    const b = await client.chat.postMessage({ channel: 'C2', text: 'b' });
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
    expect(standin.messages('C2').map((m) => m.text)).toEqual(['a', 'b']);
  });

  it('replies need the ts of a top-level message in that channel', async () => {
    const parent = await client.chat.postMessage({ channel: 'C3', text: 'parent' });
    const reply = await client.chat.postMessage({ channel: 'C3', text: 'reply', thread_ts: parent.ts });
    expect(standin.message('C3', reply.ts as string)?.thread_ts).toBe(parent.ts);
    expect(standin.message('C3', parent.ts as string)?.reply_count).toBe(1);
    expect(standin.thread('C3', parent.ts as string).map((m) => m.text)).toEqual(['parent', 'reply']);

    const onReply = slackError(client.chat.postMessage({ channel: 'C3', text: 'x', thread_ts: reply.ts }));
    expect((await onReply).data?.error).toBe('thread_not_found');
    const unknown = slackError(client.chat.postMessage({ channel: 'C3', text: 'x', thread_ts: '1.000001' }));
    expect((await unknown).data?.error).toBe('thread_not_found');
    const otherChannel = slackError(
      client.chat.postMessage({ channel: 'C4', text: 'x', thread_ts: parent.ts }),
    );
    expect((await otherChannel).data?.error).toBe('thread_not_found');
  });

  it('refuses empty, oversized and malformed messages', async () => {
    expect((await slackError(client.chat.postMessage({ channel: 'C5', text: '' }))).data?.error).toBe(
      'no_text',
    );
    const long = slackError(client.chat.postMessage({ channel: 'C5', text: 'x'.repeat(40_001) }));
    expect((await long).data?.error).toBe('msg_too_long');
    const blocks = Array.from({ length: 51 }, (_, i) => section(`b${i}`));
    const tooMany = await slackError(client.chat.postMessage({ channel: 'C5', text: 't', blocks }));
    expect(tooMany.data?.error).toBe('invalid_blocks');
    const notArray = slackError(
      client.apiCall('chat.postMessage', { channel: 'C5', text: 't', blocks: 'nope' }),
    );
    expect((await notArray).data?.error).toBe('invalid_blocks');
    const dup = await slackError(
      client.chat.postMessage({
        channel: 'C5',
        text: 't',
        blocks: [section('a', 'same'), section('b', 'same')],
      }),
    );
    expect(dup.data?.response_metadata).toEqual({
      messages: [expect.stringContaining('duplicate block_id')],
    });
    const twin = {
      type: 'button' as const,
      action_id: 'same',
      text: { type: 'plain_text' as const, text: 'B' },
    };
    const dupAction = await slackError(
      client.chat.postMessage({
        channel: 'C5',
        text: 't',
        blocks: [{ type: 'actions', elements: [twin, twin] }],
      }),
    );
    expect(dupAction.data?.response_metadata).toEqual({
      messages: [expect.stringContaining('duplicate action_id')],
    });
    const emptySection = await slackError(
      client.chat.postMessage({ channel: 'C5', text: 't', blocks: [section('')] }),
    );
    expect(emptySection.data?.error).toBe('invalid_blocks');
    const unknownDm = slackError(client.chat.postMessage({ channel: 'DNOTOURS', text: 't' }));
    expect((await unknownDm).data?.error).toBe('channel_not_found');
    expect(standin.messages('C5')).toEqual([]);
  });

  it('chat.update edits a stored message and refuses an unknown ts', async () => {
    const posted = await client.chat.postMessage({ channel: 'C6', text: 'before', blocks: [section('old')] });
    await client.chat.update({ channel: 'C6', ts: posted.ts as string, text: 'after' });
    expect(standin.message('C6', posted.ts as string)).toMatchObject({ text: 'after', edited: true });
    expect(standin.message('C6', posted.ts as string)?.blocks).toHaveLength(1);
    const missing = slackError(client.chat.update({ channel: 'C6', ts: '1700000000.000001', text: 'x' }));
    expect((await missing).data?.error).toBe('message_not_found');
    const byUserId = slackError(client.chat.update({ channel: 'U111', ts: posted.ts as string, text: 'x' }));
    expect((await byUserId).data?.error).toBe('channel_not_found');
  });

  it('methods the bot never calls are not served', async () => {
    for (const method of ['chat.delete', 'chat.scheduleMessage', 'conversations.list']) {
      expect((await slackError(client.apiCall(method, { channel: 'C7' }))).data?.error, method).toBe(
        'unknown_method',
      );
    }
  });
});

describe('fault injection', () => {
  it('a 429 with Retry-After is waited for and retried by WebClient', async () => {
    standin.intercept('chat.postMessage', ({ n }) => (n === 1 ? { status: 429, retryAfter: 1 } : undefined));
    const since = standin.callsTo('chat.postMessage').length;
    const started = performance.now();
    const res = await client.chat.postMessage({ channel: 'C8', text: 'after the limit' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(res.ok).toBe(true);
    const calls = standin.callsTo('chat.postMessage').slice(since);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[0]?.response).toEqual({ ok: false, error: 'ratelimited' });
    expect(standin.messages('C8')).toHaveLength(1);
  });

  it('a 429 is visible to a client that rejects rate-limited calls', async () => {
    standin.intercept('users.info', () => ({ status: 429, retryAfter: 30 }));
    const strict = new WebClient('xoxb-test', {
      slackApiUrl: standin.apiUrl,
      rejectRateLimitedCalls: true,
      logger: silentLogger(),
    });
    const error = await slackError(strict.users.info({ user: 'U666' }));
    expect(error.code).toBe('slack_webapi_rate_limited_error');
    expect((error as unknown as { retryAfter: number }).retryAfter).toBe(30);
  });

  it('5xx answers are retried by the retry config', async () => {
    standin.intercept('chat.update', ({ n }) => (n <= 2 ? { status: n === 1 ? 500 : 503 } : undefined));
    const posted = await client.chat.postMessage({ channel: 'C9', text: 'v1' });
    const since = standin.callsTo('chat.update').length;
    await client.chat.update({ channel: 'C9', ts: posted.ts as string, text: 'v2' });
    expect(
      standin
        .callsTo('chat.update')
        .slice(since)
        .map((c) => c.status),
    ).toEqual([500, 503, 200]);
    expect(standin.message('C9', posted.ts as string)?.text).toBe('v2');
  });

  it('5xx beyond the retries reaches the caller as an HTTP error', async () => {
    standin.intercept('auth.test', () => ({ status: 502 }));
    const error = await slackError(client.auth.test());
    expect(error.code).toBe('slack_webapi_http_error');
  });

  it('ok:false errors and delays', async () => {
    standin.intercept('chat.postMessage', ({ args }) =>
      args.channel === 'CARCHIVED' ? { error: 'is_archived' } : { delayMs: 120 },
    );
    expect((await slackError(client.chat.postMessage({ channel: 'CARCHIVED', text: 'x' }))).data?.error).toBe(
      'is_archived',
    );
    const started = performance.now();
    await client.chat.postMessage({ channel: 'C10', text: 'slow' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });
});

describe('waiting and benchmarks', () => {
  it('waitForCall resolves when the call arrives; waitFor times out with recent calls', async () => {
    const waiting = standin.waitForCall('chat.postMessage', (c) => c.args.text === 'later');
    setTimeout(() => void client.chat.postMessage({ channel: 'C11', text: 'later' }), 30);
    expect((await waiting).args.channel).toBe('C11');
    await expect(standin.waitFor(() => false, { timeoutMs: 50 })).rejects.toThrow(
      /Last \d+ Web API calls:[\s\S]*chat\.postMessage/,
    );
  });

  it('idle() resolves at once when no request is in flight', async () => {
    expect(standin.inFlight).toBe(0);
    const bound = new Promise((resolve) =>
      setTimeout(() => resolve('still waiting after 1 s'), 1_000).unref(),
    );
    expect(await Promise.race([standin.idle().then(() => 'idle'), bound])).toBe('idle');
  });

  it('idle() waits until a delayed request has been answered and recorded', async () => {
    standin.intercept('chat.postMessage', () => ({ delayMs: 200 }));
    const posting = client.chat.postMessage({ channel: 'C12', text: 'awaited by idle' });
    await standin.waitFor(() => standin.inFlight === 1);
    const recorded = () => standin.callsTo('chat.postMessage').some((c) => c.args.text === 'awaited by idle');
    expect(recorded()).toBe(false);
    await standin.idle();
    expect(recorded()).toBe(true);
    expect(standin.inFlight).toBe(0);
    await posting;
  });

  it('idle() waits for requests their sender wrote before it vanished, even unread when idle() is called', async () => {
    // What a killed bot leaves behind: a whole request on a new connection, then the connection gone.
    standin.intercept('chat.postMessage', () => ({ delayMs: 20 }));
    for (let i = 0; i < 20; i++) {
      const body = `channel=C13&text=orphan-${i}`;
      const socket = connect(standin.port, '127.0.0.1');
      await new Promise<void>((resolve) =>
        socket.end(
          'POST /api/chat.postMessage HTTP/1.1\r\nHost: slack.local\r\nAuthorization: Bearer xoxb-test\r\n' +
            `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
          resolve,
        ),
      );
      socket.destroy();
      await standin.idle();
      expect(standin.callsTo('chat.postMessage').filter((c) => c.args.text === `orphan-${i}`)).toHaveLength(
        1,
      );
    }
  });

  it('with recordCalls: false it still counts, and stores messages', async () => {
    const quiet = await startSlackStandin({ signingSecret: 's', recordCalls: false });
    try {
      const c = clientFor('xoxb-test', quiet);
      await Promise.all(
        Array.from({ length: 200 }, (_, i) => c.chat.postMessage({ channel: 'C1', text: `m${i}` })),
      );
      expect(quiet.count('chat.postMessage')).toBe(200);
      expect(quiet.calls).toEqual([]);
      expect(new Set(quiet.messages('C1').map((m) => m.ts)).size).toBe(200);
    } finally {
      await quiet.close();
    }
  });
});
