import type { QuestionBank } from '../bank/question-bank.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import type { TokenWatch } from '../delivery/token-watch.ts';
import type { Person } from '../drills/person.ts';
import type { Logger } from '../logger.ts';
import type { ModelCoach } from '../model-coach/model-coach.ts';
import type { SlackClients } from '../slack-api/clients.ts';
import type { WorkspaceGuideBanks } from '../workspaces/guide-banks.ts';
import type { WorkspaceClients } from '../workspaces/workspace-clients.ts';
import type { WorkQueue } from './work-queue.ts';

/** What listeners and the scheduler share: built once in bot.ts (or by a test) and passed down. */
export interface BotContext {
  db: Database;
  /** The built-in guide's bank (or GUIDE_PATH's); a request's context holds its workspace's (`banks`). */
  bank: QuestionBank;
  /** Each workspace's bank: its own guide (`/star guide`) or the built-in one. */
  banks: WorkspaceGuideBanks;
  /** Each workspace's Web API clients (one token in single-workspace mode). */
  workspaces: WorkspaceClients;
  log: Logger;
  clock: Clock;
  /** The bounded work requests leave after their ack (slack/work-queue.ts). */
  work: WorkQueue;
  /** Slack refusing a workspace's token pauses delivery there (delivery/token-watch.ts). */
  tokens: TokenWatch;
  /** The operator's model for the optional extra coaching (COACH_MODEL_*); unset: none. */
  modelCoach?: ModelCoach;
}

/** One request's view: the workspace it came from, that workspace's clients and its guide's bank. */
export interface RequestContext extends BotContext {
  /** The request's workspace (Bolt's context.teamId). */
  teamId: string;
  /** Its Enterprise Grid organisation, if any: stored with the user (an org-wide install reaches them). */
  enterpriseId?: string;
  slack: SlackClients;
  /** The person behind a user id of this request: Slack user ids are unique only within a workspace. */
  person(userId: string): Person;
}

/** Thrown when a request names no workspace (Bolt found no team id): it cannot be acted on. */
export class NoWorkspaceError extends Error {}

export async function requestContext(
  ctx: BotContext,
  context: { teamId?: string; enterpriseId?: string; botToken?: string },
): Promise<RequestContext> {
  const { teamId, botToken } = context;
  if (!teamId || !botToken) throw new NoWorkspaceError('the request names no authorized workspace');
  return {
    ...ctx,
    // Cached per workspace (workspaces/guide-banks.ts): no query on most requests.
    bank: await ctx.banks.forTeam(teamId),
    teamId,
    enterpriseId: context.enterpriseId,
    slack: ctx.workspaces.forToken(botToken),
    person: (userId) => ({ teamId, userId }),
  };
}
