import type { QuestionBank } from '../bank/question-bank.ts';
import type { Question, Topic } from '../bank/types.ts';
import { type AskedBefore, chooseNext, type NextReason } from './choose-next.ts';
import type { RatedCard } from './review-cards.ts';

// The chooser's history type lives with chooseNext (which this module builds on); named here too for callers.
export type { AskedBefore };

/**
 * Which question (and topic) to drill next: the one asked least recently, so practice rotates through
 * everything before repeating, and the same question never comes twice in a row while others remain.
 * Pure and deterministic, so the choice can be tested and explained; no randomness to seed.
 */

/**
 * Of `keys` (in the caller's order), the one whose last use is oldest; never-used keys come first, in
 * the caller's order. Equal timestamps are ordered by position in `history` (later = more recent), so a
 * batch written in the same millisecond still rotates.
 */
function leastRecent(keys: string[], history: AskedBefore[], keyOf: (h: AskedBefore) => string): string {
  if (keys.length === 0) throw new RangeError('Nothing to choose from');
  const last = new Map<string, { at: number; index: number }>();
  history.forEach((h, index) => {
    const key = keyOf(h);
    const at = h.askedAt.getTime();
    const seen = last.get(key);
    if (!seen || at > seen.at || (at === seen.at && index > seen.index)) last.set(key, { at, index });
  });
  let best: string | undefined;
  let bestSeen: { at: number; index: number } | undefined;
  for (const key of keys) {
    const seen = last.get(key);
    if (!seen) return key;
    if (!bestSeen || seen.at < bestSeen.at || (seen.at === bestSeen.at && seen.index < bestSeen.index)) {
      best = key;
      bestSeen = seen;
    }
  }
  return best as string;
}

/**
 * The least recently asked of `questions`. History is matched by question id, so question ids must be
 * unique across the bank, or `history` must be limited to the questions' topic.
 */
export function chooseQuestion<Q extends { id: string }>(questions: Q[], history: AskedBefore[]): Q {
  const id = leastRecent(
    questions.map((q) => q.id),
    history,
    (h) => h.questionId,
  );
  return questions.find((q) => q.id === id) as Q;
}

/** The least recently drilled of `topicSlugs`; never-drilled topics first, in the given order. */
export function chooseTopic(topicSlugs: string[], history: AskedBefore[]): string {
  return leastRecent(topicSlugs, history, (h) => h.topicSlug);
}

/**
 * The drill to send, from the allowed topics (all when none is allowed, or none of the allowed slugs exists any
 * more): a question whose review is due first, then one never asked, then the least recently asked, with
 * low-rated topics coming back sooner (choose-next.ts). `history` is the user's, newest first; `rated` their
 * FSRS cards by question id.
 */
export function chooseFromHistory(
  bank: Pick<QuestionBank, 'topic' | 'topics'>,
  topicSlugs: readonly string[],
  history: readonly AskedBefore[],
  rated: ReadonlyMap<string, RatedCard> = new Map(),
  now: Date = new Date(),
  /** During an interview countdown: the weakest topics, drilled first (choose-next.ts `preferTopics`). */
  preferTopics?: readonly string[],
): { topic: Topic; question: Question; reason: NextReason } {
  const allowed = topicSlugs.flatMap((slug) => bank.topic(slug) ?? []);
  const topics = allowed.length > 0 ? allowed : bank.topics;
  if (topics.length === 0) throw new Error('the question bank has no topic to drill');
  const next = chooseNext({ topics, history, rated, now, ...(preferTopics ? { preferTopics } : {}) });
  const topic = bank.topic(next.topicSlug) as Topic;
  const question = topic.questions.find((q) => q.id === next.questionId) as Question;
  return { topic, question, reason: next.reason };
}
