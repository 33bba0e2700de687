// A minimal Bolt App for the local Slack's HTTP-mode tests: it records what Slack sent each listener and
// answers as an app would (a modal, a response_url reply, a late modal, a pushed view, a Home publish).

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type BlockButtonAction, type SlashCommand, type ViewSubmitAction } from '@slack/bolt';
import type { SlackStandin } from '../../local-slack/index.ts';
import { silentLogger } from '../support/silent-logger.ts';

export interface Seen {
  commands: SlashCommand[];
  actions: BlockButtonAction[];
  submissions: ViewSubmitAction[];
  events: Array<{ event: Record<string, unknown>; retryNum?: number; retryReason?: string }>;
}

export const answerModal = {
  type: 'modal' as const,
  callback_id: 'answer',
  private_metadata: '{"question":"q-7"}',
  title: { type: 'plain_text' as const, text: 'Practice' },
  submit: { type: 'plain_text' as const, text: 'Save' },
  blocks: [
    {
      type: 'input' as const,
      block_id: 'situation',
      label: { type: 'plain_text' as const, text: 'Situation' },
      element: { type: 'plain_text_input' as const, action_id: 'text', multiline: true, max_length: 500 },
    },
    {
      type: 'input' as const,
      block_id: 'result',
      optional: true,
      label: { type: 'plain_text' as const, text: 'Result' },
      element: { type: 'plain_text_input' as const, action_id: 'text', initial_value: 'draft' },
    },
  ],
};

export const stepModal = (callbackId: string) => ({
  type: 'modal' as const,
  callback_id: callbackId,
  title: { type: 'plain_text' as const, text: callbackId },
  submit: { type: 'plain_text' as const, text: 'Next' },
  blocks: [{ type: 'actions' as const, block_id: 'nav', elements: [button('more', 'More', 'm')] }],
});

export function button(actionId: string, text: string, value: string) {
  return { type: 'button' as const, action_id: actionId, text: { type: 'plain_text' as const, text }, value };
}

/** Starts the app on a loopback port, its Web API at the local Slack; `seen` records every request. */
export async function startMinimalApp(
  standin: SlackStandin,
  signingSecret: string,
): Promise<{ app: App; botUrl: string; seen: Seen }> {
  const seen: Seen = { commands: [], actions: [], submissions: [], events: [] };
  const app = new App({
    token: standin.botToken,
    signingSecret,
    clientOptions: { slackApiUrl: standin.apiUrl },
    logger: silentLogger(),
  });
  app.command('/star', async ({ command, ack, respond, client }) => {
    seen.commands.push(command);
    await ack();
    if (command.text === 'modal')
      await client.views.open({ trigger_id: command.trigger_id, view: answerModal });
    else if (command.text === 'hints') {
      // The same action_id may repeat across blocks (not within one); the value tells the clicks apart.
      await respond({
        text: 'hints',
        blocks: [
          { type: 'actions', block_id: 'h1', elements: [button('hint', 'Hint', 'q-1')] },
          { type: 'actions', block_id: 'h2', elements: [button('hint', 'Hint', 'q-2')] },
        ],
      });
    } else if (command.text === 'late modal') {
      await new Promise((r) => setTimeout(r, 50));
      await client.views.open({ trigger_id: command.trigger_id, view: answerModal });
    } else await respond({ text: `You said: ${command.text}` });
  });
  app.action<BlockButtonAction>('practice', async ({ body, ack, respond }) => {
    seen.actions.push(body);
    await ack();
    await respond({ replace_original: true, text: 'Started' });
  });
  app.action<BlockButtonAction>('hint', async ({ body, ack, respond }) => {
    seen.actions.push(body);
    await ack();
    await respond({ replace_original: true, text: `Hint for ${body.actions[0]?.value}` });
  });
  app.action<BlockButtonAction>('share', async ({ body, ack, respond }) => {
    seen.actions.push(body);
    await ack();
    await respond({ response_type: 'in_channel', text: 'Shared with the channel' });
  });
  app.action<BlockButtonAction>('more', async ({ body, ack, client }) => {
    seen.actions.push(body);
    await ack();
    await client.views.push({ trigger_id: body.trigger_id, view: { ...stepModal('step2'), blocks: [] } });
  });
  // A pick in a select outside an input block (the story select of Star Drill's answer modal).
  app.action('pick', async ({ body, ack }) => {
    seen.actions.push(body as unknown as BlockButtonAction);
    await ack();
  });
  app.view('step1', async ({ ack }) => {
    await ack({ response_action: 'update', view: stepModal('step2') });
  });
  app.view<ViewSubmitAction>('answer', async ({ body, view, ack }) => {
    seen.submissions.push(body);
    const situation = view.state.values.situation?.text?.value ?? '';
    if (situation.length < 10) {
      await ack({ response_action: 'errors', errors: { situation: 'Tell a bit more' } });
      return;
    }
    await ack();
  });
  app.event('app_home_opened', async ({ event, context, client }) => {
    seen.events.push({ event: event as never, retryNum: context.retryNum, retryReason: context.retryReason });
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Home' } }] },
    });
  });
  const server = (await app.start(0)) as Server;
  return { app, botUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, seen };
}
