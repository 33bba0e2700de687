/**
 * The story bank as a matrix of topics against stories: for each topic, which of the person's stories have
 * answered one of its questions, and whether that reaches the guide's "2-3 strong examples for each
 * category". Pure: the rows come from the stories repository.
 */

import { STORY_GOAL } from '../drills/story-limits.ts';

export { STORY_GOAL };

export interface StorySummary {
  id: number;
  title: string;
  /** The best coach score of any answer that tells it (null: none scored yet). */
  bestScore: number | null;
  /** The topics of the questions it has answered. */
  topicSlugs: readonly string[];
}

export type TopicCoverage = 'none' | 'thin' | 'goal';

export interface TopicStories {
  slug: string;
  title: string;
  stories: readonly StorySummary[];
  coverage: TopicCoverage;
}

export interface StoryMatrix {
  topics: readonly TopicStories[];
  /** Every story, best first (the same story may appear under several topics). */
  stories: readonly StorySummary[];
}

const byBest = (a: StorySummary, b: StorySummary) =>
  (b.bestScore ?? -1) - (a.bestScore ?? -1) || a.title.localeCompare(b.title) || a.id - b.id;

export function coverageOf(count: number): TopicCoverage {
  if (count === 0) return 'none';
  return count < STORY_GOAL.min ? 'thin' : 'goal';
}

export function storyMatrix(
  topics: readonly { slug: string; title: string }[],
  stories: readonly StorySummary[],
): StoryMatrix {
  const sorted = [...stories].sort(byBest);
  return {
    topics: topics.map((t) => {
      const told = sorted.filter((s) => s.topicSlugs.includes(t.slug));
      return { slug: t.slug, title: t.title, stories: told, coverage: coverageOf(told.length) };
    }),
    stories: sorted,
  };
}
