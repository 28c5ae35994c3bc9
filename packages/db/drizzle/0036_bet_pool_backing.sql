ALTER TABLE "meeting_rsvps" ADD COLUMN "backing" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_rsvps" ADD COLUMN "backers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "meeting_rsvps_pool_idx" ON "meeting_rsvps" USING btree ("meeting_id","backing","user_id") WHERE "meeting_rsvps"."status" = 'going' and "meeting_rsvps"."racing";--> statement-breakpoint
-- What each horse is backed with (every bet on it but a cancelled one), kept on its answer row per bet written.
-- A bet's horse always has an answer row (bets are placed on attendees); a row gone takes its figures with it.
CREATE FUNCTION "bets_backing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Settling turns open bets into won or lost ones: still counted, the same stake, so nothing to change.
  IF TG_OP = 'UPDATE' AND (OLD.status <> 'cancelled') = (NEW.status <> 'cancelled') AND OLD.stake = NEW.stake
      AND OLD.horse_id = NEW.horse_id AND OLD.meeting_id = NEW.meeting_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'cancelled' THEN
    UPDATE meeting_rsvps SET backing = backing - OLD.stake, backers = backers - 1
      WHERE meeting_id = OLD.meeting_id AND user_id = OLD.horse_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'cancelled' THEN
    UPDATE meeting_rsvps SET backing = backing + NEW.stake, backers = backers + 1
      WHERE meeting_id = NEW.meeting_id AND user_id = NEW.horse_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "bets_backing" AFTER INSERT OR DELETE OR UPDATE OF status, stake, horse_id, meeting_id ON "bets"
  FOR EACH ROW EXECUTE FUNCTION "bets_backing"();--> statement-breakpoint
UPDATE meeting_rsvps r SET backing = b.backing, backers = b.backers
  FROM (
    SELECT meeting_id, horse_id, sum(stake)::int AS backing, count(*)::int AS backers FROM bets
    WHERE status <> 'cancelled' GROUP BY meeting_id, horse_id
  ) b
  WHERE r.meeting_id = b.meeting_id AND r.user_id = b.horse_id;
