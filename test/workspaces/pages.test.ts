// The install pages (pure HTML builders) and how a failed callback is told apart, by table.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { UnusableInstallationError } from '../../src/workspaces/installation-store.ts';
import { BOT_SCOPES, classifyInstallFailure } from '../../src/workspaces/oauth.ts';
import { escapeHtml, installedPage, installFailedPage, installPage } from '../../src/workspaces/pages.ts';

const coded = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { code, ...extra });

describe('install pages', () => {
  it('escape every value they show', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
    const page = installPage('https://slack.com/oauth/v2/authorize?scope=a,b&state="><script>x</script>');
    expect(page).toContain(
      'href="https://slack.com/oauth/v2/authorize?scope=a,b&amp;state=&quot;&gt;&lt;script&gt;',
    );
    expect(page).not.toContain('<script>');

    const installed = installedPage({
      teamId: 'T1"><x',
      teamName: '<img src=x onerror=alert(1)>',
      appId: 'A1',
      isEnterpriseInstall: false,
    });
    expect(installed.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(installed.html).not.toMatch(/<img/);
    expect(installed.html).toContain('href="slack://app?team=T1%22%3E%3Cx&amp;id=A1"');
  });

  it('load nothing from elsewhere', () => {
    const pages = [
      installPage('https://slack.com/oauth/v2/authorize?x=1'),
      installedPage({ teamId: 'T1', isEnterpriseInstall: false }).html,
      installFailedPage({ kind: 'internal' }).html,
    ];
    for (const html of pages) {
      expect(html).not.toMatch(/<(img|script|link|iframe)\b/i);
      expect(html).not.toMatch(/\b(src|srcset)=/i);
      expect(html).not.toMatch(/url\(/i);
    }
  });

  it('the success page names the workspace (or the org) and says to type /star help', () => {
    const ws = installedPage({ teamId: 'T1', teamName: 'Acme', appId: 'A1', isEnterpriseInstall: false });
    expect(ws.status).toBe(200);
    expect(ws.html).toContain('installed in <strong>Acme</strong>');
    expect(ws.html).toContain('<code>/star help</code>');
    expect(ws.html).toContain('https://app.slack.com/client/T1');
    const org = installedPage({
      enterpriseName: 'Grid',
      appId: 'A1',
      isEnterpriseInstall: true,
      enterpriseUrl: 'https://grid.enterprise.slack.com/',
    });
    expect(org.html).toContain('your organization <strong>Grid</strong>');
    expect(org.html).toContain(
      'https://grid.enterprise.slack.com/manage/organization/apps/profile/A1/workspaces/add',
    );
    expect(org.html).not.toContain('app.slack.com/client');
    // Without a name, the id; without either, something readable.
    expect(installedPage({ teamId: 'T9', isEnterpriseInstall: false }).html).toContain('<strong>T9</strong>');
    expect(installedPage({ isEnterpriseInstall: false }).html).toContain('<strong>your workspace</strong>');
  });

  it.each([
    [{ kind: 'cancelled' } as const, 200, 'Star Drill was not installed'],
    [{ kind: 'state' } as const, 400, 'This install link has expired'],
    [{ kind: 'slack', error: 'invalid_scope' } as const, 400, 'Slack said: invalid_scope'],
    [{ kind: 'exchange', error: 'invalid_code' } as const, 502, 'Slack said: invalid_code'],
    [{ kind: 'exchange' } as const, 502, 'Slack refused to finish the install'],
    [{ kind: 'internal' } as const, 500, 'could not save the install'],
  ])('failure %j: status %i, says what happened, offers Try again', (failure, status, text) => {
    const page = installFailedPage(failure);
    expect(page.status).toBe(status);
    expect(page.html.replace(/<[^>]+>/g, '')).toContain(text);
    expect(page.html).toContain('<a class="button" href="./install">Try again</a>');
  });
});

describe('classifyInstallFailure', () => {
  const at = (query: string) => ({ url: `/slack/oauth_redirect${query}` });
  it.each([
    [
      coded('slack_oauth_installer_authorization_error'),
      '?error=access_denied&state=s',
      { kind: 'cancelled' },
    ],
    [
      coded('slack_oauth_missing_code'),
      '?error=invalid_scope&state=s',
      { kind: 'slack', error: 'invalid_scope' },
    ],
    [coded('slack_oauth_missing_code'), '?state=s', { kind: 'slack' }],
    [coded('slack_oauth_invalid_state'), '?code=c&state=s', { kind: 'state' }],
    [coded('slack_oauth_missing_state'), '?code=c', { kind: 'state' }],
    [
      coded('slack_webapi_platform_error', { data: { ok: false, error: 'invalid_code' } }),
      '?code=c&state=s',
      { kind: 'exchange', error: 'invalid_code' },
    ],
    [coded('slack_webapi_request_error'), '?code=c&state=s', { kind: 'exchange' }],
    [coded('slack_webapi_http_error'), '?code=c&state=s', { kind: 'exchange' }],
    [coded('slack_webapi_rate_limited_error'), '?code=c&state=s', { kind: 'exchange' }],
    [
      Object.assign(new UnusableInstallationError('no bot'), { code: 'slack_oauth_unknown_error' }),
      '?code=c&state=s',
      { kind: 'exchange' },
    ],
    [coded('slack_oauth_unknown_error'), '?code=c&state=s', { kind: 'internal' }],
  ])('%s at %s', (error, query, expected) => {
    expect(classifyInstallFailure(error, at(query))).toEqual(expected);
  });
});

describe('BOT_SCOPES', () => {
  it("includes every bot scope manifest.yml declares, so an install grants what the bot's features need", async () => {
    const manifest = await readFile(new URL('../../manifest.yml', import.meta.url), 'utf8');
    const block = manifest.match(/oauth_config:\s*\n\s*scopes:\s*\n\s*bot:\s*\n((?:\s*- .+\n)+)/)?.[1] ?? '';
    const declared = [...block.matchAll(/- ([\w:.]+)/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(0);
    for (const scope of declared) expect(BOT_SCOPES).toContain(scope);
  });
});
