/**
 * What a candidate reads about an answer, as text: the feedback's glance (everything before their recap,
 * the guide's sample and the follow-ups) and the full breakdown one click away. Golden tests assert on
 * this, not on scores alone.
 */
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { analyseAnswer } from '../../src/coach/analyse.ts';
import type { AnswerFeedback } from '../../src/coach/types.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { feedbackMessage } from '../../src/views/feedback.ts';
import { breakdownModal } from '../../src/views/feedback-breakdown.ts';
import { topicOf, visibleText } from './support.ts';

export interface Read {
  analysis: AnswerFeedback;
  /** The notification text and the glance, as shown in the thread. */
  glance: string;
  /** The modal behind "See the full breakdown". */
  breakdown: string;
  /** Both, for golden must / must-not patterns. */
  all: string;
}

export function readAnswer(
  bank: QuestionBank,
  item: { topic: string; question: number; answer: StarAnswer },
  previousScore?: number,
): Read {
  const topic = topicOf(bank, item.topic);
  const question = topic.questions[item.question - 1];
  if (question === undefined) throw new Error(`${item.topic} has no question ${item.question}`);
  const analysis = analyseAnswer(item.answer, {
    topic,
    questionText: question.text,
    strategies: bank.strategies,
    otherTopics: bank.topics,
  });
  const message = feedbackMessage({
    topic,
    drill: { id: 1, questionId: question.id, questionText: question.text },
    answer: item.answer,
    analysis,
    ...(previousScore === undefined ? {} : { previousScore }),
    sampleQuestion: bank.sampleQuestion(topic),
  });
  const blocks = message.blocks as Array<{ text?: { text: string } }>;
  const recapAt = blocks.findIndex((b) => b.text?.text.startsWith(':memo: *Your answer, saved*'));
  const glance = `${message.text}\n${visibleText(blocks.slice(0, recapAt))}`;
  const breakdown = visibleText(breakdownModal({ questionText: question.text, analysis }).blocks);
  return { analysis, glance, breakdown, all: `${glance}\n${breakdown}` };
}
