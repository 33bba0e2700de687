// Events API: user_change with valid, unknown and hostile time zones for known and unknown users, other event
// types (message, app_mention, app_home_opened, function_executed, tokens_revoked, made-up ones), envelopes
// without event_id or event, other envelope types.

import fc from 'fast-check';
import { eventEnvelope } from '../../../local-slack/index.ts';
import {
  drop,
  type HostileCase,
  type HostileWorld,
  JSON_TYPE,
  type Mutation,
  type Obj,
  set,
  userChoice,
} from './common.ts';

/** The zones a well-formed user_change may set; any other value must leave the user's zone alone. */
const ZONES = ['Europe/Paris', 'Asia/Tokyo', 'America/New_York', 'UTC'];

export const eventCase = (world: HostileWorld) =>
  fc
    .record({
      eventId: fc.stringMatching(/^Ev[A-Z0-9]{9}$/),
      type: fc.constantFrom(
        'user_change',
        'user_change',
        'user_change',
        'message',
        'app_mention',
        'app_home_opened',
        'function_executed',
        'tokens_revoked',
        'app_uninstalled',
        'made_up_event',
        '',
      ),
      user: userChoice(world),
      tz: fc.constantFrom<string | number | undefined>(
        ...ZONES,
        'Mars/Olympus_Mons',
        '+05:00',
        '../../etc/passwd',
        '',
        'x'.repeat(300),
        42,
        undefined,
      ),
      userShape: fc.constantFrom('object', 'object', 'object', 'string', 'absent'),
      mutations: fc.array(
        fc.constantFrom<Mutation>(
          drop('event_id', true),
          set('event_id', '', true),
          set('event_id', 12345, true),
          set('event_id', 'E'.repeat(300), true),
          drop('event', true),
          set('event', 'user_change', true),
          drop('event.type', true),
          set('type', 'app_rate_limited', true),
          set('type', 'event_callback_v2', true),
          drop('type', true),
          drop('team_id', false),
          drop('authorizations', false),
          drop('api_app_id', false),
          drop('event_time', false),
          drop('token', false),
        ),
        { maxLength: 2 },
      ),
    })
    .map(({ eventId, type, user, tz, userShape, mutations }): HostileCase => {
      const event: Obj = { type, event_ts: '1700000000.000200' };
      if (userShape === 'object') event.user = tz === undefined ? { id: user } : { id: user, tz };
      if (userShape === 'string') event.user = user;
      const envelope = eventEnvelope(world.workspace, event, eventId, 1_700_000_000);
      for (const m of mutations) m.apply(envelope);
      const wellFormed = type.length > 0 && !mutations.some((m) => m.breaks);
      const isUserChange = wellFormed && type === 'user_change';
      return {
        label: `event ${type} ${mutations.map((m) => m.name).join(', ')}`,
        body: JSON.stringify(envelope),
        contentType: JSON_TYPE,
        pausesDelivery: wellFormed && type === 'app_uninstalled' && envelope.team_id !== undefined,
        allowed: isUserChange
          ? {
              kind: 'event',
              eventId,
              userId: userShape === 'object' ? user : undefined,
              tz: typeof tz === 'string' && ZONES.includes(tz) ? tz : undefined,
            }
          : undefined,
      };
    });
