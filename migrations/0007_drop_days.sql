ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_days_check";--> statement-breakpoint
ALTER TABLE "subscriptions" ALTER COLUMN "day_mask" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" DROP COLUMN "days";