import { type AnyPgColumn, customType, timestamp, uuid } from "drizzle-orm/pg-core";

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

/** An opaque token is stored only as its SHA-256 digest, unique so a lookup finds one row. */
export const tokenDigest = () => bytea("token_hash").notNull().unique();

/** A required reference to another table's uuid key; `cascade` when the row cannot outlive its parent. */
export const reference = (name: string, target: () => AnyPgColumn, onDelete?: "cascade") =>
  uuid(name)
    .notNull()
    .references(target, onDelete ? { onDelete } : undefined);

/** A moment that may not have happened yet (used, revoked, finished…): nullable, with its time zone. */
export const momentAt = (name: string) => timestamp(name, { withTimezone: true });
