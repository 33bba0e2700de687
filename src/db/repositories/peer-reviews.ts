import { and, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { PeerRatings } from '../../drills/peer-review.ts';
import type { Person } from '../../drills/person.ts';
import type { StarAnswer } from '../../drills/star-answer.ts';
import type { Database } from '../client.ts';
import { PERSON, paramsOf, preparedFor } from '../prepared.ts';
import { drills, type PeerReview, peerReviews, users } from '../schema/index.ts';
import { notPaused } from './token-pauses.ts';

// A request belongs to two people. The author's functions scope by (team, author_id), the reviewer's by
// (team, reviewer_id): a request id from a payload that names neither finds nothing.
const asAuthor = (who: Person) =>
  and(eq(peerReviews.teamId, who.teamId), eq(peerReviews.authorId, who.userId));
const asReviewer = (who: Person) =>
  and(eq(peerReviews.teamId, who.teamId), eq(peerReviews.reviewerId, who.userId));
const authorsRequest = (who: Person, id: number) => and(asAuthor(who), eq(peerReviews.id, id));
const reviewersRequest = (who: Person, id: number) => and(asReviewer(who), eq(peerReviews.id, id));

/**
 * Holds the author's user row until the transaction ends: two submissions of theirs (two replicas, a double
 * click on two modals) count their requests one after the other, so the daily limit cannot be passed.
 */
export async function lockAuthor(db: Database, author: Person): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.teamId, author.teamId), eq(users.id, author.userId)))
    .for('update');
  return rows.length > 0;
}

/** How many times the author asked this colleague since `since` (the last 24 hours). */
export async function countAsks(
  db: Database,
  author: Person,
  reviewerId: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(peerReviews)
    .where(and(asAuthor(author), eq(peerReviews.reviewerId, reviewerId), gte(peerReviews.createdAt, since)));
  return Number(row?.n ?? 0);
}

/** The request made by one submission of the ask modal (`requestKey`), if it was stored already. */
export async function findRequestByKey(
  db: Database,
  author: Person,
  requestKey: string,
): Promise<PeerReview | undefined> {
  const [row] = await db
    .select()
    .from(peerReviews)
    .where(and(asAuthor(author), eq(peerReviews.requestKey, requestKey)));
  return row;
}

