import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import {
  countAsks,
  createPeerRequest,
  findRequestByKey,
  lockAuthor,
} from '../../../db/repositories/peer-reviews.ts';
import { ensureUser } from '../../../db/repositories/users.ts';
import type { PeerReview } from '../../../db/schema/index.ts';
import {
  type ColleagueFacts,
  checkColleague,
  checkNote,
  DAY_MS,
  EXPIRY_MS,
} from '../../../drills/peer-review.ts';
import { withTimeout } from '../../../timeout.ts';
import { ACTION_ASK_NOTE, BLOCK_ASK_NOTE, BLOCK_ASK_REVIEWER } from '../../../views/ids.ts';
import type { RequestContext } from '../../context.ts';
import { askSubmissionSchema, pickedColleague, scoreIncluded } from '../../peer-payloads.ts';
import { sendPeerRequest } from '../../peer-review.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';
import { saveSubmission } from './save-submission.ts';

/** users.info must answer within this (and the submission's own deadline): the save still needs its time. */
const LOOKUP_BUDGET_MS = 1_000;
/** Left of the submission's 3 s after the lookup, for the save and the answer to travel back. */
const SAVE_RESERVE_MS = 1_000;
const LOOKUP_FAILED =
  'Star Drill could not check this person with Slack just now, so nothing was sent. Press Send again in a minute.';
const LATE_ASK =
  ':hourglass_flowing_sand: Star Drill was too busy to send your request in time, so *nothing was sent*. Your choice is still in the modal while it stays open: press *Send* again in a minute.';

type Lookup = { ok: true; facts: ColleagueFacts | undefined } | { ok: false };

/**
 * The ask modal submitted: the colleague is checked (not yourself, a bot, a deactivated account, someone of
 * another workspace, nor a 6th request to them today: each a field error, nothing stored), then the request is
 * stored with the snapshot shown in the preview, once per modal (its view id), and the DM follows the ack.
 */
export function submitAsk(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = askSubmissionSchema.parse(body);
    const who = ctx.person(submission.user.id);
    const log = ctx.log.child({ user: who.userId });
    const note = checkNote(submission.view.state.values[BLOCK_ASK_NOTE]?.[ACTION_ASK_NOTE]?.value);
    if (!note.ok) {
      await ack({ response_action: 'errors', errors: { [BLOCK_ASK_NOTE]: note.error } });
      return;
    }
    const pickedId = pickedColleague(body);
    const withScore = scoreIncluded(body);
    const lookup: Lookup =
      pickedId && pickedId !== who.userId
        ? await lookUpColleague(
            ctx,
            pickedId,
            Math.min(LOOKUP_BUDGET_MS, deadline - performance.now() - SAVE_RESERVE_MS),
          )
        : { ok: true, facts: undefined };
    if (!lookup.ok) {
      await ack({ response_action: 'errors', errors: { [BLOCK_ASK_REVIEWER]: LOOKUP_FAILED } });
      return;
    }
    const requestKey = submission.view.id;
    await saveSubmission<PeerReview>(ctx, {
      ack,
      deadline,
      userId: who.userId,
      log,
      errorBlock: BLOCK_ASK_REVIEWER,
      lateNotice: LATE_ASK,
      save: async (tx) => {
        if (!(await lockAuthor(tx, who))) return { ok: false, error: `${NO_SUCH_DRILL} Nothing was sent.` };
        // The same modal submitted again (Slack's retry, a double click): the request it made already.
        const known = await findRequestByKey(tx, who, requestKey);
        if (known) return { ok: true, saved: known };
        const access = await drillForUser({ db: tx }, submission.view.private_metadata, who);
        if (!access.ok || !access.answer) return { ok: false, error: `${NO_SUCH_DRILL} Nothing was sent.` };
        const now = ctx.clock.now();
        const check = checkColleague({
          authorId: who.userId,
          teamId: who.teamId,
          pickedId,
          facts: lookup.facts,
          asksToday: pickedId ? await countAsks(tx, who, pickedId, new Date(now.getTime() - DAY_MS)) : 0,
        });
        if (!check.ok) return { ok: false, error: check.error };
        if (!pickedId) return { ok: false, error: 'Choose the colleague to ask.' };
        await ensureUser(tx, ctx.person(pickedId));
        const { drill, answer } = access;
        const stored = await createPeerRequest(tx, who, {
          reviewerId: pickedId,
          drillId: drill.id,
          requestKey,
          topicSlug: drill.topicSlug,
          questionText: drill.questionText,
          answer: {
            situation: answer.situation,
            task: answer.task,
            action: answer.action,
            result: answer.result,
          },
          sharedScore: withScore ? answer.score : null,
          note: note.note,
          createdAt: now,
          expiresAt: new Date(now.getTime() + EXPIRY_MS),
        });
        if (!stored) return { ok: false, error: `${NO_SUCH_DRILL} Nothing was sent.` };
        return { ok: true, saved: stored.request };
      },
      after: (request) => sendPeerRequest(ctx, request),
    });
  };
}

/** What Slack says of the person picked; `facts` undefined when Slack does not know them. */
async function lookUpColleague(ctx: RequestContext, userId: string, budgetMs: number): Promise<Lookup> {
  const call = ctx.slack.interactive.users.info({ user: userId }).then(
    (info): Lookup => {
      const u = info.user;
      if (!u?.id) return { ok: true, facts: undefined };
      return {
        ok: true,
        facts: {
          id: u.id,
          teamId: u.team_id,
          isBot: Boolean(u.is_bot || u.is_app_user) || u.id === 'USLACKBOT',
          deleted: Boolean(u.deleted),
        },
      };
    },
    (err: unknown): Lookup => {
      const code = (err as { data?: { error?: unknown } }).data?.error;
      if (code === 'user_not_found' || code === 'users_not_found') return { ok: true, facts: undefined };
      ctx.log.warn({ err }, 'users.info failed for the colleague picked');
      return { ok: false };
    },
  );
  return withTimeout(call, Math.max(0, budgetMs), () => ({ ok: false }));
}
