import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/** Events API event_ids already handled: Slack retries deliveries, and any replica may get the retry. */
export const processedEvents = pgTable(
  'processed_events',
  {
    eventId: text('event_id').primaryKey(),
    createdAt: createdAt(),
  },
  // The hourly prune deletes by age: without this it reads the whole table.
  (t) => [index('processed_events_created_idx').on(t.createdAt)],
);
