import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.ts';

/**
 * Slack refused the bot's token (revoked, deactivated, a scope missing): deliveries under that token are
 * paused, shared by every replica so that one alert is logged and every /healthz tells the same. `scope` is
 * the token's: the one bot token in single-workspace mode.
 */
export const deliveryPauses = pgTable('delivery_pauses', {
  scope: text('scope').primaryKey(),
  /** Slack's error code, e.g. token_revoked. */
  reason: text('reason').notNull(),
  /** When a replica may next check the token (auth.test); on the database's clock. */
  pausedUntil: instant('paused_until').notNull(),
  /** Checks that failed since the pause began: the backoff grows with them. */
  failures: integer('failures').notNull().default(1),
  createdAt: createdAt(),
});

export type DeliveryPause = typeof deliveryPauses.$inferSelect;
