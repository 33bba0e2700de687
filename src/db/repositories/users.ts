import { and, eq, type Placeholder, sql } from 'drizzle-orm';
import type { Person } from '../../drills/person.ts';
import type { Database } from '../client.ts';
import { PERSON, paramsOf, preparedFor } from '../prepared.ts';
import { users } from '../schema/index.ts';

const userIs = (p: Person) => and(eq(users.teamId, p.teamId), eq(users.id, p.userId));

/** What a request knows of a user: their zone (and whether Slack gave it), their organisation. */
export interface UserRowFields {
  enterpriseId?: string;
  tz?: string;
  zoneFromSlack?: boolean;
}

/** A prepared statement's stand-ins for a person (saveSubscription's is built once for every person). */
export interface PersonPlaceholders {
  teamId: Placeholder;
  userId: Placeholder;
}

/** The same fields as placeholders: which of them the statement has is fixed when it is prepared. */
type FieldPlaceholders = { [K in keyof UserRowFields]: Placeholder };

/**
 * The user row's upsert, not yet run: `ensureUser` runs it alone, `saveSubscription` inside its own statement.
 * Keeps a known zone unless a new one is given, and a known enterprise id unless a request names one.
 */
export function userUpsert(
  db: Database,
  p: Person | PersonPlaceholders,
  fields: UserRowFields | FieldPlaceholders = {},
) {
  // Where the zone came from is recorded only when the caller knows (the settings modal's zone may be either).
  const zone = fields.tz
    ? {
        tz: fields.tz,
        ...(fields.zoneFromSlack !== undefined ? { zoneFromSlack: fields.zoneFromSlack } : {}),
      }
    : {};
  return db
    .insert(users)
    .values({ teamId: p.teamId, id: p.userId, enterpriseId: fields.enterpriseId, ...zone })
    .onConflictDoUpdate({
      target: [users.teamId, users.id],
      set: {
        enterpriseId: sql`coalesce(excluded.enterprise_id, ${users.enterpriseId})`,
        ...(fields.tz ? { ...zone, updatedAt: sql`now()` } : {}),
      },
    });
}

/** Makes sure the user exists (see `userUpsert`), and returns their row. */
export async function ensureUser(db: Database, p: Person, fields: UserRowFields = {}) {
  const [row] = await userUpsert(db, p, fields).returning();
  if (!row) throw new Error(`could not store user ${p.teamId}/${p.userId}`);
  return row;
}

/**
 * A user of the bot opened its Home tab: remembered, so changes of theirs republish it. Writes only the first
 * time, and never makes a row (a stranger looking at the tab leaves nothing stored).
 */
export async function markHomeOpened(db: Database, p: Person): Promise<void> {
  await db
    .update(users)
    .set({ homeOpened: true })
    .where(and(userIs(p), eq(users.homeOpened, false)));
}

export async function findUser(db: Database, p: Person) {
  const [row] = await findUserQuery(db).execute(paramsOf(p));
  return row;
}

const findUserQuery = preparedFor((db) => db.select().from(users).where(userIs(PERSON)).prepare('find_user'));

/** Returns true when the zone changed (the caller then recomputes the user's schedule). */
export async function updateUserZone(db: Database, p: Person, tz: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ tz, zoneFromEvent: true, updatedAt: sql`now()` })
    .where(and(userIs(p), sql`(${users.tz} <> ${tz} or not ${users.zoneFromEvent})`))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The workspaces of an Enterprise Grid organisation the bot has users in (an org-wide install covers them). */
export async function teamsOfEnterprise(db: Database, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ teamId: users.teamId })
    .from(users)
    .where(eq(users.enterpriseId, enterpriseId));
  return rows.map((r) => r.teamId);
}

/** A team's organisation, as its users were stored with it (to find an org-wide installation's token). */
export async function enterpriseOfTeam(db: Database, teamId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ enterpriseId: users.enterpriseId })
    .from(users)
    .where(and(eq(users.teamId, teamId), sql`${users.enterpriseId} is not null`))
    .limit(1);
  return row?.enterpriseId ?? undefined;
}

/**
 * Single workspace, at start-up: rows stored before workspaces were kept apart have team '' (their team was
 * unknown); they belong to the bot's one workspace, which auth.test names. The foreign keys cascade, so moving
 * a user moves all their rows. A user who somehow exists under both keeps the one under the team. Returns
 * how many users moved.
 */
export async function adoptLegacyUsers(db: Database, teamId: string): Promise<number> {
  const rows = await db
    .update(users)
    .set({ teamId })
    .where(
      and(
        eq(users.teamId, ''),
        // Spelled out: drizzle writes an UPDATE's own columns unqualified, which the subquery would take as u2's.
        sql`not exists (select 1 from users as u2 where u2.team_id = ${teamId} and u2.id = users.id)`,
      ),
    )
    .returning({ id: users.id });
  return rows.length;
}

/**
 * Deletes the rows still left with an empty team (from before migration 0008) that no workspace can take:
 * a user the adopting workspace already has under its own id (a newer copy of the same person), or,
 * after adoption, every one left (many workspaces: nothing says which one such a row came from). Their
 * drills, answers and the rest go with them (foreign keys cascade). Returns how many users were deleted.
 */
export async function deleteLegacyUsers(db: Database): Promise<number> {
  const rows = await db.delete(users).where(eq(users.teamId, '')).returning({ id: users.id });
  return rows.length;
}

/** Whether any row still has the empty team of before migration 0008. */
export async function hasLegacyUsers(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.teamId, '')).limit(1);
  return row !== undefined;
}
