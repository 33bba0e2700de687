import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import type { Database } from '../../../db/client.ts';
import { plainReply } from '../../../views/command-replies.ts';
import type { RequestContext } from '../../context.ts';
import { tellEphemerally } from '../busy-reply.ts';
import { ACK_MARGIN_MS, commitInTime, SUBMISSION_NEEDS_MS } from './commit-in-time.ts';

/** At most this long for the save itself, whatever time the request has left. */
const SAVE_BUDGET_MS = 2_200;

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

/**
 * Said in the DM instead of a `LATE_NOTICE` when the save's COMMIT was already on its way as the time ran
 * out (commit-in-time.ts): it may have landed, so "not saved" could be false.
 */
export const IN_DOUBT_NOTICE =
  ':hourglass_flowing_sand: Star Drill could not confirm in time whether this was saved: its database answered too slowly, after Slack had stopped waiting, so it *may or may not have been saved*. If the modal is still open, press *Save* again (saving twice is safe). If you closed it, check before writing it again: `/star history` lists your answers, `/star status` your settings.';

export type SaveOutcome<T> = { ok: true; saved: T } | { ok: false; error: string };

type Ack = SlackViewMiddlewareArgs['ack'];

/**
 * A modal's save, told truthfully: `save` runs in one transaction in the bounded work queue and must commit
 * before Slack's deadline for the submission (`deadline`: trigger-deadline.ts). When the time runs out first
 * the transaction is rolled back instead of committed, so "not saved" stays true; a COMMIT already on its
 * way at that instant may still land, and then no reply says "not saved" (commit-in-time.ts,
 * IN_DOUBT_NOTICE). A refused save answers a field error on `errorBlock`, the modal stays open with the
 * user's text. When even that answer cannot reach Slack in time (the bot was too busy to look at the
 * submission before its deadline), the user is also told ephemerally, in their DM with the bot, with
 * `lateNotice`: what was not saved and how to get the text back. After a success the modal closes and
 * `after` runs (feedback, thread replies).
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
  const refuse = async ({ error, inDoubt, atDeadline }: Refusal) => {
    const inTime = !atDeadline && performance.now() < p.deadline - ACK_MARGIN_MS;
    // Answered even when late: Slack may still show it, and Bolt's request ends here either way.
    await p.ack({ response_action: 'errors', errors: { [p.errorBlock]: error } });
    if (inTime) return;
    const notice = inDoubt ? IN_DOUBT_NOTICE : p.lateNotice;
    await tellEphemerally(ctx, { userId: p.userId, log: p.log }, plainReply(notice));
  };
  const admission = ctx.work.admit('submission');
  if (!admission) {
    await refuse({ ok: false, error: NOT_SAVED.busy });
    return;
  }
  let acked: () => void = () => {};
  const ackSent = new Promise<void>((resolve) => {
    acked = resolve;
  });
  const outcome = await new Promise<SaveOutcome<T> | Refusal>((resolve) => {
    admission.run(
      async () => {
        const result = await saveInTime(ctx, p.log, p.save, p.deadline);
        resolve(result);
        if (!result.ok) return;
        await ackSent;
        await p.after(result.saved);
      },
      {
        startBy: p.deadline - SUBMISSION_NEEDS_MS,
        tooLate: async () => resolve({ ok: false, error: NOT_SAVED.busy }),
      },
    );
  });
  if (outcome.ok) await p.ack();
  else await refuse(outcome);
  acked();
}

/**
 * A refused save. `inDoubt`: it may still have been stored, so its DM must not say "not saved". `atDeadline`:
 * refused when its time ran out, so the answer leaves at the margin and Slack may not show it (the DM says
 * it too; a timer may fire a fraction of a millisecond before the margin, so the clock alone cannot tell).
 */
type Refusal = { ok: false; error: string; inDoubt?: true; atDeadline?: true };

async function saveInTime<T>(
  ctx: RequestContext,
  log: RequestContext['log'],
  save: (tx: Database) => Promise<SaveOutcome<T>>,
  deadline: number,
): Promise<SaveOutcome<T> | Refusal> {
  const untilDeadline = deadline - ACK_MARGIN_MS - performance.now();
  const done = await commitInTime(ctx.db, save, Math.min(SAVE_BUDGET_MS, untilDeadline), (err) =>
    log.error({ err }, 'could not save a submission'),
  );
  if (done.kind === 'committed') return done.value;
  if (done.kind === 'rolledBack' && !done.late) return { ok: false, error: NOT_SAVED.unavailable };
  log.warn(
    done.kind === 'inDoubt'
      ? 'a submission’s COMMIT was still unanswered when its time ran out: it may have been stored'
      : 'a submission was not saved within the budget',
  );
  // Rolled back or in doubt, "could not confirm" is true in the modal; only the DM tells them apart.
  return {
    ok: false,
    error: NOT_SAVED.unconfirmed,
    ...(done.kind === 'inDoubt' ? { inDoubt: true } : {}),
    ...(untilDeadline < SAVE_BUDGET_MS ? { atDeadline: true } : {}),
  };
}
