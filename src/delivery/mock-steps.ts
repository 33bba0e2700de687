import type { WebClient } from '@slack/web-api';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { findAnswer } from '../db/repositories/answers.ts';
import { deleteDrill, findDrill, insertDrill, markDrillPosted } from '../db/repositories/drills.ts';
import { findFollowUpAnswer } from '../db/repositories/follow-ups.ts';
import { attachMockDrill, findMock, markMockStepPosted } from '../db/repositories/mock-interviews.ts';
import type { Drill, MockInterview } from '../db/schema/index.ts';
import { doneStep, type MockQuestion, stepOf } from '../drills/mock-interview.ts';
import type { Logger } from '../logger.ts';
import type { SlackMessage } from '../views/drill-message.ts';
import { mockFollowUpMessage, mockQuestionMessage, type PreviousStep } from '../views/mock-messages.ts';

export interface MockStepDeps {
  db: Database;
  bank: Pick<QuestionBank, 'topic'>;
  clock: Clock;
  log: Logger;
}

/**
 * Posts the step a mock waits at, in the person's DM: question k as a drill of its own (stored first, so its
 * button always finds it; the same drill when the step is posted again), or its follow-up under the drill's
 * follow-up button. Then the step is stamped posted, and its answer is timed from then. The caller holds the
 * right to post it (it advanced the mock to this step, started it, or continued it): no step is posted twice.
 * Returns the drill the step belongs to; rejects with Slack's error when the post fails.
 */
export async function postMockStep(
  deps: MockStepDeps,
  slack: WebClient,
  mock: MockInterview,
  options: { resumed?: boolean } = {},
): Promise<{ drill: Drill; channel: string; ts: string } | undefined> {
  if (mock.endedAt || mock.step >= doneStep(mock.questions)) return undefined;
  const step = stepOf(mock.step);
  const question = mock.questions[step.question] as MockQuestion;
  const drill = await drillOfQuestion(deps, mock, step.question, question);
  const topicTitle = deps.bank.topic(question.topicSlug)?.title ?? question.topicSlug;
  const base = { index: step.question, total: mock.questions.length, resumed: options.resumed };
  const previous = options.resumed ? undefined : await previousStep(deps.db, mock);
  const message: SlackMessage =
    step.kind === 'star'
      ? mockQuestionMessage({
          ...base,
          drillId: drill.id,
          topicTitle,
          questionText: question.questionText,
          previous,
        })
      : mockFollowUpMessage({
          ...base,
          drillId: drill.id,
          followUpNumber: question.followUpNumber,
          question: question.followUpText,
          previous,
        });
  const posted = await slack.chat.postMessage({ channel: mock.userId, ...message });
  if (!posted.channel || !posted.ts)
    throw new Error(`chat.postMessage for mock ${mock.id} returned no channel/ts`);
  const at = deps.clock.now();
  // Posted is posted: a failure to record it is logged, not thrown (the step is out, and its button works).
  try {
    // The question's message is the drill's: its answer's feedback goes to this message's thread. Without
    // it, the first click stores it (answer-drill.ts), and the answer is untimed.
    if (step.kind === 'star')
      await markDrillPosted(deps.db, drill, {
        channelId: posted.channel,
        messageTs: posted.ts,
        postedAt: at,
      });
    await markMockStepPosted(deps.db, mock, at);
  } catch (err) {
    deps.log.error(
      { err, mock: mock.id, step: mock.step },
      'mock step posted, but recording its post failed',
    );
  }
  return { drill, channel: posted.channel, ts: posted.ts };
}

/** Question `index`'s drill: stored the first time it is asked, the same one after. */
async function drillOfQuestion(
  deps: MockStepDeps,
  mock: MockInterview,
  index: number,
  question: MockQuestion,
): Promise<Drill> {
  const existing = mock.drillIds[index];
  if (existing !== undefined) {
    const found = await findDrill(deps.db, mock, existing);
    if (found) return found;
  }
  const drill = await insertDrill(deps.db, {
    teamId: mock.teamId,
    userId: mock.userId,
    topicSlug: question.topicSlug,
    questionId: question.questionId,
    questionText: question.questionText,
    source: 'on_demand',
    createdAt: deps.clock.now(),
  });
  if (await attachMockDrill(deps.db, mock, index, drill.id)) return drill;
  // Another post of this step stored its drill first: use that one, and leave no stray drill behind.
  await deleteDrill(deps.db, drill);
  const winner = (await findMock(deps.db, mock))?.drillIds[index];
  const found = winner === undefined ? undefined : await findDrill(deps.db, mock, winner);
  if (!found) throw new Error(`mock ${mock.id} has no drill for question ${index + 1}`);
  return found;
}

/** How the step just answered went: its time (stored with the mock) and its speaking time (from its analysis). */
export async function previousStep(db: Database, mock: MockInterview): Promise<PreviousStep | undefined> {
  if (mock.step === 0) return undefined;
  const answered = stepOf(mock.step - 1);
  const drillId = mock.drillIds[answered.question];
  const question = mock.questions[answered.question];
  if (drillId === undefined || !question) return undefined;
  const seconds = mock.timings.find((t) => t.step === answered.step)?.seconds ?? null;
  const owned = { teamId: mock.teamId, userId: mock.userId, id: drillId };
  const speakingSeconds =
    answered.kind === 'star'
      ? ((await findAnswer(db, owned))?.feedback?.speakingSeconds ?? null)
      : ((await findFollowUpAnswer(db, owned, question.followUpNumber))?.feedback?.speakingSeconds ?? null);
  const what =
    answered.kind === 'star'
      ? `question ${answered.question + 1}`
      : `the follow-up to question ${answered.question + 1}`;
  return { what, seconds, speakingSeconds };
}
