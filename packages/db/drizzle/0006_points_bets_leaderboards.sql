CREATE TYPE "public"."bet_status" AS ENUM('open', 'won', 'lost', 'refunded', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."settlement_kind" AS ENUM('paid', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('grant', 'stake', 'payout', 'refund', 'finish_reward', 'attendance_reward');--> statement-breakpoint
CREATE TABLE "bets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"horse_id" uuid NOT NULL,
	"stake" integer NOT NULL,
	"status" "bet_status" DEFAULT 'open' NOT NULL,
	"payout" integer,
	"placed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "bets_stake_positive" CHECK ("bets"."stake" >= 1),
	CONSTRAINT "bets_payout_non_negative" CHECK ("bets"."payout" is null or "bets"."payout" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_settlements" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"kind" "settlement_kind" NOT NULL,
	"pool" integer NOT NULL,
	"winner_ids" uuid[] NOT NULL,
	"finishers" integer NOT NULL,
	"attendees" integer NOT NULL,
	"settled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "club_scores" (
	"club_id" uuid NOT NULL,
	"period" text NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"finishers" integer DEFAULT 0 NOT NULL,
	"attendees" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "club_scores_period_club_id_pk" PRIMARY KEY("period","club_id"),
	CONSTRAINT "club_scores_period_format" CHECK ("club_scores"."period" = 'all' or "club_scores"."period" ~ '^[0-9]{4}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "user_scores" (
	"user_id" uuid NOT NULL,
	"period" text NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "user_scores_period_user_id_pk" PRIMARY KEY("period","user_id"),
	CONSTRAINT "user_scores_period_format" CHECK ("user_scores"."period" = 'all' or "user_scores"."period" ~ '^[0-9]{4}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "point_balances" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_balances_non_negative" CHECK ("point_balances"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "point_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"amount" integer NOT NULL,
	"score_delta" integer DEFAULT 0 NOT NULL,
	"key" text NOT NULL,
	"meeting_id" uuid,
	"bet_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_ledger_key_unique" UNIQUE("key"),
	CONSTRAINT "point_ledger_amount_nonzero" CHECK ("point_ledger"."amount" <> 0),
	CONSTRAINT "point_ledger_score_delta_non_negative" CHECK ("point_ledger"."score_delta" >= 0)
);
--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "refresh_tokens" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "club_requests" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "club_requests" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "clubs" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "clubs" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "friend_requests" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "friend_requests" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "friendships" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "friendships" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "calendar_feeds" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "bets" ADD CONSTRAINT "bets_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bets" ADD CONSTRAINT "bets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bets" ADD CONSTRAINT "bets_horse_id_users_id_fk" FOREIGN KEY ("horse_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_settlements" ADD CONSTRAINT "meeting_settlements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_scores" ADD CONSTRAINT "club_scores_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_scores" ADD CONSTRAINT "user_scores_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_balances" ADD CONSTRAINT "point_balances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_ledger" ADD CONSTRAINT "point_ledger_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_ledger" ADD CONSTRAINT "point_ledger_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_ledger" ADD CONSTRAINT "point_ledger_bet_id_bets_id_fk" FOREIGN KEY ("bet_id") REFERENCES "public"."bets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bets_one_per_meeting_idx" ON "bets" USING btree ("meeting_id","user_id") WHERE "bets"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "bets_meeting_horse_idx" ON "bets" USING btree ("meeting_id","horse_id");--> statement-breakpoint
CREATE INDEX "bets_user_placed_idx" ON "bets" USING btree ("user_id","placed_at","id");--> statement-breakpoint
CREATE INDEX "user_scores_period_score_idx" ON "user_scores" USING btree ("period","score" DESC NULLS LAST,"user_id");--> statement-breakpoint
CREATE INDEX "point_ledger_user_idx" ON "point_ledger" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "point_ledger_meeting_idx" ON "point_ledger" USING btree ("meeting_id");--> statement-breakpoint
-- Hand-written below: what drizzle-kit does not manage (triggers, materialized views, backfill).
-- A balance is the sum of its ledger by construction: every entry is added here, in the
-- same statement, and point_balances_non_negative rejects an entry that would overspend.
CREATE FUNCTION "point_ledger_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  month text := to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM');
BEGIN
  -- Update first: an upsert would check the CHECK against the bare amount before seeing the row.
  UPDATE point_balances SET balance = balance + NEW.amount, updated_at = now() WHERE user_id = NEW.user_id;
  IF NOT FOUND THEN
    INSERT INTO point_balances AS b (user_id, balance, updated_at)
    VALUES (NEW.user_id, NEW.amount, now())
    ON CONFLICT (user_id) DO UPDATE SET balance = b.balance + EXCLUDED.balance, updated_at = now();
  END IF;
  IF NEW.score_delta > 0 THEN
    INSERT INTO user_scores AS s (period, user_id, score)
    VALUES ('all', NEW.user_id, NEW.score_delta), (month, NEW.user_id, NEW.score_delta)
    ON CONFLICT (period, user_id) DO UPDATE SET score = s.score + EXCLUDED.score;
    IF NEW.meeting_id IS NOT NULL THEN
      INSERT INTO club_scores AS c (period, club_id, points)
      SELECT p.period, m.club_id, NEW.score_delta
      FROM meetings m CROSS JOIN (VALUES ('all'), (month)) AS p(period)
      WHERE m.id = NEW.meeting_id
      ON CONFLICT (period, club_id) DO UPDATE SET points = c.points + EXCLUDED.points;
    END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "point_ledger_apply" AFTER INSERT ON "point_ledger"
  FOR EACH ROW EXECUTE FUNCTION "point_ledger_apply"();--> statement-breakpoint
CREATE FUNCTION "point_ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'point_ledger is append-only' USING ERRCODE = 'restrict_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER "point_ledger_append_only" BEFORE UPDATE OR DELETE ON "point_ledger"
  FOR EACH ROW EXECUTE FUNCTION "point_ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "point_ledger_no_truncate" BEFORE TRUNCATE ON "point_ledger"
  FOR EACH STATEMENT EXECUTE FUNCTION "point_ledger_append_only"();--> statement-breakpoint
-- Balances change only through the ledger trigger above (which runs as the same statement).
CREATE FUNCTION "point_balances_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'point balances change only through point_ledger' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;--> statement-breakpoint
CREATE TRIGGER "point_balances_guard" BEFORE INSERT OR UPDATE OR DELETE ON "point_balances"
  FOR EACH ROW EXECUTE FUNCTION "point_balances_guard"();--> statement-breakpoint
-- Existing accounts get the starting grant (POINTS.startingGrant = 1000), like new ones.
INSERT INTO point_ledger (user_id, kind, amount, key)
SELECT id, 'grant', 1000, 'grant:' || id FROM users WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE MATERIALIZED VIEW "user_rankings" AS
  SELECT period, user_id, score, (rank() OVER (PARTITION BY period ORDER BY score DESC))::int AS rank
  FROM user_scores WHERE score > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "user_rankings_period_user_idx" ON "user_rankings" (period, user_id);--> statement-breakpoint
CREATE INDEX "user_rankings_period_rank_idx" ON "user_rankings" (period, rank, user_id);--> statement-breakpoint
-- Club score = points × (1 + finishers / attendees), rounded down: clubScore() in @booky/domain.
CREATE MATERIALIZED VIEW "club_rankings" AS
  SELECT period, club_id, score, (rank() OVER (PARTITION BY period ORDER BY score DESC))::int AS rank
  FROM (
    SELECT period, club_id,
      CASE WHEN attendees > 0
        THEN ((points::bigint * (attendees + least(finishers, attendees))) / attendees)::int
        ELSE points END AS score
    FROM club_scores
  ) scored
  WHERE score > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "club_rankings_period_club_idx" ON "club_rankings" (period, club_id);--> statement-breakpoint
CREATE INDEX "club_rankings_period_rank_idx" ON "club_rankings" (period, rank, club_id);
