ALTER TABLE "users" ADD COLUMN "zone_from_event" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "home_opened" boolean DEFAULT false NOT NULL;