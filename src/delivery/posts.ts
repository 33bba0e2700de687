import type { WebClient } from '@slack/web-api';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Question, Topic } from '../bank/types.ts';
import type { Drill, NewDrill } from '../db/schema/index.ts';
import type { Person } from '../drills/person.ts';
import type { WeeklyRecap } from '../progress/recap.ts';
import { drillMessage } from '../views/drill-message.ts';
import { reminderMessage } from '../views/progress-replies.ts';
import { type RoleGaps, recapMessage } from '../views/recap.ts';

/**
 * Every message the bot posts to Slack on its own (not as a reply to a request): drills, reminders, weekly
 * recaps, and the replies in a drill's thread (thread-reply.ts). Each returns where it landed; the caller
 * stores it.
 */

/** `at` is the bot's clock (src/clock.ts): history, Home and the export show the drill on that date. */
export function drillRow(
  who: Person,
  topic: Topic,
  question: Question,
  source: Drill['source'],
  at: Date,
): NewDrill {
  return {
    teamId: who.teamId,
    userId: who.userId,
    topicSlug: topic.slug,
    questionId: question.id,
    questionText: question.text,
    source,
    createdAt: at,
  };
}

/**
 * Posts a stored drill to the user's DM; the caller stores where it landed (the scheduler does so for many
 * drills at once). Posting to the user id makes Slack open (or reuse) the bot's DM with them, which saves a
 * conversations.open call per drill.
 */
export async function postDrillMessage(
  slack: WebClient,
  bank: Pick<QuestionBank, 'topic'>,
  drill: Drill,
): Promise<{ channel: string; ts: string }> {
  const topic = bank.topic(drill.topicSlug);
  const message = drillMessage({
    drillId: drill.id,
    topic: topic ?? { title: drill.topicSlug, keyConcepts: '' },
    questionText: drill.questionText,
    scheduled: drill.source === 'scheduled',
  });
  const posted = await slack.chat.postMessage({ channel: drill.userId, ...message });
  if (!posted.channel || !posted.ts) {
    throw new Error(`chat.postMessage for drill ${drill.id} returned no channel/ts`);
  }
  return { channel: posted.channel, ts: posted.ts };
}

/** The drill message, once answered: it says so, with the answer's score. */
export async function markDrillMessageAnswered(
  slack: WebClient,
  drill: Drill & { channelId: string; messageTs: string },
  topic: Pick<Topic, 'title' | 'keyConcepts'>,
  answer: { createdAt: Date; score: number | null },
): Promise<void> {
  await slack.chat.update({
    channel: drill.channelId,
    ts: drill.messageTs,
    ...drillMessage({
      drillId: drill.id,
      topic,
      questionText: drill.questionText,
      scheduled: drill.source === 'scheduled',
      answeredAt: answer.createdAt,
      score: answer.score,
    }),
  });
}

/** The nudge in an unanswered drill's thread. */
export async function postReminder(
  slack: WebClient,
  drill: { id: number; channelId: string; messageTs: string },
): Promise<void> {
  await slack.chat.postMessage({
    channel: drill.channelId,
    thread_ts: drill.messageTs,
    ...reminderMessage(drill.id),
  });
}

/** The weekly recap, in the user's DM; its ts (undefined if Slack gave none). */
export async function postRecap(
  slack: WebClient,
  userId: string,
  recap: WeeklyRecap,
  /** The role's requirements no story covers yet (the person set a role): named under the recap. */
  gaps?: RoleGaps,
): Promise<string | undefined> {
  const posted = await slack.chat.postMessage({ channel: userId, ...recapMessage(recap, gaps) });
  return posted.ts;
}
