import { deleteRole, findRole } from '../../../../db/repositories/roles.ts';
import { plainReply } from '../../../../views/command-replies.ts';
import { COMMAND } from '../../../../views/ids.ts';
import { roleModal } from '../../../../views/role-modal.ts';
import type { Subcommand } from './subcommand.ts';

export const ROLE_USAGE = `\`${COMMAND} role\` opens the form for the role you are preparing for; \`${COMMAND} role off\` removes it.`;

/**
 * `/star role`: the role modal, filled with the role already set (read first: the trigger lives 3 s, and one
 * row by primary key is read well within it). `/star role off` removes the role.
 */
export const role: Subcommand = ({ ctx, command, args }) => {
  const word = args.trim().toLowerCase();
  const who = ctx.person(command.user_id);
  if (word === 'off') {
    return {
      later: async () =>
        plainReply(
          (await deleteRole(ctx.db, who))
            ? ':wastebasket: Role removed: the feedback no longer checks answers against it.'
            : `No role was set, so nothing changed. ${ROLE_USAGE}`,
        ),
    };
  }
  if (word !== '')
    return { ack: plainReply(`I did not understand \`${args.trim().slice(0, 40)}\`. ${ROLE_USAGE}`) };
  return {
    later: async () => {
      const current = await findRole(ctx.db, who);
      if (!command.trigger_id) return plainReply(ROLE_USAGE);
      await ctx.slack.modal.views.open({ trigger_id: command.trigger_id, view: roleModal(current) });
      return undefined;
    },
  };
};
