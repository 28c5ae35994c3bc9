-- A trade proposal's copies are reserved while it is pending (and, once
-- accepted, until the fulfilment moves them). Declining, cancelling or
-- expiring it releases them in the same transaction as the decision, whoever
-- decides (a member, a counter, the expiry sweep), so the partial unique
-- index trade_items_copy_reserved_key never blocks a copy that is free.
CREATE FUNCTION trade_items_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE trade_items SET reserved = false WHERE proposal_id = NEW.id AND reserved;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER trade_proposals_release_items
  AFTER UPDATE OF status ON trade_proposals
  FOR EACH ROW
  WHEN (OLD.status = 'pending' AND NEW.status IN ('declined', 'cancelled', 'expired'))
  EXECUTE FUNCTION trade_items_release();
