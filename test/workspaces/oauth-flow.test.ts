// Installing the bot in many workspaces, end to end over real HTTP: a bot started in multi-workspace mode,
// a browser visiting /slack/install, the local Slack's authorize page and oauth.v2.access, the redirect back to
// /slack/oauth_redirect, and the installation stored (encrypted) in the real database.

import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptToken } from '../../src/crypto/token-crypto.ts';
import { findInstallation } from '../../src/db/repositories/installations.ts';
import { installations } from '../../src/db/schema/index.ts';
import { DatabaseInstallationStore } from '../../src/workspaces/installation-store.ts';
import { BOT_SCOPES, REDIRECT_PATH } from '../../src/workspaces/oauth.ts';
import type { TestBot } from '../support/test-bot.ts';
import {
  addToSlackLink,
  Browser,
  CLIENT_ID,
  CLIENT_SECRET,
  install,
  KEYS,
  STATE_SECRET,
  startOAuthBot,
  textOf,
} from './support.ts';

const STATE_COOKIE = 'slack-app-oauth-state';

let t: TestBot;
let store: DatabaseInstallationStore;

beforeAll(async () => {
  t = await startOAuthBot({ publicUrl: true });
  store = new DatabaseInstallationStore(t.bot.database.db, KEYS);
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.bot.database.db.delete(installations);
  t.standin.clearCalls();
  t.standin.clearIntercepts();
});

const redirectUri = () => `http://127.0.0.1:${t.bot.port}${REDIRECT_PATH}`;
const rows = () => t.bot.database.db.select().from(installations);
const rawRow = async (id: string) =>
  (
    (await t.bot.database.db.execute(sql`select * from installations where id = ${id}`)) as unknown as {
      rows: Array<Record<string, unknown>>;
    }
  ).rows[0];
const teamQuery = (teamId: string) => ({
  teamId,
  enterpriseId: undefined,
  isEnterpriseInstall: false as const,
});

/** A state JWT (HS256) as Bolt's ClearStateStore signs one, for forging and ageing. */
function stateJwt(secret: string, issuedAt: Date): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    installOptions: { scopes: [...BOT_SCOPES], redirectUri: redirectUri() },
    now: issuedAt.toJSON(),
    random: 1,
    iat: Math.floor(issuedAt.getTime() / 1000),
  })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

function withParam(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.toString();
}

