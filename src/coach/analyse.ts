/**
 * Feedback on a candidate's STAR answer: text in, findings out. Pure apart from loading the English model
 * on first use (see nlp.ts); no Slack, no database. Each finding says why, quotes the candidate where that
 * helps, suggests one thing, and names the guide's Preparation Strategy it comes from.
 *
 * The checks read only the sentences that tell something (story.ts): a fragment or a bare claim earns
 * nothing. Then the caps: what an interviewer rejects outright (a hypothetical, another topic's story, a
 * list of claims, a missing part) keeps the score low whatever else the answer does well.
 */
import type { Strategy, Topic } from '../bank/types.ts';
import { STAR_LABELS, STAR_PARTS, type StarAnswer, type StarPart } from '../drills/star-answer.ts';
import { assessBalance, missingParts, speakingSeconds } from './checks/balance.ts';
import { assessNoBlame } from './checks/blame.ts';
import { assessMeasured } from './checks/measured.ts';
import { assessOccasion } from './checks/occasion.ts';
import { assessOnTopic, type TopicTerms } from './checks/on-topic.ts';
import { assessOwnership } from './checks/ownership.ts';
import { assessReflection } from './checks/reflection.ts';
import { assessRole, type RoleContext, withRoleCheck } from './checks/role.ts';
import { assessSpecific } from './checks/specific.ts';
import { topicExamples } from './examples.ts';
import { detectLanguage } from './language.ts';
import { type Reading, read } from './reading.ts';
import { CAP_BY_MISSING_PARTS, LABELS, partScores, pointsOf, WEIGHTS } from './score.ts';
import { isListOfClaims, readStory, type StoryReading, storyOnly, toldWords } from './story.ts';
import { strategyFor } from './strategies.ts';
import type { AnswerFeedback, Assessment, Cap, CheckId, CheckResult, FollowUpFeedback } from './types.ts';

export { isModelLoaded, type WarmUpReport, warmUp } from './nlp.ts';
export { scoreLine } from './score.ts';
export type { AnswerFeedback, Cap, CheckId, CheckResult, FollowUpFeedback, WordCounts } from './types.ts';

/**
 * Twice the answer modal's limit per part: analysis time grows with the text, and nothing longer reaches
 * the bot through Slack, so anything beyond is cut rather than read.
 */
export const MAX_ANALYSED_CHARS = 6000;

/** The caps' ceilings: interviewers reject these answers outright, so no strength elsewhere lifts them. */
export const CAPS = { hypothetical: 50, off_topic: 55, claims: 60, jumbled: 30 } as const;

