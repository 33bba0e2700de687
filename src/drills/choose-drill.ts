import type { QuestionBank } from '../bank/question-bank.ts';
import type { Question, Topic } from '../bank/types.ts';
import type { NextReason } from './choose-next.ts';
import { type AskedBefore, chooseFromHistory } from './choose-question.ts';
import type { RatedCard } from './review-cards.ts';
import { thinStoryTopics } from './story-preference.ts';

/**
 * The question of a drill, scheduled or on demand: one rule for both (choose-question.ts), fed with what
 * the person was asked before and their review cards. Pure: the callers read the history, here it is judged.
 */
export interface KnownOfPerson {
  /** What they were asked before, newest first. */
  history: readonly AskedBefore[];
  /** Their FSRS cards by question id. */
  rated: ReadonlyMap<string, RatedCard>;
}

type Choice = { topic: Topic; question: Question; reason: NextReason };

/** `/star <topic>`, `/star random`: from the topics asked for (all when none). */
export function chooseOnDemandQuestion(
  bank: Pick<QuestionBank, 'topic' | 'topics'>,
  topicSlugs: readonly string[],
  known: KnownOfPerson,
  now: Date,
): Choice {
  return chooseFromHistory(bank, topicSlugs, known.history, known.rated, now);
}

/** A subscription's interview is still ahead (or today) on the drill's local date. */
export const inInterviewCountdown = (sub: { interviewDate: string | null }, localDate: string): boolean =>
  sub.interviewDate !== null && sub.interviewDate >= localDate;

/**
 * The scheduled drill of `localDate`: from the subscription's topics; during an interview countdown the
 * weakest topics first (`weakestTopics`, from the person's progress, asked only then); otherwise, when no
 * review is due, topics with fewer than two saved stories first (story-preference.ts).
 */
export function chooseScheduledQuestion(
  bank: Pick<QuestionBank, 'topic' | 'topics'>,
  sub: { topics: readonly string[]; interviewDate: string | null },
  localDate: string,
  known: KnownOfPerson & {
    weakestTopics?: () => readonly string[];
    /** Distinct saved stories per topic slug (the story bank). */
    storiesPerTopic?: ReadonlyMap<string, number>;
  },
  now: Date,
): Choice {
  const focus = inInterviewCountdown(sub, localDate) ? known.weakestTopics?.() : undefined;
  const prefer = thinStoryTopics({
    topics: bank.topics,
    allowed: sub.topics,
    rated: known.rated,
    now,
    storiesPerTopic: known.storiesPerTopic ?? new Map(),
    ...(focus ? { countdown: focus } : {}),
  });
  return chooseFromHistory(bank, sub.topics, known.history, known.rated, now, prefer);
}
