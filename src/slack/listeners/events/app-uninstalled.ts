import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { InstallationLookup } from '../../../db/repositories/installations.ts';
import { pauseUntilReinstalled } from '../../../db/repositories/token-pauses.ts';
import { teamsOfEnterprise } from '../../../db/repositories/users.ts';
import type { BotContext } from '../../context.ts';
import { uninstallEnvelopeSchema } from '../../parse-payloads.ts';

export interface UninstallHooks {
  /**
   * Multi-workspace: marks the installation revoked (its data is deleted after the retention period unless
   * the workspace reinstalls); true for the one call that revoked it. Unset with a single bot token.
   */
  revokeInstallation?: (lookup: InstallationLookup) => Promise<boolean>;
}

type Args = SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs;

/** `app_uninstalled`: the workspace removed the app. Its deliveries stop at once, on every replica. */
export function appUninstalled(ctx: BotContext, hooks: UninstallHooks) {
  return ({ body }: Args) => stopWorkspace(ctx, hooks, body, 'app_uninstalled');
}

/**
 * `tokens_revoked`: the same when the bot's token is among those revoked. User tokens alone (the bot asks for
 * none) change nothing.
 */
export function tokensRevoked(ctx: BotContext, hooks: UninstallHooks) {
  return async ({ body }: Args) => {
    const parsed = uninstallEnvelopeSchema.safeParse(body);
    if (parsed.success && (parsed.data.event.tokens?.bot?.length ?? 0) === 0) return;
    await stopWorkspace(ctx, hooks, body, 'tokens_revoked');
  };
}

/**
 * Pauses delivery in the workspace (or every workspace of an org-wide install) until it reinstalls, and marks
 * the installation revoked. Idempotent: Slack's retries of the event change nothing more. Events are acked
 * before listeners run, so a failure here is logged as an error for an operator; the revocation still holds
 * for requests (the token is dead at Slack), and the scheduler pauses the workspace at its first refused post.
 */
async function stopWorkspace(ctx: BotContext, hooks: UninstallHooks, body: unknown, reason: string) {
  const parsed = uninstallEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    ctx.log.warn({ reason }, 'an uninstall event without a workspace; ignored');
    return;
  }
  const envelope = parsed.data;
  const isEnterpriseInstall =
    envelope.is_enterprise_install ?? envelope.authorizations?.[0]?.is_enterprise_install ?? false;
  const lookup = { teamId: envelope.team_id, enterpriseId: envelope.enterprise_id, isEnterpriseInstall };
  const log = ctx.log.child({ team: envelope.team_id, event: envelope.event_id });
  try {
    const teams =
      isEnterpriseInstall && envelope.enterprise_id
        ? [envelope.team_id, ...(await teamsOfEnterprise(ctx.db, envelope.enterprise_id))]
        : [envelope.team_id];
    if (!hooks.revokeInstallation) {
      // One bot token: its pause is checked like a refused token's (auth.test after a backoff), so delivery
      // resumes by itself if the token still works; a new SLACK_BOT_TOKEN ends it at start-up.
      await ctx.tokens.pause(envelope.team_id, reason);
      return;
    }
    const paused = await pauseUntilReinstalled(ctx.db, [...new Set(teams)], reason);
    for (const teamId of teams) ctx.workspaces.forget(teamId);
    const revoked = await hooks.revokeInstallation(lookup);
    if (revoked || paused.length > 0) {
      log.warn(
        { reason, workspaces: teams.length, enterprise: envelope.enterprise_id ?? undefined },
        'the app was removed from a workspace: its deliveries stopped, its data is kept for 30 days in case it reinstalls',
      );
    }
  } catch (err) {
    log.error(
      { err, reason },
      'could not record an uninstall; deliveries there pause at their first refused post',
    );
  }
}
