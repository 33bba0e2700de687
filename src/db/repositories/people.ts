import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Person } from '../../drills/person.ts';

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