export interface AnswerContext {
  /** The drill's topic: its key concepts and questions judge relevance, its sample gives examples. */
  topic: TopicTerms & { sampleAnswer?: Partial<Record<StarPart, string>> };
  /** The question the answer was written for ("How do you..." changes the occasion feedback). */
  questionText: string;
  /** The guide's Preparation Strategies (`QuestionBank.strategies`). */
  strategies: readonly Strategy[];
  /** The guide's topics (this one may be among them), so an off-topic story can be told which it fits. */
  otherTopics?: readonly Pick<Topic, 'title' | 'keyConcepts' | 'questions'>[];
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

/** The cap for a list of claims or for words out of order, or none. */
export function claimsCap(story: StoryReading): Cap | undefined {
  // Words out of order are not even claims: nothing in them can be followed, so the cap is lower.
  if (story.jumbled)
    return {
      id: 'claims',
      max: CAPS.jumbled,
      why: 'The words do not read as sentences, so there is no story to follow.',
      suggestion: 'Write it as you would say it: what you saw, what you did about it, and what changed.',
    };
  if (!isListOfClaims(story)) return undefined;
  const shown = story.claims.slice(0, 2).map((c) => `'${c}'`);
  return {
    id: 'claims',
    max: CAPS.claims,
    why: `Reads as a list of claims, not what happened: ${shown.join(', ')}.`,
    suggestion:
      'Tell it in sentences that connect: what you saw, what you did about it, and what changed because of it.',
  };
}

export function analyseAnswer(answer: StarAnswer, context: AnswerContext): AnswerFeedback {
  const texts = Object.fromEntries(STAR_PARTS.map((p) => [p, clean(answer[p])])) as Record<StarPart, string>;
  const readings = Object.fromEntries(STAR_PARTS.map((p) => [p, read(texts[p])])) as Record<
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
  // A part filled only with hollow claims is still missing: appending one does not lift the cap.
  const missing = missingParts({
    ...words,
    ...Object.fromEntries(STAR_PARTS.map((p) => [p, toldWords(readings[p])])),
  });
  const base = { words, speakingSeconds: speakingSeconds(words.total), missingParts: missing };
  if (detectLanguage(STAR_PARTS.map((p) => texts[p]).join('\n')).language === 'other') {
    // English rules would only say false things about it ("there is no verb"): no checks, no score.
    const parts = { situation: 0, task: 0, action: 0, result: 0 };
    return { ...base, score: null, language: 'other', parts, checks: [], caps: [] };
  }

  const all = STAR_PARTS.map((p) => readings[p]);
  // What the checks credit: the sentences that tell, without fragments and bare claims.
  const told = Object.fromEntries(STAR_PARTS.map((p) => [p, storyOnly(readings[p])])) as Record<
    StarPart,
    Reading
  >;
  const examples = topicExamples(context.topic.sampleAnswer);
  const occasion = assessOccasion({ parts: readings, questionText: context.questionText });
  // Relevance is judged on what the story tells: an appended hollow claim ("I learned a lot") moves nothing.
  const onTopic = assessOnTopic(
    context.topic,
    STAR_PARTS.map((p) => told[p]),
    context.otherTopics,
  );
  const assessments: Record<CheckId, Assessment> = {
    measured: assessMeasured({
      result: told.result,
      action: told.action,
      written: readings.result,
      partName: 'Result',
      ...(examples.measure ? { example: examples.measure } : {}),
    }),
    ownership: assessOwnership({
      action: told.action,
      task: told.task,
      partName: 'Action',
      examples: examples.steps,
    }),
    occasion,
    balance: assessBalance(words),
    specific: assessSpecific(told, 'answer', examples.details),
    reflection: assessReflection(told.result, examples.reflection, readings.result),
    on_topic: onTopic,
    no_blame: assessNoBlame(all),
  };
  const checks = (Object.keys(assessments) as CheckId[]).map((id) =>
    toResult(id, assessments[id], context.strategies),
  );

  const caps: Cap[] = [];
  if (occasion.hypothetical)
    caps.push({
      id: 'hypothetical',
      max: CAPS.hypothetical,
      why: `${occasion.why.split('. ')[0]?.replace(/\.$/, '')}: interviewers want one time it happened.`,
      suggestion: 'Tell one real occasion: when it was, what you did step by step, and how it turned out.',
    });
  if (onTopic.betterTopic !== undefined)
    caps.push({
      id: 'off_topic',
      max: CAPS.off_topic,
      why: `The story fits "${onTopic.betterTopic}" better than this question.`,
      suggestion: 'Tell a story that answers this question; keep this one for the other topic.',
    });
  const claims = claimsCap(readStory(all));
  if (claims) caps.push(claims);
  const missingCap = CAP_BY_MISSING_PARTS[missing.length] ?? 0;
  if (missing.length > 0)
    caps.push({
      id: 'missing_parts',
      max: missingCap,
      why: missing
        .map((p) =>
          words[p] < 3
            ? `${STAR_LABELS[p]} is empty or a word or two.`
            : `${STAR_LABELS[p]} names nothing in particular ('${texts[p].trim().slice(0, 80)}').`,
        )
        .join(' '),
      suggestion: `Give each of the four parts at least a sentence that says what happened; start with the ${STAR_LABELS[missing[0] as StarPart]}.`,
    });
  caps.sort((a, b) => a.max - b.max);

  const sum = checks.reduce((n, c) => n + c.points, 0);
  const feedback: AnswerFeedback = {
    ...base,
    score: Math.min(sum, ...caps.map((c) => c.max)),
    language: 'english',
    caps,
    parts: partScores(assessments),
    checks,
  };
  return context.role ? withRoleCheck(feedback, assessRole(answer, context.role)) : feedback;
}

/**
 * A follow-up answer is a few sentences, not a STAR story: only specificity, ownership and a measure make
 * sense, scored out of their own weights and scaled to 100.
 */
export function analyseFollowUp(text: string, context: FollowUpContext): FollowUpFeedback {
  const cleaned = clean(text);
  const reading = read(cleaned);
  const base = { words: reading.words, speakingSeconds: speakingSeconds(reading.words) };
  if (detectLanguage(cleaned).language === 'other')
    return { ...base, score: null, language: 'other', checks: [], caps: [] };
  const told = storyOnly(reading);
  const assessments: Partial<Record<CheckId, Assessment>> = {
    specific: assessSpecific({ action: told }),
    ownership: assessOwnership({ action: told, partName: 'answer' }),
    measured: assessMeasured({ result: told, written: reading, partName: 'answer' }),
  };
  const checks = (Object.entries(assessments) as [CheckId, Assessment][]).map(([id, a]) =>
    toResult(id, a, context.strategies),
  );
  const max = checks.reduce((n, c) => n + c.maxPoints, 0);
  const got = checks.reduce((n, c) => n + c.points, 0);
  const claims = claimsCap(readStory([reading]));
  const caps = claims ? [claims] : [];
  return {
    ...base,
    score: Math.min(Math.round((100 * got) / max), ...caps.map((c) => c.max)),
    language: 'english',
    caps,
    checks,
  };
}
