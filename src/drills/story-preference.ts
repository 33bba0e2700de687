/**
 * "The scheduler prefers questions from topics with fewer than two stories when nothing is due for review":
 * the topics to pass to chooseNext as `preferTopics`, or undefined to leave the choice as it is. A due
 * review still comes first (FSRS knows best when a question must come back), and an interview countdown's
 * weakest topics win over this preference, since the countdown is what the person asked for.
 */
import type { TopicQuestions } from './choose-next.ts';
import { isDue, type RatedCard } from './review-cards.ts';
import { STORY_GOAL } from './story-limits.ts';

export function thinStoryTopics(p: {
  /** Every topic of the bank, in its order. */
  topics: readonly TopicQuestions[];
  /** The topics the person's subscription allows (empty or none existing: all). */
  allowed: readonly string[];
  rated: ReadonlyMap<string, RatedCard>;
  now: Date;
  /** Distinct stories per topic slug. */
  storiesPerTopic: ReadonlyMap<string, number>;
  /** An interview countdown's focus, if any. */
  countdown?: readonly string[];
}): readonly string[] | undefined {
  if (p.countdown !== undefined) return p.countdown;
  const narrowed = p.topics.filter((t) => p.allowed.includes(t.slug));
  const topics = narrowed.length > 0 ? narrowed : p.topics;
  const anyDue = topics.some((t) =>
    t.questions.some((q) => {
      const r = p.rated.get(q.id);
      return r !== undefined && isDue(r.card, p.now);
    }),
  );
  if (anyDue) return undefined;
  const thin = topics.filter((t) => (p.storiesPerTopic.get(t.slug) ?? 0) < STORY_GOAL.min).map((t) => t.slug);
  // Every topic thin (a newcomer) or none: no preference, the usual rotation.
  return thin.length === 0 || thin.length === topics.length ? undefined : thin;
}
