import type { QuestionBank } from '../bank/question-bank.ts';
import { englishNlp } from '../coach/nlp.ts';
import type { Database } from '../db/client.ts';
import { ensureStoryForDrill, storiesOf } from '../db/repositories/stories.ts';
import type { Answer, Drill } from '../db/schema/index.ts';
import type { Person } from '../drills/person.ts';
import { proposeStoryTitle } from '../drills/story-title.ts';
import { type StoryMatrix, storyMatrix } from '../progress/story-matrix.ts';
import type { RequestContext } from './context.ts';

/**
 * After an answer is saved, before its feedback is shown: the drill's story, a new one titled from the
 * Situation unless the drill tells one already (an edit, or an answer started from a saved story). The
 * feedback message then names it with an Edit story button. Runs after the ack: the title proposal reads
 * the Situation with the coach's NLP model, too slow for Slack's 3 s.
 */
export async function recordStory(ctx: RequestContext, drill: Drill, answer: Answer): Promise<void> {
  try {
    await ensureStoryForDrill(ctx.db, { teamId: drill.teamId, userId: drill.userId }, drill.id, () =>
      proposeStoryTitle(answer.situation, englishNlp()),
    );
  } catch (err) {
    // The answer is stored whatever happens here; the next save of it makes the story.
    ctx.log
      .child({ drill: drill.id, user: drill.userId })
      .warn({ err }, 'could not record the answer’s story');
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
