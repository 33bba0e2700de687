import type { WebClient } from '@slack/web-api';
import type { QuestionBank } from './bank/question-bank.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/client.ts';
import type { Logger } from './logger.ts';

/** What listeners and the scheduler share: built once in main.ts (or by a test) and passed down. */
export interface BotContext {
  db: Database;
  bank: QuestionBank;
  slack: WebClient;
  log: Logger;
  clock: Clock;
}
