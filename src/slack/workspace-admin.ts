import { findActiveInstallation } from '../db/repositories/installations.ts';
import type { RequestContext } from './context.ts';

/**
 * Whether the user may decide for the workspace (`/star model`, `/star guide`): Slack says they are an admin
 * or owner (users.info), or they installed the app here. 'unknown' when Slack could not be asked: nothing
 * is changed then.
 */
export async function isWorkspaceAdmin(ctx: RequestContext, userId: string): Promise<boolean | 'unknown'> {
  const installations = [ctx.teamId, ctx.enterpriseId].filter((id): id is string => Boolean(id));
  for (const id of installations) {
    if ((await findActiveInstallation(ctx.db, id))?.installerUserId === userId) return true;
  }
  try {
    const { user } = await ctx.slack.interactive.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    ctx.log.warn({ err, user: userId }, 'users.info failed; cannot tell whether the user is an admin');
    return 'unknown';
  }
}
