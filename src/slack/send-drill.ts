import type { Question, Topic } from '../bank/types.ts';
import type { BotContext } from '../context.ts';
import { deleteDrill, drillHistory, insertDrill, markDrillPosted } from '../db/repositories/drills.ts';
import type { Drill, NewDrill } from '../db/schema/index.ts';
import { type AskedBefore, chooseQuestion, chooseTopic } from '../drills/choose-question.ts';
import { drillMessage } from './views/drill-message.ts';

/**
 * Picks what to ask: the least recently drilled of the allowed topics (all when empty), then that topic's
 * least recently asked question, from this user's history.
 */
export async function chooseDrill(
  ctx: Pick<BotContext, 'db' | 'bank'>,
  userId: string,
  topicSlugs: readonly string[],
): Promise<{ topic: Topic; question: Question }> {
  return chooseFromHistory(ctx.bank, userId, topicSlugs, await drillHistory(ctx.db, userId));
}

/**
 * chooseDrill on a history already read (newest first, as drillHistory returns it): the scheduler reads the
 * histories of a whole claimed batch in one query instead of one per drill.
 */
export function chooseFromHistory(
  bank: BotContext['bank'],
  userId: string,
  topicSlugs: readonly string[],
  history: readonly AskedBefore[],
): { topic: Topic; question: Question } {
  const allowed = topicSlugs.filter((slug) => bank.topic(slug));
  const slugs = allowed.length > 0 ? allowed : bank.topics.map((t) => t.slug);
  const topic = bank.topic(chooseTopic(slugs, [...history]));
  if (!topic) throw new Error(`no topic to drill for ${userId}`);
  const question = chooseQuestion(
    topic.questions,
    history.filter((h) => h.topicSlug === topic.slug),
  );
  return { topic, question };
}

export function drillRow(
  userId: string,
  topic: Topic,
  question: Question,
  source: Drill['source'],
): NewDrill {
  return { userId, topicSlug: topic.slug, questionId: question.id, questionText: question.text, source };
}

/**
 * Posts a stored drill to the user's DM and records where it landed. Posting to the user id makes Slack
 * open (or reuse) the bot's DM with them, which saves a conversations.open call per drill.
 */
export async function postDrill(
  ctx: Pick<BotContext, 'db' | 'bank' | 'slack'>,
  drill: Drill,
): Promise<Drill> {
  const posted = await postDrillMessage(ctx, drill);
  await markDrillPosted(ctx.db, drill.id, posted.channel, posted.ts);
  return { ...drill, channelId: posted.channel, messageTs: posted.ts, postedAt: new Date() };
}

/** The post alone; the caller stores where it landed (the scheduler does so for many drills at once). */
export async function postDrillMessage(
  ctx: Pick<BotContext, 'bank' | 'slack'>,
  drill: Drill,
): Promise<{ channel: string; ts: string }> {
  const topic = ctx.bank.topic(drill.topicSlug);
  const message = drillMessage({
    drillId: drill.id,
    topic: topic ?? { title: drill.topicSlug, keyConcepts: '' },
    questionText: drill.questionText,
    scheduled: drill.source === 'scheduled',
  });
  const posted = await ctx.slack.chat.postMessage({ channel: drill.userId, ...message });
  if (!posted.channel || !posted.ts)
    throw new Error(`chat.postMessage for drill ${drill.id} returned no channel/ts`);
  return { channel: posted.channel, ts: posted.ts };
}

/** `/star <topic>` and `/star random`: store the drill first, so the button always finds it, then post. */
export async function sendOnDemandDrill(
  ctx: Pick<BotContext, 'db' | 'bank' | 'slack'>,
  userId: string,
  topicSlugs: readonly string[],
): Promise<Drill> {
  const { topic, question } = await chooseDrill(ctx, userId, topicSlugs);
  const drill = await insertDrill(ctx.db, drillRow(userId, topic, question, 'on_demand'));
  try {
    return await postDrill(ctx, drill);
  } catch (err) {
    await deleteDrill(ctx.db, drill.id).catch(() => {});
    throw err;
  }
}
