// Installing the app in many workspaces, as Slack does it (OAuth v2): the person approves on Slack's authorize
// page and is redirected back with a one-time code; the app exchanges it (oauth.v2.access) for the bot token of
// that workspace, or of the whole organization for an org-wide install. Each installation gets its own bot
// token, bot user and bot id; the Web API then answers each token as its own workspace, and a revoked token
// with the error Slack gives.

import type { Workspace } from './build-payloads.ts';
import { randomId } from './ids.ts';
import type { OAuthAppOptions } from './types.ts';
import { fail, type Obj, ok, type Result, str } from './web-api/common.ts';

/** Slack's authorize page. */
export const AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize';
/** A code works once, within 10 minutes. */
export const CODE_TTL_MS = 10 * 60_000;

/** Who approves an install on the authorize page, and where. */
export interface Approval {
  /** The workspace the person installs into (for an org-wide install: the org's id goes in `enterprise`). */
  teamId?: string;
  teamName?: string;
  /** The Enterprise Grid organization the workspace belongs to, or that an org-wide install covers. */
  enterprise?: { id: string; name?: string };
  /** An org-wide install: one token for every workspace of `enterprise`. */
  orgWide?: boolean;
  /** The person installing (authed_user). */
  userId: string;
  /** 'deny': the person pressed Cancel; Slack redirects with error=access_denied. Default 'allow'. */
  decision?: 'allow' | 'deny';
}

/** An installation as the local Slack holds it. */
export interface StandinInstallation {
  /** The team id, or the enterprise id of an org-wide install. */
  id: string;
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall: boolean;
  token: string;
  botId: string;
  botUserId: string;
  scopes: string[];
  installerUserId: string;
  /** How many times oauth.v2.access completed for it. */
  installs: number;
  /** Set once revoked: the error its token now gets. */
  revoked?: string;
}

interface PendingCode {
  approval: Approval & { scopes: string[] };
  redirectUri?: string;
  issuedAt: number;
  used: boolean;
}

export type TokenVerdict = { workspace: Workspace } | { error: string };

