CREATE TABLE "model_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"drill_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"question_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_follow_ups_number_check" CHECK ("model_follow_ups"."number" between 2 and 20)
);
--> statement-breakpoint
CREATE TABLE "workspace_model" (
	"team_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "model_follow_ups" ADD CONSTRAINT "model_follow_ups_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "model_follow_ups_drill_number_uq" ON "model_follow_ups" USING btree ("drill_id","number");