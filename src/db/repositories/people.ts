import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Person } from '../../drills/person.ts';
import { drills } from '../schema/index.ts';

/** A row of a person's table named by its id, with the person it must belong to. */
export type Owned = Person & { id: number };

/** `where` for one person's rows of a table keyed by (team_id, user_id). */
export const ofPerson = (columns: { teamId: AnyPgColumn; userId: AnyPgColumn }, p: Person): SQL =>
  and(eq(columns.teamId, p.teamId), eq(columns.userId, p.userId)) as SQL;

/** `where` for one drill of the person: the id and the owner together, never the id alone. */
export const ownDrill = (d: Owned): SQL => and(eq(drills.id, d.id), ofPerson(drills, d)) as SQL;

/**
 * `where` for rows reached through a drill (answers, follow-up answers, which have no owner columns of their
 * own): the drill must be this person's. A primary-key probe of drills, so it costs one index lookup.
 */
export const ofOwnDrill = (drillId: AnyPgColumn | number, p: Person): SQL =>
  sql`exists (select 1 from ${drills} where ${drills.id} = ${drillId} and ${drills.teamId} = ${p.teamId} and ${drills.userId} = ${p.userId})`;

/**
 * The id of the person's drill, as a value to store in a row reached through it (an answer): NULL, which
 * the NOT NULL drill_id refuses, when the drill is someone else's, so an insert is scoped like a query.
 */
export const ownDrillId = (d: Owned): SQL<number> =>
  sql<number>`(select ${drills.id} from ${drills} where ${drills.id} = ${d.id} and ${drills.teamId} = ${d.teamId} and ${drills.userId} = ${d.userId})`;

/**
 * `where` for the rows of any of these people, for a batch (the scheduler's claimed subscribers): one
 * comparison of (team_id, user_id) pairs against two arrays, so the statement is the same for any batch size.
 */
export function ofPeople(
  columns: { teamId: AnyPgColumn; userId: AnyPgColumn },
  people: readonly Person[],
): SQL {
  const teams = sql.param(people.map((p) => p.teamId));
  const userIds = sql.param(people.map((p) => p.userId));
  return sql`(${columns.teamId}, ${columns.userId}) in (select * from unnest(${teams}::text[], ${userIds}::text[]))`;
}
