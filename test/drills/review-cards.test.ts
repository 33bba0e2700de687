import { describe, expect, it } from 'vitest';
import {
  changeRating,
  fromCardState,
  isDue,
  parseCardState,
  type RatedCard,
  rate,
  readiness,
  type SELF_RATINGS,
  toCardState,
} from '../../src/drills/review-cards.ts';

const T0 = new Date('2026-01-01T09:00:00Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

describe('rate', () => {
  it.each([
    ['again', '2026-01-02T09:00:00.000Z'],
    ['hard', '2026-01-03T09:00:00.000Z'],
    ['good', '2026-01-04T09:00:00.000Z'],
    ['easy', '2026-01-09T09:00:00.000Z'],
  ] as const)('a first %s schedules the question for %s (whole days: drills are daily)', (rating, due) => {
    const rated = rate(undefined, rating, T0);
    expect(rated.card.due).toBe(due);
    expect(rated.previous).toBeNull();
    expect(rated.rating).toBe(rating);
    expect(rated.ratedAt).toBe(T0.toISOString());
    expect(rated.card.reps).toBe(1);
  });

  it('builds on the previous card: Good twice spaces further than Good once, Again shortens', () => {
    const first = rate(undefined, 'good', T0);
    const second = rate(first.card, 'good', new Date(first.card.due));
    expect(second.previous).toEqual(first.card);
    expect(Date.parse(second.card.due) - Date.parse(first.card.due)).toBeGreaterThan(3 * 86_400_000);
    const lapse = rate(first.card, 'again', new Date(first.card.due));
    expect(Date.parse(lapse.card.due)).toBeLessThan(Date.parse(second.card.due));
    expect(lapse.card.lapses).toBe(1);
  });

  it('is deterministic: the same ratings at the same times give the same cards', () => {
    expect(rate(undefined, 'hard', T0)).toEqual(rate(undefined, 'hard', T0));
  });
});

describe('card state', () => {
  it('is plain JSON that round-trips through storage and back into ts-fsrs', () => {
    const rated = rate(rate(undefined, 'good', T0).card, 'hard', days(3));
    const stored = JSON.parse(JSON.stringify(rated));
    expect({ ...stored, card: parseCardState(stored.card), previous: stored.previous }).toEqual(rated);
    expect(toCardState(fromCardState(rated.card))).toEqual(rated.card);
    expect(rated.card).toEqual(
      expect.objectContaining({ state: 'review', lastReview: days(3).toISOString(), reps: 2 }),
    );
  });

  it('refuses a malformed stored card, naming the field', () => {
    const card = rate(undefined, 'good', T0).card;
    expect(() => parseCardState({ ...card, due: 'tomorrow' })).toThrow(/due/);
    expect(() => parseCardState({ ...card, state: 'forgotten' })).toThrow(/state/);
    expect(() => parseCardState({ ...card, reps: -1 })).toThrow(/reps/);
    expect(parseCardState(card)).toEqual(card);
  });
});

describe('changeRating', () => {
  it('re-applies the new rating to the card as it was before, at the original time', () => {
    const before = rate(undefined, 'good', T0).card;
    const first = rate(before, 'easy', days(3));
    const changed = changeRating(first, 'again', first.card);
    expect(changed).toEqual({ ok: true, rated: rate(before, 'again', days(3)) });
  });

  it('changes the very first rating of a card too', () => {
    const first = rate(undefined, 'easy', T0);
    expect(changeRating(first, 'hard', first.card)).toEqual({ ok: true, rated: rate(undefined, 'hard', T0) });
  });

  it('can be changed back and forth without drift', () => {
    const first = rate(undefined, 'good', T0);
    const toAgain = changeRating(first, 'again', first.card);
    if (!toAgain.ok) throw new Error('refused');
    const back = changeRating(toAgain.rated, 'good', toAgain.rated.card);
    expect(back).toEqual({ ok: true, rated: first });
  });

  it('refuses to change a rating a later rating was built on', () => {
    const first = rate(undefined, 'good', T0);
    const later = rate(first.card, 'good', days(3));
    expect(changeRating(first, 'again', later.card)).toEqual({ ok: false, reason: 'superseded' });
  });
});

describe('isDue', () => {
  it('is due from the due instant on', () => {
    const card = rate(undefined, 'good', T0).card;
    expect(isDue(card, days(2))).toBe(false);
    expect(isDue(card, days(3))).toBe(true);
    expect(isDue(card, days(30))).toBe(true);
  });
});

describe('readiness', () => {
  const ids = ['q1', 'q2', 'q3'];
  const ratedAll = (rating: (typeof SELF_RATINGS)[number]): Map<string, RatedCard> =>
    new Map(ids.map((id) => [id, rate(undefined, rating, T0)]));

  it('is "not started" with no ratings', () => {
    expect(readiness(ids, new Map(), T0)).toEqual({
      score: 0,
      label: 'not started',
      rated: 0,
      total: 3,
      due: 0,
    });
  });

  it.each([
    ['again', 'shaky'],
    ['hard', 'shaky'],
    ['good', 'ready'],
    ['easy', 'ready'],
  ] as const)('rated %s throughout, just now: %s', (rating, label) => {
    expect(readiness(ids, ratedAll(rating), T0).label).toBe(label);
  });

  it('counts unrated questions as not ready', () => {
    const one = new Map([['q1', rate(undefined, 'easy', T0)]]);
    const r = readiness(ids, one, T0);
    expect(r).toMatchObject({ rated: 1, total: 3, label: 'shaky' });
    expect(r.score).toBeCloseTo(1 / 3, 5);
  });

  it('fades as time passes without practice, and counts what is due', () => {
    const fresh = readiness(ids, ratedAll('good'), T0);
    const later = readiness(ids, ratedAll('good'), days(20));
    expect(later.score).toBeLessThan(fresh.score);
    expect(later.label).toBe('getting there');
    expect(later.due).toBe(3);
  });
});
