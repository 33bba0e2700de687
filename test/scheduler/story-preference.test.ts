// The scheduler's preference for thin topics, wired end to end (issue 18): when nothing is due for review, a
// scheduled drill comes from a topic with fewer than two stories, read from the database by the tick
// (storyCountsOfPeople -> prepareScheduledDrills -> chooseScheduledQuestion). The rule itself is tested by
// table in test/stories/story-domain.test.ts; here a tick, on a real database, with the Slack stand-in.
//
// The setup makes the usual rotation pick the topic that is not thin: of the three topics the subscription
// allows, that one was drilled longest ago, so "whose turn it is" names it. Without the story counts reaching
// the choice, the drill comes from it.

import { describe, expect, it } from 'vitest';
import { seedSubscriber, TEAM } from '../../harness/scheduler.ts';
import { loadQuestionBank } from '../../src/bank/load.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import { insertDrill } from '../../src/db/repositories/drills.ts';
import { ensureStoryForDrill, moveDrillToStory, storyOfDrill } from '../../src/db/repositories/stories.ts';
import type { Person } from '../../src/drills/person.ts';
import { at, drillsOf, handle, none, SEEDED, scheduler, useTickFixture } from './tick-fixture.ts';

useTickFixture();

const bank = await loadQuestionBank(CONTENT_DIR);
const topic = (i: number) => {
  const t = bank.topics[i];
  if (!t) throw new Error(`the guide has no topic ${i}`);
  return t;
};

/** An on-demand drill of the topic's `n`-th question asked at `iso`, optionally telling a new story. */
async function asked(who: Person, topicIndex: number, n: number, iso: string, story?: 'new story') {
  const t = topic(topicIndex);
  const q = t.questions[n];
  if (!q) throw new Error(`topic ${t.slug} has no question ${n}`);
  const drill = await insertDrill(handle.db, {
    ...who,
    topicSlug: t.slug,
    questionId: q.id,
    questionText: q.text,
    source: 'on_demand',
    createdAt: at(iso),
  });
  if (story) await ensureStoryForDrill(handle.db, who, drill.id, () => `Story of drill ${drill.id}`);
  return drill;
}

describe('a scheduled drill when nothing is due for review', () => {
  it('comes from a topic with fewer than two stories, not the one whose turn it is', async () => {
    const who = { teamId: TEAM, userId: 'UTHIN' };
    const [a, b, c] = [topic(0), topic(1), topic(2)];
    await seedSubscriber(handle, { userId: who.userId, topics: [a.slug, b.slug, c.slug] }, SEEDED);
    // Topic A: two stories, drilled longest ago (the rotation's turn). B: one story; C: none, drilled last.
    const told = await asked(who, 0, 0, '2026-03-01T09:00:00Z', 'new story');
    await asked(who, 0, 1, '2026-03-02T09:00:00Z', 'new story');
    await asked(who, 1, 0, '2026-03-07T09:00:00Z', 'new story');
    await asked(who, 2, 0, '2026-03-08T09:00:00Z');
    // Its first question again, the answer joined to the same story: still two distinct stories, not three.
    // (A's third question stays unasked: the rotation has a new question there to offer.)
    const retold = await asked(who, 0, 0, '2026-03-03T09:00:00Z', 'new story');
    const story = await storyOfDrill(handle.db, who, told.id);
    expect(await moveDrillToStory(handle.db, who, retold.id, story?.id ?? 0)).toBe(true);

    const s = await scheduler();
    expect(await s.tick(at('2026-03-10T09:00:00Z'))).toEqual({ ...none, delivered: 1 });
    const scheduled = (await drillsOf(who.userId)).filter((d) => d.source === 'scheduled');
    expect(scheduled).toHaveLength(1);
    // B was drilled longer ago than C: the thin topics' own turn.
    expect(scheduled[0]?.topicSlug).toBe(b.slug);
  });

  it('follows the usual rotation when every allowed topic is thin', async () => {
    const who = { teamId: TEAM, userId: 'UALLTHIN' };
    const [a, b] = [topic(0), topic(1)];
    await seedSubscriber(handle, { userId: who.userId, topics: [a.slug, b.slug] }, SEEDED);
    await asked(who, 0, 0, '2026-03-01T09:00:00Z', 'new story');
    await asked(who, 1, 0, '2026-03-08T09:00:00Z');
    const s = await scheduler();
    expect(await s.tick(at('2026-03-10T09:00:00Z'))).toEqual({ ...none, delivered: 1 });
    const scheduled = (await drillsOf(who.userId)).filter((d) => d.source === 'scheduled');
    // A's turn: drilled longest ago.
    expect(scheduled[0]?.topicSlug).toBe(a.slug);
  });
});
