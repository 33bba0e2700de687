// Readiness from the latest score and the latest self-rating (with its FSRS review date).
// Bad inputs tried: no answers; answers not scored yet (null, NaN); a rating on another topic's question;
// two ratings on one topic (the newer decides); a Good rating whose review date has come.
import { describe, expect, it } from 'vitest';
import { type RatedCard, rate, type SelfRating } from '../../src/drills/review-cards.ts';
import { READINESS_HELP, READY_SCORE, topicReadiness, WEAK_SCORE } from '../../src/progress/readiness.ts';

const T0 = new Date('2026-01-01T09:00:00Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const ids = ['q1', 'q2', 'q3'];
const cards = (...r: [string, SelfRating, Date][]) =>
  new Map<string, RatedCard>(r.map(([id, rating, at]) => [id, rate(undefined, rating, at)]));
const level = (scores: (number | null)[], rated = new Map<string, RatedCard>(), now = T0) =>
  topicReadiness({ questionIds: ids, scoresOldestFirst: scores, rated, now }).level;

describe('topicReadiness', () => {
  it('agrees with what the person did (the cases a newcomer saw contradicted)', () => {
    expect(level([100], cards(['q1', 'good', T0]))).toBe('ready'); // was "100 · shaky"
    expect(level([79])).toBe('getting there'); // was "79 · not started · 1 answered"
  });

  it.each([
    [[], [], 'not started'],
    [[null], [], 'getting there'],
    [[Number.NaN], [['q1', 'easy']], 'getting there'],
    [[90], [['q1', 'again']], 'needs work'],
    [[WEAK_SCORE - 1], [['q1', 'easy']], 'needs work'],
    [[WEAK_SCORE], [['q1', 'easy']], 'getting there'],
    [[READY_SCORE], [['q1', 'hard']], 'getting there'],
    [[READY_SCORE], [['q1', 'easy']], 'ready'],
    [[95, 40], [['q1', 'good']], 'needs work'],
    [[40, 95], [['q1', 'good']], 'ready'],
    [[95], [['other', 'good']], 'getting there'],
  ] as const)('scores %j, ratings %j: %s', (scores, ratings, expected) => {
    const rated = cards(...ratings.map(([id, r]) => [id, r, T0] as [string, SelfRating, Date]));
    expect(level([...scores], rated)).toBe(expected);
  });

  it('the newest rating decides', () => {
    const rated = cards(['q1', 'again', T0], ['q2', 'good', days(1)]);
    expect(level([90], rated, days(1))).toBe('ready');
    const older = cards(['q1', 'good', T0], ['q2', 'again', days(1)]);
    expect(level([90], older, days(1))).toBe('needs work');
  });

  it('ready turns review due when FSRS says to practise again, and counts what is due', () => {
    const rated = cards(['q1', 'good', T0]); // Good: back in 3 days
    expect(level([90], rated, days(2))).toBe('ready');
    const r = topicReadiness({ questionIds: ids, scoresOldestFirst: [90], rated, now: days(3) });
    expect(r).toEqual({ level: 'review due', score: 0.75, rated: 1, total: 3, due: 1 });
  });

  it('the help text names every level a topic with answers can have', () => {
    for (const name of ['needs work', 'getting there', 'ready', 'review due']) {
      expect(READINESS_HELP).toContain(`*${name}*`);
    }
  });
});
