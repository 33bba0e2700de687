import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { RequestContext } from '../../../context.ts';
import { findRole } from '../../../db/repositories/roles.ts';
import { ACTION_OPEN_ROLE } from '../../../views/ids.ts';
import { roleModal } from '../../../views/role-modal.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import { buttonClick } from '../../payloads.ts';
import { openModalForClick, UNAVAILABLE_NOTICE } from './open-modal.ts';

const openRoleClickSchema = buttonClick(z.literal(ACTION_OPEN_ROLE));

/** Home's Role button: the role modal, filled with the role already set. */
export function openRole(ctx: RequestContext) {
  return async ({ ack, body }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = openRoleClickSchema.parse(body);
    const log = ctx.log.child({ user: click.user.id });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      log,
      title: 'The role',
      build: async () => {
        try {
          return roleModal(await findRole(ctx.db, ctx.person(click.user.id)));
        } catch (err) {
          log.error({ err }, 'could not load the role');
          return noticeModal('Star Drill', UNAVAILABLE_NOTICE);
        }
      },
    });
  };
}
