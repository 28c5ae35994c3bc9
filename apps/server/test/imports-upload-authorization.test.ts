import { count, eq, importJobs } from "@booky/db";
import { describe, expect, it } from "vitest";
import { createScenes, ROLES } from "./authorization-fixture.js";
import { startTestServer } from "./harness.js";
import { storygraph, upload } from "./imports-support.js";

/**
 * `POST /imports` is a file route outside tRPC, so outside the
 * authorization matrix's procedure rows: the same roles, the same scenes,
 * over HTTP. Every signed-in role imports into its own library only; an
 * anonymous caller, a forged token and a revoked session are refused with
 * 401 and nothing changes.
 */
const server = await startTestServer();
const scenes = await createScenes(server);
const file = storygraph();
const expected = { anonymous: 401, outsider: 201, member: 201, clubAdmin: 201, owner: 201, siteAdmin: 201 } as const;
const jobCount = async () => (await server.db.select({ n: count() }).from(importJobs))[0]?.n ?? 0;

describe("POST /imports by role (the authorization matrix's row for the upload)", () => {
  for (const role of ROLES) {
    it(`${role} → ${expected[role]}`, async () => {
      const scene = await scenes.scene("public");
      const { client, actor } = await scenes.clientAs(scene, role);
      const before = await scenes.snapshot(scene);
      const jobsBefore = await jobCount();
      const answer = await upload(server, client.accessToken ?? null, file);
      expect(answer.status).toBe(expected[role]);
      if (expected[role] === 201) {
        const [job] = await server.db
          .select({ userId: importJobs.userId })
          .from(importJobs)
          .where(eq(importJobs.id, answer.body.id ?? ""));
        expect(job?.userId).toBe(actor?.id);
      } else {
        expect(await scenes.snapshot(scene)).toEqual(before);
        expect(await jobCount()).toBe(jobsBefore);
      }
    });
  }

  it("refuses a forged token and a revoked session's token, changing nothing", async () => {
    const scene = await scenes.scene("public");
    const { client } = await scenes.clientAs(scene, "member");
    const token = client.accessToken ?? "";
    const jobsBefore = await jobCount();
    expect((await upload(server, `${token.slice(0, -4)}AAAA`, file)).status).toBe(401);
    await client.trpc.auth.logOut.mutate();
    expect((await upload(server, token, file)).status).toBe(401);
    expect(await jobCount()).toBe(jobsBefore);
  });
});