describe('GET /slack/install', () => {
  it('shows an Add to Slack page whose link carries the scopes, a redirect URI and a state matching its cookie', async () => {
    const browser = new Browser();
    const page = await browser.get(`${t.baseUrl}/slack/install`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(textOf(page.html)).toContain('Add Star Drill to your Slack workspace');

    const link = new URL(addToSlackLink(page.html));
    expect(`${link.origin}${link.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(link.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(link.searchParams.get('scope')?.split(',')).toEqual([
      'chat:write',
      'commands',
      'users:read',
      'im:write',
      'im:history',
      'files:write',
      'files:read',
    ]);
    expect(link.searchParams.get('redirect_uri')).toBe(redirectUri());
    const state = link.searchParams.get('state');
    expect(state).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(browser.cookies.get(STATE_COOKIE)).toBe(state);
    // Nothing loaded from elsewhere: no images, scripts or stylesheets (Bolt's default page loads Slack's button).
    expect(page.html).not.toMatch(/<(img|script|link)\b/i);
    expect(page.html).not.toMatch(/\bsrc=/i);
  });

  it('gives every visit its own state', async () => {
    const a = addToSlackLink((await new Browser().get(`${t.baseUrl}/slack/install`)).html);
    const b = addToSlackLink((await new Browser().get(`${t.baseUrl}/slack/install`)).html);
    expect(new URL(a).searchParams.get('state')).not.toBe(new URL(b).searchParams.get('state'));
  });
});

describe('completing an install', () => {
  it('stores the workspace with its token encrypted and says what to do next', async () => {
    const { page, browser } = await install(t, {
      teamId: 'TACME',
      teamName: 'Acme & Co <dev>',
      userId: 'UADA',
    });
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Star Drill is now installed in Acme & Co <dev>');
    expect(text).toContain('type /star help');
    // The team's name came from Slack: escaped, never markup.
    expect(page.html).toContain('Acme &amp; Co &lt;dev&gt;');
    expect(page.html).toContain('href="slack://app?team=TACME&amp;id=A0STANDIN"');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // The state cookie is spent.
    expect(browser.cookies.has(STATE_COOKIE)).toBe(false);

    // The exchange went to SLACK_API_URL (the local Slack), with the redirect URI the authorize page saw.
    const [exchange] = t.standin.callsTo('oauth.v2.access');
    expect(exchange?.args).toMatchObject({ client_id: CLIENT_ID, redirect_uri: redirectUri() });
    expect(exchange?.response).toMatchObject({ ok: true });

    const slackToken = t.standin.installation('TACME')?.token as string;
    expect(slackToken).toMatch(/^xoxb-TACME-/);
    const raw = await rawRow('TACME');
    expect(raw).toMatchObject({
      id: 'TACME',
      team_id: 'TACME',
      team_name: 'Acme & Co <dev>',
      is_enterprise_install: false,
      installer_user_id: 'UADA',
      bot_user_id: t.standin.installation('TACME')?.botUserId,
      bot_id: t.standin.installation('TACME')?.botId,
      app_id: 'A0STANDIN',
      bot_scopes: [...BOT_SCOPES],
      revoked_at: null,
    });
    // The plaintext token is nowhere in the row, nor in the logs; the stored value decrypts to it.
    expect(JSON.stringify(raw)).not.toContain(slackToken);
    expect(JSON.stringify(raw)).not.toContain(slackToken.slice(6));
    expect(decryptToken(KEYS, String(raw?.bot_token), 'TACME')).toBe(slackToken);
    const logs = JSON.stringify(t.logs.lines);
    expect(logs).not.toContain(slackToken);
    expect(logs).not.toContain(CLIENT_SECRET);
    expect(t.logs.find('Star Drill installed in a workspace')).toHaveLength(1);
  });

  it('two workspaces get two installations with two different tokens, each fetched by Bolt with its own', async () => {
    await install(t, { teamId: 'TONE', userId: 'U1' });
    await install(t, { teamId: 'TTWO', userId: 'U1' });
    const one = await store.fetchInstallation(teamQuery('TONE'));
    const two = await store.fetchInstallation(teamQuery('TTWO'));
    expect(one.bot?.token).toBe(t.standin.installation('TONE')?.token);
    expect(two.bot?.token).toBe(t.standin.installation('TTWO')?.token);
    expect(one.bot?.token).not.toBe(two.bot?.token);
    expect(one.bot?.userId).not.toBe(two.bot?.userId);
    expect((await rows()).map((r) => r.id).sort()).toEqual(['TONE', 'TTWO']);
  });

  it('an installed workspace is served (its requests authorized); one never installed or revoked is not', async () => {
    await install(t, { teamId: 'TSERVED', userId: 'U1' });
    const workspace = t.standin.oauth.workspaceOf('TSERVED');
    const served = await t.standin.slashCommand(t.url, { userId: 'U1', text: 'help', workspace });
    expect(served.status).toBe(200);
    expect(JSON.stringify(served.json)).toContain('/star subscribe');

    const stranger = { ...t.standin.workspace, teamId: 'TSTRANGER' };
    const refused = await t.standin.slashCommand(t.url, { userId: 'U1', text: 'help', workspace: stranger });
    expect(refused).toMatchObject({ status: 401, body: '' });

    await store.revoke({ teamId: 'TSERVED', isEnterpriseInstall: false });
    const revoked = await t.standin.slashCommand(t.url, { userId: 'U1', text: 'help', workspace });
    expect(revoked).toMatchObject({ status: 401, body: '' });
    expect(t.logs.find('refused a request from a workspace with no active installation')).toHaveLength(2);
  });

  it('a reinstall updates the one row: new installer and scopes, first install date kept', async () => {
    await install(t, { teamId: 'TRE', userId: 'UFIRST' });
    const [before] = await rows();
    await install(t, { teamId: 'TRE', userId: 'USECOND' });
    const after = await rows();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: 'TRE', installerUserId: 'USECOND', revokedAt: null });
    expect(after[0]?.installedAt).toEqual(before?.installedAt);
    expect(after[0]?.updatedAt.getTime()).toBeGreaterThan(before?.updatedAt.getTime() ?? 0);
    expect(t.standin.installation('TRE')?.installs).toBe(2);
  });

  it('a reinstall after the token was revoked stores the new token and makes the workspace usable again', async () => {
    await install(t, { teamId: 'TBACK', userId: 'U1' });
    const oldToken = t.standin.installation('TBACK')?.token;
    t.standin.revoke('TBACK');
    await store.revoke({ teamId: 'TBACK', isEnterpriseInstall: false });
    expect((await findInstallation(t.bot.database.db, 'TBACK'))?.revokedAt).toBeInstanceOf(Date);

    const { page } = await install(t, { teamId: 'TBACK', userId: 'U1' });
    expect(page.status).toBe(200);
    const newToken = t.standin.installation('TBACK')?.token;
    expect(newToken).not.toBe(oldToken);
    expect((await findInstallation(t.bot.database.db, 'TBACK'))?.revokedAt).toBeNull();
    expect((await store.fetchInstallation(teamQuery('TBACK'))).bot?.token).toBe(newToken);
  });

  it('an org-wide install is stored and fetched by enterprise id, and the page says to add it to workspaces', async () => {
    const { page } = await install(t, {
      enterprise: { id: 'EGRID', name: 'Grid Org' },
      orgWide: true,
      userId: 'WADMIN',
    });
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('installed in your organization Grid Org');
    expect(text).toContain('type /star help');
    expect(page.html).toContain(
      'href="https://grid-org.enterprise.slack.com/manage/organization/apps/profile/A0STANDIN/workspaces/add"',
    );
    expect(await findInstallation(t.bot.database.db, 'EGRID')).toMatchObject({
      id: 'EGRID',
      teamId: null,
      enterpriseId: 'EGRID',
      enterpriseName: 'Grid Org',
      isEnterpriseInstall: true,
      installerUserId: 'WADMIN',
      enterpriseUrl: 'https://grid-org.enterprise.slack.com/',
    });
    const fetched = await store.fetchInstallation({
      teamId: 'T123' as never,
      enterpriseId: 'EGRID',
      isEnterpriseInstall: true,
    });
    expect(fetched.bot?.token).toBe(t.standin.installation('EGRID')?.token);
  });
});

describe('failed or cancelled installs', () => {
  const expectFailurePage = (html: string, title: string) => {
    const text = textOf(html);
    expect(text).toContain(title);
    expect(html).toContain('<a class="button" href="./install">Try again</a>');
  };

  const errorLines = () => t.logs.lines.filter((l) => l.level === 'error').length;

  it('a person who cancels on Slack sees that nothing was installed (a warning in the logs, not an error)', async () => {
    const errorsBefore = errorLines();
    const { page } = await install(t, { teamId: 'TNO', userId: 'U1', decision: 'deny' });
    expect(errorLines()).toBe(errorsBefore);
    expect(t.logs.find('install failed: cancelled')).not.toHaveLength(0);
    expect(page.status).toBe(200);
    expectFailurePage(page.html, 'Star Drill was not installed');
    expect(textOf(page.html)).toContain('You cancelled the install');
    expect(await rows()).toEqual([]);
    expect(t.standin.count('oauth.v2.access')).toBe(0);
  });

  it('a state altered in the redirect is refused: nothing exchanged, nothing stored', async () => {
    const browser = new Browser();
    const authorizeUrl = addToSlackLink((await browser.get(`${t.baseUrl}/slack/install`)).html);
    const redirect = t.standin.authorize(authorizeUrl, { teamId: 'TEVIL', userId: 'U1' });
    const state = new URL(redirect).searchParams.get('state') ?? '';
    const tampered = withParam(redirect, 'state', `${state.slice(0, -3)}abc`);
    const errorsBefore = errorLines();
    const page = await browser.get(tampered);
    expect(errorLines()).toBe(errorsBefore);
    expect(page.status).toBe(400);
    expectFailurePage(page.html, 'This install link has expired');
    expect(t.standin.count('oauth.v2.access')).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it('a redirect opened in another browser (no state cookie), or with another visit’s state, is refused', async () => {
    // Someone else's browser follows a (fresh) redirect: it holds no cookie for that state.
    const victim = new Browser();
    const link = addToSlackLink((await victim.get(`${t.baseUrl}/slack/install`)).html);
    const back = t.standin.authorize(link, { teamId: 'TOTHER', userId: 'U1' });
    const page = await new Browser().get(back);
    expect(page.status).toBe(400);
    expectFailurePage(page.html, 'This install link has expired');

    // A browser that started its own visit but arrives with the other visit's state.
    const mixed = new Browser();
    await mixed.get(`${t.baseUrl}/slack/install`);
    expect((await mixed.get(back)).status).toBe(400);
    expect(t.standin.count('oauth.v2.access')).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it('a state that is forged (wrong secret) or older than 10 minutes is refused even with a matching cookie', async () => {
    const link = addToSlackLink((await new Browser().get(`${t.baseUrl}/slack/install`)).html);
    for (const state of [
      stateJwt('not-the-state-secret', new Date()),
      stateJwt(STATE_SECRET, new Date(Date.now() - 11 * 60_000)),
    ]) {
      const redirect = t.standin.authorize(withParam(link, 'state', state), { teamId: 'TOLD', userId: 'U1' });
      const browser = new Browser();
      browser.cookies.set(STATE_COOKIE, state);
      const page = await browser.get(redirect);
      expect(page.status).toBe(400);
      expectFailurePage(page.html, 'This install link has expired');
    }
    // The same hand-made state, fresh and signed with the real secret, passes: the test forges what it should.
    const good = stateJwt(STATE_SECRET, new Date());
    const browser = new Browser();
    browser.cookies.set(STATE_COOKIE, good);
    const ok = await browser.get(
      t.standin.authorize(withParam(link, 'state', good), { teamId: 'TOLD', userId: 'U1' }),
    );
    expect(ok.status).toBe(200);
    expect(t.standin.count('oauth.v2.access')).toBe(1);
  });

  it('replaying a completed redirect installs nothing again: the cookie is spent, and the code is single-use', async () => {
    const { redirect, browser } = await install(t, { teamId: 'TONCE', userId: 'U1' });
    const stateCookie = new URL(redirect).searchParams.get('state') ?? '';
    const again = await browser.get(redirect);
    expect(again.status).toBe(400);
    expectFailurePage(again.html, 'This install link has expired');
    // Even with the cookie put back, Slack refuses the spent code.
    const thief = new Browser();
    thief.cookies.set(STATE_COOKIE, stateCookie);
    const stolen = await thief.get(redirect);
    expect(stolen.status).toBe(502);
    expectFailurePage(stolen.html, 'Slack did not complete the install');
    expect(textOf(stolen.html)).toContain('Slack said: invalid_code');
    expect(t.standin.installation('TONCE')?.installs).toBe(1);
  });

  it('Slack refusing the code exchange shows what it said, and stores nothing', async () => {
    t.standin.intercept('oauth.v2.access', () => ({ error: 'invalid_team_for_non_distributed_app' }));
    const { page } = await install(t, { teamId: 'TREFUSED', userId: 'U1' });
    expect(page.status).toBe(502);
    expectFailurePage(page.html, 'Slack did not complete the install');
    expect(textOf(page.html)).toContain('Slack said: invalid_team_for_non_distributed_app');
    expect(await rows()).toEqual([]);
  });

  it('Slack failing (HTTP 500) during the exchange is retried briefly, then reported', async () => {
    t.standin.intercept('oauth.v2.access', ({ n }) => (n === 1 ? { status: 500 } : undefined));
    const { page } = await install(t, { teamId: 'TFLAKY', userId: 'U1' });
    expect(page.status).toBe(200);
    expect(t.standin.count('oauth.v2.access')).toBe(2);
    expect((await findInstallation(t.bot.database.db, 'TFLAKY'))?.teamId).toBe('TFLAKY');

    t.standin.intercept('oauth.v2.access', () => ({ status: 503 }));
    const failed = await install(t, { teamId: 'TDOWN', userId: 'U1' });
    expect(failed.page.status).toBe(502);
    expectFailurePage(failed.page.html, 'Slack did not complete the install');
    expect(await findInstallation(t.bot.database.db, 'TDOWN')).toBeUndefined();
  });

  it('an error Slack sends back other than a cancel, or a redirect without a code, is shown as such', async () => {
    const browser = new Browser();
    const link = addToSlackLink((await browser.get(`${t.baseUrl}/slack/install`)).html);
    const state = new URL(link).searchParams.get('state') ?? '';
    const page = await browser.get(`${redirectUri()}?error=<b>weird</b>&state=${state}`);
    expect(page.status).toBe(400);
    expectFailurePage(page.html, 'Slack did not complete the install');
    expect(page.html).toContain('&lt;b&gt;weird&lt;/b&gt;');
    expect(page.html).not.toContain('<b>weird</b>');
    expect(await rows()).toEqual([]);
  });
});

describe('without PUBLIC_URL', () => {
  let plain: TestBot;
  beforeAll(async () => {
    plain = await startOAuthBot();
  });
  afterAll(() => plain?.close());

  it('sends no redirect_uri: Slack uses the app’s Redirect URL, and the install completes', async () => {
    const { page, authorizeUrl } = await install(plain, { teamId: 'TPLAIN', userId: 'U1' });
    expect(new URL(authorizeUrl).searchParams.has('redirect_uri')).toBe(false);
    expect(page.status).toBe(200);
    expect(plain.standin.callsTo('oauth.v2.access')[0]?.args.redirect_uri).toBeUndefined();
    const stored = await new DatabaseInstallationStore(plain.bot.database.db, KEYS).fetchInstallation(
      teamQuery('TPLAIN'),
    );
    expect(stored.bot?.token).toBe(plain.standin.installation('TPLAIN')?.token);
  });
});
