// block_actions on the drill's answer button: the owner's, another user's, unknown, zero, negative,
// non-numeric, fractional, padded, huge and SQL-looking drill ids; other or absent action ids; no, several or
// non-array actions; absent, empty, unknown and overlong trigger ids; no user; wrong types.

import { stringify } from 'node:querystring';
import fc from 'fast-check';
import { ACTION_ANSWER_DRILL } from '../../../src/views/ids.ts';
import { FORM } from '../drill-driver.ts';
import {
  drillChoice,
  drop,
  type HostileCase,
  type HostileWorld,
  type Mutation,
  type Obj,
  set,
  TRIGGER,
  userChoice,
} from './common.ts';

export const clickCase = (world: HostileWorld) =>
  fc
    .record({
      user: userChoice(world),
      drill: drillChoice(world),
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
    .map(({ user, drill, mutations, twoActions }): HostileCase => {
      const ws = world.workspace;
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
        user: { id: user, username: 'u', name: 'u', team_id: ws.teamId },
        api_app_id: ws.appId,
        token: ws.verificationToken,
        container: {
          type: 'message',
          message_ts: '1700000000.000001',
          channel_id: 'D0FUZZ',
          is_ephemeral: false,
        },
        trigger_id: TRIGGER,
        team: { id: ws.teamId, domain: ws.teamDomain },
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
