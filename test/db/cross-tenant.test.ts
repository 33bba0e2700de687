// A drill id belongs to one person (team, user). Every repository function given another person's drill id
// finds nothing and changes nothing: the same user id in another workspace, and another user of the same
// workspace, alike. On a real database (PGlite, or the Postgres server when DATABASE_URL is set).

import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { findAnswer, recordAnalysis, saveAnswer } from '../../src/db/repositories/answers.ts';
import { claimFeedback, releaseFeedback, setFeedbackTs } from '../../src/db/repositories/drill-feedback.ts';
import {
  cancelReminder,
  holdReminder,
  isAnswered,
  markReminded,
  releaseReminder,
} from '../../src/db/repositories/drill-reminders.ts';
import {
  completeDrillPost,
  deleteDrill,
  findDrill,
  insertDrill,
  lockDrill,
  markDrillPosted,
  recordRating,
} from '../../src/db/repositories/drills.ts';
import {
  claimFollowUpReply,
  findFollowUpAnswer,
  followUpsOfDrills,
  recordFollowUpAnalysis,
  saveFollowUpAnswer,
  setFollowUpReply,
} from '../../src/db/repositories/follow-ups.ts';
import { ensureUser } from '../../src/db/repositories/users.ts';
import { answers, type Drill, drills, followUpAnswers } from '../../src/db/schema/index.ts';
import type { Person } from '../../src/drills/person.ts';
import { rate } from '../../src/drills/review-cards.ts';
import { useMigratedDatabase } from '../support/migrated-database.ts';

const OWNER: Person = { teamId: 'T0ALPHA', userId: 'U0SAME' };
const STRANGERS: Array<[string, Person]> = [
  ['the same user id in another workspace', { teamId: 'T0BETA', userId: 'U0SAME' }],
  ['another user of the same workspace', { teamId: 'T0ALPHA', userId: 'U0OTHER' }],
];
const ANSWER = { situation: 'S text', task: 'T text', action: 'A text', result: 'R text' };

const migrated = useMigratedDatabase();
let drill: Drill;

beforeEach(async () => {
  const { db } = migrated.handle;
  await db.execute(sql`truncate users, drills, answers, follow_up_answers cascade`);
  for (const p of [OWNER, ...STRANGERS.map(([, p]) => p)]) await ensureUser(db, p);
  drill = await insertDrill(db, {
    ...OWNER,
    topicSlug: 'production-incidents',
    questionId: 'q1',
    questionText: 'Tell me about an incident.',
    source: 'scheduled',
    localDate: '2026-03-10',
    remindAt: new Date('2026-03-10T12:00:00Z'),
  });
  await markDrillPosted(db, drill, {
    channelId: 'D0OWNER',
    messageTs: '1773133200.000100',
    postedAt: new Date('2026-03-10T09:00:00Z'),
  });
  await saveAnswer(db, drill, ANSWER, new Date('2026-03-10T10:00:00Z'));
  await saveFollowUpAnswer(db, drill, { number: 1, questionText: 'Follow-up?', text: 'Owner text' });
});

/** The owner's rows as stored, to compare before and after a stranger's calls. */
async function ownerRows() {
  const { db } = migrated.handle;
  return {
    drill: (await db.select().from(drills).where(eq(drills.id, drill.id)))[0],
    answer: (await db.select().from(answers).where(eq(answers.drillId, drill.id)))[0],
    followUps: await db.select().from(followUpAnswers).where(eq(followUpAnswers.drillId, drill.id)),
  };
}

describe.each(STRANGERS)('a drill id of another person, for %s', (_, stranger) => {
  const theirs = () => ({ ...stranger, id: drill.id });

  it('is not found, nor its answer, nor its follow-ups', async () => {
    const { db } = migrated.handle;
    expect(await findDrill(db, OWNER, drill.id)).toBeDefined(); // the owner's own query finds it
    expect(await findDrill(db, stranger, drill.id)).toBeUndefined();
    expect(await db.transaction((tx) => lockDrill(tx, stranger, drill.id))).toBeUndefined();
    expect(await findAnswer(db, theirs())).toBeUndefined();
    expect(await isAnswered(db, theirs())).toBe(false);
    expect(await findFollowUpAnswer(db, theirs(), 1)).toBeUndefined();
    expect((await followUpsOfDrills(db, stranger, [drill.id])).size).toBe(0);
    expect((await followUpsOfDrills(db, OWNER, [drill.id])).get(drill.id)).toHaveLength(1);
  });

  it('changes nothing, whatever is called with it', async () => {
    const { db } = migrated.handle;
    const before = await ownerRows();
    const followUp = before.followUps[0];
    if (!followUp) throw new Error('the owner’s follow-up was not stored');
    // Answers and follow-ups reached through the drill: the insert names no drill of the stranger's, and fails.
    await expect(
      saveAnswer(db, theirs(), { ...ANSWER, situation: 'stranger' }, new Date()),
    ).rejects.toThrow();
    await expect(
      saveFollowUpAnswer(db, theirs(), { number: 1, questionText: 'x', text: 'stranger' }),
    ).rejects.toThrow();
    expect(
      await recordAnalysis(db, theirs(), before.answer as { updatedAt: Date }, { score: 1 } as never),
    ).toBe(undefined);
    expect(await recordFollowUpAnalysis(db, stranger, followUp, { score: 1 } as never)).toBeUndefined();
    expect(await claimFollowUpReply(db, stranger, followUp.id, new Date())).toBe(false);
    await setFollowUpReply(db, stranger, followUp.id, '1773133200.000999');
    // The drill row itself.
    await recordRating(db, theirs(), rate(undefined, 'good', new Date()));
    await markDrillPosted(db, theirs(), { channelId: 'D0STRANGER', messageTs: '1.1', postedAt: new Date() });
    await completeDrillPost(db, theirs(), { channelId: 'D0STRANGER', messageTs: '1.2', at: new Date() });
    expect(await claimFeedback(db, theirs(), new Date())).toBe(false);
    await releaseFeedback(db, theirs());
    await setFeedbackTs(db, theirs(), '1.3');
    await cancelReminder(db, theirs());
    await markReminded(db, theirs(), new Date());
    expect(
      await holdReminder(db, { ...theirs(), lease: new Date().toISOString(), leaseMs: 1_000 }),
    ).toBeNull();
    await releaseReminder(db, theirs(), new Date().toISOString());
    await deleteDrill(db, theirs());
    expect(await ownerRows()).toEqual(before);
  });
});
