import { z } from 'zod';
import { endRevokedTeamPauses, pauseRevokedTeams } from '../../../db/repositories/token-pauses.ts';
import type { BotContext } from '../../context.ts';

export const TEAM_ACCESS_EVENTS = ['team_access_revoked', 'team_access_granted'] as const;

const teamAccessSchema = z.object({
  event_id: z.string().min(1).max(255),
  enterprise_id: z.string().min(1).max(64).nullish(),
  event: z.object({
    type: z.enum(TEAM_ACCESS_EVENTS),
    team_ids: z.array(z.string().min(1).max(64)).max(10_000),
  }),
});

/** True for the events an org-wide app gets when a workspace of its organisation is removed or added. */
export function isTeamAccessEvent(body: unknown): boolean {
  const type = (body as { event?: { type?: unknown } } | undefined)?.event?.type;
  return (TEAM_ACCESS_EVENTS as readonly unknown[]).includes(type);
}

/**
 * `team_access_revoked`: an org-wide install was removed from these workspaces. Their deliveries stop at once
 * (a pause every replica sees, until access is granted again), and their people's data is purged 30 days later
 * by the daily purge (scheduler/housekeeping.ts). `team_access_granted` ends that pause. The organisation's
 * installation stays: the other workspaces keep the app. Idempotent, as Slack retries events.
 */
export async function teamAccessChanged(ctx: BotContext, body: unknown): Promise<void> {
  const parsed = teamAccessSchema.safeParse(body);
  if (!parsed.success) {
    ctx.log.warn('a team access event without its workspaces; ignored');
    return;
  }
  const { event, enterprise_id: enterprise, event_id: eventId } = parsed.data;
  const log = ctx.log.child({ enterprise: enterprise ?? undefined, event: eventId });
  const teams = [...new Set(event.team_ids)];
  try {
    if (event.type === 'team_access_revoked') {
      const paused = await pauseRevokedTeams(ctx.db, teams);
      for (const teamId of teams) ctx.workspaces.forget(teamId);
      if (paused.length > 0) {
        log.warn(
          { workspaces: paused.length },
          'the org-wide app was removed from workspaces: their deliveries stopped, their data is kept for 30 days',
        );
      }
    } else {
      const resumed = await endRevokedTeamPauses(ctx.db, teams);
      for (const teamId of teams) ctx.workspaces.forget(teamId);
      if (resumed.length > 0)
        log.info({ workspaces: resumed.length }, 'the org-wide app was added back: deliveries resume');
    }
  } catch (err) {
    log.error({ err, type: event.type }, 'could not record a team access change');
  }
}
