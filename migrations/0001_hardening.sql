CREATE TABLE "delivery_pauses" (
	"scope" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"paused_until" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "processed_events_created_idx" ON "processed_events" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_source_check" CHECK ("drills"."source" in ('on_demand', 'scheduled'));--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_local_date_check" CHECK (("drills"."source" = 'scheduled') = ("drills"."local_date" is not null));--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_days_check" CHECK ("subscriptions"."days" in ('daily', 'weekdays'));--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_minute_of_day_check" CHECK ("subscriptions"."minute_of_day" between 0 and 1439);