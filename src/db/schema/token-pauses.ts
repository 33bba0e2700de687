import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.ts';

/**
 * Slack refused a workspace's bot token (revoked, deactivated, a scope missing), or the workspace uninstalled
 * the app: deliveries there are paused, shared by every replica so that one alert is logged and every /healthz
 * tells the same. `scope` is the workspace's team id. An uninstall's pause lasts until a reinstall
 * (`paused_until` is infinity); a refused token's until a check finds it works again.
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
