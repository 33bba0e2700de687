import { deleteDrill, drillHistory } from '../db/repositories/drills.ts';
import {
  deleteMock,
  findMock,
  mockOfDrill,
  runningMock,
  startMock,
} from '../db/repositories/mock-interviews.ts';
import { answeredDrillsOf } from '../db/repositories/progress.ts';
import { ratedCardsOf } from '../db/repositories/review-cards.ts';
import { ensureUser } from '../db/repositories/users.ts';
import type { MockInterview } from '../db/schema/index.ts';
import { postMockStep } from '../delivery/mock-steps.ts';
import { postMockSummary } from '../delivery/mock-summary.ts';
import { stepOf } from '../drills/mock-interview.ts';
import type { Person } from '../drills/person.ts';
import { planMockInterview } from '../progress/mock-plan.ts';
import { plainReply } from '../views/command-replies.ts';
import type { SlackMessage } from '../views/drill-message.ts';
import { BLOCK_MOCK_STEP } from '../views/ids.ts';
import { mockOfferMessage, mockStartedElsewhere } from '../views/mock-messages.ts';
import type { RequestContext } from './context.ts';

/**
 * `/star mock`: a new mock interview, its first question posted in the person's DM; or, while one runs, the
 * offer to continue it or end it. The questions are chosen from the person's progress (progress/mock-plan.ts).
 * A first post Slack refuses leaves nothing behind (no mock, no drill) and rejects with Slack's error, which
 * the command turns into the same words as a drill's.
 */
export async function startMockInterview(
  ctx: RequestContext,
  who: Person,
  fromChannel: string,
): Promise<SlackMessage | undefined> {
  const existing = await runningMock(ctx.db, who);
  if (existing) return mockOffer(existing);
  await ensureUser(ctx.db, who, { enterpriseId: ctx.enterpriseId });
  const [history, rated, answered] = await Promise.all([
    drillHistory(ctx.db, who),
    ratedCardsOf(ctx.db, who),
    answeredDrillsOf(ctx.db, who),
  ]);
  const now = ctx.clock.now();
  const questions = planMockInterview({ bank: ctx.bank, answered, history, rated, now });
  const mock = await startMock(ctx.db, who, questions, now);
  if (!mock) {
    // Another `/star mock` of the same person won the unique index a moment ago.
    const other = await runningMock(ctx.db, who);
    return other ? mockOffer(other) : undefined;
  }
  let posted: Awaited<ReturnType<typeof postMockStep>>;
  try {
    posted = await postMockStep(ctx, ctx.slack.interactive, mock);
  } catch (err) {
    await forgetUnsentMock(ctx, mock);
    throw err;
  }
  ctx.log.info({ user: who.userId, mock: mock.id, questions: questions.length }, 'mock interview started');
  return posted?.channel === fromChannel ? undefined : plainReply(mockStartedElsewhere(questions.length));
}

/** Nothing reached the person: the mock and its first drill go, as an on-demand drill whose post failed. */
async function forgetUnsentMock(ctx: RequestContext, mock: MockInterview): Promise<void> {
  try {
    const stored = await findMock(ctx.db, mock);
    for (const id of stored?.drillIds ?? []) await deleteDrill(ctx.db, { ...mock, id });
    await deleteMock(ctx.db, mock);
  } catch (err) {
    ctx.log.warn({ err, mock: mock.id }, 'could not remove a mock interview whose first post failed');
  }
}

/** What a running mock waits for, in words: "question 2 of 3", "the follow-up to question 2 of 3". */
export function waitingFor(mock: MockInterview): string {
  const step = stepOf(mock.step);
  const of = `question ${step.question + 1} of ${mock.questions.length}`;
  return step.kind === 'star' ? of : `the follow-up to ${of}`;
}

function mockOffer(mock: MockInterview): SlackMessage {
  return mockOfferMessage({ mockId: mock.id, round: mock.round, waiting: waitingFor(mock) });
}

/**
 * After an answer moved the mock on (the caller's save won the step): the next step is posted, or, after the
 * last one, the summary. Runs after the ack; the answer is stored whatever happens here. A post Slack refuses
 * is logged: `/star mock` offers Continue, which posts the step again, and the scheduler retries a summary.
 */
export async function continueAfterAnswer(ctx: RequestContext, mock: MockInterview): Promise<void> {
  const log = ctx.log.child({ user: mock.userId, mock: mock.id, step: mock.step });
  try {
    if (mock.endedAt) {
      await postMockSummary(ctx, ctx.slack.interactive, mock);
      log.info('mock interview completed');
    } else {
      await postMockStep(ctx, ctx.slack.interactive, mock);
    }
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'answer saved, but the mock interview’s next message could not be posted');
  }
}

/**
 * A click on a mock's question or follow-up button (its block) after that mock ended: stale, it opens nothing.
 * The same drill stays answerable as any drill from Home; only the mock's own message is over.
 */
export async function isStaleMockClick(
  ctx: Pick<RequestContext, 'db'>,
  who: Person,
  drillId: number,
  blockId: string | undefined,
): Promise<boolean> {
  if (blockId !== BLOCK_MOCK_STEP) return false;
  const mock = await mockOfDrill(ctx.db, who, drillId);
  return !mock || mock.endedAt !== null;
}
