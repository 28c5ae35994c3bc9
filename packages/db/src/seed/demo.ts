import { ARGON2ID_PARAMS, startingGrant } from "@booky/domain";
import argon2 from "argon2";
import { inArray } from "drizzle-orm";
import type { Database } from "../client.js";
import { appendLedger } from "../ledger.js";
import { users } from "../schema/index.js";
import { seedCatalog } from "./catalog.js";
import { demoAvatarPath, demoMembers } from "./demo-people.js";

export { demoAvatarPath, demoMembers };

/** Every demo account logs in with this password (documented in the README). */
export const DEMO_PASSWORD = "booky-demo-reader";

export const demoUsers = [
  { username: "ada", displayName: "Ada Lovelace", bio: "Reads the footnotes first.", role: "admin" },
  { username: "bruno", displayName: "Bruno Costa", bio: "Sci-fi, mostly on trains.", role: "user" },
  { username: "chiara", displayName: "Chiara Rossi", bio: "Hosts the Thursday classics circle.", role: "user" },
  { username: "dev", displayName: "Dev Patel", bio: "Always on chapter three.", role: "user" },
] as const;

export interface DemoSeedOptions {
  /** The site's address: avatars are absolute URLs there (profiles accept http(s) avatars only). */
  publicUrl?: string;
}

/**
 * Idempotent: running it twice leaves the same rows. The four documented
 * accounts and the demo community's members (with their starting grant),
 * and the seed book catalog. The community's clubs and meetings are built by
 * the server through its services (`seedDemoCommunity`).
 */
export async function seedDemoData(
  db: Database,
  options: DemoSeedOptions = {},
): Promise<{ users: number; books: number }> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, ...ARGON2ID_PARAMS });
  const people = [...demoUsers, ...demoMembers.map((member) => ({ ...member, role: "user" as const }))];
  const rows = people.map((user) => ({
    ...user,
    email: `${user.username}@booky.example`,
    avatarUrl: options.publicUrl ? new URL(demoAvatarPath(user.username), options.publicUrl).href : null,
    passwordHash,
  }));
  const inserted = await db.transaction(async (tx) => {
    const created = await tx.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id });
    const all = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        inArray(
          users.username,
          people.map((user) => user.username),
        ),
      );
    await appendLedger(
      tx,
      all.map((user) => startingGrant(user.id)),
    );
    return created;
  });
  const catalog = await seedCatalog(db);
  return { users: inserted.length, books: catalog.books };
}
