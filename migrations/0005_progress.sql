CREATE TABLE "days_off" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "days_off_range_check" CHECK ("days_off"."from_date" < "days_off"."until_date"),
	CONSTRAINT "days_off_reason_check" CHECK ("days_off"."reason" in ('pause', 'skip'))
);
--> statement-breakpoint
CREATE TABLE "recaps" (
	"user_id" text NOT NULL,
	"week_start" date NOT NULL,
	"message_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recaps_user_id_week_start_pk" PRIMARY KEY("user_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "drills" ADD COLUMN "remind_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drills" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drills" ADD COLUMN "remind_claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "day_mask" smallint;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "paused_until" date;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "interview_date" date;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "interview_from" date;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "reminder_minutes" smallint DEFAULT 240;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "recap" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "next_recap_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "last_recap_week" date;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "recap_claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "days_off" ADD CONSTRAINT "days_off_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recaps" ADD CONSTRAINT "recaps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "days_off_user_idx" ON "days_off" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "drills_remind_idx" ON "drills" USING btree ("remind_at") WHERE "drills"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "subscriptions_recap_idx" ON "subscriptions" USING btree ("next_recap_at") WHERE "subscriptions"."active" and "subscriptions"."recap";--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_day_mask_check" CHECK ("subscriptions"."day_mask" between 1 and 127);--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_reminder_check" CHECK ("subscriptions"."reminder_minutes" is null or "subscriptions"."reminder_minutes" between 30 and 720);