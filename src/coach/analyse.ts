/**
 * Feedback on a candidate's STAR answer: text in, findings out. Pure apart from loading the English model
 * on first use (see nlp.ts); no Slack, no database. Each finding says why, quotes the candidate where that
 * helps, suggests one thing, and names the guide's Preparation Strategy it comes from.
 */
import type { Strategy, Topic } from '../bank/types.ts';
import { STAR_PARTS, type StarAnswer, type StarPart } from '../drills/star-answer.ts';
import { assessBalance, missingParts, speakingSeconds } from './checks/balance.ts';
import { assessMeasured } from './checks/measured.ts';
import { assessOccasion } from './checks/occasion.ts';
import { assessOnTopic } from './checks/on-topic.ts';
import { assessOwnership } from './checks/ownership.ts';
import { assessReflection } from './checks/reflection.ts';
import { assessRole, type RoleContext, withRoleCheck } from './checks/role.ts';
import { assessSpecific } from './checks/specific.ts';
import { type Reading, read } from './reading.ts';
import { CAP_BY_MISSING_PARTS, LABELS, partScores, pointsOf, WEIGHTS } from './score.ts';
import { strategyFor } from './strategies.ts';
import type { AnswerFeedback, Assessment, CheckId, CheckResult, FollowUpFeedback } from './types.ts';

export { isModelLoaded, type WarmUpReport, warmUp } from './nlp.ts';
export { scoreLine } from './score.ts';
export type { AnswerFeedback, CheckId, CheckResult, FollowUpFeedback, WordCounts } from './types.ts';

/**
 * Twice the answer modal's limit per part: analysis time grows with the text, and nothing longer reaches
 * the bot through Slack, so anything beyond is cut rather than read.
 */
export const MAX_ANALYSED_CHARS = 6000;

export interface AnswerContext {
  topic: Pick<Topic, 'keyConcepts'>;
  /** The question the answer was written for ("How do you..." changes the occasion feedback). */
  questionText: string;
  /** The guide's Preparation Strategies (`QuestionBank.strategies`). */
  strategies: readonly Strategy[];
  /** The role the person prepares for (`/star role`): adds "Connects to the role". */
  role?: RoleContext;
}

export interface FollowUpContext {
  /** The guide's Preparation Strategies, as for an answer. (The three checks do not need the question.) */
  strategies: readonly Strategy[];
}

function clean(text: unknown): string {
  return typeof text === 'string' ? text.normalize('NFC').slice(0, MAX_ANALYSED_CHARS) : '';
}

function toResult(id: CheckId, a: Assessment, strategies: readonly Strategy[]): CheckResult {
  const strategy = strategyFor(id, strategies);
  return {
    id,
    label: LABELS[id],
    passed: a.passed,
    points: pointsOf(id, a.fraction),
    maxPoints: WEIGHTS[id],
    why: a.why,
    suggestion: a.suggestion,
    ...(strategy ? { strategy: { number: strategy.number, title: strategy.title } } : {}),
  };
}

export function analyseAnswer(answer: StarAnswer, context: AnswerContext): AnswerFeedback {
  const readings = Object.fromEntries(STAR_PARTS.map((p) => [p, read(clean(answer[p]))])) as Record<
    StarPart,
    Reading
  >;
  const words = {
    situation: readings.situation.words,
    task: readings.task.words,
    action: readings.action.words,
    result: readings.result.words,
    total: 0,
  };
  words.total = words.situation + words.task + words.action + words.result;

  const all = STAR_PARTS.map((p) => readings[p]);
  const assessments: Record<CheckId, Assessment> = {
    measured: assessMeasured({ result: readings.result, action: readings.action, partName: 'Result' }),
    ownership: assessOwnership({
      action: readings.action,
      task: readings.task,
      partName: 'Action',
      blameIn: all,
    }),
    occasion: assessOccasion({ parts: readings, questionText: context.questionText }),
    balance: assessBalance(words),
    specific: assessSpecific(readings),
    reflection: assessReflection(readings.result),
    on_topic: assessOnTopic(context.topic.keyConcepts, all),
  };

  const checks = (Object.keys(assessments) as CheckId[]).map((id) =>
    toResult(id, assessments[id], context.strategies),
  );
  const missing = missingParts(words);
  const sum = checks.reduce((n, c) => n + c.points, 0);
  const cap = CAP_BY_MISSING_PARTS[missing.length] ?? 0;
  const feedback: AnswerFeedback = {
    score: Math.min(sum, cap),
    parts: partScores(assessments),
    checks,
    words,
    speakingSeconds: speakingSeconds(words.total),
    missingParts: missing,
  };
  return context.role ? withRoleCheck(feedback, assessRole(answer, context.role)) : feedback;
}

/**
 * A follow-up answer is a few sentences, not a STAR story: only specificity, ownership and a measure make
 * sense, scored out of their own weights and scaled to 100.
 */
export function analyseFollowUp(text: string, context: FollowUpContext): FollowUpFeedback {
  const reading = read(clean(text));
  const assessments: Partial<Record<CheckId, Assessment>> = {
    specific: assessSpecific({ action: reading }),
    ownership: assessOwnership({ action: reading, partName: 'answer' }),
    measured: assessMeasured({ result: reading, partName: 'answer' }),
  };
  const checks = (Object.entries(assessments) as [CheckId, Assessment][]).map(([id, a]) =>
    toResult(id, a, context.strategies),
  );
  const max = checks.reduce((n, c) => n + c.maxPoints, 0);
  const got = checks.reduce((n, c) => n + c.points, 0);
  return {
    score: Math.round((100 * got) / max),
    checks,
    words: reading.words,
    speakingSeconds: speakingSeconds(reading.words),
  };
}
