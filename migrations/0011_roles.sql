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
ALTER TABLE "roles" ADD CONSTRAINT "roles_user_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."users"("team_id","id") ON DELETE cascade ON UPDATE cascade;