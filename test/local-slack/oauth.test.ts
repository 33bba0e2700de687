// The local Slack's installs (OAuth v2): the authorize page's redirect, oauth.v2.access, one token per
// workspace, revoked tokens. Driven by the real WebClient, as @slack/oauth's InstallProvider calls it.

import { type WebAPICallError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORIZE_URL, type SlackStandin, startSlackStandin } from '../../local-slack/index.ts';
import { silentLogger } from '../support/silent-logger.ts';

const CLIENT_ID = '123.456';
const CLIENT_SECRET = 'shh-client-secret';
const REDIRECT = 'https://bot.example/slack/oauth_redirect';
let skewMs = 0;
let standin: SlackStandin;

beforeAll(async () => {
  standin = await startSlackStandin({
    signingSecret: 'secret',
    now: () => Date.now() + skewMs,
    oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrls: [REDIRECT] },
  });
});
afterAll(() => standin.close());

const client = (token?: string) =>
  new WebClient(token, { slackApiUrl: standin.apiUrl, logger: silentLogger(), retryConfig: { retries: 0 } });

function authorizeUrl(p: { clientId?: string; scope?: string; state?: string; redirectUri?: string } = {}) {
  const url = new URL(AUTHORIZE_URL);
  url.searchParams.set('scope', p.scope ?? 'chat:write,commands');
  if (p.state !== undefined) url.searchParams.set('state', p.state);
  url.searchParams.set('client_id', p.clientId ?? CLIENT_ID);
  if (p.redirectUri) url.searchParams.set('redirect_uri', p.redirectUri);
  return url.toString();
}

async function slackError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return ((err as WebAPICallError & { data?: { error?: string } }).data?.error ?? 'no data') as string;
  }
  return undefined;
}

function codeOf(redirect: string): string {
  const code = new URL(redirect).searchParams.get('code');
  if (!code) throw new Error(`no code in ${redirect}`);
  return code;
}

const exchange = (code: string, extra: Record<string, string> = {}) =>
  client().oauth.v2.access({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code, ...extra });

