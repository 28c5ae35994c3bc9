CREATE TABLE "site_weekly_totals" (
	"week" date PRIMARY KEY NOT NULL,
	"new_members" integer NOT NULL,
	"meetings" integer NOT NULL,
	"imports" integer NOT NULL,
	"trades" integer NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
