import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Signatures of Slack requests already accepted, shared by every replica: a captured signed request replayed
 * to any replica within its validity is refused. A row is useless once its request's timestamp is more than
 * 5 minutes old (Slack's rule refuses it anyway): `expires_at`, after which it is pruned.
 */
export const seenSignatures = pgTable(
  'seen_signatures',
  {
    /** `v0=<hex HMAC>` as Slack sent it in X-Slack-Signature (it carries nothing of the request's content). */
    signature: text('signature').primaryKey(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('seen_signatures_expires_idx').on(t.expiresAt)],
);
