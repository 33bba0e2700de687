CREATE TABLE "installations" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text,
	"team_name" text,
	"enterprise_id" text,
	"enterprise_name" text,
	"enterprise_url" text,
	"is_enterprise_install" boolean NOT NULL,
	"app_id" text,
	"bot_token" text NOT NULL,
	"bot_id" text NOT NULL,
	"bot_user_id" text NOT NULL,
	"bot_scopes" text[] NOT NULL,
	"bot_refresh_token" text,
	"bot_token_expires_at" timestamp with time zone,
	"installer_user_id" text NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"purge_after" timestamp with time zone,
	CONSTRAINT "installations_id_check" CHECK (("installations"."is_enterprise_install" and "installations"."id" is not distinct from "installations"."enterprise_id") or (not "installations"."is_enterprise_install" and "installations"."id" is not distinct from "installations"."team_id")),
	CONSTRAINT "installations_revoked_check" CHECK (("installations"."revoked_at" is null) = ("installations"."purge_after" is null))
);
--> statement-breakpoint
CREATE INDEX "installations_purge_idx" ON "installations" USING btree ("purge_after") WHERE "installations"."revoked_at" is not null;