import { findAnswer } from '../../db/repositories/answers.ts';
import { findDrill } from '../../db/repositories/drills.ts';
import type { Answer, Drill } from '../../db/schema/index.ts';
import type { Person } from '../../drills/person.ts';
import type { RequestContext } from '../context.ts';

export type DrillAccess =
  | { ok: true; drill: Drill; answer: Answer | undefined }
  | { ok: false; reason: 'not_found' | 'not_yours' };

/** Drill ids come from Slack payloads anyone can forge: accept only positive integers. */
export function parseDrillId(raw: string | undefined): number | undefined {
  if (!raw || !/^\d{1,9}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id > 0 ? id : undefined;
}

/**
 * Whether the drill belongs to this person: the same user id in another workspace is someone else, so the
 * workspace must match too.
 */
export const isOwnDrill = (drill: Pick<Drill, 'teamId' | 'userId'>, who: Person) =>
  drill.teamId === who.teamId && drill.userId === who.userId;

/** Loads a drill for the user who asked; another user's drill is reported (for the logs), never returned. */
export async function drillForUser(
  ctx: Pick<RequestContext, 'db'>,
  rawId: string,
  who: Person,
): Promise<DrillAccess> {
  const id = parseDrillId(rawId);
  const drill = id === undefined ? undefined : await findDrill(ctx.db, id);
  if (!drill) return { ok: false, reason: 'not_found' };
  if (!isOwnDrill(drill, who)) return { ok: false, reason: 'not_yours' };
  return { ok: true, drill, answer: await findAnswer(ctx.db, drill.id) };
}

/**
 * What a user is told about a drill they cannot open, whether it is gone or someone else's: the same words,
 * so that probing drill ids tells nothing about other people's drills.
 */
export const NO_SUCH_DRILL = 'This drill is not available to you. Start a new one with `/star random`.';
