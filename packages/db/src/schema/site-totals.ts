import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Site-wide figures too costly to count per request (points in circulation
 * is the sum of every member's balance): counted by the `count-site-totals`
 * job every few minutes, read by the operator dashboard with the time they
 * were counted.
 */
export const siteTotals = pgTable("site_totals", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull(),
  countedAt: timestamp("counted_at", { withTimezone: true }).notNull().defaultNow(),
});
