import type { QuestionBank } from '../bank/question-bank.ts';
import { englishNlp } from '../coach/nlp.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import { claimStoryNotice, ensureStoryForDrill, storiesOf } from '../db/repositories/stories.ts';
import type { Answer, Drill } from '../db/schema/index.ts';
import { proposeStoryTitle } from '../drills/story-title.ts';
import { type StoryMatrix, storyMatrix } from '../progress/story-matrix.ts';
import { storyNotice } from '../views/stories.ts';
import type { Person } from '../workspaces/person.ts';

/**
 * After an answer is saved (and coached): the drill's story, a new one titled from the Situation unless the
 * drill tells one already, and once per drill a note in its thread naming it with an Edit button. Runs after
 * the ack: the title proposal reads the Situation with the coach's NLP model, too slow for Slack's 3 s.
 */
export async function tellStory(ctx: RequestContext, drill: Drill, answer: Answer): Promise<void> {
  const who = { teamId: drill.teamId, userId: drill.userId };
  const log = ctx.log.child({ drill: drill.id, user: drill.userId });
  try {
    const linked = await ensureStoryForDrill(ctx.db, who, drill.id, () =>
      proposeStoryTitle(answer.situation, englishNlp()),
    );
    if (!linked || !drill.channelId || !drill.messageTs) return;
    if (!(await claimStoryNotice(ctx.db, who, drill.id, ctx.clock.now()))) return;
    const message = storyNotice(drill.id, linked.story.title);
    await ctx.slack.interactive.chat.postMessage({
      channel: drill.channelId,
      thread_ts: drill.messageTs,
      ...message,
    });
  } catch (err) {
    // The answer is stored whatever happens here; the story is made again by the next save of it.
    log.warn({ err }, 'could not record or announce the answer’s story');
  }
}

/** The person's story matrix: the guide's topics against their stories (`/star stories` and Home). */
export async function storyMatrixOf(
  ctx: { db: Database; bank: QuestionBank },
  who: Person,
): Promise<StoryMatrix> {
  const rows = await storiesOf(ctx.db, who);
  return storyMatrix(
    ctx.bank.topics.map((t) => ({ slug: t.slug, title: t.title })),
    rows,
  );
}
