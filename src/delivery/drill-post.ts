import type { WebClient } from '@slack/web-api';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Question, Topic } from '../bank/types.ts';
import type { Drill, NewDrill } from '../db/schema/index.ts';
import { drillMessage } from '../views/drill-message.ts';
import type { Person } from '../workspaces/person.ts';

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
