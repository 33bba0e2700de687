import { and, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { RatedCard } from '../../coach/review.ts';
import type { AskedBefore } from '../../drills/choose-question.ts';
import { type Person, personKey } from '../../workspaces/person.ts';
import type { Database } from '../client.ts';
import { answers, type Drill, drills, type NewDrill, users } from '../schema/index.ts';
import { notPaused } from './delivery-pauses.ts';
import { ofPeople } from './people.ts';

const drillsOf = (p: Person) => and(eq(drills.teamId, p.teamId), eq(drills.userId, p.userId));

export async function insertDrill(db: Database, drill: NewDrill): Promise<Drill> {
  const [row] = await db.insert(drills).values(drill).returning();
  if (!row) throw new Error('could not store drill');
  return row;
}

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
    .where(and(drillsOf(drill), eq(drills.localDate, drill.localDate), eq(drills.source, 'scheduled')));
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

export async function markDrillPosted(
  db: Database,
  id: number,
  channelId: string,
  messageTs: string,
  postedAt: Date,
) {
  await db.update(drills).set({ channelId, messageTs, postedAt }).where(eq(drills.id, id));
}

/**
 * markDrillPosted for several drills in one statement: the scheduler stores the ts of the posts that came
 * back while the previous statement ran (group commit), instead of one UPDATE per drill.
 */
export async function markDrillsPosted(
  db: Database,
  posted: ReadonlyArray<{ id: number; channelId: string; messageTs: string; postedAt: Date }>,
): Promise<void> {
  if (posted.length === 0) return;
  await db.execute(sql`
    update ${drills} as d
    set channel_id = v.channel, message_ts = v.ts, posted_at = v.at
    from unnest(
      ${sql.param(posted.map((p) => p.id))}::int[],
      ${sql.param(posted.map((p) => p.channelId))}::text[],
      ${sql.param(posted.map((p) => p.messageTs))}::text[],
      ${sql.param(posted.map((p) => p.postedAt.toISOString()))}::timestamptz[]
    ) as v(id, channel, ts, at)
    where d.id = v.id`);
}

export async function findDrill(db: Database, id: number): Promise<Drill | undefined> {
  const [row] = await db.select().from(drills).where(eq(drills.id, id));
  return row;
}

/** What the user was asked before, newest first: the input of question and topic choice. */
export async function drillHistory(db: Database, p: Person, limit = 200) {
  return db
    .select({ topicSlug: drills.topicSlug, questionId: drills.questionId, askedAt: drills.createdAt })
    .from(drills)
    .where(drillsOf(p))
    .orderBy(desc(drills.createdAt), desc(drills.id))
    .limit(limit);
}

/**
 * drillHistory for many people in one query (the scheduler's claimed batch): each one's newest `limit`
 * drills, newest first, by personKey. People without history get an empty list.
 */
export async function drillHistories(
  db: Database,
  people: readonly Person[],
  limit = 200,
): Promise<Map<string, AskedBefore[]>> {
  const byUser = new Map<string, AskedBefore[]>(people.map((p) => [personKey(p), []]));
  if (people.length === 0) return byUser;
  const ranked = db
    .select({
      teamId: drills.teamId,
      userId: drills.userId,
      topicSlug: drills.topicSlug,
      questionId: drills.questionId,
      askedAt: drills.createdAt,
      id: drills.id,
      rank: sql<number>`row_number() over (partition by ${drills.teamId}, ${drills.userId} order by ${drills.createdAt} desc, ${drills.id} desc)`.as(
        'rank',
      ),
    })
    .from(drills)
    .where(ofPeople(drills, people))
    .as('ranked');
  const rows = await db
    .select({
      teamId: ranked.teamId,
      userId: ranked.userId,
      topicSlug: ranked.topicSlug,
      questionId: ranked.questionId,
      askedAt: ranked.askedAt,
    })
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(ranked.teamId, ranked.userId, desc(ranked.askedAt), desc(ranked.id));
  for (const { teamId, userId, ...asked } of rows) byUser.get(personKey({ teamId, userId }))?.push(asked);
  return byUser;
}

export async function recentDrills(db: Database, p: Person, limit = 10) {
  return db
    .select({
      id: drills.id,
      topicSlug: drills.topicSlug,
      questionText: drills.questionText,
      source: drills.source,
      createdAt: drills.createdAt,
      answeredAt: answers.createdAt,
      score: answers.score,
      rating: drills.rating,
    })
    .from(drills)
    .leftJoin(answers, eq(answers.drillId, drills.id))
    .where(drillsOf(p))
    .orderBy(desc(drills.createdAt), desc(drills.id))
    .limit(limit);
}

export async function countAnsweredDrills(db: Database, p: Person): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(answers)
    .innerJoin(drills, eq(drills.id, answers.drillId))
    .where(drillsOf(p));
  return row?.n ?? 0;
}

