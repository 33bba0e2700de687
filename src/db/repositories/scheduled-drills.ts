import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Person, personKey } from '../../drills/person.ts';
import type { Database } from '../client.ts';
import { type Drill, drills, type NewDrill } from '../schema/index.ts';
import { ofPerson } from './people.ts';

/**
 * The scheduler's drill rows: stored a claimed batch at a time (the unique (user, local date) index keeps
 * one a day) and marked posted by group commit. Every row carries its owner, and every statement matches
 * it: a drill is only ever stored or marked for the person whose subscription was claimed.
 */

/**
 * The scheduled drill of a user's local day: inserted once; a second caller (another replica, a retry
 * after a crash) gets the existing row and `created: false`.
 */
export async function insertScheduledDrill(
  db: Database,
  drill: NewDrill & { localDate: string },
): Promise<{ drill: Drill; created: boolean }> {
  const [created] = await db
    .insert(drills)
    .values({ ...drill, source: 'scheduled' })
    .onConflictDoNothing({
      target: [drills.teamId, drills.userId, drills.localDate],
      where: sql`${drills.source} = 'scheduled'`,
    })
    .returning();
  if (created) return { drill: created, created: true };
  const [existing] = await db
    .select()
    .from(drills)
    .where(
      and(ofPerson(drills, drill), eq(drills.localDate, drill.localDate), eq(drills.source, 'scheduled')),
    );
  if (!existing) throw new Error(`scheduled drill for ${personKey(drill)} on ${drill.localDate} vanished`);
  return { drill: existing, created: false };
}

interface InsertedRow {
  id: number;
  team_id: string;
  user_id: string;
  local_date: string;
  created_ms: number;
}

/**
 * insertScheduledDrill for a whole claimed batch: one multi-row INSERT ... ON CONFLICT DO NOTHING, then one
 * read of the rows that already existed (an earlier attempt stored them). Same guarantee, two round trips
 * instead of one or two per drill. Expects at most one row per user (a user has one subscription).
 */
export async function insertScheduledDrills(
  db: Database,
  rows: ReadonlyArray<NewDrill & { localDate: string }>,
): Promise<Array<{ drill: Drill; created: boolean }>> {
  if (rows.length === 0) return [];
  const key = (p: Person, localDate: string | null) => `${personKey(p)}/${localDate}`;
  // One array per column through unnest(): drizzle's multi-row values() builds every cell as its own
  // parameter, which a profile of 10,000 drills showed as the bot's largest cost after Slack's client.
  const column = <T>(pick: (r: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
  const inserted = (await db.execute(sql`
    insert into ${drills} (team_id, user_id, topic_slug, question_id, question_text, source, subscription_id, local_date, remind_at, created_at)
    select w, u, t, q, x, 'scheduled', s, d, r, coalesce(c, now())
    from unnest(
      ${column((r) => r.teamId)}::text[], ${column((r) => r.userId)}::text[], ${column((r) => r.topicSlug)}::text[],
      ${column((r) => r.questionId)}::text[], ${column((r) => r.questionText)}::text[],
      ${column((r) => r.subscriptionId ?? null)}::int[], ${column((r) => r.localDate)}::date[],
      ${column((r) => r.remindAt?.toISOString() ?? null)}::timestamptz[],
      ${column((r) => r.createdAt?.toISOString() ?? null)}::timestamptz[]
    ) as v(w, u, t, q, x, s, d, r, c)
    on conflict (team_id, user_id, local_date) where source = 'scheduled' do nothing
    returning id, team_id, user_id, local_date::text as local_date, (extract(epoch from created_at) * 1000)::float8 as created_ms`)) as unknown as
    | { rows: InsertedRow[] }
    | InsertedRow[];
  const insertedRows = Array.isArray(inserted) ? inserted : inserted.rows;
  const byKey = new Map(rows.map((r) => [key(r, r.localDate), r]));
  const found = new Map<string, { drill: Drill; created: boolean }>();
  for (const row of insertedRows) {
    const k = key({ teamId: row.team_id, userId: row.user_id }, row.local_date);
    const input = byKey.get(k);
    if (!input) continue;
    found.set(k, {
      drill: {
        ...input,
        id: row.id,
        source: 'scheduled',
        subscriptionId: input.subscriptionId ?? null,
        channelId: null,
        messageTs: null,
        postedAt: null,
        feedbackPostedAt: null,
        feedbackTs: null,
        rating: null,
        ratedCard: null,
        remindAt: input.remindAt ?? null,
        remindedAt: null,
        remindClaimedUntil: null,
        createdAt: new Date(Number(row.created_ms)),
      },
      created: true,
    });
  }
  const missing = rows.filter((r) => !found.has(key(r, r.localDate)));
  if (missing.length > 0) {
    const existing = await db
      .select()
      .from(drills)
      .where(
        and(
          eq(drills.source, 'scheduled'),
          inArray(
            drills.teamId,
            missing.map((r) => r.teamId),
          ),
          inArray(
            drills.userId,
            missing.map((r) => r.userId),
          ),
          inArray(
            drills.localDate,
            missing.map((r) => r.localDate),
          ),
        ),
      );
    for (const d of existing) {
      const k = key(d, d.localDate);
      if (!found.has(k)) found.set(k, { drill: d, created: false });
    }
  }
  return rows.map((r) => {
    const entry = found.get(key(r, r.localDate));
    if (!entry) throw new Error(`scheduled drill for ${personKey(r)} on ${r.localDate} vanished`);
    return entry;
  });
}

/**
 * Stores where several posted drills landed in one statement: the scheduler stores the ts of the posts that
 * came back while the previous statement ran (group commit), instead of one UPDATE per drill. Each row is
 * matched by its id and its owner.
 */
export async function markDrillsPosted(
  db: Database,
  posted: ReadonlyArray<Person & { id: number; channelId: string; messageTs: string; postedAt: Date }>,
): Promise<void> {
  if (posted.length === 0) return;
  // posted_at is the bot's clock (each post's own instant), not the database's.
  await db.execute(sql`
    update ${drills} as d
    set channel_id = v.channel, message_ts = v.ts, posted_at = v.at
    from unnest(
      ${sql.param(posted.map((p) => p.id))}::int[],
      ${sql.param(posted.map((p) => p.teamId))}::text[],
      ${sql.param(posted.map((p) => p.userId))}::text[],
      ${sql.param(posted.map((p) => p.channelId))}::text[],
      ${sql.param(posted.map((p) => p.messageTs))}::text[],
      ${sql.param(posted.map((p) => p.postedAt.toISOString()))}::timestamptz[]
    ) as v(id, team, usr, channel, ts, at)
    where d.id = v.id and d.team_id = v.team and d.user_id = v.usr`);
}
