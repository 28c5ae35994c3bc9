import { bigint, date, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Site-wide figures too costly to count per request (points in circulation
 * is the sum of every member's balance; members active lately grow with the
 * site): counted by the `count-site-totals` job every few minutes, read by
 * the operator dashboard with the time they were counted.
 */
export const siteTotals = pgTable("site_totals", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull(),
  countedAt: timestamp("counted_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The dashboard's weekly trends (week starting Monday, UTC), counted by the
 * same job for the last eight weeks: a week's new members and meetings grow
 * with the site, so no request counts them.
 */
export const siteWeeklyTotals = pgTable("site_weekly_totals", {
  week: date("week").primaryKey(),
  newMembers: integer("new_members").notNull(),
  meetings: integer("meetings").notNull(),
  imports: integer("imports").notNull(),
  trades: integer("trades").notNull(),
  countedAt: timestamp("counted_at", { withTimezone: true }).notNull().defaultNow(),
});
