import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

/**
 * An error Booky did not foresee (here: a table gone from under it, a real
 * PostgreSQL failure) answers INTERNAL_SERVER_ERROR with a generic message and
 * the request id only; the SQL and its parameters reach the log, not the caller.
 */
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});
const server = await startTestServer({ logger: { level: "error", stream: logStream } });

describe("unexpected errors", () => {
  it("answer a generic message with the request id; the SQL and parameters go to the log only", async () => {
    const { client } = await signedUpClient(server);
    await server.sql`alter table club_members rename to club_members_gone`;
    try {
      const search = "secret search words";
      const error = await rejectionOf(client.trpc.clubs.list.query({ search, mine: true }));
      expect(error.data?.code).toBe("INTERNAL_SERVER_ERROR");
      const requestId = (error.data as { requestId?: string }).requestId;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.message).toBe(`Something went wrong on our side; quote request ${requestId} if it keeps happening`);
      expect(JSON.stringify(error.shape)).not.toMatch(/club_members|select|secret search|stack/i);

      const logged = logLines.find((line) => line.includes(String(requestId)));
      expect(logged, "the failure is logged under its request id").toBeDefined();
      expect(logged).toMatch(/club_members/);
      expect(logged, "with its parameters").toContain(search);
    } finally {
      await server.sql`alter table club_members_gone rename to club_members`;
    }
  });

  it("keep typed errors as they were", async () => {
    const { client } = await signedUpClient(server);
    const error = await rejectionOf(client.trpc.users.updateProfile.mutate({ bio: "a\u0000b" }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.zodError?.fieldErrors).toEqual({ bio: ["Remove the control characters from this text"] });
    const nothing = await rejectionOf(client.trpc.users.updateProfile.mutate({ displayName: undefined }));
    expect(nothing.data?.code).toBe("BAD_REQUEST");
    expect(nothing.message).toBe("Change at least one field");
  });
});
