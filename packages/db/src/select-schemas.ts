import { createSelectSchema } from "drizzle-zod";
import { users } from "./schema/accounts.js";
import { apiTokens } from "./schema/api-tokens.js";
import { bets, meetingSettlements } from "./schema/bets.js";
import { books } from "./schema/books.js";
import { clubMembers, clubs } from "./schema/clubs.js";
import { meetingRsvps, meetings } from "./schema/meetings.js";
import { pointLedger } from "./schema/points.js";
import { readingProgress } from "./schema/progress.js";
import { webhookDeliveries, webhooks } from "./schema/webhooks.js";

/**
 * The zod shape of a row of each table an API answer is made of (drizzle-zod's
 * select schemas). Output contracts pick the columns they show from these, so a
 * column's type is spelled once, by its table, and no column is shown unpicked.
 */
export const rowSchemas = {
  users: createSelectSchema(users),
  apiTokens: createSelectSchema(apiTokens),
  clubs: createSelectSchema(clubs),
  clubMembers: createSelectSchema(clubMembers),
  meetings: createSelectSchema(meetings),
  meetingRsvps: createSelectSchema(meetingRsvps),
  readingProgress: createSelectSchema(readingProgress),
  bets: createSelectSchema(bets),
  meetingSettlements: createSelectSchema(meetingSettlements),
  pointLedger: createSelectSchema(pointLedger),
  books: createSelectSchema(books),
  webhooks: createSelectSchema(webhooks),
  webhookDeliveries: createSelectSchema(webhookDeliveries),
};
