import type { Database } from '../../../db/client.ts';
import { withTimeout } from '../../../timeout.ts';

/**
 * What the bot can truthfully say of a transaction raced against Slack's deadline, at the moment it must
 * answer: `committed`; `rolledBack` (it failed, or the budget ran out before COMMIT was sent: the work then
 * throws instead of returning, so no COMMIT is ever sent and nothing is stored); or `inDoubt` (the budget ran
 * out, or the connection failed, while COMMIT was on its way: Postgres may still apply it, and no reply may
 * say "not saved").
 */
export type InTime<T> =
  | { kind: 'committed'; value: T }
  /** `late`: the budget ran out (else the transaction failed: `onError` has heard why). */
  | { kind: 'rolledBack'; late: boolean }
  | { kind: 'inDoubt' };

/** Kept free before Slack's deadline for a submission's answer to travel back. */
export const ACK_MARGIN_MS = 400;
/**
 * A submission whose turn in the work queue comes later than this before Slack's deadline is not tried:
 * "busy" goes back in time instead (a save and a change alike).
 */
export const SUBMISSION_NEEDS_MS = 600;

class TooLate extends Error {}

/**
 * Runs `work` in one transaction, answering within `budgetMs`. `onError` hears a failure other than the
 * budget running out (for the log).
 */
export async function commitInTime<T>(
  db: Database,
  work: (tx: Database) => Promise<T>,
  budgetMs: number,
  onError: (err: unknown) => void,
): Promise<InTime<T>> {
  let late = false;
  // Set once `work` has returned in time: from then on drizzle sends COMMIT, which cannot be called back.
  let committing = false;
  const settled = db
    .transaction(async (tx) => {
      const value = await work(tx);
      if (late) throw new TooLate();
      committing = true;
      return value;
    })
    .then(
      (value): InTime<T> => ({ kind: 'committed', value }),
      (err: unknown): InTime<T> => {
        if (err instanceof TooLate) return { kind: 'rolledBack', late: true };
        onError(err);
        // A COMMIT that failed on the way (a dropped connection) may have been applied all the same.
        return committing ? { kind: 'inDoubt' } : { kind: 'rolledBack', late: false };
      },
    );
  return withTimeout(settled, Math.max(0, budgetMs), (): InTime<T> => {
    late = true;
    return committing ? { kind: 'inDoubt' } : { kind: 'rolledBack', late: true };
  });
}
