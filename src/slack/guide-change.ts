import type { QuestionBank } from '../bank/question-bank.ts';
import type { Database } from '../db/client.ts';
import { applyGuide } from '../db/repositories/guides.ts';
import { topicsGoneNotice } from '../views/guide.ts';
import type { RequestContext } from './context.ts';

/**
 * Makes `next` the workspace's guide (`markdown` null: the built-in one) as its next version, then tells each
 * person whose daily drills were on topics it no longer has: once, because the change itself emptied their
 * topic list (db/repositories/guides.ts). This replica forgets its cached bank; the others see the new version
 * within GUIDE_RECHECK_MS.
 */
export async function changeGuide(
  ctx: RequestContext,
  p: { db?: Database; setBy: string; markdown: string | null; next: QuestionBank; draftId?: number },
): Promise<{ version: number; tellFallenBack: () => Promise<void> }> {
  const before = ctx.bank;
  const { version, fellBack } = await applyGuide(p.db ?? ctx.db, {
    teamId: ctx.teamId,
    setBy: p.setBy,
    markdown: p.markdown,
    title: p.next.title,
    topicSlugs: p.next.topics.map((t) => t.slug),
    ...(p.draftId === undefined ? {} : { draftId: p.draftId }),
  });
  return {
    version,
    tellFallenBack: async () => {
      ctx.banks.forget(ctx.teamId);
      for (const { userId, topics } of fellBack) {
        const titles = topics.map((slug) => before.topicTitle(slug));
        await ctx.slack.interactive.chat
          .postMessage({ channel: userId, ...topicsGoneNotice(titles, p.next.title) })
          .catch((err: unknown) => ctx.log.warn({ err, user: userId }, 'could not tell of topics gone'));
      }
    },
  };
}
