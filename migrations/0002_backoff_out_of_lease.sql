-- Until 0001 a failed delivery's backoff was kept in claimed_until with claimed_by null. Leases and backoffs
-- now live apart (claimed_until is a lease on the database's clock, retry_at the backoff): move the backoffs.
UPDATE "subscriptions" SET "retry_at" = "claimed_until", "claimed_until" = NULL
WHERE "claimed_by" IS NULL AND "claimed_until" IS NOT NULL;
