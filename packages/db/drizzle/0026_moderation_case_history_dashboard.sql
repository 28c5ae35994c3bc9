CREATE INDEX "bets_open_stake_idx" ON "bets" USING btree ("stake") WHERE "bets"."status" = 'open';--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "audit_log" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "moderation_cases_resolved_idx" ON "moderation_cases" USING btree ("resolved_at") WHERE "moderation_cases"."status" = 'resolved';