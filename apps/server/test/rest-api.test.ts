import { describe, expect, it } from "vitest";
import { openApiDocument } from "../src/openapi.js";
import { rejectionOf, signedUpClient, startTestServer, type TestClient } from "./harness.js";
import { clubWithMeeting, inDays, placeBet, type Reader, raceMeeting } from "./race-support.js";
import {
  callRest,
  committedDocument,
  keysAndStrings,
  outputSchemaOf,
  type RestOperation,
  restOperations,
} from "./rest-support.js";

const server = await startTestServer();

type Input = Record<string, unknown>;
type Node = { query(input?: Input): Promise<unknown>; mutate(input?: Input): Promise<unknown> };

/** The tRPC twin of a REST operation: the same procedure through the real tRPC client. */
function callTrpc(client: TestClient, operation: RestOperation, input: Input) {
  const [area = "", name = ""] = operation.procedure.split(".");
  const node = (client.trpc as unknown as Record<string, Record<string, Node>>)[area]?.[name];
  if (!node) throw new Error(`no procedure ${operation.procedure}`);
  return operation.method === "GET" ? node.query(input) : node.mutate(input);
}

/** The HTTP status a tRPC error code answers on REST, or 200 for a call that succeeded. */
async function trpcStatus(call: Promise<unknown>) {
  try {
    await call;
    return 200;
  } catch (error) {
    return (await rejectionOf(Promise.reject(error))).data?.httpStatus;
  }
}

const scene = await (async () => {
  const race = await raceMeeting(server, 2);
  const [reader, rival] = race.members as [Reader, Reader];
  await placeBet(race.meeting.id, reader, rival, 5);
  await rival.client.trpc.progress.update.mutate({ meetingId: race.meeting.id, page: 10, expectedVersion: 0 });
  const hidden = await clubWithMeeting(server, race.owner, [], {
    club: { name: "Hidden Readers", category: "poetry" },
    book: { title: "Quiet Pages", pageCount: 50 },
    startsAt: inDays(3),
    link: "https://meet.example.com/hidden",
  });
  await race.owner.client.trpc.clubs.update.mutate({ clubId: hidden.club.id, changes: { visibility: "private" } });
  const joiners = [await signedUpClient(server), await signedUpClient(server)] as const;
  return { ...race, reader, rival, hidden, joiners };
})();

const everyone = () => [scene.owner, scene.reader, scene.rival, scene.outsider, ...scene.joiners];
const { meeting, club } = scene;

interface Case {
  caller: Reader | null;
  input: Input;
  /** For a change: the twin's own caller and input (the same change twice would be refused). */
  twin?: { caller: Reader; input: Input };
}

/** One real call per exposed procedure; a procedure in the document without a case fails the test. */
const cases: Record<string, () => Case> = {
  "bets.place": () => ({
    caller: scene.rival,
    input: { meetingId: meeting.id, horseId: scene.reader.user.id, stake: 3 },
    twin: { caller: scene.owner, input: { meetingId: meeting.id, horseId: scene.reader.user.id, stake: 4 } },
  }),
  "bets.forMeeting": () => ({ caller: scene.reader, input: { meetingId: meeting.id } }),
  "books.get": () => ({ caller: scene.reader, input: { bookId: meeting.bookId } }),
  "clubs.get": () => ({ caller: scene.reader, input: { clubId: club.id } }),
  "clubs.list": () => ({ caller: scene.reader, input: { limit: 5 } }),
  "clubs.join": () => ({
    caller: scene.joiners[0],
    input: { clubId: club.id },
    twin: { caller: scene.joiners[1], input: { clubId: club.id } },
  }),
  "clubs.members": () => ({ caller: scene.reader, input: { clubId: club.id, limit: 10 } }),
  "leaderboards.users": () => ({ caller: scene.reader, input: { scope: "club", clubId: club.id, limit: 10 } }),
  "leaderboards.clubs": () => ({ caller: scene.reader, input: { limit: 10 } }),
  "meetings.get": () => ({ caller: scene.reader, input: { meetingId: meeting.id } }),
  "meetings.listForClub": () => ({ caller: scene.reader, input: { clubId: club.id, when: "upcoming", limit: 10 } }),
  "meetings.rsvp": () => ({
    caller: scene.reader,
    input: { meetingId: meeting.id, status: "going" },
    twin: { caller: scene.rival, input: { meetingId: meeting.id, status: "going" } },
  }),
  "points.balance": () => ({ caller: scene.reader, input: {} }),
  "points.ledger": () => ({ caller: scene.reader, input: { limit: 10 } }),
  "progress.update": () => ({
    caller: scene.reader,
    input: { meetingId: meeting.id, page: 20, expectedVersion: 0 },
    twin: { caller: scene.reader, input: { meetingId: meeting.id, page: 30, expectedVersion: 1 } },
  }),
  "progress.forMeeting": () => ({ caller: scene.reader, input: { meetingId: meeting.id, limit: 10 } }),
  "progress.get": () => ({ caller: scene.reader, input: { meetingId: meeting.id } }),
  "progress.setRacing": () => ({ caller: scene.reader, input: { meetingId: meeting.id, racing: true } }),
  "users.get": () => ({ caller: null, input: { username: scene.rival.user.username } }),
};

/** Nothing of anyone's secrets: no password hash, token or e-mail, under any key or in any value. */
function expectNoLeaks(answer: unknown) {
  const { keys, strings } = keysAndStrings(answer);
  expect(keys.filter((key) => /password|hash|token|secret|e-?mail/i.test(key))).toEqual([]);
  const secrets = everyone().flatMap((who) => [who.details.email.toLowerCase(), who.client.accessToken ?? "-"]);
  const leaked = strings.filter(
    (value) => value.startsWith("$argon2") || secrets.some((secret) => value.toLowerCase().includes(secret)),
  );
  expect(leaked).toEqual([]);
}

