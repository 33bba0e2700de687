import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { users } from '../schema/index.ts';

/** Makes sure the user exists; keeps a known zone unless a new one is given. */
export async function ensureUser(db: Database, id: string, fields: { teamId?: string; tz?: string } = {}) {
  const [row] = await db
    .insert(users)
    .values({ id, teamId: fields.teamId, tz: fields.tz ?? 'UTC' })
    .onConflictDoUpdate({
      target: users.id,
      set: {
        teamId: sql`coalesce(excluded.team_id, ${users.teamId})`,
        ...(fields.tz ? { tz: fields.tz, updatedAt: sql`now()` } : {}),
      },
    })
    .returning();
  if (!row) throw new Error(`could not store user ${id}`);
  return row;
}

export async function findUser(db: Database, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Returns true when the zone changed (the caller then recomputes the user's schedule). */
export async function updateUserZone(db: Database, id: string, tz: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ tz, updatedAt: sql`now()` })
    .where(sql`${users.id} = ${id} and ${users.tz} <> ${tz}`)
    .returning({ id: users.id });
  return rows.length > 0;
}
