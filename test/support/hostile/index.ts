// Generated hostile requests for test/faults/hostile-input.test.ts (fast-check): correctly signed bodies of
// every kind Slack sends, each with what the spec lets it change (`allowed`), one file per payload kind:
//   command.ts     slash commands            click.ts  block_actions on the answer button
//   submission.ts  STAR modal submissions    event.ts  Events API envelopes
//   raw.ts         malformed bodies and content types
// common.ts holds the case type, the world the cases are about, field mutations and hostile text.

import fc from 'fast-check';
import type { SlackStandin } from '../../../local-slack/index.ts';
import { clickCase } from './click.ts';
import { commandCase } from './command.ts';
import { COMMAND_CHANNEL, type HostileCase, type HostileWorld, RESPONSE_URL, TRIGGER } from './common.ts';
import { eventCase } from './event.ts';
import { rawCase } from './raw.ts';
import { submissionCase } from './submission.ts';

export type { Allowed, HostileCase, HostileWorld } from './common.ts';
export { starSubmissionPayload, starValues } from './submission.ts';

/** Any hostile request about `world`, weighted towards the kinds with the most to get wrong. */
export const hostileRequest = (world: HostileWorld): fc.Arbitrary<HostileCase> =>
  fc.oneof(
    { weight: 3, arbitrary: commandCase(world) },
    { weight: 3, arbitrary: clickCase(world) },
    { weight: 4, arbitrary: submissionCase(world) },
    { weight: 3, arbitrary: eventCase(world) },
    { weight: 2, arbitrary: rawCase },
  );

/** The body to send: placeholders replaced by a trigger id and a response_url the local Slack issued now. */
export function requestBody(c: HostileCase, standin: SlackStandin): string {
  const user = c.triggerUser || 'U0FUZZ';
  return c.body
    .replaceAll(TRIGGER, standin.newTriggerId(user))
    .replaceAll(
      RESPONSE_URL,
      encodeURIComponent(standin.newResponseUrl('commands', { user, channel: COMMAND_CHANNEL })),
    );
}