export interface NewPeerRequest {
  reviewerId: string;
  drillId: number;
  requestKey: string;
  topicSlug: string;
  questionText: string;
  answer: StarAnswer;
  sharedScore: number | null;
  note: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Stores a request, once per submission of the ask modal: a retried submission meets the unique request key
 * and gets the stored request back (`created` false). The drill must be the author's (checked in the insert).
 */
export async function createPeerRequest(
  db: Database,
  author: Person,
  p: NewPeerRequest,
): Promise<{ request: PeerReview; created: boolean } | undefined> {
  const { answer, ...rest } = p;
  const [row] = await db
    .insert(peerReviews)
    .values({
      teamId: author.teamId,
      authorId: author.userId,
      ...rest,
      ...answer,
      drillId: sql<number>`(select ${drills.id} from ${drills} where ${drills.id} = ${p.drillId} and ${drills.teamId} = ${author.teamId} and ${drills.userId} = ${author.userId})`,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return { request: row, created: true };
  const existing = await findRequestByKey(db, author, p.requestKey);
  return existing ? { request: existing, created: false } : undefined;
}

export async function findRequestForAuthor(db: Database, author: Person, id: number) {
  const [row] = await db.select().from(peerReviews).where(authorsRequest(author, id));
  return row;
}

export async function findRequestForReviewer(db: Database, reviewer: Person, id: number) {
  const [row] = await db.select().from(peerReviews).where(reviewersRequest(reviewer, id));
  return row;
}

/** The right to DM the reviewer: exactly one caller gets true, so a request is never sent twice. */
export async function claimRequestDm(db: Database, author: Person, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(peerReviews)
    .set({ dmClaimedAt: at })
    .where(and(authorsRequest(author, id), isNull(peerReviews.dmClaimedAt)))
    .returning({ id: peerReviews.id });
  return rows.length > 0;
}

export async function setRequestDm(db: Database, author: Person, id: number, channel: string, ts: string) {
  await db.update(peerReviews).set({ dmChannel: channel, dmTs: ts }).where(authorsRequest(author, id));
}

/** Slack refused the DM: the claim goes back (the request stays, and says so to the author). */
export async function releaseRequestDm(db: Database, author: Person, id: number) {
  await db.update(peerReviews).set({ dmClaimedAt: null }).where(authorsRequest(author, id));
}

/** The reviewer declines a pending request; undefined when it is not theirs or no longer open. */
export async function declineRequest(db: Database, reviewer: Person, id: number, at: Date) {
  const [row] = await db
    .update(peerReviews)
    .set({ status: 'declined', closedAt: at })
    .where(and(reviewersRequest(reviewer, id), eq(peerReviews.status, 'pending')))
    .returning();
  return row;
}

/**
 * The review, stored once: only a request still pending, or withdrawn by an edit after the reviewer opened
 * the modal (then it is marked as of the earlier version), takes it. A second submission finds it closed.
 */
export async function recordReview(
  db: Database,
  reviewer: Person,
  id: number,
  review: { ratings: PeerRatings; comment: string | null; at: Date },
) {
  const [row] = await db
    .update(peerReviews)
    .set({
      ...review.ratings,
      comment: review.comment,
      status: 'reviewed',
      closedAt: review.at,
      ofEarlierVersion: sql`${peerReviews.status} = 'withdrawn'`,
    })
    .where(and(reviewersRequest(reviewer, id), inArray(peerReviews.status, ['pending', 'withdrawn'])))
    .returning();
  return row;
}

/**
 * The author edited the answer: every copy shared from this drill is cleared (the reviewer sees it no more),
 * and the requests still open are withdrawn. Returns those, whose DMs are then updated.
 */
export async function withdrawRequestsOfDrill(db: Database, author: Person, drillId: number, at: Date) {
  const mine = and(asAuthor(author), eq(peerReviews.drillId, drillId));
  const withdrawn = await db
    .update(peerReviews)
    .set({ status: 'withdrawn', closedAt: at })
    .where(and(mine, eq(peerReviews.status, 'pending')))
    .returning();
  await db
    .update(peerReviews)
    .set({ situation: null, task: null, action: null, result: null, sharedScore: null })
    .where(and(mine, isNotNull(peerReviews.situation)));
  return withdrawn;
}

/** The right to post the closing reply (review, decline, expiry) in the author's thread: once per request. */
export async function claimPeerReply(db: Database, author: Person, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(peerReviews)
    .set({ replyClaimedAt: at })
    .where(and(authorsRequest(author, id), isNull(peerReviews.replyClaimedAt)))
    .returning({ id: peerReviews.id });
  return rows.length > 0;
}

export async function setPeerReplyTs(db: Database, author: Person, id: number, ts: string | null) {
  await db
    .update(peerReviews)
    .set(ts === null ? { replyClaimedAt: null } : { replyTs: ts })
    .where(authorsRequest(author, id));
}

/**
 * Requests past their 7 days, claimed for their notices by this replica for `leaseMs`: a pending one becomes
 * expired in the same statement (a review arriving later finds it closed); an expired one whose notices a
 * crashed replica never sent is taken again once its lease ran out. Each is told once (markExpiryNoticed).
 * A workspace whose delivery is paused (a refused token) waits, as its drills do.
 */
export async function claimExpiredRequests(db: Database, now: Date, leaseMs: number, limit = 50) {
  const until = new Date(now.getTime() + leaseMs);
  const due = sql`(${peerReviews.status} = 'pending' or (${peerReviews.status} = 'expired' and ${peerReviews.expiryNoticedAt} is null)) and ${peerReviews.expiresAt} <= ${now.toISOString()}::timestamptz and (${peerReviews.expiryLeaseUntil} is null or ${peerReviews.expiryLeaseUntil} <= ${now.toISOString()}::timestamptz) and ${notPaused(peerReviews.teamId)}`;
  return db
    .update(peerReviews)
    .set({
      status: 'expired',
      closedAt: sql`coalesce(${peerReviews.closedAt}, ${now.toISOString()}::timestamptz)`,
      expiryLeaseUntil: until,
    })
    .where(
      sql`${peerReviews.id} in (select ${peerReviews.id} from ${peerReviews} where ${due} order by ${peerReviews.expiresAt} limit ${limit} for update skip locked)`,
    )
    .returning();
}

export async function markExpiryNoticed(db: Database, author: Person, id: number, at: Date) {
  await db.update(peerReviews).set({ expiryNoticedAt: at }).where(authorsRequest(author, id));
}

/** The average peer rating of the author's reviewed answers, per topic (Home). */
export async function peerRatingsByTopic(db: Database, author: Person) {
  const rows = await peerRatingsQuery(db).execute(paramsOf(author));
  return rows.map((r) => ({ ...r, average: Number(r.average), reviews: Number(r.reviews) }));
}

const peerRatingsQuery = preparedFor((db) =>
  db
    .select({
      topicSlug: peerReviews.topicSlug,
      average: sql<number>`avg((${peerReviews.clearSituation} + ${peerReviews.ownActions} + ${peerReviews.measuredResult} + ${peerReviews.wouldHire}) / 4.0)::float8`,
      reviews: sql<number>`count(*)::int`,
    })
    .from(peerReviews)
    .where(and(asAuthor(PERSON), eq(peerReviews.status, 'reviewed')))
    .groupBy(peerReviews.topicSlug)
    .prepare('peer_ratings_by_topic'),
);

/** The requests the person made, newest first (export). */
export async function requestsMadeBy(db: Database, author: Person) {
  return db.select().from(peerReviews).where(asAuthor(author)).orderBy(desc(peerReviews.createdAt));
}

/** The reviews the person gave, newest first (export). */
export async function reviewsGivenBy(db: Database, reviewer: Person) {
  return db
    .select()
    .from(peerReviews)
    .where(and(asReviewer(reviewer), eq(peerReviews.status, 'reviewed')))
    .orderBy(desc(peerReviews.closedAt));
}

/**
 * Before the person's data is deleted: the open requests they made (each reviewer's DM then says it was
 * withdrawn), the open requests they were sent (their own DM stops showing the answer), and the reviews they
 * gave that reached an author's thread (that reply then says it was removed).
 */
export async function peerCopiesOf(db: Database, who: Person) {
  const asked = await db
    .select()
    .from(peerReviews)
    .where(and(asAuthor(who), eq(peerReviews.status, 'pending'), isNotNull(peerReviews.dmTs)));
  const given = await db
    .select({ request: peerReviews, channelId: drills.channelId })
    .from(peerReviews)
    .innerJoin(drills, eq(drills.id, peerReviews.drillId))
    .where(and(asReviewer(who), isNotNull(peerReviews.replyTs)));
  const received = await db
    .select()
    .from(peerReviews)
    .where(and(asReviewer(who), eq(peerReviews.status, 'pending'), isNotNull(peerReviews.dmTs)));
  return { asked, given, received };
}

/** Slack refused the DM for good: the request is dropped (it never reached anyone), and the author told. */
export async function deleteRequest(db: Database, author: Person, id: number) {
  await db.delete(peerReviews).where(authorsRequest(author, id));
}
