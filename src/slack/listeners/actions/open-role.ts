import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { findRole } from '../../../db/repositories/roles.ts';
import { ACTION_OPEN_ROLE } from '../../../views/ids.ts';
import { roleModal } from '../../../views/role-modal.ts';
import type { RequestContext } from '../../context.ts';
import { buttonClick } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { openModalForClick } from './open-modal.ts';

const openRoleClickSchema = buttonClick(z.literal(ACTION_OPEN_ROLE));

/** Home's Role button: the role modal, filled with the role already set. */
export function openRole(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    // Taken before the ack: the time left on the click's trigger decides between the modal and a busy note.
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = openRoleClickSchema.parse(body);
    const log = ctx.log.child({ user: click.user.id });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: click.user.id,
      respond: responseUrlOf(args),
      log,
      title: 'The role',
      loads: 'the role',
      build: async () => {
        return roleModal(await findRole(ctx.db, ctx.person(click.user.id)));
      },
    });
  };
}