describe("the REST API", () => {
  it("has a real call for every operation of the committed document", () => {
    expect(restOperations.length).toBeGreaterThanOrEqual(18);
    expect(restOperations.map((operation) => operation.procedure).filter((name) => !cases[name])).toEqual([]);
  });

  it("serves the committed document at /api/openapi.json, as the routers describe it", async () => {
    const live = openApiDocument();
    expect(
      JSON.parse(JSON.stringify(live)),
      "docs/openapi.json is stale: run pnpm --filter @booky/server openapi",
    ).toEqual(committedDocument);
    const served = await fetch(`${server.url}/api/openapi.json`);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(committedDocument);
    expect(committedDocument).toMatchObject({ openapi: "3.1.0", servers: [{ url: "/api/v1" }] });
  });

  for (const operation of restOperations) {
    it(`${operation.method} ${operation.path} answers what ${operation.procedure} answers, in its contract, leaking nothing`, async () => {
      const make = cases[operation.procedure];
      if (!make) throw new Error(`no case for ${operation.procedure}`);
      const { caller, input, twin } = make();
      const rest = await callRest(server, operation, input, caller?.client.accessToken ?? null);
      expect(rest.status, JSON.stringify(rest.body)).toBe(200);
      const twinCaller = twin?.caller ?? caller;
      const answer = await callTrpc(twinCaller?.client ?? server.client(), operation, twin?.input ?? input);

      // The contract holds, and the answer is all contract: nothing stripped, nothing unnamed.
      const contract = outputSchemaOf(operation.procedure);
      expect(contract.parse(answer)).toEqual(answer);
      const asJson = JSON.parse(JSON.stringify(answer));
      if (twin) expect(keysAndStrings(rest.body).keys.sort()).toEqual(keysAndStrings(asJson).keys.sort());
      else expect(rest.body).toEqual(asJson);
      expectNoLeaks(rest.body);
      expectNoLeaks(answer);
    });

    it(`${operation.method} ${operation.path} refuses as ${operation.procedure} refuses`, async () => {
      const make = cases[operation.procedure];
      if (!make) throw new Error(`no case for ${operation.procedure}`);
      const { input } = make();
      // Anonymous callers, on both surfaces.
      const anonymous = await callRest(server, operation, input, null);
      expect(anonymous.status).toBe(await trpcStatus(callTrpc(server.client(), operation, input)));
      if (anonymous.status !== 200) {
        expect(anonymous.body).toMatchObject({ code: "UNAUTHORIZED", message: expect.any(String) });
      }
      if (operation.method !== "GET") return;
      // An outsider reading a private club's club-level and meeting-level content.
      const hiddenInput = {
        ...input,
        ...("clubId" in input ? { clubId: scene.hidden.club.id } : {}),
        ...("meetingId" in input ? { meetingId: scene.hidden.meeting.id } : {}),
      };
      const outsider = await callRest(server, operation, hiddenInput, scene.outsider.client.accessToken);
      const twinStatus = await trpcStatus(callTrpc(scene.outsider.client, operation, hiddenInput));
      expect(outsider.status).toBe(twinStatus);
      if (outsider.status === 200) expectNoLeaks(outsider.body);
    });
  }

  it("answers typed errors as HTTP statuses with a stable body", async () => {
    const token = scene.reader.client.accessToken;
    const progress = { method: "POST", path: "/meetings/{meetingId}/progress" };
    const unknown = await callRest(
      server,
      { method: "GET", path: "/meetings/{meetingId}" },
      { meetingId: crypto.randomUUID() },
      token,
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: "NOT_FOUND", message: "No such meeting" } });

    const bad = await callRest(server, progress, { meetingId: meeting.id, page: -1, expectedVersion: 0 }, token);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "BAD_REQUEST", issues: [expect.objectContaining({ path: ["page"] })] });

    const stale = await callRest(server, progress, { meetingId: meeting.id, page: 40, expectedVersion: 0 }, token);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "CONFLICT", data: { current: { page: expect.any(Number) } } });

    const refused = await callRest(
      server,
      progress,
      { meetingId: meeting.id, page: 5, expectedVersion: 0 },
      scene.outsider.client.accessToken,
    );
    expect(refused).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });

    const nowhere = await fetch(`${server.url}/api/v1/no-such-thing`);
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("finds a club by its slug too", async () => {
    const bySlug = await callRest(
      server,
      { method: "GET", path: "/clubs/{clubId}" },
      { clubId: club.slug },
      scene.reader.client.accessToken,
    );
    expect(bySlug).toMatchObject({ status: 200, body: { id: club.id, access: "full" } });
  });

  it("reads a query's false as false, for the boolean filters (trpc-to-openapi alone would coerce it to true)", async () => {
    const token = scene.reader.client.accessToken;
    const list = (query: string) =>
      fetch(`${server.url}/api/v1/clubs?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const names = async (query: string) => {
      const answer = await list(query);
      expect(answer.status, query).toBe(200);
      return ((await answer.json()) as { items: { id: string; isOnline: boolean }[] }).items;
    };
    for (const value of ["false", "0"]) {
      const inPerson = await names(`isOnline=${value}&limit=50`);
      expect(
        inPerson.every((found) => !found.isOnline),
        value,
      ).toBe(true);
    }
    const online = await names("isOnline=true&limit=50");
    expect(online.map((found) => found.id)).toContain(club.id);
    // Private clubs answer limited to outsiders, without isOnline.
    expect(online.every((found) => found.isOnline !== false)).toBe(true);
    expect(await names("mine=false&limit=50")).toEqual(await names("limit=50"));
    expect((await list("isOnline=maybe")).status).toBe(400);
  });
});
