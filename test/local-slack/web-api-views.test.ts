// The local Slack's Web API for views, files and users, driven by the real WebClient the bot uses.

import { type WebAPICallError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';
import { silentLogger } from '../support/silent-logger.ts';

const FAST_RETRY = { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 20 };
let clock = Date.UTC(2025, 2, 9, 12, 0, 0); // 2025-03-09 12:00 UTC: New York has just gone to EDT
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

const modal = (overrides: Record<string, unknown> = {}) => ({
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

describe('views', () => {
  it('a fresh trigger opens a modal; a reused one is exchanged_trigger_id', async () => {
    const trigger = standin.newTriggerId('U333');
    const res = await client.views.open({ trigger_id: trigger, view: modal() as never });
    const id = res.view?.id as string;
    expect(id).toMatch(/^V/);
    expect(res.view).toMatchObject({
      callback_id: 'answer',
      state: { values: {} },
      hash: expect.any(String),
    });
    expect(standin.views.get(id)).toMatchObject({
      user: 'U333',
      trigger,
      hash: res.view?.hash,
      closed: false,
    });
    expect(standin.openModal('U333')?.id).toBe(id);
    const again = slackError(client.views.open({ trigger_id: trigger, view: modal() as never }));
    expect((await again).data?.error).toBe('exchanged_trigger_id');
    const forged = slackError(client.views.open({ trigger_id: '1.2.abc', view: modal() as never }));
    expect((await forged).data?.error).toBe('invalid_trigger_id');
  });

  it('a trigger older than 3 s is expired_trigger_id (by the injected clock)', async () => {
    const trigger = standin.newTriggerId('U333');
    clock += 3001;
    const late = slackError(client.views.open({ trigger_id: trigger, view: modal() as never }));
    expect((await late).data?.error).toBe('expired_trigger_id');
    const fresh = standin.newTriggerId('U333');
    clock += 3000;
    await expect(client.views.open({ trigger_id: fresh, view: modal() as never })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('validates views as Slack does, with [ERROR] messages', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: { type: 'plain_text', text: 'x'.repeat(25) } }, '/view/title/text'],
      [{ submit: { type: 'plain_text', text: 'x'.repeat(25) } }, '/view/submit/text'],
      [{ private_metadata: 'x'.repeat(3001) }, '/view/private_metadata'],
      [{ callback_id: 'x'.repeat(256) }, '/view/callback_id'],
      [{ type: 'home' }, '/view/type'],
      [{ blocks: Array.from({ length: 101 }, (_, i) => section(`b${i}`)) }, '/view/blocks'],
      [{ submit: undefined }, '/view/submit'],
    ];
    const withElement = (element: Record<string, unknown>) => ({
      blocks: [{ type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'L' }, element }],
    });
    cases.push(
      [withElement({ type: 'plain_text_input', action_id: 'a', max_length: 3001 }), '/element/max_length'],
      [withElement({ type: 'plain_text_input', action_id: 'a', max_length: 0 }), '/element/max_length'],
      [withElement({ type: 'plain_text_input', action_id: 'a', min_length: 3001 }), '/element/min_length'],
      [
        withElement({ type: 'plain_text_input', action_id: 'a', max_length: 5, initial_value: '123456' }),
        '/element/initial_value',
      ],
      [withElement({ type: 'plain_text_input', action_id: 'a'.repeat(256) }), '/element/action_id'],
      [
        withElement({
          type: 'static_select',
          action_id: 'a',
          options: [{ text: { type: 'plain_text', text: 'X' }, value: 'x' }],
          initial_option: { text: { type: 'plain_text', text: 'Y' }, value: 'y' },
        }),
        '/element/initial_option',
      ],
      [{ blocks: [section('a', 'same'), section('b', 'same')] }, '/view/blocks/1/block_id'],
      [{ blocks: [section('a', 'x'.repeat(256))] }, '/view/blocks/0/block_id'],
    );
    for (const [overrides, pointer] of cases) {
      const error = await slackError(
        client.views.open({ trigger_id: standin.newTriggerId('U333'), view: modal(overrides) as never }),
      );
      expect(error.data?.error, pointer).toBe('invalid_arguments');
      const messages = (error.data?.response_metadata as { messages: string[] } | undefined)?.messages ?? [];
      expect(messages.join('\n'), pointer).toMatch(/^\[ERROR\] /);
      expect(messages.join('\n'), pointer).toContain(pointer);
    }
    const at24 = modal({ title: { type: 'plain_text', text: 'x'.repeat(24) } });
    const ok = await client.views.open({ trigger_id: standin.newTriggerId('U333'), view: at24 as never });
    expect(ok.ok).toBe(true);
  });

  it('views.update needs a known view and the current hash', async () => {
    const opened = await client.views.open({
      trigger_id: standin.newTriggerId('U444'),
      view: modal() as never,
    });
    const id = opened.view?.id as string;
    const hash = opened.view?.hash as string;
    const updated = await client.views.update({
      view_id: id,
      hash,
      view: modal({ callback_id: 'next' }) as never,
    });
    expect(updated.view?.hash).not.toBe(hash);
    expect(standin.views.get(id)?.view.callback_id).toBe('next');
    const stale = slackError(client.views.update({ view_id: id, hash, view: modal() as never }));
    expect((await stale).data?.error).toBe('hash_conflict');
    const unknown = slackError(client.views.update({ view_id: 'VNOPE', view: modal() as never }));
    expect((await unknown).data?.error).toBe('not_found');
    const invalid = slackError(
      client.views.update({
        view_id: id,
        view: modal({ title: { type: 'plain_text', text: 'x'.repeat(30) } }) as never,
      }),
    );
    expect((await invalid).data?.error).toBe('invalid_arguments');
  });

  it('views.open with an external_id can be updated by it', async () => {
    const view = modal({ external_id: 'draft-U444' });
    const opened = await client.views.open({ trigger_id: standin.newTriggerId('U444'), view: view as never });
    await client.views.update({
      external_id: 'draft-U444',
      view: modal({ external_id: 'draft-U444', callback_id: 'z' }) as never,
    });
    expect(standin.views.get(opened.view?.id as string)?.view.callback_id).toBe('z');
  });

  it('views.publish needs user_id and a home view', async () => {
    const home = { type: 'home', blocks: [section('Your streak: 3')] };
    const first = await client.views.publish({ user_id: 'U555', view: home as never });
    const second = await client.views.publish({ user_id: 'U555', view: home as never });
    expect(second.view?.id).toBe(first.view?.id);
    expect(standin.homeView('U555')?.view).toEqual(home);
    const modalAsHome = slackError(client.views.publish({ user_id: 'U555', view: modal() as never }));
    expect((await modalAsHome).data?.error).toBe('invalid_arguments');
    const noUser = slackError(client.apiCall('views.publish', { view: home }));
    expect((await noUser).data?.error).toBe('invalid_arguments');
  });
});

describe('files', () => {
  it('filesUploadV2 (upload URL, POST, complete) shares the file in a thread, downloadable', async () => {
    const parent = await client.chat.postMessage({ channel: 'C12', text: 'your history' });
    const res = await client.filesUploadV2({
      channel_id: 'C12',
      thread_ts: parent.ts as string,
      filename: 'history.csv',
      content: 'date,topic\n2025-03-09,incidents\n',
      initial_comment: 'Here it is',
    });
    expect(res.ok).toBe(true);
    const reply = standin.thread('C12', parent.ts as string)[1];
    expect(reply).toMatchObject({
      text: 'Here it is',
      thread_ts: parent.ts,
      files: [{ name: 'history.csv' }],
    });
    expect(standin.message('C12', parent.ts as string)?.reply_count).toBe(1);
    const download = await fetch(reply?.files?.[0]?.url as string);
    expect(download.headers.get('content-disposition')).toContain('history.csv');
    expect(await download.text()).toBe('date,topic\n2025-03-09,incidents\n');
  });

  it('completing an upload whose bytes never arrived is file_not_found', async () => {
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'x.txt', length: 3 });
    const error = await slackError(
      client.files.completeUploadExternal({ files: [{ id: file_id as string }], channel_id: 'C12' }),
    );
    expect(error.data?.error).toBe('file_not_found');
  });

  it("a person's upload (a modal's file_input): files.info names it; url_private needs the bot token", async () => {
    const id = standin.uploadFile('U444', 'team-guide.md', '# Team guide\n');
    const info = await client.files.info({ file: id });
    expect(info.file).toMatchObject({
      id,
      name: 'team-guide.md',
      filetype: 'markdown',
      size: 13,
      user: 'U444',
    });
    const url = info.file?.url_private as string;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: 'Bearer xoxb-not-a-token' } })).status).toBe(403);
    const download = await fetch(url, { headers: { authorization: 'Bearer xoxb-test' } });
    expect(await download.text()).toBe('# Team guide\n');
    expect((await slackError(client.files.info({ file: 'F0NOPE' }))).data?.error).toBe('file_not_found');
  });

  it('a file_input must take 1-10 files', async () => {
    const withFiles = (max: number) =>
      modal({
        blocks: [
          {
            type: 'input',
            block_id: 'guide',
            label: { type: 'plain_text', text: 'Guide' },
            element: { type: 'file_input', action_id: 'file', filetypes: ['md'], max_files: max },
          },
        ],
      });
    const opened = await client.views.open({
      trigger_id: standin.newTriggerId('U444'),
      view: withFiles(1) as never,
    });
    expect(opened.ok).toBe(true);
    const error = await slackError(
      client.views.open({ trigger_id: standin.newTriggerId('U444'), view: withFiles(11) as never }),
    );
    expect(error.data?.error).toBe('invalid_arguments');
  });
});

describe('users', () => {
  it('users.info answers from setUser with the offset of the IANA zone at the clock', async () => {
    standin.setUser({ id: 'U666', tz: 'America/New_York', name: 'ada' });
    const res = await client.users.info({ user: 'U666' });
    expect(res.user).toMatchObject({
      id: 'U666',
      name: 'ada',
      tz: 'America/New_York',
      tz_offset: -4 * 3600,
      tz_label: 'Eastern Daylight Time',
      deleted: false,
    });
    standin.setUser({
      id: 'U667',
      tz: 'Europe/Paris',
      tz_offset: 3600,
      tz_label: 'Central European Time',
      deleted: true,
    });
    expect((await client.users.info({ user: 'U667' })).user).toMatchObject({
      tz_offset: 3600,
      deleted: true,
    });
    expect((await slackError(client.users.info({ user: 'U000' }))).data?.error).toBe('user_not_found');
  });
});
