import { findAnswer } from '../../db/repositories/answers.ts';
import { findDrill } from '../../db/repositories/drills.ts';
import type { Answer, Drill } from '../../db/schema/index.ts';
import type { Person } from '../../drills/person.ts';
import type { RequestContext } from '../context.ts';

export type DrillAccess = { ok: true; drill: Drill; answer: Answer | undefined } | { ok: false };

/** Drill ids come from Slack payloads anyone can forge: accept only positive integers. */
export function parseDrillId(raw: string | undefined): number | undefined {
  if (!raw || !/^\d{1,9}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id > 0 ? id : undefined;
}

/**
 * The asker's drill and its answer. The queries themselves are scoped to the person (team, user): another
 * person's drill is not found, exactly like a deleted one, so no check here can be forgotten.
 */
export async function drillForUser(
  ctx: Pick<RequestContext, 'db'>,
  rawId: string,
  who: Person,
): Promise<DrillAccess> {
  const id = parseDrillId(rawId);
  const drill = id === undefined ? undefined : await findDrill(ctx.db, who, id);
  if (!drill) return { ok: false };
  return { ok: true, drill, answer: await findAnswer(ctx.db, drill) };
}

/**
 * What a user is told about a drill they cannot open, whether it is gone or someone else's: the same words,
 * so that probing drill ids tells nothing about other people's drills.
 */
export const NO_SUCH_DRILL = 'This drill is not available to you. Start a new one with `/star random`.';

/** Logged for such a click: the bot cannot tell a stale button from a probe, and does not try to. */
export const NOT_OWN_DRILL_LOG =
  'click on a drill that is not among the user’s own: gone, or another user’s drill';
