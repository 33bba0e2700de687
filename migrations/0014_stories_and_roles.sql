CREATE TABLE "drill_stories" (
	"drill_id" integer PRIMARY KEY NOT NULL,
	"story_id" integer NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"company" text,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roles_pkey" PRIMARY KEY("team_id","user_id"),
	CONSTRAINT "roles_lengths_check" CHECK (char_length("roles"."title") between 1 and 100 and char_length(coalesce("roles"."company", '')) <= 100 and char_length("roles"."description") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stories_id_owner_uq" UNIQUE("id","team_id","user_id"),
	CONSTRAINT "stories_title_check" CHECK (char_length("stories"."title") between 1 and 80)
);
--> statement-breakpoint
ALTER TABLE "drill_stories" ADD CONSTRAINT "drill_stories_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_stories" ADD CONSTRAINT "drill_stories_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "drill_stories" ADD CONSTRAINT "drill_stories_story_fk" FOREIGN KEY ("story_id","team_id","user_id") REFERENCES "public"."stories"("id","team_id","user_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "drill_stories_story_idx" ON "drill_stories" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "stories_user_idx" ON "stories" USING btree ("team_id","user_id");