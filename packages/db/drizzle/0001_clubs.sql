CREATE TYPE "public"."club_category" AS ENUM('fiction', 'non_fiction', 'classics', 'mystery', 'sci_fi_fantasy', 'romance', 'history', 'science', 'poetry', 'young_adult', 'other');--> statement-breakpoint
CREATE TYPE "public"."club_request_status" AS ENUM('pending', 'accepted', 'declined', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."club_role" AS ENUM('member', 'admin', 'owner');--> statement-breakpoint
CREATE TYPE "public"."club_visibility" AS ENUM('public', 'private');--> statement-breakpoint
CREATE TABLE "club_members" (
	"club_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "club_role" DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_members_club_id_user_id_pk" PRIMARY KEY("club_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "club_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"invited_by" uuid,
	"status" "club_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_requests_kind" CHECK ("club_requests"."kind" in ('request', 'invite')),
	CONSTRAINT "club_requests_invite_has_inviter" CHECK ("club_requests"."kind" = 'request' or "club_requests"."invited_by" is not null)
);
--> statement-breakpoint
CREATE TABLE "clubs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" "club_category" NOT NULL,
	"is_online" boolean DEFAULT false NOT NULL,
	"location" text,
	"visibility" "club_visibility" DEFAULT 'public' NOT NULL,
	"member_limit" integer DEFAULT 50 NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"owner_id" uuid NOT NULL,
	"owner_role" "club_role" GENERATED ALWAYS AS ('owner'::club_role) STORED NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clubs_slug_unique" UNIQUE("slug"),
	CONSTRAINT "clubs_member_limit_range" CHECK ("clubs"."member_limit" between 2 and 10000),
	CONSTRAINT "clubs_member_count_within_limit" CHECK ("clubs"."member_count" between 0 and "clubs"."member_limit"),
	CONSTRAINT "clubs_place_given" CHECK ("clubs"."is_online" or "clubs"."location" is not null)
);
--> statement-breakpoint
ALTER TABLE "club_members" ADD CONSTRAINT "club_members_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_members" ADD CONSTRAINT "club_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_requests" ADD CONSTRAINT "club_requests_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_requests" ADD CONSTRAINT "club_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_requests" ADD CONSTRAINT "club_requests_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_requests" ADD CONSTRAINT "club_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clubs" ADD CONSTRAINT "clubs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "club_members_club_user_role_key" ON "club_members" USING btree ("club_id","user_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "club_members_one_owner_key" ON "club_members" USING btree ("club_id") WHERE "club_members"."role" = 'owner';--> statement-breakpoint
CREATE INDEX "club_members_user_id_idx" ON "club_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "club_members_club_role_joined_idx" ON "club_members" USING btree ("club_id","role","joined_at");--> statement-breakpoint
CREATE UNIQUE INDEX "club_requests_one_pending_key" ON "club_requests" USING btree ("club_id","user_id","kind") WHERE "club_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "club_requests_club_status_idx" ON "club_requests" USING btree ("club_id","status","created_at");--> statement-breakpoint
CREATE INDEX "club_requests_user_status_idx" ON "club_requests" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "clubs_created_at_id_idx" ON "clubs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "clubs_category_idx" ON "clubs" USING btree ("category");--> statement-breakpoint
-- Exactly one owner: the owner's membership row must exist and say 'owner' (checked at commit, so ownership can move inside a transaction).
ALTER TABLE "clubs" ADD CONSTRAINT "clubs_owner_membership_fk" FOREIGN KEY ("id","owner_id","owner_role") REFERENCES "public"."club_members"("club_id","user_id","role") DEFERRABLE INITIALLY DEFERRED;
