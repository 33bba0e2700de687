/**
 * The next question to drill, for scheduled drills and `/star random`, once answers are self-rated:
 *
 * 1. a question whose review is due, the most overdue first (FSRS decides when; see drills/review-cards.ts);
 * 2. else a question never asked, from the topic whose turn it is;
 * 3. else the question asked longest ago.
 *
 * "Whose turn it is" and "longest ago" weigh time by the topic's ratings: a topic rated Again comes back
 * twice as soon as one rated Easy. Pure and deterministic (ties go to the bank's order), so a choice can be
 * tested by table and explained. Replaces `chooseQuestion`/`chooseTopic` once ratings are stored; those
 * stay as they are for callers without ratings.
 *
 * Under an interview countdown the caller passes `preferTopics`, the weakest few topics weakest first
 * (progress/topic-stats.ts `interviewFocus`): the same three rules then run on those topics only, in that
 * order, so the countdown rotates through the weak topics instead of drilling the single weakest forever.
 */

import { isDue, overdueMs, RATING_VALUE, type RatedCard } from './review-cards.ts';

/** One earlier drill of the person's: what was asked, and when. */
export interface AskedBefore {
  topicSlug: string;
  questionId: string;
  askedAt: Date;
}

export interface TopicQuestions {
  slug: string;
  questions: readonly { id: string }[];
}

export interface ChooseNextInput {
  /** The topics the user may be asked, in the bank's order (a subscription may allow only some). */
  topics: readonly TopicQuestions[];
  /** What the user was asked before, newest first (as the drills repository returns it). */
  history: readonly AskedBefore[];
  /** The user's rated cards by question id. */
  rated: ReadonlyMap<string, RatedCard>;
  now: Date;
  /**
   * Topics to draw from instead of all of `topics`, most wanted first (ties go to the earlier one rather
   * than to the bank's order). Slugs not in `topics` are ignored; when none is left, all of `topics` are used.
   */
  preferTopics?: readonly string[];
}

export type NextReason = 'due' | 'new' | 'least-recent';

export interface NextQuestion {
  topicSlug: string;
  questionId: string;
  reason: NextReason;
}

/** With no ratings a topic counts as middling, so rating a topic Easy sends it back, and Again forward. */
const UNRATED_VALUE = 0.5;

/**
 * 2 for a topic rated Again throughout, 1 for Easy: how much faster time passes for it when ordering by
 * "longest ago".
 */
export function topicUrgency(topic: TopicQuestions, rated: ReadonlyMap<string, RatedCard>): number {
  const values = topic.questions.flatMap((q) => {
    const r = rated.get(q.id);
    return r === undefined ? [] : [RATING_VALUE[r.rating]];
  });
  const mean = values.length === 0 ? UNRATED_VALUE : values.reduce((a, b) => a + b, 0) / values.length;
  return 2 - mean;
}

interface Candidate {
  topic: TopicQuestions;
  questionId: string;
  /** Position in the bank, for ties. */
  order: number;
}

/** Latest time each key was asked; equal times broken by history position (earlier in the list = newer). */
function lastAsked(history: readonly AskedBefore[], keyOf: (h: AskedBefore) => string): Map<string, number> {
  const last = new Map<string, number>();
  // Newest first, so the first sighting of a key is its latest unless the list is out of order.
  for (const h of history) {
    const key = keyOf(h);
    const at = h.askedAt.getTime();
    const seen = last.get(key);
    if (seen === undefined || at > seen) last.set(key, at);
  }
  return last;
}

/** `topics` narrowed to `prefer`, in `prefer`'s order; all of `topics` when that leaves none. */
function preferred(topics: readonly TopicQuestions[], prefer: readonly string[] | undefined) {
  if (prefer === undefined) return topics;
  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  const chosen = [...new Set(prefer)].flatMap((slug) => {
    const t = bySlug.get(slug);
    return t ? [t] : [];
  });
  return chosen.length > 0 ? chosen : topics;
}

export function chooseNext({
  topics: allowed,
  history,
  rated,
  now,
  preferTopics,
}: ChooseNextInput): NextQuestion {
  const topics = preferred(allowed, preferTopics);
  const candidates: Candidate[] = [];
  for (const topic of topics) {
    for (const q of topic.questions) candidates.push({ topic, questionId: q.id, order: candidates.length });
  }
  if (candidates.length === 0) throw new RangeError('Nothing to choose from');
  const pick = (c: Candidate, reason: NextReason): NextQuestion => ({
    topicSlug: c.topic.slug,
    questionId: c.questionId,
    reason,
  });
  const urgency = new Map(topics.map((t) => [t.slug, topicUrgency(t, rated)]));
  const urgencyOf = (c: Candidate) => urgency.get(c.topic.slug) ?? 1;

  // 1. Due reviews, the most overdue first; equally overdue, the more urgent topic, then the bank's order.
  const due = candidates.filter((c) => {
    const r = rated.get(c.questionId);
    return r !== undefined && isDue(r.card, now);
  });
  if (due.length > 0) {
    const overdue = (c: Candidate) => overdueMs((rated.get(c.questionId) as RatedCard).card, now);
    due.sort((a, b) => overdue(b) - overdue(a) || urgencyOf(b) - urgencyOf(a) || a.order - b.order);
    return pick(due[0] as Candidate, 'due');
  }

  const askedAt = lastAsked(history, (h) => h.questionId);
  // A card is a record of being asked even when the history has been pruned.
  for (const [id, r] of rated) {
    const reviewed = r.card.lastReview === null ? undefined : Date.parse(r.card.lastReview);
    if (reviewed !== undefined && (askedAt.get(id) ?? Number.NEGATIVE_INFINITY) < reviewed)
      askedAt.set(id, reviewed);
  }
  // Weighted age: how long ago, with time running faster for topics rated low.
  const weightedAge = (at: number | undefined, u: number) =>
    at === undefined ? Number.POSITIVE_INFINITY : Math.max(0, now.getTime() - at) * u;

  // 2. Never asked: from the topic whose turn it is (least recently drilled, weighted by its ratings).
  const fresh = candidates.filter((c) => !askedAt.has(c.questionId));
  if (fresh.length > 0) {
    const topicAskedAt = lastAsked(history, (h) => h.topicSlug);
    const turn = (c: Candidate) => weightedAge(topicAskedAt.get(c.topic.slug), urgencyOf(c));
    fresh.sort((a, b) => compareDesc(turn(a), turn(b)) || a.order - b.order);
    return pick(fresh[0] as Candidate, 'new');
  }

  // 3. The question asked longest ago, weighted the same way.
  const age = (c: Candidate) => weightedAge(askedAt.get(c.questionId), urgencyOf(c));
  candidates.sort((a, b) => compareDesc(age(a), age(b)) || a.order - b.order);
  return pick(candidates[0] as Candidate, 'least-recent');
}

/** Descending, with Infinity handled (Infinity - Infinity is NaN). */
function compareDesc(a: number, b: number): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
