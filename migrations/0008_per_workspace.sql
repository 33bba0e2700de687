-- Slack user ids are unique only within a workspace: every row about a person is now keyed by
-- (team_id, user_id). Rows stored before keep the team id their user row already had (commands stored it), or
-- '' until a single-workspace bot, which learns its team from auth.test, adopts them at start-up
-- (src/workspaces/adopt-workspace.ts). Foreign keys cascade on update, so adopting a user moves all their rows.
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_user_id_unique";--> statement-breakpoint
ALTER TABLE "days_off" DROP CONSTRAINT "days_off_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "drills" DROP CONSTRAINT "drills_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "recaps" DROP CONSTRAINT "recaps_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "review_cards" DROP CONSTRAINT "review_cards_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_user_id_users_id_fk";--> statement-breakpoint
DROP INDEX "days_off_user_idx";--> statement-breakpoint
DROP INDEX "drills_user_local_date_uq";--> statement-breakpoint
DROP INDEX "drills_user_created_idx";--> statement-breakpoint
DROP INDEX "review_cards_user_due_idx";--> statement-breakpoint
ALTER TABLE "recaps" DROP CONSTRAINT "recaps_user_id_week_start_pk";--> statement-breakpoint
ALTER TABLE "review_cards" DROP CONSTRAINT "review_cards_user_id_question_id_pk";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_pkey";--> statement-breakpoint
UPDATE "users" SET "team_id" = '' WHERE "team_id" IS NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "team_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "enterprise_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_pkey" PRIMARY KEY("team_id","id");--> statement-breakpoint
ALTER TABLE "days_off" ADD COLUMN "team_id" text;--> statement-breakpoint
ALTER TABLE "drills" ADD COLUMN "team_id" text;--> statement-breakpoint
ALTER TABLE "recaps" ADD COLUMN "team_id" text;--> statement-breakpoint
ALTER TABLE "review_cards" ADD COLUMN "team_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "team_id" text;--> statement-breakpoint
UPDATE "days_off" AS c SET "team_id" = u."team_id" FROM "users" AS u WHERE u."id" = c."user_id";--> statement-breakpoint
UPDATE "drills" AS c SET "team_id" = u."team_id" FROM "users" AS u WHERE u."id" = c."user_id";--> statement-breakpoint
UPDATE "recaps" AS c SET "team_id" = u."team_id" FROM "users" AS u WHERE u."id" = c."user_id";--> statement-breakpoint
UPDATE "review_cards" AS c SET "team_id" = u."team_id" FROM "users" AS u WHERE u."id" = c."user_id";--> statement-breakpoint
UPDATE "subscriptions" AS c SET "team_id" = u."team_id" FROM "users" AS u WHERE u."id" = c."user_id";--> statement-breakpoint
ALTER TABLE "days_off" ALTER COLUMN "team_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "drills" ALTER COLUMN "team_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "recaps" ALTER COLUMN "team_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "review_cards" ALTER COLUMN "team_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ALTER COLUMN "team_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "recaps" ADD CONSTRAINT "recaps_team_id_user_id_week_start_pk" PRIMARY KEY("team_id","user_id","week_start");--> statement-breakpoint
ALTER TABLE "review_cards" ADD CONSTRAINT "review_cards_team_id_user_id_question_id_pk" PRIMARY KEY("team_id","user_id","question_id");--> statement-breakpoint
ALTER TABLE "days_off" ADD CONSTRAINT "days_off_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "recaps" ADD CONSTRAINT "recaps_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "review_cards" ADD CONSTRAINT "review_cards_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "days_off_user_idx" ON "days_off" USING btree ("team_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drills_user_local_date_uq" ON "drills" USING btree ("team_id","user_id","local_date") WHERE "drills"."source" = 'scheduled';--> statement-breakpoint
CREATE INDEX "drills_user_created_idx" ON "drills" USING btree ("team_id","user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "review_cards_user_due_idx" ON "review_cards" USING btree ("team_id","user_id","due_at");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_team_user_unique" UNIQUE("team_id","user_id");
