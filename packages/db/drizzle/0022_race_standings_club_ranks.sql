CREATE TABLE "meeting_rsvp_counts" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"going" integer DEFAULT 0 NOT NULL,
	"interested" integer DEFAULT 0 NOT NULL,
	"not_going" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_rsvp_counts_non_negative" CHECK ("meeting_rsvp_counts"."going" >= 0 and "meeting_rsvp_counts"."interested" >= 0 and "meeting_rsvp_counts"."not_going" >= 0)
);
--> statement-breakpoint
ALTER TABLE "meeting_rsvp_counts" ADD CONSTRAINT "meeting_rsvp_counts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "club_member_rankings_club_period_rank_idx" ON "club_member_rankings" (club_id, period, rank, user_id);--> statement-breakpoint
-- Answers counted per meeting (meeting_rsvp_counts), once per statement over its changed rows. Rows of a
-- meeting are locked in meeting order first, so two statements touching several meetings never deadlock.
CREATE FUNCTION "meeting_rsvp_counts_add"(changes jsonb) RETURNS void LANGUAGE sql AS $$
  -- A meeting's first answers make its row (not for a meeting being deleted: its answers go with it).
  INSERT INTO meeting_rsvp_counts (meeting_id)
    SELECT DISTINCT (e->>'meeting_id')::uuid FROM jsonb_array_elements(changes) e
    WHERE EXISTS (SELECT 1 FROM meetings m WHERE m.id = (e->>'meeting_id')::uuid)
    ORDER BY 1
  ON CONFLICT (meeting_id) DO NOTHING;
  SELECT 1 FROM meeting_rsvp_counts
    WHERE meeting_id IN (SELECT (e->>'meeting_id')::uuid FROM jsonb_array_elements(changes) e)
    ORDER BY meeting_id FOR UPDATE;
  UPDATE meeting_rsvp_counts c SET going = c.going + d.going, interested = c.interested + d.interested,
      not_going = c.not_going + d.not_going
    FROM (
      SELECT (e->>'meeting_id')::uuid AS meeting_id,
        coalesce(sum((e->>'n')::int) FILTER (WHERE e->>'status' = 'going'), 0) AS going,
        coalesce(sum((e->>'n')::int) FILTER (WHERE e->>'status' = 'interested'), 0) AS interested,
        coalesce(sum((e->>'n')::int) FILTER (WHERE e->>'status' = 'not_going'), 0) AS not_going
      FROM jsonb_array_elements(changes) e GROUP BY 1
    ) d
    WHERE c.meeting_id = d.meeting_id;
$$;--> statement-breakpoint
CREATE FUNCTION "meeting_rsvp_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changes jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('meeting_id', meeting_id, 'status', status, 'n', 1)) INTO changes FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('meeting_id', meeting_id, 'status', status, 'n', -1)) INTO changes FROM old_rows;
  ELSE
    -- Only answers that changed (not attendance, nor the standing progress keeps): no lock otherwise.
    SELECT jsonb_agg(c) INTO changes FROM (
      SELECT jsonb_build_object('meeting_id', o.meeting_id, 'status', o.status, 'n', -1) AS c
        FROM old_rows o JOIN new_rows n USING (meeting_id, user_id) WHERE o.status <> n.status
      UNION ALL SELECT jsonb_build_object('meeting_id', n.meeting_id, 'status', n.status, 'n', 1)
        FROM old_rows o JOIN new_rows n USING (meeting_id, user_id) WHERE o.status <> n.status) changed;
  END IF;
  IF changes IS NOT NULL THEN PERFORM meeting_rsvp_counts_add(changes); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "meeting_rsvp_counts_insert" AFTER INSERT ON "meeting_rsvps" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "meeting_rsvp_counts_apply"();--> statement-breakpoint
CREATE TRIGGER "meeting_rsvp_counts_update" AFTER UPDATE ON "meeting_rsvps"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "meeting_rsvp_counts_apply"();--> statement-breakpoint
CREATE TRIGGER "meeting_rsvp_counts_delete" AFTER DELETE ON "meeting_rsvps" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "meeting_rsvp_counts_apply"();--> statement-breakpoint
INSERT INTO meeting_rsvp_counts (meeting_id, going, interested, not_going)
  SELECT meeting_id, count(*) FILTER (WHERE status = 'going'), count(*) FILTER (WHERE status = 'interested'),
    count(*) FILTER (WHERE status = 'not_going')
  FROM meeting_rsvps GROUP BY meeting_id;
