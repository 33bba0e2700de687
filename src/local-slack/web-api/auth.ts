// auth.test: the bot's identity, asked once at start-up (Bolt's authorize).

import { type Core, ok, type Result } from './common.ts';

export function authTest(core: Core): Result {
  const ws = core.workspace;
  return ok({
    url: `https://${ws.teamDomain}.slack.com/`,
    team: 'Stand-in Workspace',
    user: 'star-drill',
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: ws.botId,
    is_enterprise_install: false,
  });
}
