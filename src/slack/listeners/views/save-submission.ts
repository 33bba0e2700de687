import type { Database } from '../../../db/client.ts';
import { withTimeout } from '../../../timeout.ts';
import type { RequestContext } from '../../context.ts';

/** Slack waits 3 s for the answer to a submission; keep a margin for the network. */
const SAVE_BUDGET_MS = 2_200;
/** A submission whose turn has not come by then is answered "busy" while Slack still waits. */
const SUBMIT_MAX_WAIT_MS = 1_000;

/** Each failure says what happened to the text, and it is true; the user's text stays in the modal. */
export const NOT_SAVED = {
  busy: 'Star Drill is busy right now, so your answer was not saved. Your text is still here: press Save again in a minute.',
  unavailable:
    'Star Drill could not save right now (its database is unreachable), so your answer was not saved. Your text is still here: press Save again in a minute.',
  unconfirmed:
    'Star Drill could not confirm your answer was saved (its database is slow). Your text is still here: press Save again; saving twice is safe.',
} as const;

export type SaveOutcome<T> = { ok: true; saved: T } | { ok: false; error: string };

import type { SlackViewMiddlewareArgs } from '@slack/bolt';

type Ack = SlackViewMiddlewareArgs['ack'];

class TooLate extends Error {}

/**
 * A modal's save, told truthfully: `save` runs in one transaction in the bounded work queue and must commit
 * within Slack's budget. When the budget runs out first the transaction is rolled back instead of
 * committed, so "not saved" stays true (only a COMMIT already on its way at that instant can land, and that
 * reply says so). A refused save answers a field error on `errorBlock`, the modal stays open with the
 * user's text. After a success the modal closes and `after` runs (feedback, thread replies).
 */
export async function saveSubmission<T>(
  ctx: RequestContext,
  p: {
    ack: Ack;
    log: RequestContext['log'];
    errorBlock: string;
    save: (tx: Database) => Promise<SaveOutcome<T>>;
    after: (saved: T) => Promise<void>;
  },
): Promise<void> {
  const refuse = (error: string) => p.ack({ response_action: 'errors', errors: { [p.errorBlock]: error } });
  const admission = ctx.work.admit('submission');
  if (!admission) {
    await refuse(NOT_SAVED.busy);
    return;
  }
  let acked: () => void = () => {};
  const ackSent = new Promise<void>((resolve) => {
    acked = resolve;
  });
  const outcome = await new Promise<SaveOutcome<T>>((resolve) => {
    admission.run(
      async () => {
        const result = await saveInTime(ctx, p.log, p.save);
        resolve(result);
        if (!result.ok) return;
        await ackSent;
        await p.after(result.saved);
      },
      { maxWaitMs: SUBMIT_MAX_WAIT_MS, tooLate: async () => resolve({ ok: false, error: NOT_SAVED.busy }) },
    );
  });
  if (outcome.ok) await p.ack();
  else await refuse(outcome.error);
  acked();
}

async function saveInTime<T>(
  ctx: RequestContext,
  log: RequestContext['log'],
  save: (tx: Database) => Promise<SaveOutcome<T>>,
): Promise<SaveOutcome<T>> {
  let late = false;
  const work = ctx.db
    .transaction(async (tx) => {
      const result = await save(tx);
      if (late) throw new TooLate();
      return result;
    })
    .catch((err: unknown): SaveOutcome<T> => {
      if (!(err instanceof TooLate)) log.error({ err }, 'could not save a submission');
      return { ok: false, error: NOT_SAVED.unavailable };
    });
  return withTimeout(work, SAVE_BUDGET_MS, () => {
    late = true;
    log.warn('a submission was not saved within the budget');
    return { ok: false, error: NOT_SAVED.unconfirmed };
  });
}
