// Multi-workspace mode's install flow, done by Bolt's built-in OAuth support (@slack/oauth's InstallProvider
// inside the HTTPReceiver): GET /slack/install shows our "Add to Slack" page and sets the state cookie;
// GET /slack/oauth_redirect checks the state against the cookie and its signature, exchanges the code
// (oauth.v2.access), stores the installation (installation-store.ts) and shows our success or failure page.
// This module only configures it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as BoltLogger, HTTPReceiverOptions } from '@slack/bolt';
import type { CodedError, Installation, InstallationStore, OrgInstallation } from '@slack/oauth';
import type { SlackAuth } from '../config.ts';
import type { Logger } from '../logger.ts';
import { UnusableInstallationError } from './installation-store.ts';
import {
  type InstallFailure,
  installedPage,
  installFailedPage,
  installPage,
  PAGE_HEADERS,
  type Page,
} from './pages.ts';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * The bot scopes every install asks for: manifest.yml's (chat:write, commands, users:read for time zones,
 * im:write) and what reading DMs and sharing files need (im:history, files:write), and reading an admin's
 * uploaded guide (files:read).
 */
export const BOT_SCOPES = [
  'chat:write',
  'commands',
  'users:read',
  'im:write',
  'im:history',
  'files:write',
  'files:read',
] as const;

/**
 * The token exchange happens while a person waits in their browser: a couple of quick retries of a 5xx or a
 * network error, never WebClient's default of ten retries over half an hour.
 */
const EXCHANGE_TIMEOUT_MS = 10_000;
const EXCHANGE_RETRIES = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 };

export type OAuthAuth = Extract<SlackAuth, { kind: 'oauth' }>;

export type OAuthReceiverOptions = Required<
  Pick<
    HTTPReceiverOptions,
    'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'
  >
> &
  Pick<HTTPReceiverOptions, 'redirectUri'>;

/** What the HTTPReceiver needs to serve the install flow (spread into its options). */
export function oauthReceiverOptions(p: {
  auth: OAuthAuth;
  /** SLACK_API_URL: the token exchange and its auth.test go there too. */
  apiUrl?: string;
  installationStore: InstallationStore;
  log: Logger;
}): OAuthReceiverOptions {
  const log = p.log.child({ component: 'install' });
  return {
    clientId: p.auth.clientId,
    clientSecret: p.auth.clientSecret,
    // Bolt's default state store: a JWT signed with this secret, valid 10 minutes, and (by default) equal to
    // the cookie set on this browser by /slack/install, so a link started elsewhere is refused.
    stateSecret: p.auth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: p.installationStore,
    ...(p.auth.publicUrl ? { redirectUri: `${p.auth.publicUrl}${REDIRECT_PATH}` } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Our page with the Add to Slack link, rather than a redirect straight to Slack.
      directInstall: false,
      stateVerification: true,
      renderHtmlForInstallPath: installPage,
      installPathOptions: {
        beforeRedirection: async (_req, res) => {
          for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
          return true;
        },
      },
      // Given here, not only to the App: our own receiver does not inherit the App's clientOptions.
      clientOptions: {
        ...(p.apiUrl ? { slackApiUrl: p.apiUrl } : {}),
        timeout: EXCHANGE_TIMEOUT_MS,
        retryConfig: EXCHANGE_RETRIES,
        rejectRateLimitedCalls: true,
      },
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          const i = installation as Installation | OrgInstallation;
          log.info(
            {
              teamId: i.team?.id,
              enterpriseId: i.enterprise?.id,
              orgWide: i.isEnterpriseInstall === true,
              installer: i.user.id,
            },
            i.isEnterpriseInstall ? 'Star Drill installed org-wide' : 'Star Drill installed in a workspace',
          );
          send(
            res,
            installedPage({
              teamId: i.team?.id,
              teamName: i.team?.name,
              enterpriseName: i.enterprise?.name,
              appId: i.appId,
              isEnterpriseInstall: i.isEnterpriseInstall === true,
              enterpriseUrl: i.enterpriseUrl,
            }),
          );
        },
        failure: (error, _options, req, res) => {
          const failure = classifyInstallFailure(error, req);
          // A visitor's cancel or stale link is theirs to retry; only our own failure is an error.
          if (failure.kind === 'internal') log.error({ err: error, failure }, 'install failed: internal');
          else log.warn({ failure, code: error.code }, `install failed: ${failure.kind}`);
          send(res, installFailedPage(failure));
        },
      },
    },
  };
}

/** @slack/oauth's errors about what a visitor did (cancelled, a stale or foreign state, no code). */
const VISITOR_ERRORS = new Set([
  'slack_oauth_installer_authorization_error',
  'slack_oauth_invalid_state',
  'slack_oauth_missing_state',
  'slack_oauth_missing_code',
]);

/**
 * The receiver's logger, with @slack/oauth's error-level lines about a visitor's own doing (a cancel, a stale
 * link) written as warnings: they are not faults of the bot, and error lines page someone.
 */
export function installerLogger(logger: BoltLogger): BoltLogger {
  return {
    ...logger,
    error: (...msgs: unknown[]) => {
      const visitor = msgs.some(
        (m) => m instanceof Error && VISITOR_ERRORS.has(String((m as Error & { code?: unknown }).code)),
      );
      if (visitor) logger.warn(...msgs);
      else logger.error(...msgs);
    },
  };
}

/** Why the callback failed, from @slack/oauth's and the WebClient's error codes and the redirect's query. */
export function classifyInstallFailure(error: CodedError, req: Pick<IncomingMessage, 'url'>): InstallFailure {
  const slackError = new URL(req.url ?? '/', 'http://localhost').searchParams.get('error');
  if (slackError === 'access_denied') return { kind: 'cancelled' };
  if (slackError) return { kind: 'slack', error: slackError };
  switch (error.code) {
    case 'slack_oauth_missing_state':
    case 'slack_oauth_invalid_state':
      return { kind: 'state' };
    case 'slack_oauth_missing_code':
      return { kind: 'slack' };
    case 'slack_webapi_platform_error': {
      const data = (error as CodedError & { data?: { error?: unknown } }).data;
      return { kind: 'exchange', error: typeof data?.error === 'string' ? data.error : undefined };
    }
    case 'slack_webapi_request_error':
    case 'slack_webapi_http_error':
    case 'slack_webapi_rate_limited_error':
      return { kind: 'exchange' };
    default:
      return error instanceof UnusableInstallationError ? { kind: 'exchange' } : { kind: 'internal' };
  }
}

function send(res: ServerResponse, page: Page): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(page.status, PAGE_HEADERS);
  res.end(page.html);
}
