CREATE TABLE "export_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seen_signatures" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "export_requests_person_idx" ON "export_requests" USING btree ("team_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "seen_signatures_expires_idx" ON "seen_signatures" USING btree ("expires_at");