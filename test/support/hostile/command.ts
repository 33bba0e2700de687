// Slash commands: `/star` with any text (unicode graphemes, control characters, `<!channel>`, `<@U..>`,
// subcommands with good and bad arguments, prototype keys, strings of 4,001 to 100,000 characters), from the
// drills' owners, other users and unknown users; fields dropped, duplicated (so they arrive as arrays),
// emptied, overlong or not URLs; other commands; sent as JSON instead of a form.

import { stringify } from 'node:querystring';
import fc from 'fast-check';
import { FORM } from '../drill-driver.ts';
import {
  anyText,
  COMMAND_CHANNEL,
  drop,
  type HostileCase,
  type HostileWorld,
  JSON_TYPE,
  type Mutation,
  type Obj,
  RESPONSE_URL,
  set,
  TRIGGER,
  userChoice,
} from './common.ts';

export const commandCase = (world: HostileWorld) =>
  fc
    .record({
      user: userChoice(world),
      text: anyText,
      mutations: fc.array(
        fc.constantFrom<Mutation>(
          drop('command', true),
          set('command', '/start', true),
          set('command', '/STAR', true),
          set('command', '', true),
          drop('user_id', true),
          set('user_id', ['U1', 'U2'], true),
          set('user_id', '', true),
          drop('channel_id', true),
          set('channel_id', 'C'.repeat(65), true),
          set('text', ['random', 'help'], true),
          set('response_url', 'not a url', true),
          set('trigger_id', 't'.repeat(256), true),
          drop('team_id', false),
          drop('team_domain', false),
          drop('channel_name', false),
          drop('user_name', false),
          drop('api_app_id', false),
          drop('token', false),
          drop('trigger_id', false),
          drop('is_enterprise_install', false),
        ),
        { maxLength: 2 },
      ),
      encoding: fc.constantFrom('form', 'form', 'form', 'form', 'json'),
    })
    .map(({ user, text, mutations, encoding }): HostileCase => {
      const ws = world.workspace;
      const fields: Obj = {
        token: ws.verificationToken,
        team_id: ws.teamId,
        team_domain: ws.teamDomain,
        channel_id: COMMAND_CHANNEL,
        channel_name: 'general',
        user_id: user,
        user_name: 'u',
        command: '/star',
        text,
        api_app_id: ws.appId,
        is_enterprise_install: 'false',
        response_url: RESPONSE_URL,
        trigger_id: TRIGGER,
      };
      for (const m of mutations) m.apply(fields);
      const idOk = user.length >= 1 && user.length <= 64;
      // Slack sends commands as a form; the same fields as JSON are still the same signed command.
      const wellFormed = idOk && text.length <= 4000 && !mutations.some((m) => m.breaks);
      return {
        label: `slash command (${encoding}) ${mutations.map((m) => m.name).join(', ')} text=${JSON.stringify(text.slice(0, 30))}`,
        body: encoding === 'form' ? stringify(fields as Record<string, string>) : JSON.stringify(fields),
        contentType: encoding === 'form' ? FORM : JSON_TYPE,
        triggerUser: user,
        allowed: wellFormed ? { kind: 'command', userId: user } : undefined,
      };
    });
