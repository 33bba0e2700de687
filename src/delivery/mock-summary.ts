import type { WebClient } from '@slack/web-api';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { findAnswer } from '../db/repositories/answers.ts';
import { findFollowUpAnswer } from '../db/repositories/follow-ups.ts';
import {
  claimMockSummary,
  markMockSummaryPosted,
  releaseMockSummary,
} from '../db/repositories/mock-interviews.ts';
import { storyOfDrill } from '../db/repositories/stories.ts';
import type { MockInterview } from '../db/schema/index.ts';
import type { MockEndReason } from '../drills/mock-interview.ts';
import {
  type MockAnswerResult,
  type MockQuestionResult,
  type MockSummary,
  summariseMock,
} from '../progress/mock-summary.ts';
import { mockSummaryMessage } from '../views/mock-messages.ts';

/** Long enough for the summary's post and its Retry-Afters; a crash holds it no longer than this. */
export const MOCK_SUMMARY_LEASE_MS = 2 * 60_000;

/**
 * What an ended mock's summary says, from its answers as stored: a step counts as answered when the mock
 * moved past it (its timing is stored), so an answer written after the mock ended is not part of it.
 */
export async function mockSummaryOf(
  db: Database,
  bank: Pick<QuestionBank, 'topic'>,
  mock: MockInterview,
): Promise<MockSummary> {
  const timing = (step: number) => mock.timings.find((t) => t.step === step);
  const questions: MockQuestionResult[] = [];
  for (const [k, question] of mock.questions.entries()) {
    const drillId = mock.drillIds[k];
    const owned =
      drillId === undefined ? undefined : { teamId: mock.teamId, userId: mock.userId, id: drillId };
    const starTiming = timing(2 * k);
    const followUpTiming = timing(2 * k + 1);
    const answer = owned && starTiming ? await findAnswer(db, owned) : undefined;
    const followUp =
      owned && followUpTiming ? await findFollowUpAnswer(db, owned, question.followUpNumber) : undefined;
    const story = owned && answer ? await storyOfDrill(db, owned, owned.id) : undefined;
    questions.push({
      question,
      topicTitle: bank.topic(question.topicSlug)?.title ?? question.topicSlug,
      star: answer ? result(answer.score, starTiming?.seconds ?? null, answer.feedback) : null,
      followUp: followUp ? result(followUp.score, followUpTiming?.seconds ?? null, followUp.feedback) : null,
      story: story?.title ?? null,
    });
  }
  return summariseMock((mock.endReason ?? 'ended') as MockEndReason, questions);
}

function result(
  score: number | null,
  seconds: number | null,
  feedback: {
    speakingSeconds: number;
    checks: MockAnswerResult['checks'];
    caps?: MockAnswerResult['caps'];
  } | null,
): MockAnswerResult {
  return {
    score,
    seconds,
    speakingSeconds: feedback?.speakingSeconds ?? null,
    checks: feedback?.checks ?? [],
    caps: feedback?.caps ?? [],
  };
}

type SummaryDeps = { db: Database; bank: Pick<QuestionBank, 'topic'>; clock: Clock };

/**
 * Posts an ended mock's summary in the person's DM, exactly once: the claim decides who posts (this caller,
 * another replica, or the scheduler's job taking over a crashed post), and the post is stamped when done. A
 * failed post gives the claim back and rejects: the scheduler's job retries it. False when someone else has
 * it.
 */
export async function postMockSummary(
  deps: SummaryDeps,
  slack: WebClient,
  mock: MockInterview,
): Promise<boolean> {
  const claimed = await claimMockSummary(deps.db, mock, MOCK_SUMMARY_LEASE_MS);
  if (!claimed) return false;
  try {
    await sendClaimedMockSummary(deps, slack, claimed);
  } catch (err) {
    await releaseMockSummary(deps.db, claimed).catch(() => undefined);
    throw err;
  }
  return true;
}

/** The summary of a mock whose claim the caller holds: built, posted, stamped. */
export async function sendClaimedMockSummary(
  deps: SummaryDeps,
  slack: WebClient,
  claimed: MockInterview,
): Promise<void> {
  const summary = await mockSummaryOf(deps.db, deps.bank, claimed);
  await slack.chat.postMessage({ channel: claimed.userId, ...mockSummaryMessage(summary) });
  await markMockSummaryPosted(deps.db, claimed, deps.clock.now());
}
