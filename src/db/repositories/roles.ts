import { and, eq, sql } from 'drizzle-orm';
import type { Person } from '../../drills/person.ts';
import type { RoleInput } from '../../drills/role-input.ts';
import type { Database } from '../client.ts';
import { PERSON, paramsOf, preparedFor } from '../prepared.ts';
import { type Role, roles } from '../schema/index.ts';
import { ensureUser } from './users.ts';

const roleOf = (who: Person) => and(eq(roles.teamId, who.teamId), eq(roles.userId, who.userId));

export async function findRole(db: Database, who: Person): Promise<Role | undefined> {
  const [row] = await findRoleQuery(db).execute(paramsOf(who));
  return row;
}

const findRoleQuery = preparedFor((db) => db.select().from(roles).where(roleOf(PERSON)).prepare('find_role'));

/** Sets the person's role, replacing the one before (a saved modal submitted twice stores the same). */
export async function saveRole(
  db: Database,
  who: Person,
  role: RoleInput,
  enterpriseId?: string,
): Promise<Role> {
  await ensureUser(db, who, { enterpriseId });
  const [row] = await db
    .insert(roles)
    .values({ ...who, ...role })
    .onConflictDoUpdate({ target: [roles.teamId, roles.userId], set: { ...role, updatedAt: sql`now()` } })
    .returning();
  if (!row) throw new Error('could not store the role');
  return row;
}

/** `/star role off`: true when there was a role to remove. */
export async function deleteRole(db: Database, who: Person): Promise<boolean> {
  const rows = await db.delete(roles).where(roleOf(who)).returning({ userId: roles.userId });
  return rows.length > 0;
}
