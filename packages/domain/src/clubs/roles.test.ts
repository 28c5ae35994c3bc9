import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLUB_ROLES,
  canLeave,
  canRemoveMember,
  canSeeClubContent,
  canSetRole,
  hasClubRole,
  ownedClubOnAccountDeletion,
} from "./roles.js";
import { slugify } from "./slug.js";

const role = fc.constantFrom(...CLUB_ROLES);

describe("club roles", () => {
  it("rank owner over admin over member", () => {
    expect(hasClubRole("owner", "admin")).toBe(true);
    expect(hasClubRole("admin", "owner")).toBe(false);
    expect(hasClubRole("member", "member")).toBe(true);
    expect(hasClubRole(null, "member")).toBe(false);
  });

  it("nobody removes the owner, and nobody removes someone of their own rank or above", () => {
    fc.assert(
      fc.property(role, role, (actor, target) => {
        if (target === "owner" || !hasClubRole(actor, target) || actor === target) {
          return !canRemoveMember(actor, target);
        }
        return canRemoveMember(actor, target);
      }),
    );
  });

  it("only the owner changes roles, never the owner's own, and never to the same role", () => {
    expect(canSetRole("owner", "member", "admin")).toBe(true);
    expect(canSetRole("owner", "admin", "member")).toBe(true);
    expect(canSetRole("owner", "admin", "admin")).toBe(false);
    expect(canSetRole("admin", "member", "admin")).toBe(false);
    expect(canSetRole("owner", "owner", "member")).toBe(false);
  });

  it("the owner cannot leave; outsiders see only public clubs' content", () => {
    expect(CLUB_ROLES.filter(canLeave)).toEqual(["member", "admin"]);
    expect(canSeeClubContent("private", null, "user")).toBe(false);
    expect(canSeeClubContent("private", "member", "user")).toBe(true);
    expect(canSeeClubContent("public", null, "user")).toBe(true);
  });

  it("site admins see every club's content, whatever their club role", () => {
    fc.assert(
      fc.property(fc.constantFrom("public" as const, "private" as const), fc.option(role), (visibility, clubRole) =>
        canSeeClubContent(visibility, clubRole, "admin"),
      ),
    );
  });

  it("an owner deleting their account archives a club of one and must hand over a club with others", () => {
    expect(ownedClubOnAccountDeletion(1)).toBe("archive");
    expect(ownedClubOnAccountDeletion(2)).toBe("transfer_first");
    expect(ownedClubOnAccountDeletion(10_000)).toBe("transfer_first");
  });
});

describe("club slugs", () => {
  it("are lower-case ASCII words joined by single dashes, at most 48 characters", () => {
    expect(slugify("  Les Misérables — Book Club! ")).toBe("les-miserables-book-club");
    fc.assert(
      fc.property(fc.string(), (name) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slugify(name)) && slugify(name).length <= 48),
    );
  });
});
