import { isModelOn, setModelOn } from '../../../../db/repositories/workspace-model.ts';
import { plainReply } from '../../../../views/command-replies.ts';
import { modelReplies } from '../../../../views/model-coaching.ts';
import { isWorkspaceAdmin } from '../../../workspace-admin.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/star model on|off`: a workspace admin turns the extra model-backed coaching on or off for the workspace
 * (`/star model` says which). It needs the operator's model too: without COACH_MODEL_URL and COACH_MODEL it
 * cannot be turned on.
 */
export const model: Subcommand = ({ ctx, command, args }) => {
  const word = args.trim().toLowerCase();
  const coach = ctx.modelCoach;
  if (word === '' || word === 'status') {
    if (!coach) return { ack: plainReply(modelReplies.status(false, undefined)) };
    return {
      later: async () => plainReply(modelReplies.status(await isModelOn(ctx.db, ctx.teamId), coach.host)),
    };
  }
  if (word !== 'on' && word !== 'off') return { ack: plainReply(modelReplies.usage) };
  if (!coach) return { ack: plainReply(modelReplies.notConfigured) };
  const enabled = word === 'on';
  return {
    later: async () => {
      const admin = await isWorkspaceAdmin(ctx, command.user_id);
      if (admin === 'unknown') return plainReply(modelReplies.cannotCheckAdmin);
      if (!admin) return plainReply(modelReplies.notAdmin);
      const wasOn = await setModelOn(ctx.db, { teamId: ctx.teamId, enabled, changedBy: command.user_id });
      ctx.log.info({ user: command.user_id, enabled }, 'extra coaching turned on or off for the workspace');
      if (enabled)
        return plainReply(wasOn ? modelReplies.alreadyOn(coach.host) : modelReplies.turnedOn(coach.host));
      return plainReply(wasOn ? modelReplies.turnedOff : modelReplies.alreadyOff);
    },
  };
};
