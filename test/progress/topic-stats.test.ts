// Bad inputs tried: no answers; answers to a topic not in the bank; null, NaN and out-of-order scores;
// one scored answer (no trend); answers listed newest first; a topic without questions; bar fractions
// below 0, above 1 and NaN; scores of 0 and 100; ties at every level of the weakness order.
import { describe, expect, it } from 'vitest';
import { type RatedCard, rate } from '../../src/drills/review-cards.ts';
import {
  type AnsweredDrill,
  bar,
  byWeakness,
  interviewFocus,
  scoreBar,
  type TopicInfo,
  topicProgress,
  trendLabel,
  trendOf,
} from '../../src/progress/topic-stats.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const TOPICS: TopicInfo[] = [
  { slug: 'incidents', title: 'Handling Production Incidents', questionIds: ['i1', 'i2'] },
  { slug: 'conflict', title: 'Conflict', questionIds: ['c1', 'c2', 'c3', 'c4'] },
  { slug: 'empty', title: 'Never practised', questionIds: ['e1'] },
];

describe('trendOf', () => {
  it.each([
    [[], null],
    [[70], null],
    [[60, 70], { direction: 'up', delta: 10, recent: 70, earlier: 60 }],
    [[70, 67], { direction: 'flat', delta: -3, recent: 67, earlier: 70 }],
    [[70, 65], { direction: 'down', delta: -5, recent: 65, earlier: 70 }],
    // Ten scores: the last three (80, 84, 88 -> 84) against the three before (60, 62, 64 -> 62).
    [[10, 20, 30, 40, 60, 62, 64, 80, 84, 88], { direction: 'up', delta: 22, recent: 84, earlier: 62 }],
    // Five: k = 2, the last two (50, 52) against 71, 73; the first is left out.
    [[99, 71, 73, 50, 52], { direction: 'down', delta: -21, recent: 51, earlier: 72 }],
    // 4.6 points is flat although it rounds to 5.
    [[60, 60, 64.6, 64.6], { direction: 'flat', delta: 5, recent: 65, earlier: 60 }],
  ] as const)('%j -> %j', (scores, expected) => {
    expect(trendOf(scores)).toEqual(expected);
  });
});

describe('topicProgress', () => {
  const answered: AnsweredDrill[] = [
    // Newest first, as a repository would give them.
    { topicSlug: 'incidents', answeredAt: daysAgo(1), score: 80 },
    { topicSlug: 'conflict', answeredAt: daysAgo(2), score: null },
    { topicSlug: 'incidents', answeredAt: daysAgo(3), score: 70 },
    { topicSlug: 'incidents', answeredAt: daysAgo(5), score: 55 },
    { topicSlug: 'incidents', answeredAt: daysAgo(9), score: 51 },
    { topicSlug: 'conflict', answeredAt: daysAgo(4), score: Number.NaN },
    { topicSlug: 'removed-from-bank', answeredAt: daysAgo(1), score: 100 },
  ];
  const rated = new Map<string, RatedCard>([
    ['i1', rate(undefined, 'easy', daysAgo(1))],
    ['i2', rate(undefined, 'good', daysAgo(3))],
    ['c1', rate(undefined, 'again', daysAgo(2))],
  ]);
  const progress = topicProgress({ topics: TOPICS, answered, rated, now: NOW });

  it('reports each topic of the bank in its order, leaving out answers to others', () => {
    expect(progress.map((p) => p.slug)).toEqual(['incidents', 'conflict', 'empty']);
  });

  it('counts, averages, trends and dates the answers of a topic', () => {
    const [incidents] = progress;
    expect(incidents).toMatchObject({
      slug: 'incidents',
      title: 'Handling Production Incidents',
      answered: 4,
      averageScore: 64, // (80 + 70 + 55 + 51) / 4 = 64
      trend: { direction: 'up', delta: 22, recent: 75, earlier: 53 },
      lastPractised: daysAgo(1),
    });
    expect(incidents?.readiness.label).toBe('ready');
    expect(incidents?.readiness.rated).toBe(2);
  });

  it('counts unscored answers but averages only scores', () => {
    expect(progress[1]).toMatchObject({
      answered: 2,
      averageScore: null,
      trend: null,
      lastPractised: daysAgo(2),
    });
    expect(progress[1]?.readiness).toMatchObject({ label: 'shaky', rated: 1, total: 4, score: 0 });
  });

  it('a topic never practised', () => {
    expect(progress[2]).toEqual({
      slug: 'empty',
      title: 'Never practised',
      answered: 0,
      averageScore: null,
      trend: null,
      readiness: { score: 0, label: 'not started', rated: 0, total: 1, due: 0 },
      lastPractised: null,
    });
  });
});

