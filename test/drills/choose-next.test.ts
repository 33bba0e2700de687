import { describe, expect, it } from 'vitest';
import { type RatedCard, rate, type SelfRating } from '../../src/coach/review.ts';
import { chooseNext, type TopicQuestions, topicUrgency } from '../../src/drills/choose-next.ts';
import type { AskedBefore } from '../../src/drills/choose-question.ts';

const NOW = new Date('2026-03-01T09:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

// Two topics of three questions: a1..a3 in "a", b1..b3 in "b".
const TOPICS: TopicQuestions[] = [
  { slug: 'a', questions: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }] },
  { slug: 'b', questions: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }] },
];
const topicOf = (id: string) => id.slice(0, 1);

/** `asked: { a1: 5 }` = a1 asked 5 days ago; `rated: { a1: ['good', 5] }` = rated Good 5 days ago. */
interface Case {
  name: string;
  asked?: Record<string, number>;
  rated?: Record<string, [SelfRating, number]>;
  topics?: TopicQuestions[];
  expected: [string, 'due' | 'new' | 'least-recent'];
}

function history(asked: Record<string, number>): AskedBefore[] {
  return Object.entries(asked)
    .map(([id, n]) => ({ topicSlug: topicOf(id), questionId: id, askedAt: daysAgo(n) }))
    .sort((x, y) => y.askedAt.getTime() - x.askedAt.getTime()); // newest first
}

function ratedCards(rated: Record<string, [SelfRating, number]>): Map<string, RatedCard> {
  return new Map(Object.entries(rated).map(([id, [rating, n]]) => [id, rate(undefined, rating, daysAgo(n))]));
}

const CASES: Case[] = [
  { name: 'nothing asked: the first question of the first topic', expected: ['a1', 'new'] },
  {
    name: 'never-asked questions before asked ones, from the topic drilled longest ago',
    asked: { a1: 1 },
    expected: ['b1', 'new'],
  },
  {
    name: 'a due review comes before a never-asked question',
    asked: { a1: 5 },
    rated: { a1: ['again', 5] }, // due 1 day after rating
    expected: ['a1', 'due'],
  },
  {
    name: 'the most overdue review first',
    asked: { a1: 10, b2: 6 },
    rated: { a1: ['easy', 10], b2: ['again', 6] }, // a1 due 2 days ago, b2 due 5 days ago
    expected: ['b2', 'due'],
  },
  {
    name: 'a review not yet due waits; never-asked questions go first',
    asked: { a1: 1 },
    rated: { a1: ['good', 1] }, // due in 2 days
    expected: ['b1', 'new'],
  },
  {
    name: 'all asked, none due: the least recently asked',
    asked: { a1: 6, a2: 5, a3: 4, b1: 3, b2: 2, b3: 1 },
    expected: ['a1', 'least-recent'],
  },
  {
    name: 'a topic rated low comes back sooner: b asked 4 days ago beats a asked 6 days ago',
    asked: { a1: 6, a2: 6, a3: 6, b1: 4, b2: 4, b3: 4 },
    // Rated yesterday, so nothing is due yet: a Easy (due in 7 days), b Hard (due tomorrow).
    rated: {
      a1: ['easy', 1],
      a2: ['easy', 1],
      a3: ['easy', 1],
      b1: ['hard', 1],
      b2: ['hard', 1],
      b3: ['hard', 1],
    },
    expected: ['b1', 'least-recent'],
  },
  {
    name: 'without ratings, the same history picks the older topic',
    asked: { a1: 6, a2: 6, a3: 6, b1: 4, b2: 4, b3: 4 },
    expected: ['a1', 'least-recent'],
  },
  {
    name: 'a topic rated low gets its turn for new questions sooner: a drilled 4 days ago beats b 5 days ago',
    asked: { a1: 4, b1: 5 },
    rated: { a1: ['again', 0] }, // due tomorrow; topic a is rated Again, b unrated
    expected: ['a2', 'new'],
  },
  {
    name: 'without that rating, the topic drilled longer ago has its turn',
    asked: { a1: 4, b1: 5 },
    expected: ['b2', 'new'],
  },
  {
    name: 'only allowed topics are considered',
    topics: [TOPICS[1] as TopicQuestions],
    asked: { a1: 10, b1: 1 },
    rated: { a1: ['again', 10] }, // due, but topic a is not allowed
    expected: ['b2', 'new'],
  },
  {
    name: 'a rated card counts as asked even when the history was pruned',
    asked: {},
    rated: { a1: ['good', 1] },
    expected: ['a2', 'new'],
  },
  {
    name: 'a lone question is asked again',
    topics: [{ slug: 'a', questions: [{ id: 'a1' }] }],
    asked: { a1: 1 },
    expected: ['a1', 'least-recent'],
  },
];

