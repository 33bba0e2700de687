// The story bank's pure rules: the title proposed from a Situation, title checks, the topic-by-story
// matrix, and the scheduler's preference for topics with fewer than two stories.
//
// Bad inputs tried: an empty Situation, one with no noun phrase, one of 5,000 characters, a title of
// 500 characters, a blank title, whitespace runs; a card due in a rich topic; a countdown; all topics thin.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WinkMethods } from 'wink-nlp';
import { englishNlp } from '../../src/coach/nlp.ts';
import { rate } from '../../src/drills/review-cards.ts';
import { checkStoryTitle, MAX_STORY_TITLE_CHARS } from '../../src/drills/story-limits.ts';
import { thinStoryTopics } from '../../src/drills/story-preference.ts';
import { proposeStoryTitle } from '../../src/drills/story-title.ts';
import { storyMatrix } from '../../src/progress/story-matrix.ts';

let nlp: WinkMethods;
beforeAll(() => {
  nlp = englishNlp();
});

describe('proposeStoryTitle', () => {
  it.each([
    [
      'On Black Friday our checkout service went down for 40 minutes because an expired TLS certificate was not rotated.',
      'Checkout service, TLS certificate',
    ],
    // A noun alone that names nothing particular ("team", "problem") is not a title.
    ['There was a problem with the team.', 'There was a problem with the'],
    ['We migrated the billing database to Postgres during a freeze.', 'Billing database, freeze'],
  ])('%s -> %s', (situation, title) => {
    expect(proposeStoryTitle(situation, nlp)).toBe(title);
  });

  it('falls back to the first words, or "Untitled story" for nothing, and stays short', () => {
    expect(proposeStoryTitle('   ', nlp)).toBe('Untitled story');
    expect(proposeStoryTitle('We were asked to do it quickly.', nlp)).toBe('We were asked to do it');
    const long = proposeStoryTitle(`${'The payment reconciliation pipeline '.repeat(200)}failed.`, nlp);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).not.toMatch(/\s$/);
  });
});

describe('checkStoryTitle', () => {
  it('trims and collapses spaces; refuses blank and too long with the numbers', () => {
    expect(checkStoryTitle('  Checkout   outage ')).toEqual({ ok: true, title: 'Checkout outage' });
    expect(checkStoryTitle('   ')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Give the story a title'),
    });
    expect(checkStoryTitle(null)).toMatchObject({ ok: false });
    expect(checkStoryTitle('x'.repeat(MAX_STORY_TITLE_CHARS))).toMatchObject({ ok: true });
    expect(checkStoryTitle('x'.repeat(500))).toEqual({
      ok: false,
      error:
        'A story title is at most 80 characters (this one has 500): a short name you would say out loud.',
    });
  });
});

const TOPICS = [
  { slug: 'incidents', title: 'Incidents' },
  { slug: 'collab', title: 'Collaboration' },
  { slug: 'debt', title: 'Debt' },
];

describe('storyMatrix', () => {
  it('counts distinct stories per topic, best first, and marks none / thin / goal', () => {
    const m = storyMatrix(TOPICS, [
      { id: 1, title: 'Outage', bestScore: 70, topicSlugs: ['incidents', 'debt'] },
      { id: 2, title: 'Migration', bestScore: 90, topicSlugs: ['debt'] },
      { id: 3, title: 'Unscored', bestScore: null, topicSlugs: ['incidents'] },
    ]);
    expect(m.topics.map((t) => [t.slug, t.stories.map((s) => s.id), t.coverage])).toEqual([
      ['incidents', [1, 3], 'goal'],
      ['collab', [], 'none'],
      ['debt', [2, 1], 'goal'],
    ]);
    expect(m.stories.map((s) => s.id)).toEqual([2, 1, 3]);
    expect(
      storyMatrix(TOPICS, [{ id: 1, title: 'A', bestScore: 1, topicSlugs: ['collab'] }]).topics[1]?.coverage,
    ).toBe('thin');
  });
});

describe('thinStoryTopics', () => {
  const topics = TOPICS.map((t) => ({
    slug: t.slug,
    questions: [{ id: `${t.slug}-q1` }, { id: `${t.slug}-q2` }],
  }));
  const now = new Date('2027-01-12T12:00:00Z');
  const counts = new Map([
    ['incidents', 2],
    ['collab', 1],
  ]);

  it('prefers the topics with fewer than two stories when nothing is due', () => {
    expect(thinStoryTopics({ topics, allowed: [], rated: new Map(), now, storiesPerTopic: counts })).toEqual([
      'collab',
      'debt',
    ]);
    // Within what the subscription allows.
    expect(
      thinStoryTopics({
        topics,
        allowed: ['incidents', 'debt'],
        rated: new Map(),
        now,
        storiesPerTopic: counts,
      }),
    ).toEqual(['debt']);
  });

  it('leaves the choice alone when a review is due, during a countdown, or when every topic (or none) is thin', () => {
    const rated = new Map([['incidents-q1', rate(undefined, 'again', new Date('2027-01-01T00:00:00Z'))]]);
    expect(thinStoryTopics({ topics, allowed: [], rated, now, storiesPerTopic: counts })).toBeUndefined();
    expect(
      thinStoryTopics({
        topics,
        allowed: [],
        rated: new Map(),
        now,
        storiesPerTopic: counts,
        countdown: ['incidents'],
      }),
    ).toEqual(['incidents']);
    expect(
      thinStoryTopics({ topics, allowed: [], rated: new Map(), now, storiesPerTopic: new Map() }),
    ).toBeUndefined();
    const rich = new Map(TOPICS.map((t) => [t.slug, 3]));
    expect(
      thinStoryTopics({ topics, allowed: [], rated: new Map(), now, storiesPerTopic: rich }),
    ).toBeUndefined();
  });
});
