// storyCountsOfPeople, the scheduler's read of the story bank (issue 18): distinct stories per topic for a
// batch of people, each keyed `team/user`. On a real database (PGlite, or the Postgres server when
// DATABASE_URL is set).
//
// Bad inputs tried: one story told by several answers of a topic (counted once), one story told in two
// topics (counted in each), the same user id in another workspace and a person left out of the batch (never
// counted with the people asked about), a person with no story (absent, so every topic counts as none).

import { describe, expect, it } from 'vitest';
import { insertDrill } from '../../src/db/repositories/drills.ts';
import {
  ensureStoryForDrill,
  moveDrillToStory,
  storyCountsOfPeople,
} from '../../src/db/repositories/stories.ts';
import { ensureUser } from '../../src/db/repositories/users.ts';
import type { Person } from '../../src/drills/person.ts';
import { useMigratedDatabase } from '../support/migrated-database.ts';

const migrated = useMigratedDatabase();

let seq = 0;
/** A drill of `topic` answered by `who`, telling a new story, or `sameAs` the story of another drill. */
async function told(who: Person, topic: string, sameAs?: number): Promise<number> {
  seq += 1;
  const drill = await insertDrill(migrated.handle.db, {
    ...who,
    topicSlug: topic,
    questionId: `${topic}-q${seq}`,
    questionText: 'Tell me about a time...',
    source: 'on_demand',
  });
  const made = await ensureStoryForDrill(migrated.handle.db, who, drill.id, () => `Story ${seq}`);
  if (!made) throw new Error('no story made');
  if (sameAs !== undefined) {
    const target = await ensureStoryForDrill(migrated.handle.db, who, sameAs, () => 'unused');
    expect(await moveDrillToStory(migrated.handle.db, who, drill.id, target?.story.id ?? 0)).toBe(true);
  }
  return drill.id;
}

describe('storyCountsOfPeople', () => {
  it('counts distinct stories per topic, for the people asked about only', async () => {
    const db = migrated.handle.db;
    const ada = { teamId: 'T1', userId: 'UADA' };
    const bob = { teamId: 'T1', userId: 'UBOB' };
    const adaElsewhere = { teamId: 'T2', userId: 'UADA' };
    const carol = { teamId: 'T1', userId: 'UCAROL' };
    const newcomer = { teamId: 'T1', userId: 'UNEW' };
    for (const p of [ada, bob, adaElsewhere, carol, newcomer]) await ensureUser(db, p, { tz: 'UTC' });

    // Ada: incidents told three times with two stories; conflict twice with one, which is also an incident one.
    const outage = await told(ada, 'incidents');
    await told(ada, 'incidents', outage);
    await told(ada, 'incidents');
    await told(ada, 'conflict', outage);
    await told(ada, 'conflict', outage);
    // Bob, Ada's namesake in another workspace, and Carol (not asked about) have stories of their own.
    await told(bob, 'incidents');
    await told(adaElsewhere, 'incidents');
    await told(adaElsewhere, 'incidents');
    await told(adaElsewhere, 'leadership');
    await told(carol, 'conflict');

    const counts = await storyCountsOfPeople(db, [ada, bob, newcomer]);
    const plain = Object.fromEntries(
      [...counts].map(([key, perTopic]) => [key, Object.fromEntries(perTopic)]),
    );
    expect(plain).toEqual({
      'T1/UADA': { incidents: 2, conflict: 1 },
      'T1/UBOB': { incidents: 1 },
    });
    expect(Object.fromEntries(counts.get('T1/UADA') ?? [])).not.toHaveProperty('leadership');

    const elsewhere = await storyCountsOfPeople(db, [adaElsewhere]);
    expect(Object.fromEntries(elsewhere.get('T2/UADA') ?? [])).toEqual({ incidents: 2, leadership: 1 });
    expect(await storyCountsOfPeople(db, [])).toEqual(new Map());
  });
});
