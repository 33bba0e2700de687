import { startMockInterview } from '../../../mock-interview.ts';
import { slackRefusalReply } from './slack-refusal.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/star mock`: a timed mock interview (slack/mock-interview.ts), or, while one runs, Continue / End it.
 * Slack refusing its first question gets the words a refused drill gets.
 */
export const mock: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    try {
      return await startMockInterview(ctx, ctx.person(command.user_id), command.channel_id);
    } catch (err) {
      return slackRefusalReply(ctx, err, {
        noun: 'mock interview question',
        sent: 'No mock interview was started.',
      });
    }
  },
});
