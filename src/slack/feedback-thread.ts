import type { QuestionBank } from '../bank/question-bank.ts';
import type { Question, Topic } from '../bank/types.ts';
import { analyseAnswer } from '../coach/analyse.ts';
import { findAnswer, recordAnalysis } from '../db/repositories/answers.ts';
import { claimFeedback, releaseFeedback, setFeedbackTs } from '../db/repositories/drill-feedback.ts';
import { findDrill } from '../db/repositories/drills.ts';
import { findRole } from '../db/repositories/roles.ts';
import { storyOfDrill } from '../db/repositories/stories.ts';
import type { Answer, Drill } from '../db/schema/index.ts';
import { markDrillMessageAnswered } from '../delivery/posts.ts';
import { showThreadReply } from '../delivery/thread-reply.ts';
import type { Person } from '../drills/person.ts';
import { timeAnalysis } from '../metrics/index.ts';
import { feedbackMessage } from '../views/feedback.ts';
import { storyNotice } from '../views/stories.ts';
import type { RequestContext } from './context.ts';
import { publishHome } from './home-tab.ts';
import { offerModelCoaching } from './model-thread.ts';

/**
 * After an answer is saved: reads it (coach/analyse.ts), stores the analysis, shows the feedback in the drill's
 * thread (posted the first time, updated in place after an edit), and marks the drill message answered with
 * its score. Runs after the ack; the answer is already stored whatever happens here.
 */
export async function coachAnswer(ctx: RequestContext, drill: Drill, answer: Answer): Promise<void> {
  const log = ctx.log.child({ drill: drill.id, user: drill.userId });
  const { topic, gone } = topicOfDrill(ctx.bank, drill);
  if (gone) log.info({ topic: drill.topicSlug }, 'the drill’s topic left the guide; coached on its question');
  // With a role set (`/star role`), the analysis adds "Connects to the role".
  const role = await findRole(ctx.db, { teamId: drill.teamId, userId: drill.userId });
  const started = performance.now();
  const analysis = timeAnalysis('answer', () =>
    analyseAnswer(answer, {
      topic,
      questionText: drill.questionText,
      strategies: ctx.bank.strategies,
      // A dropped topic has no key concepts left to weigh the new guide's topics against.
      otherTopics: gone ? [] : ctx.bank.topics,
      ...(role ? { role: { title: role.title, description: role.description } } : {}),
    }),
  );
  log.debug({ ms: Math.round(performance.now() - started), score: analysis.score }, 'answer analysed');
  // Null when another edit landed meanwhile: that edit's own analysis will publish.
  const analysed = await recordAnalysis(ctx.db, drill, answer, analysis);
  if (!analysed) return;
  await publishFeedback(ctx, drill, drill.id);
  // After the rules feedback, never before it, and in the background: nothing here waits for a model.
  offerModelCoaching(ctx, drill, analysed);
}

/**
 * Shows the drill's feedback as stored now (analysis, rating): updates the message in the thread, or posts it
 * when there is none yet (exactly once, whoever claims it first). Then the drill message shows the score,
 * unless `answered` is false: a rating or a story's new title changes the reply only, and updating the drill
 * message to what it already says cost every rating a Slack call.
 */
export async function publishFeedback(
  ctx: RequestContext,
  who: Person,
  drillId: number,
  p: { answered?: boolean } = {},
): Promise<void> {
  const drill = await findDrill(ctx.db, who, drillId);
  const answer = drill && (await findAnswer(ctx.db, drill));
  if (!drill || !answer?.feedback) return;
  const found = topicOfDrill(ctx.bank, drill);
  const log = ctx.log.child({ drill: drill.id, user: drill.userId });
  if (!drill.channelId || !drill.messageTs) {
    log.error('answer saved but the drill message is unknown; no thread reply');
    return;
  }
  const posted = { ...drill, channelId: drill.channelId, messageTs: drill.messageTs };
  const analysed = { ...answer, feedback: answer.feedback };
  await showFeedbackInThread(ctx, posted, analysed, found, log);
  // Whatever became of the thread reply, the drill message says it was answered (it was) and its score.
  if (p.answered !== false) {
    try {
      await markDrillMessageAnswered(ctx.slack.interactive, posted, found.topic, answer);
    } catch (err) {
      await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
      log.error({ err }, 'answer saved, but updating the drill message failed');
    }
  }
  await publishHome(ctx, drill.userId);
}

async function showFeedbackInThread(
  ctx: RequestContext,
  drill: Drill & { channelId: string; messageTs: string },
  answer: Answer & { feedback: NonNullable<Answer['feedback']> },
  { topic, gone, sampleQuestion }: DrillTopic,
  log: RequestContext['log'],
): Promise<void> {
  const slack = ctx.slack.interactive;
  const message = feedbackMessage({
    topic,
    topicGone: gone,
    drill,
    answer,
    analysis: answer.feedback,
    previousScore: answer.previousScore,
    sampleQuestion,
    rating: drill.rating,
    nextReviewAt: drill.ratedCard ? new Date(drill.ratedCard.card.due) : null,
  });
  // The story bank: the story this answer tells, with its Edit story button (views/stories.ts).
  const story = await storyOfDrill(ctx.db, drill, drill.id).catch(() => undefined);
  if (story) message.blocks.push(...storyNotice(drill.id, story.title).blocks);
  try {
    await showThreadReply(slack, drill, message, {
      ts: drill.feedbackTs,
      claim: () => claimFeedback(ctx.db, drill, ctx.clock.now()),
      store: async (ts) => {
        if (ts) await setFeedbackTs(ctx.db, drill, ts);
      },
      release: () => releaseFeedback(ctx.db, drill),
    });
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'answer saved, but Slack refused the feedback in the thread');
  }
}

interface DrillTopic {
  topic: Topic;
  /** The workspace's guide no longer has the drill's topic: `topic` is the stand-in below. */
  gone: boolean;
  /** The question the topic's sample answers (for a stand-in, which has no sample: the drill's own). */
  sampleQuestion: Question;
}

/**
 * The drill's topic in the workspace's guide, or, when a new guide dropped it after the drill was asked, a
 * stand-in made of what the drill row kept: the question as it was asked, and a title from the topic's slug.
 * The old topic's key concepts, sample answer and follow-ups are in no bank any more, so the stand-in has
 * none: the coach still reads the answer against its question, and the feedback says what is missing.
 */
function topicOfDrill(bank: QuestionBank, drill: Drill): DrillTopic {
  const topic = bank.topic(drill.topicSlug);
  if (topic) return { topic, gone: false, sampleQuestion: bank.sampleQuestion(topic) };
  const question = { id: drill.questionId, topicSlug: drill.topicSlug, number: 1, text: drill.questionText };
  return {
    topic: {
      slug: drill.topicSlug,
      number: 1,
      title: bank.topicTitle(drill.topicSlug),
      keyConcepts: '',
      questions: [question],
      followUps: [],
      sourceFile: '',
    },
    gone: true,
    sampleQuestion: question,
  };
}
