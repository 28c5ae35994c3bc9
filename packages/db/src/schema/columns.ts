import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** Columns every table shares, so no table spells them differently. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/**
 * Millisecond precision, like JavaScript's Date: a timestamp read back and
 * sent again as a page cursor compares equal to the stored value.
 */
export const createdAt = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Raw bytes, e.g. the SHA-256 digest of an opaque token. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