describe('byWeakness and interviewFocus', () => {
  const t = (slug: string, readiness: number, averageScore: number | null, answered: number) => ({
    slug,
    readiness: { score: readiness },
    averageScore,
    answered,
  });

  it('orders by readiness, then average score (none = weakest), then practice, then given order', () => {
    const topics = [
      t('ready', 0.9, 90, 10),
      t('shaky-high', 0.2, 80, 5),
      t('shaky-low', 0.2, 40, 5),
      t('shaky-unscored', 0.2, null, 5),
      t('shaky-low-less', 0.2, 40, 2),
      t('shaky-low-less-2', 0.2, 40, 2),
      t('unrated', 0, 75, 1),
    ];
    expect(byWeakness(topics).map((x) => x.slug)).toEqual([
      'unrated',
      'shaky-unscored',
      'shaky-low-less',
      'shaky-low-less-2',
      'shaky-low',
      'shaky-high',
      'ready',
    ]);
    expect(interviewFocus(topics)).toEqual(['unrated', 'shaky-unscored', 'shaky-low-less']);
    expect(interviewFocus(topics, 1)).toEqual(['unrated']);
    expect(interviewFocus(topics, 0)).toEqual(['unrated']);
    expect(interviewFocus([])).toEqual([]);
  });

  it('does not reorder its input', () => {
    const topics = [t('b', 0.5, 50, 1), t('a', 0.1, 50, 1)];
    byWeakness(topics);
    expect(topics.map((x) => x.slug)).toEqual(['b', 'a']);
  });
});

describe('bars', () => {
  it.each([
    [0, '▱▱▱▱▱'],
    [0.09, '▱▱▱▱▱'],
    [0.1, '▰▱▱▱▱'],
    [0.62, '▰▰▰▱▱'],
    [1, '▰▰▰▰▰'],
    [1.7, '▰▰▰▰▰'],
    [-3, '▱▱▱▱▱'],
    [Number.NaN, '▱▱▱▱▱'],
  ])('bar(%d) = %s', (fraction, expected) => {
    expect(bar(fraction)).toBe(expected);
  });

  it('scoreBar and trendLabel', () => {
    expect(scoreBar(62)).toBe('▰▰▰▱▱ 62');
    expect(scoreBar(100)).toBe('▰▰▰▰▰ 100');
    expect(scoreBar(0)).toBe('▱▱▱▱▱ 0');
    expect(scoreBar(null)).toBe('▱▱▱▱▱ –');
    expect(bar(0.5, 10)).toBe('▰▰▰▰▰▱▱▱▱▱');
    expect(trendLabel({ direction: 'up', delta: 8, recent: 70, earlier: 62 })).toBe('↑ +8');
    expect(trendLabel({ direction: 'down', delta: -5, recent: 60, earlier: 65 })).toBe('↓ −5');
    expect(trendLabel({ direction: 'flat', delta: 0, recent: 60, earlier: 60 })).toBe('→ ±0');
    expect(trendLabel({ direction: 'flat', delta: 3, recent: 63, earlier: 60 })).toBe('→ +3');
    expect(trendLabel(null)).toBe('');
  });
});