/**
 * Claims the right to post the sample answer in the drill's thread. Exactly one caller gets true, so a
 * retried or duplicated submission never posts the feedback twice. `at` is the bot's clock.
 */
export async function claimFeedback(db: Database, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(drills)
    .set({ feedbackPostedAt: at })
    .where(and(eq(drills.id, id), isNull(drills.feedbackPostedAt)))
    .returning({ id: drills.id });
  return rows.length > 0;
}

/** Gives the claim back after Slack refused the thread reply, so a later save can post it. */
export async function releaseFeedback(db: Database, id: number): Promise<void> {
  await db.update(drills).set({ feedbackPostedAt: null }).where(eq(drills.id, id));
}

/** An on-demand drill whose DM could not be posted: nothing was sent, so nothing stays in the history. */
export async function deleteDrill(db: Database, id: number): Promise<void> {
  await db.delete(drills).where(eq(drills.id, id));
}

/**
 * Drills the user asked for (not scheduled ones) in the `seconds` before `now`: the bot's clock, the one
 * their created_at was stamped with.
 */
export async function countRecentOnDemandDrills(
  db: Database,
  p: Person,
  seconds: number,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(drills)
    .where(
      and(
        drillsOf(p),
        eq(drills.source, 'on_demand'),
        sql`${drills.createdAt} > ${now.toISOString()}::timestamptz - make_interval(secs => ${seconds})`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * A drill posted whose message ts could not be stored at the time: the first click on its button tells
 * where it is (only a drill that has no ts yet is completed this way).
 */
export async function completeDrillPost(
  db: Database,
  id: number,
  where: { channelId: string; messageTs: string; at: Date },
) {
  const { channelId, messageTs, at } = where;
  await db
    .update(drills)
    .set({
      channelId,
      messageTs,
      postedAt: sql`coalesce(${drills.postedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(drills.id, id), isNull(drills.messageTs)));
}

/** The feedback message is in the thread: later edits and ratings update it there. */
export async function setFeedbackTs(db: Database, id: number, ts: string): Promise<void> {
  await db.update(drills).set({ feedbackTs: ts }).where(eq(drills.id, id));
}

/** The drill, locked until the transaction ends: a rating must not interleave with another click's. */
export async function lockDrill(db: Database, id: number): Promise<Drill | undefined> {
  const [row] = await db.select().from(drills).where(eq(drills.id, id)).for('update');
  return row;
}

export async function recordRating(db: Database, id: number, rated: RatedCard): Promise<void> {
  await db.update(drills).set({ rating: rated.rating, ratedCard: rated }).where(eq(drills.id, id));
}

export interface DueReminder {
  id: number;
  teamId: string;
  userId: string;
  enterpriseId: string | null;
  tz: string;
  localDate: string;
  channelId: string;
  messageTs: string;
  questionText: string;
  remindAt: Date;
  /** The claim's lease as stored (full precision): the token that says the claim is still this replica's. */
  lease: string;
}

/**
 * Takes up to `limit` reminders due at `now` for this replica, as claimDueSubscriptions does for drills: the
 * partial index on remind_at, SKIP LOCKED, a lease on the database's clock. A drill answered meanwhile is
 * never taken: a reminder never follows an answer.
 */
export async function claimDueReminders(
  db: Database,
  c: { now: Date; leaseMs: number; limit: number; skipTeams?: readonly string[] },
): Promise<DueReminder[]> {
  const skip = c.skipTeams?.length
    ? sql`and c.team_id <> all(${sql.param([...c.skipTeams])}::text[])`
    : sql``;
  const result = (await db.execute(sql`
    update ${drills} as d
    set remind_claimed_until = now() + make_interval(secs => ${c.leaseMs / 1000})
    from ${users} as u
    where u.team_id = d.team_id and u.id = d.user_id and d.id in (
      select id from ${drills} as c
      where c.remind_at <= ${c.now.toISOString()}::timestamptz and c.reminded_at is null
        and c.message_ts is not null
        and (c.remind_claimed_until is null or c.remind_claimed_until < now())
        and not exists (select 1 from ${answers} a where a.drill_id = c.id)
        and ${notPaused(sql`c.team_id`)} ${skip}
      order by c.remind_at
      limit ${c.limit}
      for update skip locked)
    returning d.id, d.team_id as "teamId", d.user_id as "userId", u.enterprise_id as "enterpriseId", u.tz,
      d.local_date::text as "localDate", d.channel_id as "channelId", d.message_ts as "messageTs",
      d.question_text as "questionText", d.remind_at as "remindAt", d.remind_claimed_until::text as "lease"`)) as unknown as {
    rows: DueReminder[];
  };
  return result.rows.map((r) => ({ ...r, remindAt: new Date(r.remindAt) }));
}

/**
 * The reminder was sent, or is dropped (its day reached the quiet evening): either way, never again. `at`
 * is the bot's clock.
 */
export async function markReminded(db: Database, id: number, at: Date): Promise<void> {
  await db.update(drills).set({ remindedAt: at, remindClaimedUntil: null }).where(eq(drills.id, id));
}

/**
 * Right before a reminder is posted: true, with the lease renewed for the post, while the claim is still the
 * caller's (its lease unchanged since `lease`) and the reminder not sent. False when the lease ran out and
 * another replica took the reminder over (it sends it): posting it here too would be a second nudge. The new
 * lease is the token for what follows.
 */
export async function holdReminder(
  db: Database,
  c: { id: number; lease: string; leaseMs: number },
): Promise<string | null> {
  const result = (await db.execute(sql`
    update ${drills}
    set remind_claimed_until = now() + make_interval(secs => ${c.leaseMs / 1000})
    where id = ${c.id} and reminded_at is null and remind_claimed_until = ${c.lease}::timestamptz
    returning remind_claimed_until::text as "lease"`)) as unknown as { rows: Array<{ lease: string }> };
  return result.rows[0]?.lease ?? null;
}

/**
 * Gives a claimed reminder back (stopping, or Slack failed): the lease is dropped, a later tick retries. Only
 * while the claim is still the caller's (`lease`): one taken over belongs to the replica sending it.
 */
export async function releaseReminder(db: Database, id: number, lease: string): Promise<void> {
  await db
    .update(drills)
    .set({ remindClaimedUntil: null })
    .where(and(eq(drills.id, id), sql`${drills.remindClaimedUntil} = ${lease}::timestamptz`));
}

/** Whether the drill has been answered (checked again right before a reminder goes out). */
export async function isAnswered(db: Database, id: number): Promise<boolean> {
  const rows = await db.select({ id: answers.id }).from(answers).where(eq(answers.drillId, id)).limit(1);
  return rows.length > 0;
}

/** Answered: the drill's reminder, if one is still ahead, is called off (a nudge never follows an answer). */
export async function cancelReminder(db: Database, id: number): Promise<void> {
  await db
    .update(drills)
    .set({ remindAt: null })
    .where(and(eq(drills.id, id), isNull(drills.remindedAt)));
}