describe('authorize (the person on Slack approves the install)', () => {
  it('redirects to the app Redirect URL with a code and the state it was given', () => {
    const back = new URL(standin.authorize(authorizeUrl({ state: 's-1' }), { teamId: 'T1', userId: 'U1' }));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('s-1');
    expect(back.searchParams.get('code')).toMatch(/^\d+\.[a-z0-9]{24}$/);
  });

  it('a person who cancels is sent back with error=access_denied and the state, no code', () => {
    const back = new URL(
      standin.authorize(authorizeUrl({ state: 's-2' }), { teamId: 'T1', userId: 'U1', decision: 'deny' }),
    );
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('s-2');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('shows an error page (throws) for an unknown client id, no scopes, or a redirect URI the app does not list', () => {
    const approval = { teamId: 'T1', userId: 'U1' };
    expect(() => standin.authorize(authorizeUrl({ clientId: 'nope' }), approval)).toThrow(
      /invalid_client_id/,
    );
    expect(() => standin.authorize(authorizeUrl({ scope: '' }), approval)).toThrow(/invalid_scope/);
    expect(() =>
      standin.authorize(authorizeUrl({ redirectUri: 'https://evil.example/slack/oauth_redirect' }), approval),
    ).toThrow(/bad_redirect_uri/);
    // Below a listed URL is allowed, as Slack allows it.
    expect(
      standin
        .authorize(authorizeUrl({ redirectUri: `${REDIRECT}/more` }), approval)
        .startsWith(`${REDIRECT}/more?`),
    ).toBe(true);
  });
});

describe('oauth.v2.access', () => {
  it('answers a different bot token per workspace, each one its own workspace to auth.test', async () => {
    const a = await exchange(
      codeOf(standin.authorize(authorizeUrl(), { teamId: 'TA', teamName: 'Acme', userId: 'UA' })),
    );
    const b = await exchange(codeOf(standin.authorize(authorizeUrl(), { teamId: 'TB', userId: 'UB' })));
    expect(a).toMatchObject({
      ok: true,
      app_id: standin.workspace.appId,
      token_type: 'bot',
      scope: 'chat:write,commands',
      team: { id: 'TA', name: 'Acme' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'UA' },
    });
    expect(a.access_token).toMatch(/^xoxb-TA-/);
    expect(b.access_token).toMatch(/^xoxb-TB-/);
    expect(a.access_token).not.toBe(b.access_token);
    expect(a.bot_user_id).not.toBe(b.bot_user_id);
    expect(standin.installation('TA')).toMatchObject({
      token: a.access_token,
      installerUserId: 'UA',
      installs: 1,
    });

    const whoA = await client(a.access_token).auth.test();
    const whoB = await client(b.access_token).auth.test();
    expect(whoA).toMatchObject({
      team_id: 'TA',
      team: 'Acme',
      user_id: a.bot_user_id,
      is_enterprise_install: false,
    });
    expect(whoB).toMatchObject({ team_id: 'TB', user_id: b.bot_user_id });
    expect(whoA.bot_id).not.toBe(whoB.bot_id);
    // Other methods answer as the token's workspace too.
    standin.setUser({ id: 'U42', tz: 'Europe/Paris' });
    const info = await client(a.access_token).users.info({ user: 'U42' });
    expect(info.user?.team_id).toBe('TA');
    // The default workspace's token is unchanged.
    expect(await client(standin.botToken).auth.test()).toMatchObject({ team_id: standin.workspace.teamId });
  });

  it('a reinstall keeps a valid token and bot user, records the new installer and scopes', async () => {
    const first = await exchange(codeOf(standin.authorize(authorizeUrl(), { teamId: 'TR', userId: 'U1' })));
    const again = await exchange(
      codeOf(
        standin.authorize(authorizeUrl({ scope: 'chat:write,commands,users:read' }), {
          teamId: 'TR',
          userId: 'U2',
        }),
      ),
    );
    expect(again.access_token).toBe(first.access_token);
    expect(again.bot_user_id).toBe(first.bot_user_id);
    expect(again.scope).toBe('chat:write,commands,users:read');
    expect(standin.installation('TR')).toMatchObject({ installerUserId: 'U2', installs: 2 });
  });

  it('a revoked token answers token_revoked (or the error chosen); a reinstall then gets a new token', async () => {
    const first = await exchange(codeOf(standin.authorize(authorizeUrl(), { teamId: 'TX', userId: 'U1' })));
    const other = await exchange(codeOf(standin.authorize(authorizeUrl(), { teamId: 'TY', userId: 'U1' })));
    standin.revoke('TX');
    expect(await slackError(client(first.access_token).auth.test())).toBe('token_revoked');
    expect(await slackError(client(first.access_token).chat.postMessage({ channel: 'U1', text: 'hi' }))).toBe(
      'token_revoked',
    );
    // Only that workspace.
    expect((await client(other.access_token).auth.test()).team_id).toBe('TY');
    standin.revoke(other.access_token as string, 'account_inactive');
    expect(await slackError(client(other.access_token).auth.test())).toBe('account_inactive');

    const again = await exchange(codeOf(standin.authorize(authorizeUrl(), { teamId: 'TX', userId: 'U1' })));
    expect(again.access_token).not.toBe(first.access_token);
    expect((await client(again.access_token).auth.test()).team_id).toBe('TX');
    expect(await slackError(client(first.access_token).auth.test())).toBe('token_revoked');
    expect(await slackError(client('xoxb-made-up').auth.test())).toBe('invalid_auth');
  });

  it('an org-wide install: one token for the organization, no team', async () => {
    const resp = await exchange(
      codeOf(
        standin.authorize(authorizeUrl(), {
          enterprise: { id: 'E1', name: 'Grid' },
          orgWide: true,
          userId: 'WADMIN',
        }),
      ),
    );
    expect(resp).toMatchObject({
      team: null,
      enterprise: { id: 'E1', name: 'Grid' },
      is_enterprise_install: true,
      authed_user: { id: 'WADMIN' },
    });
    expect(resp.bot_user_id).toMatch(/^W/);
    const who = await client(resp.access_token).auth.test();
    expect(who).toMatchObject({ enterprise_id: 'E1', is_enterprise_install: true, team_id: 'E1' });
    expect(who.url).toMatch(/\.enterprise\.slack\.com\/$/);
    // A workspace of an org installed on its own keeps its enterprise id.
    const ws = await exchange(
      codeOf(standin.authorize(authorizeUrl(), { teamId: 'T9', enterprise: { id: 'E2' }, userId: 'U9' })),
    );
    expect(ws).toMatchObject({ team: { id: 'T9' }, enterprise: { id: 'E2' }, is_enterprise_install: false });
    expect(await client(ws.access_token).auth.test()).toMatchObject({ team_id: 'T9', enterprise_id: 'E2' });
  });

  it('refuses a wrong secret or client id, a reused, unknown or expired code, and a redirect_uri that differs', async () => {
    const approval = { teamId: 'TZ', userId: 'U1' };
    const code = codeOf(standin.authorize(authorizeUrl(), approval));
    expect(await slackError(exchange(code, { client_secret: 'wrong' }))).toBe('bad_client_secret');
    expect(await slackError(exchange(code, { client_id: '999.999' }))).toBe('invalid_client_id');
    expect(await slackError(client().oauth.v2.access({ client_id: CLIENT_ID, code } as never))).toBe(
      'bad_client_secret',
    );
    expect(await slackError(exchange('123.notacode'))).toBe('invalid_code');
    expect(await slackError(exchange(code, { redirect_uri: REDIRECT }))).toBe('bad_redirect_uri');
    // None of those used the code up.
    expect((await exchange(code)).ok).toBe(true);
    expect(await slackError(exchange(code))).toBe('invalid_code');

    const late = codeOf(standin.authorize(authorizeUrl(), approval));
    skewMs = 10 * 60_000 + 1;
    try {
      expect(await slackError(exchange(late))).toBe('invalid_code');
    } finally {
      skewMs = 0;
    }

    const named = codeOf(standin.authorize(authorizeUrl({ redirectUri: REDIRECT }), approval));
    expect(await slackError(exchange(named))).toBe('bad_redirect_uri');
    expect(await slackError(exchange(named, { redirect_uri: `${REDIRECT}/x` }))).toBe('bad_redirect_uri');
    expect((await exchange(named, { redirect_uri: REDIRECT })).ok).toBe(true);
  });

  it('accepts the client credentials as HTTP Basic, as Slack does', async () => {
    const code = codeOf(standin.authorize(authorizeUrl(), { teamId: 'TBASIC', userId: 'U1' }));
    const res = await fetch(`${standin.apiUrl}oauth.v2.access`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ code }).toString(),
    });
    expect(await res.json()).toMatchObject({ ok: true, team: { id: 'TBASIC' } });
  });
});
