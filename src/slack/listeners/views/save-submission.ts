import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import type { Database } from '../../../db/client.ts';
import { withTimeout } from '../../../timeout.ts';
import { plainReply } from '../../../views/command-replies.ts';
import type { RequestContext } from '../../context.ts';
import { tellEphemerally } from '../busy-reply.ts';

/** At most this long for the save itself, whatever time the request has left. */
const SAVE_BUDGET_MS = 2_200;
/** Kept free before Slack's deadline for the answer to travel back. */
const ACK_MARGIN_MS = 400;
/** A save whose turn comes later than this before the deadline is not tried: "busy" goes back in time. */
const SAVE_NEEDS_MS = 600;

/** Each failure says what happened to the text, and it is true; the user's text stays in the modal. */
export const NOT_SAVED = {
  busy: 'Star Drill is busy right now, so your answer was not saved. Your text is still here: press Save again in a minute.',
  unavailable:
    'Star Drill could not save right now (its database is unreachable), so your answer was not saved. Your text is still here: press Save again in a minute.',
  unconfirmed:
    'Star Drill could not confirm your answer was saved (its database is slow). Your text is still here: press Save again; saving twice is safe.',
} as const;

/**
 * Said in the DM when a refusal can no longer reach the modal in time: Slack's client keeps the modal and its
 * text open after a failed submission until the person closes it, so the text is not lost.
 */
export const LATE_NOTICE = {
  answer:
    ':hourglass_flowing_sand: Star Drill was too busy to save your STAR answer in time, so it was *not saved*. Your text is still in the modal while it stays open: press *Save* again in a minute. If you closed it, click *Answer with STAR* on the drill to write it again.',
  followUp:
    ':hourglass_flowing_sand: Star Drill was too busy to save your follow-up answer in time, so it was *not saved*. Your text is still in the modal while it stays open: press *Save* again in a minute. If you closed it, click *Practise this follow-up* in the drill’s thread to write it again.',
  settings:
    ':hourglass_flowing_sand: Star Drill was too busy to save your drill settings in time, so *nothing was changed*. Your choices are still in the modal while it stays open: press *Save* again in a minute, or use `/star subscribe`.',
  role: ':hourglass_flowing_sand: Star Drill was too busy to save your role in time, so *nothing was changed*. Your text is still in the modal while it stays open: press *Save* again in a minute, or use `/star role`.',
  story:
    ':hourglass_flowing_sand: Star Drill was too busy to save your story in time, so *nothing was changed*. Your text is still in the modal while it stays open: press *Save* again in a minute.',
  guide:
    ':hourglass_flowing_sand: Star Drill was too busy to check your guide in time, so *nothing was changed*. The modal stays open while you keep it: press *Check guide* again in a minute.',
} as const;

export type SaveOutcome<T> = { ok: true; saved: T } | { ok: false; error: string };

type Ack = SlackViewMiddlewareArgs['ack'];

class TooLate extends Error {}

/**
 * A modal's save, told truthfully: `save` runs in one transaction in the bounded work queue and must commit
 * before Slack's deadline for the submission (`deadline`: trigger-deadline.ts). When the time runs out first
 * the transaction is rolled back instead of committed, so "not saved" stays true (only a COMMIT already on
 * its way at that instant can land, and that reply says so). A refused save answers a field error on
 * `errorBlock`, the modal stays open with the user's text. When even that answer cannot reach Slack in time
 * (the bot was too busy to look at the submission before its deadline), the user is also told ephemerally,
 * in their DM with the bot, with `lateNotice`: what was not saved and how to get the text back. After a
 * success the modal closes and `after` runs (feedback, thread replies).
 */
export async function saveSubmission<T>(
  ctx: RequestContext,
  p: {
    ack: Ack;
    /** When Slack stops waiting for the answer to this submission (a performance.now() instant). */
    deadline: number;
    userId: string;
    log: RequestContext['log'];
    errorBlock: string;
    /** Said ephemerally when the refusal comes too late for the modal. */
    lateNotice: string;
    save: (tx: Database) => Promise<SaveOutcome<T>>;
    after: (saved: T) => Promise<void>;
  },
): Promise<void> {
  const refuse = async (error: string) => {
    const inTime = performance.now() < p.deadline - ACK_MARGIN_MS;
    // Answered even when late: Slack may still show it, and Bolt's request ends here either way.
    await p.ack({ response_action: 'errors', errors: { [p.errorBlock]: error } });
    if (!inTime) await tellEphemerally(ctx, { userId: p.userId, log: p.log }, plainReply(p.lateNotice));
  };
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
        const result = await saveInTime(ctx, p.log, p.save, p.deadline);
        resolve(result);
        if (!result.ok) return;
        await ackSent;
        await p.after(result.saved);
      },
      {
        startBy: p.deadline - SAVE_NEEDS_MS,
        tooLate: async () => resolve({ ok: false, error: NOT_SAVED.busy }),
      },
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
  deadline: number,
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
  const budget = Math.min(SAVE_BUDGET_MS, deadline - ACK_MARGIN_MS - performance.now());
  return withTimeout(work, Math.max(0, budget), () => {
    late = true;
    log.warn('a submission was not saved within the budget');
    return { ok: false, error: NOT_SAVED.unconfirmed };
  });
}
