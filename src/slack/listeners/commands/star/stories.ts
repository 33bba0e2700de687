import { storiesReply } from '../../../../views/stories.ts';
import { storyMatrixOf } from '../../../story-bank.ts';
import type { Subcommand } from './subcommand.ts';

/** `/star stories`: which topics the person's stories cover, and which have fewer than two. */
export const stories: Subcommand = ({ ctx, command }) => ({
  later: async () => storiesReply(await storyMatrixOf(ctx, ctx.person(command.user_id))),
});
