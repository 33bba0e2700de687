CREATE TABLE "guide_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"markdown" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_drafts_size_check" CHECK (octet_length("guide_drafts"."markdown") <= 204800)
);
--> statement-breakpoint
CREATE TABLE "guide_versions" (
	"team_id" text NOT NULL,
	"version" integer NOT NULL,
	"markdown" text,
	"title" text NOT NULL,
	"topic_count" integer NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_versions_pkey" PRIMARY KEY("team_id","version"),
	CONSTRAINT "guide_versions_version_check" CHECK ("guide_versions"."version" >= 1),
	CONSTRAINT "guide_versions_size_check" CHECK ("guide_versions"."markdown" is null or octet_length("guide_versions"."markdown") <= 204800)
);
--> statement-breakpoint
CREATE INDEX "guide_drafts_team_idx" ON "guide_drafts" USING btree ("team_id","created_at");