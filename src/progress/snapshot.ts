/**
 * A user's progress, computed from their rows: the streak (progress/streak.ts) and the per-topic numbers
 * (progress/topic-stats.ts). Pure: the Home tab, the weekly recap and the interview countdown read the same.
 */
import type { Topic } from '../bank/types.ts';
import { type Days, daysFromMask } from '../drills/days.ts';
import type { DateRange } from '../drills/pause.ts';
import type { RatedCard } from '../drills/review-cards.ts';
import { type Streak, streak } from './streak.ts';
import { type AnsweredDrill, type TopicProgress, topicProgress } from './topic-stats.ts';

export interface ProgressRows {
  zone: string;
  /** The subscription's days mask, null when not subscribed. */
  dayMask: number | null;
  interview: { from: string; date: string } | null;
  answered: readonly AnsweredDrill[];
  daysOff: readonly DateRange[];
  rated: ReadonlyMap<string, RatedCard>;
}

export interface ProgressSnapshot {
  streak: Streak;
  topics: TopicProgress[];
}

export function progressSnapshot(rows: ProgressRows, topics: readonly Topic[], now: Date): ProgressSnapshot {
  const days: Days | null = rows.dayMask === null ? null : daysFromMask(rows.dayMask);
  return {
    streak: streak({
      zone: rows.zone,
      answeredAt: rows.answered.map((a) => a.answeredAt),
      calendar: { days, paused: rows.daysOff, interviews: rows.interview ? [rows.interview] : [] },
      now,
    }),
    topics: topicProgress({
      topics: topics.map((t) => ({
        slug: t.slug,
        title: t.title,
        questionIds: t.questions.map((q) => q.id),
      })),
      answered: rows.answered,
      rated: rows.rated,
      now,
    }),
  };
}
