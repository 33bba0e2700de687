import type { Database } from '../../../db/client.ts';
import type { RequestContext } from '../../context.ts';
import { ACK_MARGIN_MS, commitInTime, type InTime, SUBMISSION_NEEDS_MS } from './commit-in-time.ts';

export type ChangeOutcome<T> = InTime<T> | { kind: 'busy' };

/**
 * A submission that replaces its modal with what happened (the delete confirmation, a guide's preview: no
 * input to hang a field error on), run as save-submission.ts runs a save: in the bounded work queue, one
 * transaction that commits before Slack's deadline or is rolled back (commit-in-time.ts). Shed, or not
 * started in time, it is `busy` and nothing was done. `late`: the answer leaves when Slack may no longer show
 * it, so the listener says it in the DM too.
 */
export async function changeInTime<T>(
  ctx: RequestContext,
  p: {
    /** When Slack stops waiting for the answer (a performance.now() instant: trigger-deadline.ts). */
    deadline: number;
    /** At most this long for the change, whatever time the request has left. */
    budgetMs: number;
    change: (tx: Database) => Promise<T>;
    onError: (err: unknown) => void;
  },
): Promise<{ outcome: ChangeOutcome<T>; late: boolean }> {
  const admission = ctx.work.admit('submission');
  let atDeadline = false;
  const outcome = !admission
    ? ({ kind: 'busy' } as const)
    : await new Promise<ChangeOutcome<T>>((resolve) => {
        admission.run(
          async () => {
            const untilDeadline = p.deadline - ACK_MARGIN_MS - performance.now();
            // Cut by the deadline, a timeout answers at the margin (a timer may fire a hair before it).
            atDeadline = untilDeadline < p.budgetMs;
            resolve(await commitInTime(ctx.db, p.change, Math.min(p.budgetMs, untilDeadline), p.onError));
          },
          { startBy: p.deadline - SUBMISSION_NEEDS_MS, tooLate: async () => resolve({ kind: 'busy' }) },
        );
      });
  const timedOut = outcome.kind === 'inDoubt' || (outcome.kind === 'rolledBack' && outcome.late);
  const late = (timedOut && atDeadline) || performance.now() >= p.deadline - ACK_MARGIN_MS;
  return { outcome, late };
}
