// A bot started in multi-workspace mode against the local Slack, and a browser that installs it: a cookie jar
// over fetch, following nothing by itself, so each hop of the OAuth flow is visible.

import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '../../harness/test-database.ts';
import { type Approval, startSlackStandin } from '../../local-slack/index.ts';
import type { BotOptions } from '../../src/bot.ts';
import type { Clock } from '../../src/clock.ts';
import type { CoachModelConfig, Config } from '../../src/config.ts';
import { parseInstallationKeys } from '../../src/crypto/token-crypto.ts';
import { REDIRECT_PATH } from '../../src/workspaces/oauth.ts';
import { freePort } from '../support/free-port.ts';
import { SIGNING_SECRET, startTestBot, type TestBot, testConfig } from '../support/test-bot.ts';

export const CLIENT_ID = '4242424242.1717171717';
export const CLIENT_SECRET = 'test-client-secret';
export const STATE_SECRET = 'test-state-secret-0123456789';
export const INSTALLATION_KEY_TEXT = `k1:${randomBytes(32).toString('base64')}`;
export const KEYS = parseInstallationKeys(INSTALLATION_KEY_TEXT);

export function oauthConfig(
  apiUrl: string,
  database: Config['database'],
  o: { port?: number; publicUrl?: string } = {},
): Config {
  const base = testConfig(apiUrl, database);
  return {
    ...base,
    port: o.port ?? 0,
    slack: {
      ...base.slack,
      auth: {
        kind: 'oauth',
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        stateSecret: STATE_SECRET,
        installationKeys: KEYS,
        ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
      },
    },
  };
}

/**
 * A bot in multi-workspace mode on a fresh database, and a local Slack whose app lists the bot's redirect URL.
 * `publicUrl`: PUBLIC_URL set to the bot's own address (so a redirect_uri travels through the flow).
 */
export async function startOAuthBot(
  o: {
    publicUrl?: boolean;
    scheduler?: BotOptions['scheduler'];
    clock?: Clock;
    /** The operator's model for the extra coaching (COACH_MODEL_*); unset: none. */
    coachModel?: CoachModelConfig;
  } = {},
): Promise<TestBot> {
  const standin = await startSlackStandin({
    signingSecret: SIGNING_SECRET,
    oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  });
  const port = o.publicUrl ? await freePort() : 0;
  const publicUrl = o.publicUrl ? `http://127.0.0.1:${port}` : undefined;
  const database = await createTestDatabase();
  const t = await startTestBot({
    standin,
    database,
    clock: o.clock,
    bot: {
      config: {
        ...oauthConfig(standin.apiUrl, database.config, { port, publicUrl }),
        ...(o.coachModel ? { coachModel: o.coachModel } : {}),
      },
      scheduler: o.scheduler ?? false,
    },
  });
  standin.oauth.redirectUrls = [`${publicUrl ?? t.baseUrl}${REDIRECT_PATH}`];
  return {
    ...t,
    async close() {
      await t.close();
      await standin.close();
      await database.drop();
    },
  };
}

export interface Visit {
  status: number;
  headers: Headers;
  html: string;
}

/** One person's browser: keeps the cookies the bot sets, sends them back, and follows no redirect itself. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Visit> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=thu, 01 jan 1970/i.test(line) || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, html: await res.text() };
  }
}

/** The Add to Slack link of the install page, as a browser reads the href. */
export function addToSlackLink(html: string): string {
  const href = html.match(/<a class="button" href="([^"]*)">Add to Slack<\/a>/)?.[1];
  if (href === undefined) throw new Error(`no Add to Slack link in:\n${html}`);
  return href
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The whole flow as a person goes through it: the install page, Slack's authorize page (approve or deny), the
 * redirect back to the bot. Returns the final page and the hops, for tests that tamper with one.
 */
export async function install(
  t: TestBot,
  approval: Approval,
  browser = new Browser(),
): Promise<{ page: Visit; authorizeUrl: string; redirect: string; browser: Browser }> {
  const start = await browser.get(`${t.baseUrl}/slack/install`);
  if (start.status !== 200) throw new Error(`/slack/install answered ${start.status}: ${start.html}`);
  const authorizeUrl = addToSlackLink(start.html);
  const redirect = t.standin.authorize(authorizeUrl, approval);
  const page = await browser.get(redirect);
  return { page, authorizeUrl, redirect, browser };
}

/** Text of an HTML page, tags removed and whitespace collapsed, for assertions on what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
