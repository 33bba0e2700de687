// The local Slack's chat.postEphemeral and conversations.open, driven by the real WebClient the bot uses: a
// busy bot tells a person "busy" in their DM with them this way when the click has no response_url.
//
// Bad inputs tried: a user id as the channel (Slack wants a conversation id), no user, another person's DM,
// conversations.open without users.

import { type WebAPICallError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';
import { silentLogger } from '../support/silent-logger.ts';

let standin: SlackStandin;
let client: WebClient;

beforeAll(async () => {
  standin = await startSlackStandin({ signingSecret: 'secret' });
  client = new WebClient('xoxb-test', {
    slackApiUrl: standin.apiUrl,
    retryConfig: { retries: 0 },
    logger: silentLogger(),
  });
});
afterAll(() => standin.close());

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

describe('ephemerals in a DM (chat.postEphemeral, conversations.open)', () => {
  it('opens the DM and shows the message to that person only there; refuses a user id as channel, no user, another person’s DM', async () => {
    const opened = await client.conversations.open({ users: 'U444' });
    const dm = String(opened.channel?.id);
    expect(dm).toBe(standin.dmChannelFor('U444'));
    const posted = await client.chat.postEphemeral({ channel: dm, user: 'U444', text: 'only you' });
    expect(posted.ok).toBe(true);
    expect(standin.ephemeralsIn('U444', dm).map((m) => m.text)).toEqual(['only you']);
    // Slack wants a conversation id, not a user id; a user; and the user in that conversation.
    for (const [args, error] of [
      [{ channel: 'U444', user: 'U444', text: 'x' }, 'channel_not_found'],
      [{ channel: dm, text: 'x' }, 'invalid_arguments'],
      [{ channel: dm, user: 'U555', text: 'x' }, 'user_not_in_channel'],
    ] as const) {
      expect((await slackError(client.apiCall('chat.postEphemeral', args))).data?.error).toBe(error);
    }
    expect((await slackError(client.apiCall('conversations.open', {}))).data?.error).toBe(
      'invalid_arguments',
    );
  });
});