/** The app's OAuth side: credentials, redirect URLs, codes, installations and the tokens they hold. */
export class OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
  redirectUrls: string[];
  private readonly codes = new Map<string, PendingCode>();
  private readonly installations = new Map<string, StandinInstallation>();
  private readonly tokens = new Map<string, { workspace: Workspace; revoked?: string }>();

  constructor(
    options: OAuthAppOptions,
    /** The app-wide parts of a workspace (app id, verification token), from the default workspace. */
    private readonly app: Workspace,
    private readonly now: () => number,
  ) {
    this.clientId = options.clientId ?? '1111111111.2222222222';
    this.clientSecret = options.clientSecret ?? 'standin-client-secret';
    this.redirectUrls = [...(options.redirectUrls ?? [])];
  }

  /** A token the Web API accepts for `workspace` (the default workspace's bot token). */
  addToken(token: string, workspace: Workspace): void {
    this.tokens.set(token, { workspace });
  }

  /** The workspace a token acts for, revoked or not. */
  workspaceOfToken(token: string): Workspace | undefined {
    return this.tokens.get(token)?.workspace;
  }

  /** The workspace a token acts for, or the error Slack answers it with. */
  verdict(token: string): TokenVerdict {
    const entry = this.tokens.get(token);
    if (!entry) return { error: 'invalid_auth' };
    if (entry.revoked) return { error: entry.revoked };
    return { workspace: entry.workspace };
  }

  /**
   * The person opens `authorizeUrl` (the app's Add to Slack link) and decides. Returns where Slack redirects
   * the browser: the redirect URI with `code` and `state`, or with `error=access_denied` when denied. What
   * Slack shows as an error page instead of redirecting (an unknown client id, no scopes, a redirect URI the
   * app does not list) throws.
   */
  authorize(authorizeUrl: string, approval: Approval): string {
    const url = new URL(authorizeUrl);
    if (url.pathname !== '/oauth/v2/authorize') throw new Error(`not an authorize URL: ${url.pathname}`);
    const q = url.searchParams;
    if (q.get('client_id') !== this.clientId) throw new Error('Slack error page: invalid_client_id');
    const scopes = (q.get('scope') ?? '').split(',').filter((s) => s !== '');
    if (scopes.length === 0) throw new Error('Slack error page: invalid_scope (no scopes requested)');
    const requested = q.get('redirect_uri') ?? undefined;
    const redirect = requested ?? this.redirectUrls[0];
    if (!redirect) throw new Error('Slack error page: no redirect URL configured for the app');
    if (requested && !this.redirectUrls.some((allowed) => matchesRedirect(requested, allowed))) {
      throw new Error(
        `Slack error page: bad_redirect_uri (${requested} is not among the app's Redirect URLs)`,
      );
    }
    if (approval.orgWide && !approval.enterprise) throw new Error('an org-wide install needs an enterprise');
    if (!approval.orgWide && !approval.teamId) throw new Error('a workspace install needs a teamId');
    const back = new URL(redirect);
    const state = q.get('state');
    if (approval.decision === 'deny') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = `${Math.floor(this.now() / 1000)}.${randomId('', 24).toLowerCase()}`;
      this.codes.set(code, {
        approval: { ...approval, scopes },
        redirectUri: requested,
        issuedAt: this.now(),
        used: false,
      });
      back.searchParams.set('code', code);
    }
    if (state !== null) back.searchParams.set('state', state);
    return back.toString();
  }

  /** oauth.v2.access: the code for the bot token, checked as Slack checks it. */
  access(args: Obj, authorization: string | undefined): Result {
    const basic = parseBasic(authorization);
    const clientId = str(args.client_id) ?? basic?.id;
    const clientSecret = str(args.client_secret) ?? basic?.secret;
    const grant = str(args.grant_type);
    if (grant !== undefined && grant !== 'authorization_code') return fail('invalid_grant_type');
    if (!clientId || clientId !== this.clientId) return fail('invalid_client_id');
    if (clientSecret !== this.clientSecret) return fail('bad_client_secret');
    const code = str(args.code);
    const pending = code === undefined ? undefined : this.codes.get(code);
    if (!code || !pending || pending.used || this.now() - pending.issuedAt > CODE_TTL_MS) {
      return fail('invalid_code');
    }
    const redirectUri = str(args.redirect_uri);
    if (pending.redirectUri !== undefined && redirectUri !== pending.redirectUri)
      return fail('bad_redirect_uri');
    if (pending.redirectUri === undefined && redirectUri !== undefined) return fail('bad_redirect_uri');
    pending.used = true;
    const install = this.install(pending.approval);
    const team = install.isEnterpriseInstall ? null : { id: install.teamId, name: install.teamName };
    const enterprise = install.enterpriseId
      ? { id: install.enterpriseId, name: install.enterpriseName }
      : null;
    return ok({
      app_id: this.app.appId,
      authed_user: { id: install.installerUserId },
      scope: install.scopes.join(','),
      token_type: 'bot',
      access_token: install.token,
      bot_user_id: install.botUserId,
      team,
      enterprise,
      is_enterprise_install: install.isEnterpriseInstall,
    });
  }

  /** An installation by team id (or enterprise id for an org-wide one). */
  installation(id: string): StandinInstallation | undefined {
    const found = this.installations.get(id);
    return found && { ...found, scopes: [...found.scopes] };
  }

  /**
   * The workspace (or org) stops honouring a token: the app was uninstalled or the token revoked. Calls with it
   * then answer `error` (token_revoked by default; invalid_auth, account_inactive, team_disabled... as wanted).
   * `target` is an installation id or a token (the default workspace's bot token too).
   */
  revoke(target: string, error = 'token_revoked'): void {
    const token = this.installations.get(target)?.token ?? target;
    const entry = this.tokens.get(token);
    if (!entry) throw new Error(`revoke: no installation or token ${target}`);
    entry.revoked = error;
    for (const install of this.installations.values()) if (install.token === token) install.revoked = error;
  }

  /** The workspace identity an installation's token acts as. */
  workspaceOf(id: string): Workspace | undefined {
    const install = this.installations.get(id);
    return install && this.tokens.get(install.token)?.workspace;
  }

  private install(a: Approval & { scopes: string[] }): StandinInstallation {
    const isEnterpriseInstall = a.orgWide === true;
    const id = isEnterpriseInstall ? (a.enterprise?.id as string) : (a.teamId as string);
    const previous = this.installations.get(id);
    // Slack gives a reinstall the same bot token while it is valid, a new one once it was revoked.
    const keep = previous && !previous.revoked;
    const token = keep ? previous.token : `xoxb-${id}-${randomId('', 12)}-${randomId('', 24).toLowerCase()}`;
    const install: StandinInstallation = {
      id,
      isEnterpriseInstall,
      token,
      botId: previous?.botId ?? randomId('B'),
      botUserId: previous?.botUserId ?? randomId(a.enterprise ? 'W' : 'U'),
      scopes: a.scopes,
      installerUserId: a.userId,
      installs: (previous?.installs ?? 0) + 1,
    };
    if (!isEnterpriseInstall) {
      install.teamId = a.teamId;
      install.teamName = a.teamName ?? `Workspace ${a.teamId}`;
    }
    if (a.enterprise) {
      install.enterpriseId = a.enterprise.id;
      install.enterpriseName = a.enterprise.name ?? `Org ${a.enterprise.id}`;
    }
    this.installations.set(id, install);
    const name = install.teamName ?? install.enterpriseName ?? id;
    this.tokens.set(token, {
      workspace: {
        ...this.app,
        teamId: id,
        teamDomain: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        teamName: name,
        botId: install.botId,
        botUserId: install.botUserId,
        ...(install.enterpriseId ? { enterpriseId: install.enterpriseId } : {}),
        isEnterpriseInstall,
      },
    });
    return install;
  }
}

/** Slack accepts a redirect_uri equal to a configured Redirect URL or below it (same origin, path prefix). */
function matchesRedirect(requested: string, allowed: string): boolean {
  try {
    const r = new URL(requested);
    const a = new URL(allowed);
    if (r.origin !== a.origin) return false;
    const base = a.pathname.endsWith('/') ? a.pathname : `${a.pathname}/`;
    return r.pathname === a.pathname || r.pathname.startsWith(base);
  } catch {
    return false;
  }
}

function parseBasic(authorization: string | undefined): { id: string; secret: string } | undefined {
  const encoded = authorization?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
