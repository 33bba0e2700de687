/**
 * A topic's readiness, defined once here from what the person did: the score of their latest answer on the
 * topic and their latest self-rating of it with its FSRS review date (coach/review.ts). The Home tab shows
 * the level and explains it with READINESS_HELP; an interview countdown drills the least ready topics first.
 *
 * The levels follow the person's own acts, so they never contradict the score shown beside them: an answer
 * scored 100 and rated Good is *ready*, an answer not rated yet is *getting there*, never *not started*.
 */
import type { RatedCard } from '../drills/review-cards.ts';

export type ReadinessLevel = 'not started' | 'needs work' | 'getting there' | 'ready' | 'review due';

/** A latest answer scoring at least this, rated Good or Easy, is ready. */
export const READY_SCORE = 75;
/** A latest answer scoring under this needs work, whatever its rating. */
export const WEAK_SCORE = 60;

/** How each level orders topics weakest first (0..1): what an interview countdown drills first. */
const ORDER: Record<ReadinessLevel, number> = {
  'not started': 0,
  'needs work': 0.25,
  'getting there': 0.5,
  'review due': 0.75,
  ready: 1,
};

export interface TopicReadiness {
  level: ReadinessLevel;
  /** 0..1 by level, for ordering topics weakest first. */
  score: number;
  /** Questions of the topic rated at least once, of `total`. */
  rated: number;
  total: number;
  /** Rated questions whose FSRS review is due at `now`. */
  due: number;
}

/** The Home tab's help line: how the levels are derived, in the words of the rule below. */
export const READINESS_HELP =
  `Readiness comes from your latest answer on the topic and how you rated it: *needs work* (scored under ${WEAK_SCORE}, or rated Again), ` +
  `*getting there* (not rated yet, rated Hard, or scored under ${READY_SCORE}), *ready* (scored ${READY_SCORE}+ and rated Good or Easy), ` +
  '*review due* (it was ready, and its spaced-repetition review date has come: practise it again).';

export interface ReadinessInput {
  questionIds: readonly string[];
  /** The scores of the topic's answers, oldest first; null for one not scored yet. */
  scoresOldestFirst: readonly (number | null)[];
  /** The person's rated cards by question id. */
  rated: ReadonlyMap<string, RatedCard>;
  now: Date;
}

export function topicReadiness({
  questionIds,
  scoresOldestFirst,
  rated,
  now,
}: ReadinessInput): TopicReadiness {
  const cards = questionIds.flatMap((id) => {
    const card = rated.get(id);
    return card ? [card] : [];
  });
  const due = cards.filter((c) => Date.parse(c.card.due) <= now.getTime()).length;
  const level = levelOf(scoresOldestFirst, latestRated(cards), now);
  return { level, score: ORDER[level], rated: cards.length, total: questionIds.length, due };
}

function latestRated(cards: readonly RatedCard[]): RatedCard | undefined {
  let latest: RatedCard | undefined;
  for (const c of cards) if (!latest || Date.parse(c.ratedAt) > Date.parse(latest.ratedAt)) latest = c;
  return latest;
}

function levelOf(
  scores: readonly (number | null)[],
  latest: RatedCard | undefined,
  now: Date,
): ReadinessLevel {
  if (scores.length === 0) return 'not started';
  const score = scores.findLast((s): s is number => s !== null && Number.isFinite(s));
  if ((score !== undefined && score < WEAK_SCORE) || latest?.rating === 'again') return 'needs work';
  const ratedWell = latest?.rating === 'good' || latest?.rating === 'easy';
  if (score === undefined || score < READY_SCORE || !ratedWell) return 'getting there';
  return Date.parse((latest as RatedCard).card.due) <= now.getTime() ? 'review due' : 'ready';
}
