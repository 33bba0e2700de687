// The statements built once and reused (src/db/prepared.ts): the same answers as before they were prepared, call
// after call and for another person, on a real database (PGlite, or the Postgres server when DATABASE_URL is
// set), and inside a transaction as well as outside.
//
// Bad inputs tried: a batch of signatures holding one twice and one already seen (each new one inserted and
// reported once, the seen one not at all); another person's drill id (not found, twice in a row, so the reused
// statement keeps its scope); an unanswered-drills limit of 1 then 5 (the limit is a parameter, not frozen).

import { describe, expect, it } from 'vitest';
import { findAnswer, saveAnswer } from '../../src/db/repositories/answers.ts';
import { findDrill, insertDrill, markDrillPosted } from '../../src/db/repositories/drills.ts';
import { unansweredDrillsOf } from '../../src/db/repositories/progress.ts';
import { newSignatures } from '../../src/db/repositories/seen-signatures.ts';
import { ensureUser, findUser } from '../../src/db/repositories/users.ts';
import { useMigratedDatabase } from '../support/migrated-database.ts';

const migrated = useMigratedDatabase();
const ana = { teamId: 'TPREP', userId: 'UANA' };
const ben = { teamId: 'TPREP', userId: 'UBEN' };
const later = new Date(Date.now() + 300_000);

async function drillOf(who: typeof ana, n: number) {
  const drill = await insertDrill(migrated.handle.db, {
    ...who,
    topicSlug: 'leadership',
    questionId: `leadership-q${n}`,
    questionText: `Question ${n}`,
    source: 'on_demand',
  });
  await markDrillPosted(migrated.handle.db, drill, {
    channelId: 'D1',
    messageTs: `${n}.000100`,
    postedAt: new Date(),
  });
  return drill;
}

describe('prepared statements', () => {
  it('new signatures: each reported once, a duplicate in the batch and a seen one left out', async () => {
    const db = migrated.handle.db;
    expect(await newSignatures(db, [{ signature: 'v0=seen', expiresAt: later }])).toEqual(
      new Set(['v0=seen']),
    );
    const batch = ['v0=a', 'v0=seen', 'v0=b', 'v0=a'].map((signature) => ({ signature, expiresAt: later }));
    expect(await newSignatures(db, batch)).toEqual(new Set(['v0=a', 'v0=b']));
    expect(await newSignatures(db, batch)).toEqual(new Set());
  });

  it('find a drill and its answer: the owner’s, never another person’s, in and out of a transaction', async () => {
    const db = migrated.handle.db;
    await ensureUser(db, ana);
    await ensureUser(db, ben);
    const drill = await drillOf(ana, 1);
    await saveAnswer(db, drill, { situation: 's', task: 't', action: 'a', result: 'r' }, new Date());
    for (let i = 0; i < 2; i++) {
      expect((await findDrill(db, ana, drill.id))?.id).toBe(drill.id);
      expect(await findDrill(db, ben, drill.id)).toBeUndefined();
      expect((await findAnswer(db, drill))?.situation).toBe('s');
      expect(await findAnswer(db, { ...ben, id: drill.id })).toBeUndefined();
    }
    await db.transaction(async (tx) => {
      expect((await findDrill(tx, ana, drill.id))?.id).toBe(drill.id);
      expect(await findDrill(tx, ben, drill.id)).toBeUndefined();
    });
    expect((await findUser(db, ben))?.id).toBe('UBEN');
  });

  it('unanswered drills: the limit is the call’s', async () => {
    const db = migrated.handle.db;
    const who = { teamId: 'TPREP', userId: 'UCAL' };
    await ensureUser(db, who);
    for (let n = 10; n < 14; n++) await drillOf(who, n);
    expect(await unansweredDrillsOf(db, who, 1)).toHaveLength(1);
    expect(await unansweredDrillsOf(db, who, 5)).toHaveLength(4);
    expect(await unansweredDrillsOf(db, ben, 5)).toHaveLength(0);
  });
});
