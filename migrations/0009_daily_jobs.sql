CREATE TABLE "daily_jobs" (
	"name" text NOT NULL,
	"day" date NOT NULL,
	"ran_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_jobs_name_day_pk" PRIMARY KEY("name","day")
);
