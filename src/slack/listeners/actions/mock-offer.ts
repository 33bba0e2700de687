import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { continueMock, endMock, findMock } from '../../../db/repositories/mock-interviews.ts';
import { postMockStep } from '../../../delivery/mock-steps.ts';
import { postMockSummary } from '../../../delivery/mock-summary.ts';
import { plainReply, UNAVAILABLE } from '../../../views/command-replies.ts';
import { ACTION_MOCK_END } from '../../../views/ids.ts';
import {
  MOCK_ALREADY_CONTINUED,
  MOCK_CONTINUED,
  MOCK_ENDED,
  MOCK_ENDED_SUMMARY_LATER,
  MOCK_STALE,
} from '../../../views/mock-messages.ts';
import type { RequestContext } from '../../context.ts';
import { mockOfferClickSchema } from '../../parse-payloads.ts';
import { BUSY_CLICK, CLICK_MAX_WAIT_MS } from '../busy-reply.ts';

/** `<mock id>:<round>` from an offer's button; undefined for anything else (payloads can be forged). */
export function parseMockOfferValue(raw: string | undefined): { id: number; round: number } | undefined {
  const m = raw ? /^(\d{1,9}):(\d{1,4})$/.exec(raw) : null;
  return m ? { id: Number(m[1]), round: Number(m[2]) } : undefined;
}

type Outcome = { text: string; replace: boolean };

/**
 * The offer's **Continue** and **End it** (a second `/star mock` while one runs). Each is one conditional
 * update on the person's own mock: a duplicated click, another replica or a button of a mock already over
 * changes nothing and says so. The offer is replaced by what happened.
 */
export function mockOfferClick(ctx: RequestContext) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = mockOfferClickSchema.parse(body);
    const action = click.actions[0];
    const log = ctx.log.child({ user: click.user.id, action: action?.action_id, mock: action?.value });
    const tell = (o: Outcome) =>
      respond({ response_type: 'ephemeral', replace_original: o.replace, ...plainReply(o.text) }).then(
        () => undefined,
        (err: unknown) => log.warn({ err }, 'could not answer through response_url'),
      );
    const admission = ctx.work.admit('mock offer');
    if (!admission) {
      await tell({ text: BUSY_CLICK, replace: false });
      return;
    }
    admission.run(
      async () => {
        const target = parseMockOfferValue(action?.value);
        const who = { ...ctx.person(click.user.id), id: target?.id ?? 0 };
        try {
          const outcome = !target
            ? { text: MOCK_STALE, replace: false }
            : action?.action_id === ACTION_MOCK_END
              ? await end(ctx, who, log)
              : await resume(ctx, { ...who, round: target.round }, log);
          await tell(outcome);
        } catch (err) {
          await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
          log.error({ err }, 'could not act on the mock interview offer');
          await tell({ text: UNAVAILABLE, replace: false });
        }
      },
      { maxWaitMs: CLICK_MAX_WAIT_MS, tooLate: () => tell({ text: BUSY_CLICK, replace: false }) },
    );
  };
}

async function resume(
  ctx: RequestContext,
  target: { teamId: string; userId: string; id: number; round: number },
  log: RequestContext['log'],
): Promise<Outcome> {
  const continued = await continueMock(ctx.db, target, ctx.clock.now());
  if (!continued) {
    const mock = await findMock(ctx.db, target);
    if (!mock || mock.endedAt) return { text: MOCK_STALE, replace: true };
    return { text: MOCK_ALREADY_CONTINUED, replace: true };
  }
  await postMockStep(ctx, ctx.slack.interactive, continued, { resumed: true });
  log.info({ step: continued.step }, 'mock interview continued');
  return { text: MOCK_CONTINUED, replace: true };
}

async function end(
  ctx: RequestContext,
  target: { teamId: string; userId: string; id: number },
  log: RequestContext['log'],
): Promise<Outcome> {
  const ended = await endMock(ctx.db, target, 'ended', ctx.clock.now());
  if (!ended) return { text: MOCK_STALE, replace: true };
  log.info({ step: ended.step }, 'mock interview ended by its candidate');
  try {
    await postMockSummary(ctx, ctx.slack.interactive, ended);
  } catch (err) {
    // Ended all the same: the scheduler posts the summary it still owes (delivery/mock-summary-job.ts).
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'mock interview ended, but its summary could not be posted yet');
    return { text: MOCK_ENDED_SUMMARY_LATER, replace: true };
  }
  return { text: MOCK_ENDED, replace: true };
}
