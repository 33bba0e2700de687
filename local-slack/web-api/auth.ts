// auth.test: the identity of the token's workspace (Bolt's authorize asks it once at start-up, and
// @slack/oauth after each install).

import { type Core, ok, type Result } from './common.ts';

export function authTest(core: Core): Result {
  const ws = core.workspace;
  return ok({
    url: ws.isEnterpriseInstall
      ? `https://${ws.teamDomain}.enterprise.slack.com/`
      : `https://${ws.teamDomain}.slack.com/`,
    team: ws.teamName ?? 'Stand-in Workspace',
    user: 'star-drill',
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: ws.botId,
    ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId } : {}),
    is_enterprise_install: ws.isEnterpriseInstall ?? false,
  });
}
