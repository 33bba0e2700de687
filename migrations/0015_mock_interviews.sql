CREATE TABLE "mock_interviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"questions" jsonb NOT NULL,
	"drill_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"step" smallint DEFAULT 0 NOT NULL,
	"step_posted_at" timestamp with time zone,
	"round" smallint DEFAULT 0 NOT NULL,
	"timings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"summary_claimed_until" timestamp with time zone,
	"summary_posted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mock_interviews_step_check" CHECK ("mock_interviews"."step" between 0 and 20),
	CONSTRAINT "mock_interviews_end_check" CHECK (("mock_interviews"."ended_at" is null) = ("mock_interviews"."end_reason" is null)),
	CONSTRAINT "mock_interviews_reason_check" CHECK ("mock_interviews"."end_reason" in ('completed', 'ended', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "mock_interviews" ADD CONSTRAINT "mock_interviews_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "mock_interviews_running_uq" ON "mock_interviews" USING btree ("team_id","user_id") WHERE "mock_interviews"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "mock_interviews_user_idx" ON "mock_interviews" USING btree ("team_id","user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mock_interviews_unsummarised_idx" ON "mock_interviews" USING btree ("active_at") WHERE "mock_interviews"."summary_posted_at" is null;