CREATE TYPE "public"."content_moderation" AS ENUM('hidden', 'removed');--> statement-breakpoint
CREATE TYPE "public"."audit_kind" AS ENUM('dismiss', 'remove_content', 'warn', 'mute', 'remove_from_club', 'suspend', 'ban', 'auto_hide', 'restore_content', 'unmute', 'restore_account', 'set_site_role', 'archive_club', 'restore_club', 'read_private_club');--> statement-breakpoint
CREATE TYPE "public"."moderation_action" AS ENUM('dismiss', 'remove_content', 'warn', 'mute', 'remove_from_club', 'suspend', 'ban');--> statement-breakpoint
CREATE TYPE "public"."moderation_case_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."suspension_kind" AS ENUM('suspended', 'banned');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'moderation';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'report_resolved';--> statement-breakpoint
CREATE TABLE "account_suspensions" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"kind" "suspension_kind" NOT NULL,
	"reason" text NOT NULL,
	"ends_at" timestamp with time zone,
	"suspended_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"kind" "audit_kind" NOT NULL,
	"club_id" uuid,
	"target_user_id" uuid,
	"thread_id" uuid,
	"comment_id" uuid,
	"case_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "club_mutes" (
	"club_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"muted_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_mutes_club_id_user_id_pk" PRIMARY KEY("club_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "moderation_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" uuid NOT NULL,
	"target" "report_target" NOT NULL,
	"target_key" text NOT NULL,
	"thread_id" uuid,
	"comment_id" uuid,
	"subject_id" uuid NOT NULL,
	"status" "moderation_case_status" DEFAULT 'open' NOT NULL,
	"reporter_count" integer DEFAULT 0 NOT NULL,
	"last_reported_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"hidden_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" "moderation_action",
	"resolution_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "discussion_reports" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "discussion_threads" ADD COLUMN "moderation" "content_moderation";--> statement-breakpoint
ALTER TABLE "discussion_threads" ADD COLUMN "moderation_reason" text;--> statement-breakpoint
ALTER TABLE "discussion_comments" ADD COLUMN "moderation" "content_moderation";--> statement-breakpoint
ALTER TABLE "discussion_comments" ADD COLUMN "moderation_reason" text;--> statement-breakpoint
ALTER TABLE "account_suspensions" ADD CONSTRAINT "account_suspensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_suspensions" ADD CONSTRAINT "account_suspensions_suspended_by_users_id_fk" FOREIGN KEY ("suspended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_mutes" ADD CONSTRAINT "club_mutes_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_mutes" ADD CONSTRAINT "club_mutes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_mutes" ADD CONSTRAINT "club_mutes_muted_by_users_id_fk" FOREIGN KEY ("muted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_thread_id_discussion_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."discussion_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_comment_id_discussion_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."discussion_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_club_idx" ON "audit_log" USING btree ("club_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_target_user_idx" ON "audit_log" USING btree ("target_user_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_kind_idx" ON "audit_log" USING btree ("kind","id");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_cases_one_open_key" ON "moderation_cases" USING btree ("target_key") WHERE "moderation_cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "moderation_cases_club_queue_idx" ON "moderation_cases" USING btree ("club_id","status","last_reported_at","id");--> statement-breakpoint
CREATE INDEX "moderation_cases_queue_idx" ON "moderation_cases" USING btree ("status","last_reported_at","id");--> statement-breakpoint
CREATE INDEX "moderation_cases_subject_idx" ON "moderation_cases" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "sessions_last_used_idx" ON "sessions" USING btree ("last_used_at","user_id");--> statement-breakpoint
CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "discussion_reports_case_idx" ON "discussion_reports" USING btree ("case_id");--> statement-breakpoint
-- Hand-written below: what drizzle-kit does not manage (a key between two schema files, triggers, backfill).
ALTER TABLE "discussion_reports" ADD CONSTRAINT "discussion_reports_case_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE cascade;--> statement-breakpoint
-- The audit log is append-only, like the points ledger.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
-- Reports made before moderation existed join one open case per target.
INSERT INTO moderation_cases (club_id, target, target_key, thread_id, comment_id, subject_id, reporter_count, last_reported_at, created_at)
SELECT r.club_id, r.target,
  CASE r.target WHEN 'thread' THEN 'thread:' || r.thread_id WHEN 'comment' THEN 'comment:' || r.comment_id
    ELSE 'member:' || r.club_id || ':' || r.user_id END,
  (array_agg(r.thread_id))[1], (array_agg(r.comment_id))[1],
  coalesce((array_agg(t.author_id))[1], (array_agg(c.author_id))[1], (array_agg(r.user_id))[1]),
  count(*), max(r.created_at), min(r.created_at)
FROM discussion_reports r
LEFT JOIN discussion_threads t ON r.target = 'thread' AND t.id = r.thread_id
LEFT JOIN discussion_comments c ON r.target = 'comment' AND c.id = r.comment_id
GROUP BY r.club_id, r.target, r.thread_id, r.comment_id, r.user_id;--> statement-breakpoint
UPDATE discussion_reports r SET case_id = m.id FROM moderation_cases m
WHERE m.target_key = CASE r.target WHEN 'thread' THEN 'thread:' || r.thread_id WHEN 'comment' THEN 'comment:' || r.comment_id
  ELSE 'member:' || r.club_id || ':' || r.user_id END;
