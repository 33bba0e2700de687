import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import {
  claimDueMockSummaries,
  type DueMockSummary,
  markMockSummaryPosted,
  releaseMockSummary,
} from '../db/repositories/mock-interviews.ts';
import { MOCK_EXPIRY_MS } from '../drills/mock-interview.ts';
import type { Logger } from '../logger.ts';
import type { TeamBanks } from '../workspaces/guide-banks.ts';
import { MOCK_SUMMARY_LEASE_MS, sendClaimedMockSummary } from './mock-summary.ts';
import { MOCK_SUMMARY_OUTCOMES } from './outcomes.ts';
import type { BatchRun, DeliveryJob } from './runner.ts';

export interface MockSummaryCounts {
  mockSummaries: number;
}

const BATCH = 50;

/**
 * The summaries mock interviews still owe, as one job of the delivery runner: a mock untouched for 24 hours
 * ends here with a partial summary, and a summary whose post was interrupted (a crash, Slack down) is sent
 * again. Exactly once across replicas: the claim (SKIP LOCKED, a lease) takes the row, and the post is
 * stamped when done; the listeners that end a mock take the same claim (mock-summary.ts).
 */
export class MockSummaryJob implements DeliveryJob<DueMockSummary> {
  readonly name = 'mock_summary';
  readonly outcomes = MOCK_SUMMARY_OUTCOMES;
  readonly perWorkspace = 2;
  readonly overlapBatches = false;
  readonly counts: MockSummaryCounts = { mockSummaries: 0 };
  private readonly clock: Clock;

  constructor(
    private readonly deps: { db: Database; banks: TeamBanks; log: Logger },
    private readonly now: Date,
  ) {
    // The summary's stamps are the tick's instant, as the rest of a tick's work.
    this.clock = { now: () => now };
  }

  claim(skipTeams: string[]): Promise<DueMockSummary[]> {
    return claimDueMockSummaries(this.deps.db, {
      now: this.now,
      expiryMs: MOCK_EXPIRY_MS,
      leaseMs: MOCK_SUMMARY_LEASE_MS,
      limit: BATCH,
      skipTeams,
    });
  }

  async deliverBatch(due: DueMockSummary[], run: BatchRun<DueMockSummary>): Promise<void> {
    await Promise.all(
      due.map(async (mock) => {
        const attempt = await run.post(mock, async (slack) => {
          // Topic titles from the mock's workspace's own guide (a workspace's guide, issue 19).
          const bank = await this.deps.banks.forTeam(mock.teamId);
          await sendClaimedMockSummary({ db: this.deps.db, bank, clock: this.clock }, slack, mock);
          this.deps.log
            .child({ mock: mock.id, team: mock.teamId, user: mock.userId })
            .info({ reason: mock.endReason }, 'mock interview summary posted');
        });
        if (attempt.kind === 'done') this.counts.mockSummaries += 1;
      }),
    );
  }

  release(mock: DueMockSummary): Promise<void> {
    return releaseMockSummary(this.deps.db, mock);
  }

  /** The DM can never arrive (the user is gone): the summary is over. */
  giveUp(mock: DueMockSummary): Promise<void> {
    return markMockSummaryPosted(this.deps.db, mock, this.now);
  }
}
