import type { QuestionBank } from './bank/question-bank.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/client.ts';
import type { TokenWatch } from './delivery/token-watch.ts';
import type { Logger } from './logger.ts';
import type { WorkQueue } from './slack/work-queue.ts';
import type { SlackClients } from './slack-api/clients.ts';

/** What listeners and the scheduler share: built once in bot.ts (or by a test) and passed down. */
export interface BotContext {
  db: Database;
  bank: QuestionBank;
  slack: SlackClients;
  log: Logger;
  clock: Clock;
  /** The bounded work requests leave after their ack (slack/work-queue.ts). */
  work: WorkQueue;
  /** Slack refusing the bot token pauses delivery (delivery/token-watch.ts). */
  tokens: TokenWatch;
}
