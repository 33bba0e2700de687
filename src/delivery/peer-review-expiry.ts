import type { Database } from '../db/client.ts';
import { claimExpiredRequests, markExpiryNoticed } from '../db/repositories/peer-reviews.ts';
import { findUser } from '../db/repositories/users.ts';
import type { Logger } from '../logger.ts';
import { peerNoticeReply } from '../views/peer-review.ts';
import type { WorkspaceClients } from '../workspaces/workspace-clients.ts';
import { authorOf, closeRequestDm, closingReplyToAuthor } from './peer-review-notices.ts';

/** A replica's hold on the notices of the requests it claimed: another takes them over after a crash. */
const EXPIRY_LEASE_MS = 10 * 60_000;

/**
 * Requests unanswered for 7 days expire, on the scheduler's tick: the claim closes each one exactly once
 * across replicas, then the colleague's DM says it expired (their copy removed) and the author is told in the
 * drill's thread. A Slack refusal is logged and not retried (a deleted DM stays deleted); a crash before the
 * notices were recorded leaves the lease to run out, and another tick sends them. Returns how many expired.
 */
export async function expirePeerRequests(
  deps: { db: Database; workspaces: WorkspaceClients; log: Logger },
  now: Date,
): Promise<number> {
  const { db, log } = deps;
  let expired = 0;
  for (;;) {
    const claimed = await claimExpiredRequests(db, now, EXPIRY_LEASE_MS);
    if (claimed.length === 0) return expired;
    for (const request of claimed) {
      const author = authorOf(request);
      const user = await findUser(db, author);
      const clients = await deps.workspaces.forWorkspace({
        teamId: request.teamId,
        enterpriseId: user?.enterpriseId,
      });
      if (clients) {
        const slack = clients.scheduler;
        const rlog = log.child({ peerRequest: request.id });
        await closeRequestDm(slack, request, 'expired').catch((err: unknown) =>
          rlog.warn({ err }, 'could not update the colleague’s DM of an expired request'),
        );
        await closingReplyToAuthor(
          db,
          slack,
          request,
          peerNoticeReply('expired', request.reviewerId),
          now,
        ).catch((err: unknown) => rlog.warn({ err }, 'could not tell the author a request expired'));
      }
      await markExpiryNoticed(db, author, request.id, now);
      expired += 1;
    }
  }
}
