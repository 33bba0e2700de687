/**
 * Spaced repetition of questions: after each answer the candidate rates "How ready would you be to say
 * this out loud?" (Again / Hard / Good / Easy), and FSRS (ts-fsrs) schedules when that question comes
 * back. One card per (user, question). Pure: the caller stores the records and passes the clock in.
 *
 * Cards are stored as plain JSON (`CardState`: ISO dates, numbers, a state name) so they fit a jsonb column
 * and survive a ts-fsrs upgrade that renames its own fields; `parseCardState` checks what comes back.
 */
import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';
import { z } from 'zod';

export const SELF_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type SelfRating = (typeof SELF_RATINGS)[number];

export const SELF_RATING_LABELS: Record<SelfRating, string> = {
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
};

const GRADES: Record<SelfRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** How ready each rating says the candidate is, 0..1: the weight of a rating in readiness and topic order. */
// Good is most of the way: "I'd say this well" should read as ready while it is fresh in memory.
export const RATING_VALUE: Record<SelfRating, number> = { again: 0, hard: 0.35, good: 0.75, easy: 1 };

/**
 * Drills come at most once a day, so FSRS's minute-long learning steps (Again -> 1 minute, Good -> 10
 * minutes) would only make every rated question due at the next drill. Without them the first intervals
 * are days: Again 1, Hard 2, Good 3, Easy 8. No fuzz: the same ratings give the same schedule, testably.
 */
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;
const STATE_OF: Record<(typeof STATE_NAMES)[number], State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const IsoDate = z.iso.datetime({ offset: true });
const Count = z.int().nonnegative();

export const CardStateSchema = z.object({
  due: IsoDate,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: Count,
  reps: Count,
  lapses: Count,
  state: z.enum(STATE_NAMES),
  lastReview: IsoDate.nullable(),
});
/** An FSRS card as plain JSON. */
export type CardState = z.infer<typeof CardStateSchema>;

export function toCardState(card: Card): CardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state] ?? 'new',
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function fromCardState(state: CardState): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: STATE_OF[state.state],
    ...(state.lastReview === null ? {} : { last_review: new Date(state.lastReview) }),
  };
}

/** A card read back from storage; throws a ZodError naming the bad field. */
export function parseCardState(json: unknown): CardState {
  return CardStateSchema.parse(json);
}

/** A rating applied to a card: what to store for the (user, question), and what a change of mind needs. */
export interface RatedCard {
  /** The card after this rating: the one that schedules the question. */
  card: CardState;
  /** The card before this rating (null for the first), so the rating can be changed. */
  previous: CardState | null;
  rating: SelfRating;
  /** When the rating was given, ISO: a changed rating is re-applied at this instant, not at the change. */
  ratedAt: string;
}

/** Applies a self-rating to the question's card (undefined: never rated before). */
export function rate(card: CardState | undefined, rating: SelfRating, now: Date): RatedCard {
  const before = card === undefined ? createEmptyCard(now) : fromCardState(card);
  const { card: after } = scheduler.next(before, now, GRADES[rating]);
  return { card: toCardState(after), previous: card ?? null, rating, ratedAt: now.toISOString() };
}

export type RatingChange = { ok: true; rated: RatedCard } | { ok: false; reason: 'superseded' };

/**
 * Replaces the rating given in `rated` by `rating`: the new rating is applied to the card as it was before
 * the first, at the time of the first, so changing one's mind leaves no trace in the schedule. Only the
 * latest rating of a card can change: when `current` (the card stored now) is not `rated.card`, a later
 * rating has been built on it and the change is refused rather than silently undoing that one.
 */
export function changeRating(rated: RatedCard, rating: SelfRating, current: CardState): RatingChange {
  if (!sameCard(current, rated.card)) return { ok: false, reason: 'superseded' };
  return { ok: true, rated: rate(rated.previous ?? undefined, rating, new Date(rated.ratedAt)) };
}

function sameCard(a: CardState, b: CardState): boolean {
  return a.reps === b.reps && a.lastReview === b.lastReview && a.due === b.due;
}

export function isDue(card: CardState, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

/** How overdue a card is at `now`, in milliseconds (negative when not yet due). */
export function overdueMs(card: CardState, now: Date): number {
  return now.getTime() - Date.parse(card.due);
}

/** FSRS's probability that the candidate can still recall the answer at `now`, 0..1. */
export function retrievability(card: CardState, now: Date): number {
  if (card.state === 'new') return 0;
  return scheduler.get_retrievability(fromCardState(card), now, false);
}

export type ReadinessLabel = 'not started' | 'shaky' | 'getting there' | 'ready';

export interface TopicReadiness {
  /** 0..1: each question's latest rating, faded by how much may have been forgotten since; unrated = 0. */
  score: number;
  label: ReadinessLabel;
  rated: number;
  total: number;
  due: number;
}

/**
 * A topic's readiness for a dashboard. A question rated Easy yesterday counts nearly 1; rated Easy months
 * ago, less (FSRS's retrievability); rated Again, 0 however recent: the candidate said they were not ready.
 */
export function readiness(
  questionIds: readonly string[],
  ratedByQuestion: ReadonlyMap<string, RatedCard>,
  now: Date,
): TopicReadiness {
  let sum = 0;
  let rated = 0;
  let due = 0;
  for (const id of questionIds) {
    const r = ratedByQuestion.get(id);
    if (r === undefined) continue;
    rated++;
    if (isDue(r.card, now)) due++;
    sum += RATING_VALUE[r.rating] * retrievability(r.card, now);
  }
  const score = questionIds.length === 0 ? 0 : sum / questionIds.length;
  const label: ReadinessLabel =
    rated === 0 ? 'not started' : score < 0.35 ? 'shaky' : score < 0.7 ? 'getting there' : 'ready';
  return { score, label, rated, total: questionIds.length, due };
}
