// view_submission of the STAR modal: valid and invalid parts (blank, whitespace, zero-width only, 3,001+
// characters, null, numbers, objects, missing), state or values of the wrong type or absent, private_metadata
// holding another user's drill, garbage, JSON or 3,001+ characters, other callback ids, no user, no view id.

import { stringify } from 'node:querystring';
import fc from 'fast-check';
import type { Workspace } from '../../../local-slack/index.ts';
import { STAR_PARTS, type StarAnswer } from '../../../src/drills/star-answer.ts';
import { ACTION_STAR_INPUT, VIEW_STAR_ANSWER } from '../../../src/views/ids.ts';
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

/** A view_submission of the STAR modal as Slack sends it, `values` as its state. */
export function starSubmissionPayload(
  ws: Workspace,
  p: { userId: string; viewId: string; privateMetadata: string; values: Obj },
): Obj {
  return {
    type: 'view_submission',
    team: { id: ws.teamId, domain: ws.teamDomain },
    user: { id: p.userId, username: 'u', name: 'u', team_id: ws.teamId },
    api_app_id: ws.appId,
    token: ws.verificationToken,
    trigger_id: TRIGGER,
    view: {
      id: p.viewId,
      team_id: ws.teamId,
      type: 'modal',
      callback_id: VIEW_STAR_ANSWER,
      private_metadata: p.privateMetadata,
      state: { values: p.values },
      hash: '1.abc',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** The state values of the STAR modal holding `parts` (an undefined part is left out). */
export function starValues(parts: Partial<Record<keyof StarAnswer, unknown>>): Obj {
  const values: Obj = {};
  for (const part of STAR_PARTS) {
    const value = parts[part];
    if (value !== undefined) values[part] = { [ACTION_STAR_INPUT]: { type: 'plain_text_input', value } };
  }
  return values;
}

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
const anyPart = fc.oneof({ weight: 4, arbitrary: validPart }, { weight: 1, arbitrary: invalidPart });

export const submissionCase = (world: HostileWorld) =>
  fc
    .record({
      user: userChoice(world),
      drill: drillChoice(world),
      parts: fc.tuple(anyPart, anyPart, anyPart, anyPart),
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
    .map(({ user, drill, parts, mutations }): HostileCase => {
      const payload = starSubmissionPayload(world.workspace, {
        userId: user,
        viewId: 'V0FUZZ',
        privateMetadata: drill.raw,
        values: starValues(Object.fromEntries(STAR_PARTS.map((part, i) => [part, parts[i]]))),
      });
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
