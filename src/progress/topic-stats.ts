/**
 * Progress per topic for the Home tab and the weekly recap: how many drills answered, the average score
 * and its trend, readiness from the self-ratings (drills/review-cards.ts `readiness()`), and when last practised.
 * Plus the weakest-first order an interview countdown draws from, and short text bars that read on a phone.
 * Pure: the caller passes the rows and `now`.
 */
import { type RatedCard, readiness, type TopicReadiness } from '../drills/review-cards.ts';

export interface AnsweredDrill {
  topicSlug: string;
  /** When the answer was given (first submitted). */
  answeredAt: Date;
  /** The coach's score, 0..100; null for an answer stored before scoring, which counts but has no score. */
  score: number | null;
}

export interface TopicInfo {
  slug: string;
  title: string;
  /** The topic's question ids in the bank, for readiness. */
  questionIds: readonly string[];
}

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** `recent - earlier`, rounded: +8 means the last answers score 8 points more on average. */
  delta: number;
  /** Average of the last answers (up to TREND_WINDOW), rounded. */
  recent: number;
  /** Average of as many answers just before them, rounded. */
  earlier: number;
}

export interface TopicProgress {
  slug: string;
  title: string;
  /** Drills answered on the topic. */
  answered: number;
  /** Average score of the scored answers, rounded; null when none is scored. */
  averageScore: number | null;
  /** Null with fewer than two scored answers. */
  trend: Trend | null;
  readiness: TopicReadiness;
  lastPractised: Date | null;
}

/** How many of the latest scored answers the trend compares with as many before them. */
export const TREND_WINDOW = 3;
/** A change smaller than this many points is flat: scores move a few points between answers anyway. */
export const FLAT_BAND = 5;

/**
 * The trend of scores given oldest first: the mean of the last k against the mean of the k before them,
 * k = min(TREND_WINDOW, half the scores), so two answers compare one with one, and ten compare the last
 * three with the three before (recent change, not the whole history's weight).
 */
export function trendOf(scoresOldestFirst: readonly number[]): Trend | null {
  const k = Math.min(TREND_WINDOW, Math.floor(scoresOldestFirst.length / 2));
  if (k === 0) return null;
  const recentScores = scoresOldestFirst.slice(-k);
  const earlierScores = scoresOldestFirst.slice(-2 * k, -k);
  const recent = mean(recentScores);
  const earlier = mean(earlierScores);
  const delta = Math.round(recent - earlier);
  const direction = Math.abs(recent - earlier) < FLAT_BAND ? 'flat' : delta > 0 ? 'up' : 'down';
  return { direction, delta, recent: Math.round(recent), earlier: Math.round(earlier) };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export interface TopicProgressInput {
  /** The topics to report, in the order to report them (the bank's); answers to other topics are left out. */
  topics: readonly TopicInfo[];
  answered: readonly AnsweredDrill[];
  /** The user's rated cards by question id. */
  rated: ReadonlyMap<string, RatedCard>;
  now: Date;
}

export function topicProgress({ topics, answered, rated, now }: TopicProgressInput): TopicProgress[] {
  const byTopic = new Map<string, AnsweredDrill[]>(topics.map((t) => [t.slug, []]));
  for (const a of answered) byTopic.get(a.topicSlug)?.push(a);
  return topics.map((topic) => {
    const rows = (byTopic.get(topic.slug) ?? [])
      .slice()
      .sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
    const scores = rows.flatMap((r) => (r.score === null || !Number.isFinite(r.score) ? [] : [r.score]));
    const last = rows.at(-1);
    return {
      slug: topic.slug,
      title: topic.title,
      answered: rows.length,
      averageScore: scores.length === 0 ? null : Math.round(mean(scores)),
      trend: trendOf(scores),
      readiness: readiness(topic.questionIds, rated, now),
      lastPractised: last ? last.answeredAt : null,
    };
  });
}

/**
 * Topics weakest first: lowest readiness, then lowest average score (no score yet counts as weakest),
 * then fewest answered, then the given order. What an interview countdown drills first.
 */
export interface WeaknessInput {
  slug: string;
  averageScore: number | null;
  answered: number;
  readiness: Pick<TopicReadiness, 'score'>;
}

export function byWeakness<T extends WeaknessInput>(topics: readonly T[]): T[] {
  return topics
    .map((t, order) => ({ t, order }))
    .sort(
      (a, b) =>
        a.t.readiness.score - b.t.readiness.score ||
        (a.t.averageScore ?? -1) - (b.t.averageScore ?? -1) ||
        a.t.answered - b.t.answered ||
        a.order - b.order,
    )
    .map(({ t }) => t);
}

/** How many of the weakest topics an interview countdown rotates through. */
export const INTERVIEW_FOCUS = 3;

/** The slugs an interview countdown draws from (`chooseNext`'s `preferTopics`): the weakest few. */
export function interviewFocus(topics: readonly WeaknessInput[], count: number = INTERVIEW_FOCUS): string[] {
  return byWeakness(topics)
    .slice(0, Math.max(1, count))
    .map((t) => t.slug);
}

const FULL = '▰';
const EMPTY = '▱';

/** A bar of `width` cells for a fraction 0..1 (clamped; NaN is empty): `bar(0.62)` is `▰▰▰▱▱`. */
export function bar(fraction: number, width = 5): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const full = Math.round(f * width);
  return FULL.repeat(full) + EMPTY.repeat(width - full);
}

/** `▰▰▰▱▱ 62` for a score out of 100; `▱▱▱▱▱ –` without one. */
export function scoreBar(score: number | null, width = 5): string {
  return score === null ? `${bar(0, width)} –` : `${bar(score / 100, width)} ${Math.round(score)}`;
}

/** `↑ +8`, `↓ −5`, `→ ±0`/`→ +3` (flat): the trend in a few characters; empty without one. */
export function trendLabel(trend: Trend | null): string {
  if (trend === null) return '';
  const sign = trend.delta > 0 ? '+' : trend.delta < 0 ? '−' : '±';
  const arrow = trend.direction === 'up' ? '↑' : trend.direction === 'down' ? '↓' : '→';
  return `${arrow} ${sign}${Math.abs(trend.delta)}`;
}
