// The local Slack's people picker and people, as Slack's contract has them: a modal with a users_select opens
// (its placeholder plain text, its initial_user a user id), and users.info names a Slack Connect guest's own
// workspace in team_id. What the picker submits (`{ type: 'users_select', selected_user }`) is driven through
// the bot in test/peer-review-e2e.
//
// Bad inputs tried: an initial_user that is not a string, a mrkdwn placeholder (both refused by views.open).

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

const picker = (element: Record<string, unknown>) => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: 'Pick' },
  submit: { type: 'plain_text' as const, text: 'Send' },
  blocks: [
    {
      type: 'input',
      block_id: 'who',
      label: { type: 'plain_text', text: 'Colleague' },
      element: { type: 'users_select', action_id: 'user', ...element },
    },
  ],
});

describe('users_select and users.info', () => {
  it('opens a modal with a people picker; refuses a malformed one', async () => {
    standin.setUser({ id: 'U0PICKER' });
    const opened = await client.views.open({
      trigger_id: standin.newTriggerId('U0PICKER'),
      view: picker({ placeholder: { type: 'plain_text', text: 'Choose' }, initial_user: 'U0OTHER' }) as never,
    });
    expect(opened.ok).toBe(true);
    for (const bad of [{ initial_user: 42 }, { placeholder: { type: 'mrkdwn', text: '*x*' } }]) {
      const error = await client.views
        // Deliberately malformed: the SDK's types would refuse it, Slack's server does.
        .open({ trigger_id: standin.newTriggerId('U0PICKER'), view: picker(bad) as never })
        .then(
          () => undefined,
          (e: WebAPICallError) => e,
        );
      expect((error as { data?: { error?: string } } | undefined)?.data?.error).toBe('invalid_arguments');
    }
  });

  it('users.info names a guest’s own workspace; a member’s is this one', async () => {
    standin.setUser({ id: 'U0GUEST', team_id: 'T0ELSEWHERE' });
    standin.setUser({ id: 'U0MEMBER' });
    const guest = await client.users.info({ user: 'U0GUEST' });
    const member = await client.users.info({ user: 'U0MEMBER' });
    expect(guest.user?.team_id).toBe('T0ELSEWHERE');
    expect(member.user?.team_id).toBe(standin.workspace.teamId);
  });
});