describe('chooseNext', () => {
  it.each(CASES)('$name', ({ asked = {}, rated = {}, topics = TOPICS, expected }) => {
    const next = chooseNext({ topics, history: history(asked), rated: ratedCards(rated), now: NOW });
    expect([next.questionId, next.reason]).toEqual(expected);
    expect(next.topicSlug).toBe(topicOf(expected[0]));
  });

  it('does not depend on the order of the history', () => {
    const asked = history({ a1: 6, a2: 5, a3: 4, b1: 3, b2: 2, b3: 1 });
    const input = { topics: TOPICS, rated: new Map(), now: NOW };
    expect(chooseNext({ ...input, history: asked })).toEqual(
      chooseNext({ ...input, history: [...asked].reverse() }),
    );
  });

  it('cycles through every question before repeating when nothing is rated', () => {
    const asked: AskedBefore[] = [];
    const picks: string[] = [];
    for (let day = 0; day < 8; day++) {
      const now = new Date(NOW.getTime() + day * 86_400_000);
      const next = chooseNext({ topics: TOPICS, history: asked, rated: new Map(), now });
      picks.push(next.questionId);
      asked.unshift({ topicSlug: next.topicSlug, questionId: next.questionId, askedAt: now });
    }
    // Topics alternate for new questions; then the oldest first.
    expect(picks).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a1', 'b1']);
  });

  it('brings a question rated Again back daily until rated better', () => {
    let rated = new Map<string, RatedCard>();
    const asked: AskedBefore[] = [];
    const picks: string[] = [];
    for (let day = 0; day < 4; day++) {
      const now = new Date(NOW.getTime() + day * 86_400_000);
      const next = chooseNext({ topics: TOPICS, history: asked, rated, now });
      picks.push(next.questionId);
      asked.unshift({ topicSlug: next.topicSlug, questionId: next.questionId, askedAt: now });
      const rating: SelfRating = next.questionId === 'a1' && day < 2 ? 'again' : 'good';
      rated = new Map(rated).set(next.questionId, rate(rated.get(next.questionId)?.card, rating, now));
    }
    expect(picks).toEqual(['a1', 'a1', 'a1', 'b1']);
  });

  it('refuses an empty choice', () => {
    expect(() => chooseNext({ topics: [], history: [], rated: new Map(), now: NOW })).toThrow(RangeError);
    expect(() =>
      chooseNext({ topics: [{ slug: 'a', questions: [] }], history: [], rated: new Map(), now: NOW }),
    ).toThrow(RangeError);
  });
});

describe('topicUrgency', () => {
  it.each([
    [[], 1.5],
    [['again', 'again'], 2],
    [['easy'], 1],
    [['good', 'hard'], 2 - (0.75 + 0.35) / 2],
  ] as [SelfRating[], number][])('ratings %j -> %d', (ratings, urgency) => {
    const rated = new Map(ratings.map((r, i) => [`q${i}`, rate(undefined, r, NOW)]));
    const topic = { slug: 't', questions: ['q0', 'q1', 'q2'].map((id) => ({ id })) };
    expect(topicUrgency(topic, rated)).toBeCloseTo(urgency, 10);
  });
});
