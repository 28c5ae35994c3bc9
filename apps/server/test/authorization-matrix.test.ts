import { eq, meetingRsvps } from "@booky/db";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/router.js";
import { createScenes, type Expected, LIMITED, type Outcome, ROLES } from "./authorization-fixture.js";
import { type Case, rows } from "./authorization-rows.js";
import { startTestServer } from "./harness.js";

/**
 * Who may do what, as one table (authorization-rows.ts): every procedure of
 * the app router, called over HTTP by each role, each call in a fresh scene.
 * A refused call must change nothing (every row of the scene's people and
 * clubs is compared before and after). README "Authorization" says the rules.
 */
const server = await startTestServer();
const scenes = await createScenes(server);

const procedures = Object.keys(appRouter._def.procedures).sort();
const runs = Object.entries(rows).flatMap(([path, entry]) =>
  (Array.isArray(entry) ? entry : [entry]).flatMap((row) =>
    (row.perClub ? (["public", "private"] as const) : (["public"] as const)).map((visibility) => ({
      path,
      visibility,
      row,
    })),
  ),
);

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    return (await call) === LIMITED ? "limited" : "ok";
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.code) return error.data.code;
    throw error;
  }
}

/** "ok: member, owner · FORBIDDEN: outsider · UNAUTHORIZED: anonymous" */
function summary(expected: Expected): string {
  const byOutcome = new Map<Outcome, string[]>();
  for (const role of ROLES) byOutcome.set(expected[role], [...(byOutcome.get(expected[role]) ?? []), role]);
  return [...byOutcome].map(([outcome, roles]) => `${outcome}: ${roles.join(", ")}`).join(" · ");
}

function title(path: string, visibility: "public" | "private", row: Case): string {
  const where = [row.label, row.perClub ? `${visibility} club` : null].filter(Boolean).join(", ");
  return `${path}${where ? ` (${where})` : ""} → ${summary(row.expect[visibility])}`;
}

describe(`authorization matrix: ${procedures.length} procedures × ${ROLES.length} roles, ${runs.length * ROLES.length} calls`, () => {
  it("has a row for every procedure of the app router, and none for a procedure that is gone", () => {
    const missing = procedures.filter((path) => !(path in rows));
    const gone = Object.keys(rows).filter((path) => !procedures.includes(path));
    expect({ missing, gone }, "add the missing rows to test/authorization-rows.ts").toEqual({ missing: [], gone: [] });
  });

  it("would notice a refused call that changed something: the snapshot holds the scene's rows", async () => {
    const scene = await scenes.scene("private");
    const before = await scenes.snapshot(scene);
    expect(before.flat().length).toBeGreaterThan(10);
    await server.db
      .update(meetingRsvps)
      .set({ status: "not_going" })
      .where(eq(meetingRsvps.meetingId, scene.meetingId));
    expect(await scenes.snapshot(scene)).not.toEqual(before);
  });

  for (const { path, visibility, row } of runs) {
    const expected = row.expect[visibility];
    it(title(path, visibility, row), async () => {
      const actual = {} as Expected;
      for (const role of ROLES) {
        const scene = await scenes.scene(visibility);
        const { client, actor } = await scenes.clientAs(scene, role);
        const prepared = await row.prepare?.(scene, actor);
        const refused = expected[role] !== "ok" && expected[role] !== "limited";
        const before = refused ? await scenes.snapshot(scene) : null;
        actual[role] = await outcomeOf(row.call(client.trpc, scene, prepared, actor));
        if (before && actual[role] === expected[role]) {
          expect(await scenes.snapshot(scene), `${path} refused to ${role} changed nothing`).toEqual(before);
        }
      }
      expect(actual).toEqual(expected);
    });
  }
});
