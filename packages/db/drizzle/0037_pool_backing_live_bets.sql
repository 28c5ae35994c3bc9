-- A horse's backing counts the bets in its pool: open ones, and once settled the won and lost ones. A bet refunded
-- (its horse left the race, the club stopped betting, or the pool settled with nobody to pay) or cancelled is out:
-- with refunded bets counted, a horse back in the race showed the stakes already returned to its former backers,
-- and a club betting again showed every stake it had refunded.
CREATE OR REPLACE FUNCTION "bets_backing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.status IN ('open', 'won', 'lost')) = (NEW.status IN ('open', 'won', 'lost'))
      AND OLD.stake = NEW.stake AND OLD.horse_id = NEW.horse_id AND OLD.meeting_id = NEW.meeting_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('open', 'won', 'lost') THEN
    UPDATE meeting_rsvps SET backing = backing - OLD.stake, backers = backers - 1
      WHERE meeting_id = OLD.meeting_id AND user_id = OLD.horse_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('open', 'won', 'lost') THEN
    UPDATE meeting_rsvps SET backing = backing + NEW.stake, backers = backers + 1
      WHERE meeting_id = NEW.meeting_id AND user_id = NEW.horse_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Only the horses a refunded bet was on can be wrong: their figures again, from their bets.
UPDATE meeting_rsvps r SET backing = kept.backing, backers = kept.backers
  FROM (SELECT DISTINCT meeting_id, horse_id FROM bets WHERE status = 'refunded') h,
    LATERAL (
      SELECT coalesce(sum(stake), 0)::int AS backing, count(*)::int AS backers FROM bets
      WHERE meeting_id = h.meeting_id AND horse_id = h.horse_id AND status IN ('open', 'won', 'lost')
    ) kept
  WHERE r.meeting_id = h.meeting_id AND r.user_id = h.horse_id;
