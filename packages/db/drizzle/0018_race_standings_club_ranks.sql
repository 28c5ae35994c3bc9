ALTER TABLE "meeting_rsvps" ADD COLUMN "standing" bigint DEFAULT 9000000000000000 NOT NULL;--> statement-breakpoint
-- A member's standing in a meeting's race (see meeting_rsvps.standing in the schema): ascending order is the
-- race board's order. Finishers by finish time (microseconds since 1970), then 9e15 minus the pages read.
CREATE FUNCTION "race_standing"(page integer, finished_at timestamptz) RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN finished_at IS NULL THEN 9000000000000000 - coalesce(page, 0)
    ELSE (extract(epoch FROM finished_at) * 1000000)::bigint END
$$;--> statement-breakpoint
CREATE FUNCTION "reading_progress_standing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE meeting_rsvps SET standing = race_standing(0, NULL)
      WHERE meeting_id = OLD.meeting_id AND user_id = OLD.user_id;
    RETURN OLD;
  END IF;
  UPDATE meeting_rsvps SET standing = race_standing(NEW.page, NEW.finished_at)
    WHERE meeting_id = NEW.meeting_id AND user_id = NEW.user_id
      AND standing IS DISTINCT FROM race_standing(NEW.page, NEW.finished_at);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "reading_progress_standing" AFTER INSERT OR DELETE OR UPDATE OF page, finished_at ON "reading_progress"
  FOR EACH ROW EXECUTE FUNCTION "reading_progress_standing"();--> statement-breakpoint
-- An answer given (again) after progress was reported starts from that progress.
CREATE FUNCTION "meeting_rsvps_standing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.standing := coalesce((SELECT race_standing(p.page, p.finished_at) FROM reading_progress p
    WHERE p.meeting_id = NEW.meeting_id AND p.user_id = NEW.user_id), race_standing(0, NULL));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "meeting_rsvps_standing" BEFORE INSERT ON "meeting_rsvps"
  FOR EACH ROW EXECUTE FUNCTION "meeting_rsvps_standing"();--> statement-breakpoint
UPDATE meeting_rsvps r SET standing = race_standing(p.page, p.finished_at)
  FROM reading_progress p WHERE p.meeting_id = r.meeting_id AND p.user_id = r.user_id;--> statement-breakpoint
CREATE INDEX "meeting_rsvps_race_idx" ON "meeting_rsvps" USING btree ("meeting_id","standing","user_id") WHERE "meeting_rsvps"."status" = 'going';--> statement-breakpoint
-- Each club's members ranked among themselves, as user_rankings ranks everyone; refreshed with it. Only the
-- periods a board shows (all time, this month; last month too, until the first refresh of a new month).
CREATE MATERIALIZED VIEW "club_member_rankings" AS
  SELECT m.club_id, s.period, m.user_id, s.score, (rank() OVER (PARTITION BY m.club_id, s.period ORDER BY s.score DESC))::int AS rank
  FROM club_members m JOIN user_scores s ON s.user_id = m.user_id
  WHERE s.score > 0
    AND (s.period = 'all' OR s.period >= to_char((now() AT TIME ZONE 'UTC') - interval '1 month', 'YYYY-MM'));--> statement-breakpoint
CREATE UNIQUE INDEX "club_member_rankings_club_period_user_idx" ON "club_member_rankings" (club_id, period, user_id);--> statement-breakpoint
CREATE INDEX "club_member_rankings_club_period_rank_idx" ON "club_member_rankings" (club_id, period, rank, user_id);
