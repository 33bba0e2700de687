import { ErrorCode } from '@slack/web-api';

/**
 * What a failed Slack call means for the bot, by Slack's error code (SLACK.md):
 * - `token`: the bot's token or its workspace is at fault (revoked, deactivated, a scope missing). Every call
 *   will fail the same way until a person fixes the installation: pause delivery, alert once, and never
 *   blame the subscriber (deactivating them would silently lose them once the token is fixed).
 * - `recipient`: this one user can never receive a DM (gone, disabled, a bot): stop their subscription.
 * - `rate_limited`: Slack asked for a pause of `retryAfterMs` (a client built with rejectRateLimitedCalls).
 * - `transient`: anything else (5xx after the client's retries, network, a timeout, an error in our own
 *   message): retried later, because it may heal.
 */
export type SlackFailure =
  | { kind: 'token'; code: string }
  | { kind: 'recipient'; code: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient'; code?: string };

export const TOKEN_ERRORS: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'team_disabled',
  'missing_scope',
  'not_allowed_token_type',
]);

export const RECIPIENT_ERRORS: ReadonlySet<string> = new Set([
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'channel_not_found',
  'is_archived',
]);

/**
 * Multi-workspace: no installation may be used for the workspace (never installed there, or uninstalled). To
 * the scheduler this is a dead token: that workspace's delivery pauses, nobody's subscription ends.
 */
export class NoInstallationError extends Error {
  constructor(teamId: string) {
    super(`no active installation for workspace ${teamId}`);
  }
}

export function classifySlackError(err: unknown): SlackFailure {
  if (err instanceof NoInstallationError) return { kind: 'token', code: 'not_installed' };
  // By code, not instanceof: Bolt may bring its own copy of @slack/web-api.
  const e = err as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown } | null;
  if (e?.code === ErrorCode.RateLimitedError) {
    const seconds = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 1;
    return { kind: 'rate_limited', retryAfterMs: seconds * 1000 };
  }
  const code = e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
  if (typeof code !== 'string') return { kind: 'transient' };
  if (TOKEN_ERRORS.has(code)) return { kind: 'token', code };
  if (RECIPIENT_ERRORS.has(code)) return { kind: 'recipient', code };
  return { kind: 'transient', code };
}
