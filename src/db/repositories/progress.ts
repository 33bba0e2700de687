import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Person, personKey } from '../../drills/person.ts';
import { isValidZone } from '../../drills/schedule.ts';
import type { ProgressRows } from '../../progress/snapshot.ts';
import type { Database } from '../client.ts';
import { PERSON, param, paramsOf, preparedFor } from '../prepared.ts';
import { answers, daysOff, drills, followUpAnswers, users } from '../schema/index.ts';
import { ofPeople } from './people.ts';
import { ratedCardsOf } from './review-cards.ts';
import { type UserWithSubscription, userWithSubscription } from './subscriptions.ts';

const drillsOf = (p: Person) => and(eq(drills.teamId, p.teamId), eq(drills.userId, p.userId));
const daysOffOf_ = (p: Person) => and(eq(daysOff.teamId, p.teamId), eq(daysOff.userId, p.userId));

/** Days with no drill on purpose (a pause, a skipped day), for the streak. */
export async function recordDaysOff(
  db: Database,
  who: Person,
  p: { fromDate: string; untilDate: string; reason: 'pause' | 'skip' },
): Promise<void> {
  if (p.fromDate >= p.untilDate) return;
  await db.insert(daysOff).values({ teamId: who.teamId, userId: who.userId, ...p });
}

/** `/star resume` ends a pause early: drills come again from `today`. */
export async function endPauseEarly(db: Database, who: Person, today: string): Promise<void> {
  await db
    .update(daysOff)
    .set({ untilDate: today })
    .where(
      and(
        daysOffOf_(who),
        eq(daysOff.reason, 'pause'),
        gt(daysOff.untilDate, today),
        sql`${daysOff.fromDate} < ${today}`,
      ),
    );
  // A pause that had not begun yet (it starts today) is simply gone.
  await db
    .delete(daysOff)
    .where(and(daysOffOf_(who), eq(daysOff.reason, 'pause'), sql`${daysOff.fromDate} >= ${today}`));
}

export async function daysOffOf(db: Database, who: Person) {
  return daysOffQuery(db).execute(paramsOf(who));
}

const daysOffQuery = preparedFor((db) =>
  db
    .select({ from: daysOff.fromDate, until: daysOff.untilDate })
    .from(daysOff)
    .where(daysOffOf_(PERSON))
    .prepare('days_off_of'),
);

/** Every answered drill of the user: its topic, when it was answered, its score (progress, recap, streak). */
export async function answeredDrillsOf(db: Database, who: Person) {
  return answeredDrillsQuery(db).execute(paramsOf(who));
}

const answeredDrillsQuery = preparedFor((db) =>
  db
    .select({
      topicSlug: drills.topicSlug,
      answeredAt: answers.createdAt,
      scheduledFor: drills.localDate,
      score: answers.score,
    })
    .from(answers)
    .innerJoin(drills, eq(drills.id, answers.drillId))
    .where(drillsOf(PERSON))
    .orderBy(answers.createdAt)
    .prepare('answered_drills_of'),
);

/** The user's drills not answered yet, newest first (the Home tab shows the first few). */
export async function unansweredDrillsOf(db: Database, who: Person, limit: number) {
  return unansweredDrillsQuery(db).execute({ ...paramsOf(who), limit });
}

const unansweredDrillsQuery = preparedFor((db) =>
  db
    .select({
      id: drills.id,
      topicSlug: drills.topicSlug,
      questionText: drills.questionText,
      sentAt: drills.createdAt,
    })
    .from(drills)
    .leftJoin(answers, eq(answers.drillId, drills.id))
    .where(and(drillsOf(PERSON), isNull(answers.id), sql`${drills.messageTs} is not null`))
    .orderBy(desc(drills.createdAt), desc(drills.id))
    .limit(param<number>('limit'))
    .prepare('unanswered_drills_of'),
);

/** Everything the user's export holds: every drill, its answer and follow-up answers, newest first. */
export async function exportRowsOf(db: Database, who: Person) {
  const rows = await db
    .select({
      drillId: drills.id,
      topicSlug: drills.topicSlug,
      questionText: drills.questionText,
      askedAt: drills.createdAt,
      rating: drills.rating,
      channelId: drills.channelId,
      answer: answers,
    })
    .from(drills)
    .leftJoin(answers, eq(answers.drillId, drills.id))
    .where(drillsOf(who))
    .orderBy(desc(drills.createdAt), desc(drills.id));
  const followUps = await db
    .select({
      drillId: followUpAnswers.drillId,
      number: followUpAnswers.number,
      question: followUpAnswers.questionText,
      text: followUpAnswers.text,
    })
    .from(followUpAnswers)
    .innerJoin(drills, eq(drills.id, followUpAnswers.drillId))
    .where(drillsOf(who))
    .orderBy(followUpAnswers.drillId, followUpAnswers.number);
  return { rows, followUps };
}

/**
 * `/star delete`: every row about the user, in one statement: drills, answers, follow-up answers, review
 * cards, the subscription, days off and recaps all hang from the user row with ON DELETE CASCADE.
 */
export async function deleteUserData(db: Database, who: Person): Promise<boolean> {
  const rows = await db
    .delete(users)
    .where(and(eq(users.teamId, who.teamId), eq(users.id, who.userId)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/**
 * The rows a user's progress is computed from (progress/snapshot.ts), read in a few queries; `known`: the user
 * row and subscription when the caller has read them already (the Home tab's publish).
 */
export async function progressRowsOf(db: Database, who: Person, known?: UserWithSubscription) {
  const [{ user, sub }, answered, daysOff, rated] = await Promise.all([
    known ?? userWithSubscription(db, who),
    answeredDrillsOf(db, who),
    daysOffOf(db, who),
    ratedCardsOf(db, who),
  ]);
  const zone = user && isValidZone(user.tz) ? user.tz : 'UTC';
  const active = sub?.active ? sub : undefined;
  const rows: ProgressRows = {
    zone,
    dayMask: active?.dayMask ?? null,
    interview:
      active?.interviewDate && active.interviewFrom
        ? { from: active.interviewFrom, date: active.interviewDate }
        : null,
    answered,
    daysOff,
    rated,
  };
  return { user, sub: active, rows };
}

/** answeredDrillsOf for several people in one query (the scheduler's batch), by personKey. */
export async function answeredDrillsOfUsers(db: Database, people: readonly Person[]) {
  const byUser = new Map<string, Array<{ topicSlug: string; answeredAt: Date; score: number | null }>>();
  if (people.length === 0) return byUser;
  const rows = await db
    .select({
      teamId: drills.teamId,
      userId: drills.userId,
      topicSlug: drills.topicSlug,
      answeredAt: answers.createdAt,
      score: answers.score,
    })
    .from(answers)
    .innerJoin(drills, eq(drills.id, answers.drillId))
    .where(ofPeople(drills, people));
  for (const { teamId, userId, ...row } of rows) {
    const key = personKey({ teamId, userId });
    byUser.set(key, [...(byUser.get(key) ?? []), row]);
  }
  for (const p of people) if (!byUser.has(personKey(p))) byUser.set(personKey(p), []);
  return byUser;
}
