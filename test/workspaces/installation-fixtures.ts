// Installations as Bolt's OAuth flow hands them to the InstallationStore: one workspace's, and an
// Enterprise Grid organisation's (org-wide), with made-up tokens.

import type { Installation } from '@slack/oauth';

export const teamBot = (teamId: string) => ({
  token: `xoxb-${teamId}-secret-token`,
  scopes: ['chat:write', 'commands'],
  id: `B${teamId}`,
  userId: `U${teamId}BOT`,
});

export function teamInstall(
  teamId: string,
  overrides: Partial<Installation<'v2', false>> = {},
): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    bot: teamBot(teamId),
    appId: 'A0APP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
    ...overrides,
  };
}

export function orgInstall(enterpriseId: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid Org' },
    user: { id: 'WADMIN', token: undefined, scopes: undefined },
    bot: { token: `xoxb-${enterpriseId}-org-token`, scopes: ['chat:write'], id: 'BORG', userId: 'WORGBOT' },
    appId: 'A0APP',
    enterpriseUrl: 'https://grid-org.enterprise.slack.com/',
    tokenType: 'bot',
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}
