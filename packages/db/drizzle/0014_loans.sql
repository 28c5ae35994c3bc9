CREATE TYPE "public"."loan_status" AS ENUM('arranged', 'out', 'returned', 'cancelled');--> statement-breakpoint
CREATE TABLE "loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"copy_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"borrower_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" "loan_status" DEFAULT 'arranged' NOT NULL,
	"handed_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"got_back_at" timestamp with time zone,
	"reminded_before_at" timestamp with time zone,
	"reminded_overdue_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "loans_not_self" CHECK ("loans"."lender_id" <> "loans"."borrower_id")
);
--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_copy_id_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."copies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_lender_id_users_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_borrower_id_users_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loans_one_active_per_copy_key" ON "loans" USING btree ("copy_id") WHERE "loans"."status" in ('arranged', 'out');--> statement-breakpoint
CREATE INDEX "loans_copy_created_idx" ON "loans" USING btree ("copy_id","created_at");--> statement-breakpoint
CREATE INDEX "loans_lender_idx" ON "loans" USING btree ("lender_id","status","created_at");--> statement-breakpoint
CREATE INDEX "loans_borrower_idx" ON "loans" USING btree ("borrower_id","status","created_at");--> statement-breakpoint
CREATE INDEX "loans_out_due_idx" ON "loans" USING btree ("due_on") WHERE "loans"."status" = 'out';