CREATE TYPE "public"."trade_side" AS ENUM('offered', 'requested');--> statement-breakpoint
CREATE TYPE "public"."trade_status" AS ENUM('pending', 'accepted', 'declined', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "trade_blocks" (
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_blocks_blocker_id_blocked_id_pk" PRIMARY KEY("blocker_id","blocked_id"),
	CONSTRAINT "trade_blocks_not_self" CHECK ("trade_blocks"."blocker_id" <> "trade_blocks"."blocked_id")
);
--> statement-breakpoint
CREATE TABLE "trade_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"copy_id" uuid,
	"side" "trade_side" NOT NULL,
	"giver_id" uuid NOT NULL,
	"receiver_id" uuid NOT NULL,
	"reserved" boolean DEFAULT true NOT NULL,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trade_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"gift" boolean DEFAULT false NOT NULL,
	"status" "trade_status" DEFAULT 'pending' NOT NULL,
	"counter_of_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"snapshot" jsonb,
	CONSTRAINT "trade_proposals_not_self" CHECK ("trade_proposals"."from_user_id" <> "trade_proposals"."to_user_id"),
	CONSTRAINT "trade_proposals_fulfilled_accepted" CHECK ("trade_proposals"."fulfilled_at" is null or "trade_proposals"."status" = 'accepted')
);
--> statement-breakpoint
ALTER TABLE "trade_blocks" ADD CONSTRAINT "trade_blocks_blocker_id_users_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_blocks" ADD CONSTRAINT "trade_blocks_blocked_id_users_id_fk" FOREIGN KEY ("blocked_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_items" ADD CONSTRAINT "trade_items_proposal_id_trade_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."trade_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_items" ADD CONSTRAINT "trade_items_copy_id_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."copies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_items" ADD CONSTRAINT "trade_items_giver_id_users_id_fk" FOREIGN KEY ("giver_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_items" ADD CONSTRAINT "trade_items_receiver_id_users_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_proposals" ADD CONSTRAINT "trade_proposals_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_proposals" ADD CONSTRAINT "trade_proposals_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_proposals" ADD CONSTRAINT "trade_proposals_counter_of_id_trade_proposals_id_fk" FOREIGN KEY ("counter_of_id") REFERENCES "public"."trade_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_items_copy_reserved_key" ON "trade_items" USING btree ("copy_id") WHERE "trade_items"."reserved";--> statement-breakpoint
CREATE UNIQUE INDEX "trade_items_proposal_copy_key" ON "trade_items" USING btree ("proposal_id","copy_id");--> statement-breakpoint
CREATE INDEX "trade_items_copy_idx" ON "trade_items" USING btree ("copy_id");--> statement-breakpoint
CREATE INDEX "trade_proposals_to_status_idx" ON "trade_proposals" USING btree ("to_user_id","status","created_at");--> statement-breakpoint
CREATE INDEX "trade_proposals_from_status_idx" ON "trade_proposals" USING btree ("from_user_id","status","created_at");--> statement-breakpoint
CREATE INDEX "trade_proposals_pending_created_idx" ON "trade_proposals" USING btree ("created_at") WHERE "trade_proposals"."status" = 'pending';