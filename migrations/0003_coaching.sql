CREATE TABLE "follow_up_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"drill_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"question_text" text NOT NULL,
	"text" text NOT NULL,
	"score" smallint,
	"feedback" jsonb,
	"reply_posted_at" timestamp with time zone,
	"feedback_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_answers_number_check" CHECK ("follow_up_answers"."number" between 1 and 20),
	CONSTRAINT "follow_up_answers_score_check" CHECK ("follow_up_answers"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "review_cards" (
	"user_id" text NOT NULL,
	"question_id" text NOT NULL,
	"card" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"last_rating" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_cards_user_id_question_id_pk" PRIMARY KEY("user_id","question_id"),
	CONSTRAINT "review_cards_rating_check" CHECK ("review_cards"."last_rating" in ('again', 'hard', 'good', 'easy'))
);
--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "score" smallint;--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "previous_score" smallint;--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "feedback" jsonb;--> statement-breakpoint
ALTER TABLE "drills" ADD COLUMN "feedback_ts" text;--> statement-breakpoint
ALTER TABLE "drills" ADD COLUMN "rating" text;--> statement-breakpoint
ALTER TABLE "drills" ADD COLUMN "rated_card" jsonb;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cards" ADD CONSTRAINT "review_cards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_answers_drill_number_uq" ON "follow_up_answers" USING btree ("drill_id","number");--> statement-breakpoint
CREATE INDEX "review_cards_user_due_idx" ON "review_cards" USING btree ("user_id","due_at");--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_score_check" CHECK ("answers"."score" between 0 and 100);--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_rating_check" CHECK ("drills"."rating" in ('again', 'hard', 'good', 'easy'));