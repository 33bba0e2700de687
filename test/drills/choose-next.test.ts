// Bad inputs tried (preferTopics): slugs not allowed or unknown, repeated slugs, an empty preference, one of
// only `constructor` and `__proto__`, a due review outside the preference.
import { describe, expect, it } from 'vitest';
import {
  type AskedBefore,
  chooseNext,
  type TopicQuestions,
  topicUrgency,
} from '../../src/drills/choose-next.ts';
import { type RatedCard, rate, type SelfRating } from '../../src/drills/review-cards.ts';

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

// preferTopics, for an interview countdown (bad inputs listed at the top of the file).
describe('chooseNext with preferTopics: the weakest topics first', () => {
  const THREE: TopicQuestions[] = [
    ...TOPICS,
    { slug: 'c', questions: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }] },
  ];
  const choose = (preferTopics: string[] | undefined, asked: Record<string, number> = {}, topics = THREE) =>
    chooseNext({ topics, history: history(asked), rated: new Map(), now: NOW, preferTopics });

  it('draws from the preferred topics only, in their order rather than the bank’s', () => {
    expect(choose(['c', 'b'])).toMatchObject({ topicSlug: 'c', questionId: 'c1', reason: 'new' });
    expect(choose(['b', 'c'])).toMatchObject({ topicSlug: 'b', questionId: 'b1', reason: 'new' });
  });

  it('rotates between the preferred topics, never the others', () => {
    const asked: AskedBefore[] = [];
    const picks: string[] = [];
    for (let day = 0; day < 6; day++) {
      const now = new Date(NOW.getTime() + day * 86_400_000);
      const next = chooseNext({
        topics: THREE,
        history: asked,
        rated: new Map(),
        now,
        preferTopics: ['c', 'a'],
      });
      picks.push(next.questionId);
      asked.unshift({ topicSlug: next.topicSlug, questionId: next.questionId, askedAt: now });
    }
    expect(picks).toEqual(['c1', 'a1', 'c2', 'a2', 'c3', 'a3']);
  });

  it('a due review outside the preference waits', () => {
    const next = chooseNext({
      topics: THREE,
      history: history({ a1: 5 }),
      rated: ratedCards({ a1: ['again', 5] }), // due
      now: NOW,
      preferTopics: ['b'],
    });
    expect(next).toMatchObject({ questionId: 'b1', reason: 'new' });
  });

  it('ignores slugs that are not allowed, and falls back to all allowed topics when none is', () => {
    expect(choose(['zzz', 'c', 'c'])).toMatchObject({ questionId: 'c1' });
    expect(choose(['c'], {}, TOPICS)).toMatchObject({ questionId: 'a1' }); // c is not allowed
    expect(choose([])).toMatchObject({ questionId: 'a1' });
    expect(choose(['constructor', '__proto__'])).toMatchObject({ questionId: 'a1' });
    expect(choose(undefined, { a1: 1 })).toMatchObject({ questionId: 'b1' });
  });
});
