// What the sandbox relies on in the local Slack: a command's ack body shown as Slack shows it, a person's DM
// messages and zone changes sent as events, every visible change announced, and a snapshot that restores
// into a new instance with working buttons.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'node:querystring';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalSlackChange, type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';
import { silentLogger } from '../support/silent-logger.ts';

/** A stand-in bot: records what reaches it and answers with whatever the test sets. */
let received: Array<Record<string, unknown>> = [];
let answer: { status: number; type: string; body: string } = { status: 200, type: 'text/plain', body: '' };
let bot: Server;
let botUrl: string;
let standin: SlackStandin;
let client: WebClient;

function bodyOf(req: IncomingMessage, raw: string): Record<string, unknown> {
  if (req.headers['content-type']?.startsWith('application/json')) return JSON.parse(raw);
  const form = parse(raw);
  return typeof form.payload === 'string' ? JSON.parse(form.payload) : (form as Record<string, unknown>);
}

beforeAll(async () => {
  bot = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => {
      raw += d.toString();
    });
    req.on('end', () => {
      received.push(bodyOf(req, raw));
      res.writeHead(answer.status, { 'content-type': answer.type });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
  botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/slack/events`;
  standin = await startSlackStandin({ signingSecret: 's' });
  client = new WebClient('xoxb-test', { slackApiUrl: standin.apiUrl, logger: silentLogger() });
});

afterAll(async () => {
  await standin.close();
  await new Promise((resolve) => bot.close(resolve));
});

beforeEach(() => {
  received = [];
  answer = { status: 200, type: 'text/plain', body: '' };
});

describe("a slash command's answer", () => {
  it('a JSON body is an ephemeral for the person; in_channel is a message for everyone; empty is nothing', async () => {
    const dm = standin.dmChannelFor('U1');
    answer = { status: 200, type: 'application/json', body: JSON.stringify({ text: 'Only *you*' }) };
    await standin.slashCommand(botUrl, { userId: 'U1', text: 'help' });
    expect(standin.ephemeralsIn('U1', dm).map((m) => m.text)).toEqual(['Only *you*']);
    expect(standin.ephemeralsIn('U2', dm)).toEqual([]);

    answer = { status: 200, type: 'text/plain', body: 'plain words' };
    await standin.slashCommand(botUrl, { userId: 'U1', text: 'x' });
    expect(standin.ephemeralsIn('U1', dm).map((m) => m.text)).toEqual(['Only *you*', 'plain words']);

    answer = {
      status: 200,
      type: 'application/json',
      body: JSON.stringify({ response_type: 'in_channel', text: 'all' }),
    };
    await standin.slashCommand(botUrl, { userId: 'U1', text: 'x' });
    expect(standin.messages(dm).map((m) => m.text)).toEqual(['all']);

    answer = { status: 200, type: 'text/plain', body: '' };
    await standin.slashCommand(botUrl, { userId: 'U1', text: 'x' });
    answer = { status: 500, type: 'text/plain', body: 'boom' };
    await standin.slashCommand(botUrl, { userId: 'U1', text: 'x' });
    expect(standin.ephemeralsIn('U1', dm)).toHaveLength(2);
    expect(standin.messages(dm)).toHaveLength(1);
  });
});

describe("a person's gestures", () => {
  it('a DM message appears from the person and reaches the bot as a message event (im)', async () => {
    await standin.userMessage(botUrl, { userId: 'U3', text: 'hello bot' });
    const dm = standin.dmChannelFor('U3');
    const [shown] = standin.messages(dm);
    expect(shown).toMatchObject({ user: 'U3', text: 'hello bot' });
    expect(received.at(-1)).toMatchObject({
      type: 'event_callback',
      event: {
        type: 'message',
        channel_type: 'im',
        channel: dm,
        user: 'U3',
        text: 'hello bot',
        ts: shown?.ts,
      },
    });
  });

  it('a zone change is what users.info answers from then on, and reaches the bot as user_change', async () => {
    standin.setUser({
      id: 'U4',
      name: 'ravi',
      tz: 'Asia/Kolkata',
      tz_offset: 19800,
      tz_label: 'India Standard Time',
    });
    await standin.userChange(botUrl, { userId: 'U4', tz: 'Asia/Tokyo' });
    expect((await client.users.info({ user: 'U4' })).user).toMatchObject({
      tz: 'Asia/Tokyo',
      tz_offset: 9 * 3600,
      tz_label: 'Japan Standard Time',
      name: 'ravi',
    });
    expect(received.at(-1)).toMatchObject({
      type: 'event_callback',
      event: { type: 'user_change', user: { id: 'U4', tz: 'Asia/Tokyo' } },
    });
  });

  it('closing a modal closes the top of the stack only', async () => {
    const modal = (title: string) => ({
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: title },
      blocks: [],
    });
    const root = await client.views.open({ trigger_id: standin.newTriggerId('U5'), view: modal('one') });
    const pushed = await client.views.push({ trigger_id: standin.newTriggerId('U5'), view: modal('two') });
    standin.closeView('U5', root.view?.id as string); // not on top: nothing happens
    expect(standin.openModal('U5')?.id).toBe(pushed.view?.id);
    standin.closeView('U5', pushed.view?.id as string);
    expect(standin.openModal('U5')?.id).toBe(root.view?.id);
  });
});

describe('changes and snapshots', () => {
  it('announces every visible change', async () => {
    const seen: LocalSlackChange['kind'][] = [];
    const stop = standin.onChange((c) => seen.push(c.kind));
    const posted = await client.chat.postMessage({ channel: 'U6', text: 'a' });
    await client.chat.update({ channel: posted.channel as string, ts: posted.ts as string, text: 'b' });
    await client.chat.postMessage({
      channel: posted.channel as string,
      thread_ts: posted.ts as string,
      text: 'r',
    });
    await client.views.publish({ user_id: 'U6', view: { type: 'home', blocks: [] } });
    standin.setUser({ id: 'U6' });
    stop();
    await client.chat.postMessage({ channel: 'U6', text: 'unheard' });
    // The reply is announced, then its parent with the new reply count.
    expect(seen).toEqual(['message', 'message', 'message', 'message', 'view', 'user']);
  });

  it('restores into a new instance: DM, threads, ephemerals, home tab, people, files; ts keep increasing', async () => {
    const first = await startSlackStandin({ signingSecret: 's' });
    const web = new WebClient('xoxb-test', { slackApiUrl: first.apiUrl, logger: silentLogger() });
    first.setUser({ id: 'U7', name: 'ada', tz: 'Europe/London' });
    const drill = await web.chat.postMessage({
      channel: 'U7',
      text: 'drill',
      blocks: [
        {
          type: 'actions',
          block_id: 'b',
          elements: [
            { type: 'button', action_id: 'go', value: '9', text: { type: 'plain_text', text: 'Go' } },
          ],
        },
      ],
    });
    const dm = drill.channel as string;
    await web.chat.postMessage({ channel: dm, thread_ts: drill.ts as string, text: 'feedback' });
    await web.views.publish({ user_id: 'U7', view: { type: 'home', blocks: [] } });
    await web.filesUploadV2({ channel_id: dm, filename: 'a.txt', content: 'bytes' });
    answer = { status: 200, type: 'application/json', body: JSON.stringify({ text: 'just you' }) };
    await first.slashCommand(botUrl, { userId: 'U7', text: 'status' });
    const saved = JSON.parse(JSON.stringify(first.snapshot()));
    await first.close();

    // A clock that went back: new ts still come after the restored ones.
    const second = await startSlackStandin({ signingSecret: 's', state: saved, now: () => 1_000 });
    try {
      expect(second.messages(dm).map((m) => m.text)).toEqual(['drill', 'feedback', '']);
      expect(second.message(dm, drill.ts as string)?.reply_count).toBe(1);
      expect(second.ephemeralsIn('U7', dm).map((m) => m.text)).toEqual(['just you']);
      expect(second.homeView('U7')?.type).toBe('home');
      expect(second.user('U7')).toMatchObject({ name: 'ada', tz: 'Europe/London' });
      const file = second.messages(dm)[2]?.files?.[0];
      expect(second.file(file?.id as string)?.bytes?.toString()).toBe('bytes');

      const before = received.length;
      await second.clickButton(botUrl, {
        userId: 'U7',
        channel: dm,
        messageTs: drill.ts as string,
        actionId: 'go',
      });
      expect(received[before]).toMatchObject({
        type: 'block_actions',
        actions: [{ action_id: 'go', value: '9' }],
      });
      const again = await new WebClient('xoxb-test', {
        slackApiUrl: second.apiUrl,
        logger: silentLogger(),
      }).chat.postMessage({
        channel: dm,
        text: 'later',
      });
      const latest = Math.max(...(saved.messages as Array<{ ts: string }>).map((m) => Number(m.ts)));
      expect(Number(again.ts)).toBeGreaterThan(latest);
    } finally {
      await second.close();
    }
  });
});
