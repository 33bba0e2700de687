/**
 * The questions of a mock interview: the weakest topics first, by the same readiness rules as the interview
 * countdown (topic-stats.ts `interviewFocus`), one question of each chosen as any drill's is (due reviews
 * first, then never asked, then least recently asked: drills/choose-question.ts), and one follow-up of its
 * topic. Pure: the caller reads the person's rows.
 */
import type { QuestionBank } from '../bank/question-bank.ts';
import { type AskedBefore, chooseFromHistory } from '../drills/choose-question.ts';
import { followUpFor, MOCK_QUESTIONS, type MockQuestion } from '../drills/mock-interview.ts';
import type { RatedCard } from '../drills/review-cards.ts';
import { type AnsweredDrill, interviewFocus, topicProgress } from './topic-stats.ts';

export interface MockPlanInput {
  bank: Pick<QuestionBank, 'topic' | 'topics'>;
  /** Every answered drill of the person (their progress). */
  answered: readonly AnsweredDrill[];
  /** What they were asked before, newest first. */
  history: readonly AskedBefore[];
  rated: ReadonlyMap<string, RatedCard>;
  now: Date;
}

export function planMockInterview({ bank, answered, history, rated, now }: MockPlanInput): MockQuestion[] {
  const topics = bank.topics.map((t) => ({
    slug: t.slug,
    title: t.title,
    questionIds: t.questions.map((q) => q.id),
  }));
  const weakest = interviewFocus(topicProgress({ topics, answered, rated, now }), MOCK_QUESTIONS);
  return weakest.map((slug) => {
    const { topic, question } = chooseFromHistory(bank, [slug], history, rated, now);
    const followUp = followUpFor(topic, question.number);
    return {
      topicSlug: topic.slug,
      questionId: question.id,
      questionText: question.text,
      followUpNumber: followUp.number,
      followUpText: followUp.text,
    };
  });
}
