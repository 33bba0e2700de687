CREATE TABLE "peer_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"author_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"drill_id" integer NOT NULL,
	"request_key" text NOT NULL,
	"topic_slug" text NOT NULL,
	"question_text" text NOT NULL,
	"situation" text,
	"task" text,
	"action" text,
	"result" text,
	"shared_score" smallint,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"dm_claimed_at" timestamp with time zone,
	"dm_channel" text,
	"dm_ts" text,
	"clear_situation" smallint,
	"own_actions" smallint,
	"measured_result" smallint,
	"would_hire" smallint,
	"comment" text,
	"of_earlier_version" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"reply_claimed_at" timestamp with time zone,
	"reply_ts" text,
	"expires_at" timestamp with time zone NOT NULL,
	"expiry_lease_until" timestamp with time zone,
	"expiry_noticed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_reviews_status_check" CHECK ("peer_reviews"."status" in ('pending', 'reviewed', 'declined', 'expired', 'withdrawn')),
	CONSTRAINT "peer_reviews_ratings_check" CHECK (coalesce("peer_reviews"."clear_situation", 1) between 1 and 5 and coalesce("peer_reviews"."own_actions", 1) between 1 and 5 and coalesce("peer_reviews"."measured_result", 1) between 1 and 5 and coalesce("peer_reviews"."would_hire", 1) between 1 and 5),
	CONSTRAINT "peer_reviews_not_self_check" CHECK ("peer_reviews"."author_id" <> "peer_reviews"."reviewer_id")
);
--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_author_fk" FOREIGN KEY ("team_id","author_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_reviewer_fk" FOREIGN KEY ("team_id","reviewer_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "peer_reviews_request_key_uq" ON "peer_reviews" USING btree ("team_id","author_id","request_key");--> statement-breakpoint
CREATE INDEX "peer_reviews_author_idx" ON "peer_reviews" USING btree ("team_id","author_id","reviewer_id","created_at");--> statement-breakpoint
CREATE INDEX "peer_reviews_reviewer_idx" ON "peer_reviews" USING btree ("team_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "peer_reviews_drill_idx" ON "peer_reviews" USING btree ("drill_id");--> statement-breakpoint
CREATE INDEX "peer_reviews_expiry_idx" ON "peer_reviews" USING btree ("expires_at") WHERE "peer_reviews"."status" = 'pending' or ("peer_reviews"."status" = 'expired' and "peer_reviews"."expiry_noticed_at" is null);