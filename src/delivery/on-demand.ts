import type { WebClient } from '@slack/web-api';
import pRetry from 'p-retry';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { deleteDrill, drillHistory, insertDrill, markDrillPosted } from '../db/repositories/drills.ts';
import { ratedCardsOf } from '../db/repositories/review-cards.ts';
import type { Drill } from '../db/schema/index.ts';
import { chooseOnDemandQuestion } from '../drills/choose-drill.ts';
import type { Person } from '../drills/person.ts';
import type { Logger } from '../logger.ts';
import { drillRow, postDrillMessage } from './posts.ts';

export interface OnDemandContext {
  db: Database;
  bank: QuestionBank;
  /** The request-path client: a 429 fails this post alone instead of pausing everyone's calls. */
  slack: WebClient;
  log: Logger;
  clock: Clock;
}

/**
 * `/star <topic>` and `/star random`: stores the drill first, so its button always finds it, then posts it.
 * A post that fails leaves nothing behind (the user got nothing). A post that succeeded is kept whatever
 * happens next: the DM exists and its button names this drill.
 */
export async function sendOnDemandDrill(
  ctx: OnDemandContext,
  who: Person,
  topicSlugs: readonly string[],
): Promise<Drill> {
  const [history, rated] = await Promise.all([drillHistory(ctx.db, who), ratedCardsOf(ctx.db, who)]);
  const { topic, question } = chooseOnDemandQuestion(
    ctx.bank,
    topicSlugs,
    { history, rated },
    ctx.clock.now(),
  );
  const drill = await insertDrill(ctx.db, drillRow(who, topic, question, 'on_demand'));
  let posted: { channel: string; ts: string };
  try {
    posted = await postDrillMessage(ctx.slack, ctx.bank, drill);
  } catch (err) {
    await deleteDrill(ctx.db, drill).catch((deleteErr: unknown) =>
      ctx.log.warn({ err: deleteErr, drill: drill.id }, 'could not remove a drill whose DM failed'),
    );
    throw err;
  }
  try {
    // Idempotent, so retrying a blip is safe.
    await pRetry(() => markDrillPosted(ctx.db, drill, posted.channel, posted.ts), {
      retries: 3,
      minTimeout: 100,
      maxTimeout: 500,
    });
  } catch (err) {
    // The drill's first click stores the message's place (answer-drill.ts), so its thread reply still works.
    ctx.log.error(
      { err, drill: drill.id, team: who.teamId, user: who.userId },
      'drill posted, but storing its message ts failed',
    );
  }
  return { ...drill, channelId: posted.channel, messageTs: posted.ts, postedAt: new Date() };
}
