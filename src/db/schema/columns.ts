import { timestamp } from 'drizzle-orm/pg-core';

/** Every instant is a timestamptz: Slack users live in many zones and replicas may run in any. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
