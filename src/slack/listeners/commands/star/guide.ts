import { currentGuide } from '../../../../db/repositories/guides.ts';
import type { SlackMessage } from '../../../../views/drill-message.ts';
import { guideReplies, guideStatusReply } from '../../../../views/guide.ts';
import type { RequestContext } from '../../../context.ts';
import { changeGuide } from '../../../guide-change.ts';
import { isWorkspaceAdmin } from '../../../workspace-admin.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/star guide`: the workspace's guide (title, topics, who set it and when) for everyone, with the Upload
 * button for admins. `/star guide reset`: an admin returns the workspace to the built-in guide.
 */
export const guide: Subcommand = ({ ctx, command, args }) => {
  const word = args.trim().toLowerCase();
  if (word === '') return { later: () => showGuide(ctx, command.user_id) };
  if (word === 'reset') return { later: () => resetGuide(ctx, command.user_id) };
  return { ack: guideReplies.usage };
};

async function showGuide(ctx: RequestContext, userId: string): Promise<SlackMessage> {
  const [current, admin] = await Promise.all([
    currentGuide(ctx.db, ctx.teamId),
    isWorkspaceAdmin(ctx, userId),
  ]);
  return guideStatusReply(
    {
      title: current.custom ? current.title : ctx.bank.title,
      topics: ctx.bank.topics,
      custom: current.custom,
      ...(current.version > 0 ? { setBy: current.setBy, setAt: current.setAt } : {}),
    },
    admin === true,
  );
}

async function resetGuide(ctx: RequestContext, userId: string): Promise<SlackMessage> {
  const admin = await isWorkspaceAdmin(ctx, userId);
  if (admin === 'unknown') return guideReplies.cannotCheckAdmin;
  if (!admin) return guideReplies.notAdmin;
  if (!(await currentGuide(ctx.db, ctx.teamId)).custom) return guideReplies.alreadyBuiltIn;
  const builtIn = ctx.banks.builtIn;
  const { version, tellFallenBack } = await changeGuide(ctx, {
    setBy: userId,
    markdown: null,
    next: builtIn,
  });
  ctx.log.info({ user: userId, version }, 'workspace guide reset to the built-in one');
  await tellFallenBack();
  return guideReplies.reset(builtIn.title, builtIn.topics.length);
}
