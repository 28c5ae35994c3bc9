import { createHash } from "node:crypto";
import { readerSettings } from "@booky/db";
import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/router.js";
import { createScenes, type Role, type Scene } from "./authorization-fixture.js";
import {
  fieldByFieldValues,
  hostileValue,
  huge,
  inputSchemaOf,
  type JsonSchema,
  type KnownIds,
  metaTricks,
  nested,
  validValue,
} from "./fuzz-inputs.js";
import { watchWrites } from "./fuzz-watch.js";
import { serverWithFakeGoogle } from "./google-books-support.js";
import { copyOf, importOf, shelfOf, threadBy, webhookOf } from "./scene-objects.js";

/**
 * Every procedure of the app router, called over HTTP as anonymous, member and
 * owner with inputs generated from its own zod schema: valid-looking ones, the
 * same with one part broken, superjson `meta` that lies, and mixed batches. No
 * answer may be a 5xx or an untyped error, and a rejected call must leave
 * every table as it was. The seed is fixed (FUZZ_SEED to replay another) and
 * printed; FUZZ_RUNS scales the count. The procedures are shared out among
 * FUZZ_SHARDS servers, each on its own database with its own scenes and write
 * journal, fuzzed side by side: a write is still pinned on the one call that
 * made it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 14_2024);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const VALID = 2 * RUNS;
const HOSTILE = 3 * RUNS;
const SHARDS = Number(process.env.FUZZ_SHARDS ?? 3);
const FUZZ_ROLES = ["anonymous", "member", "owner"] as const satisfies readonly Role[];

/** The answers a client can act on; INTERNAL_SERVER_ERROR (or anything unknown) fails the test. */
const TYPED = new Set([
  "BAD_REQUEST",
  "PARSE_ERROR",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "TOO_MANY_REQUESTS",
  "PAYLOAD_TOO_LARGE",
  "METHOD_NOT_SUPPORTED",
  "UNPROCESSABLE_CONTENT",
  "PRECONDITION_FAILED",
]);

/** A server on its own database, its scenes, and the journal of every table's writes: what a rejected call must not cause. */
async function startShard() {
  // The Books API is a local fake speaking its wire format: an import of an unknown volume is a NOT_FOUND, not an outage.
  const { server } = await serverWithFakeGoogle();
  return { server, scenes: await createScenes(server), watch: await watchWrites(server.sql) };
}
type Shard = Awaited<ReturnType<typeof startShard>>;
const shards = await Promise.all(Array.from({ length: SHARDS }, startShard));
const main = shards[0] as Shard;
const { server, scenes, watch } = main;

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>)
  .map(([path, procedure]) => ({ path, type: procedure._def.type, schema: inputSchemaOf(procedure._def.inputs) }))
  .sort((a, b) => a.path.localeCompare(b.path));

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: unknown[];
}

interface Answer {
  status: number;
  items: { ok: boolean; code?: string; httpStatus?: number; message?: string }[];
}

/** One HTTP request in tRPC's batch wire format; `payloads` are `{ json, meta }` as superjson sends them. */
async function call(
  type: string,
  paths: string[],
  payloads: unknown[],
  token: string | null,
  on: Shard = main,
): Promise<Answer> {
  const body = JSON.stringify(Object.fromEntries(payloads.map((payload, i) => [i, payload])));
  const url = `${on.server.url}/trpc/${paths.join(",")}?batch=1`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response =
    type === "query"
      ? await fetch(`${url}&input=${encodeURIComponent(body)}`, { headers })
      : await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Answers outside tRPC (431 for a URL too long, 413 for a body too big) carry no JSON: the status says it.
  }
  // Answers outside tRPC's shape (Fastify's 414 for a URL too long) have only their status to say.
  const list = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === "object" && "error" in parsed
      ? [parsed]
      : [];
  if (list.some((item) => typeof item?.error !== "object" && !("result" in (item ?? {})))) list.length = 0;
  return {
    status: response.status,
    items: list.map(
      (item: { error?: { json?: { message?: string; data?: { code?: string; httpStatus?: number } } } }) =>
        item.error
          ? {
              ok: false,
              code: item.error.json?.data?.code,
              httpStatus: item.error.json?.data?.httpStatus,
              message: item.error.json?.message,
            }
          : { ok: true },
    ),
  };
}

const seedOf = (...parts: string[]) =>
  createHash("sha256")
    .update(`${SEED}:${parts.join(":")}`)
    .digest()
    .readInt32LE(0);

function knownIds(scene: Scene): KnownIds {
  const listCursor = (list: string, key: unknown, id: string) =>
    Buffer.from(JSON.stringify([list, key, id])).toString("base64url");
  return {
    clubId: scene.club.id,
    meetingId: scene.meetingId,
    bookId: scene.book.id,
    userIds: Object.values(scene.people).map((person) => person.id),
    cursors: [
      listCursor("bets.mine", new Date().toISOString(), crypto.randomUUID()),
      listCursor("clubs.list", "Matrix", scene.club.id),
      listCursor("friends.list", null, scene.people.member.id),
      listCursor("points.ledger", null, "12"),
    ],
  };
}

const problems: string[] = [];
/** Where the fuzz's time goes (summed over the shards, so more than the wall clock): printed with the counts. */
const spent = { calls: 0, journal: 0, scenes: 0, inputs: 0 };
const counts = { calls: 0, batches: 0, rejected: 0, ok: 0, writes: 0, scenes: 0 };

/** Forgets the writes so far (the set-up's): what the next call writes is its own. */
const settle = async (on: Shard = main) => {
  await on.watch.drain();
};

/**
 * Sends, then checks: no 5xx, only typed errors, no message leaking SQL, and a rejected call changed nothing.
 * Answers whether the call wrote anything.
 */
async function probe(
  label: string,
  type: string,
  paths: string[],
  payloads: unknown[],
  token: string | null,
  on: Shard = main,
): Promise<boolean> {
  let started = performance.now();
  const answer = await call(type, paths, payloads, token, on);
  spent.calls += performance.now() - started;
  counts.calls += payloads.length;
  if (paths.length > 1) counts.batches += 1;
  const shown = () => `${label} ${JSON.stringify(payloads).slice(0, 300)}`;
  if (answer.status >= 500) problems.push(`HTTP ${answer.status} from ${shown()}`);
  if (answer.items.length === 0 && answer.status < 400) problems.push(`no answer (HTTP ${answer.status}) ${shown()}`);
  for (const item of answer.items) {
    if (item.ok) continue;
    if (!item.code || !TYPED.has(item.code) || (item.httpStatus ?? 500) >= 500) {
      problems.push(`${item.code ?? "untyped"} (${item.message}) from ${shown()}`);
    }
    if (item.message && /select |insert |update |delete |Failed query|params:/i.test(item.message)) {
      problems.push(`message leaks SQL: ${item.message}`);
    }
  }
  const allRejected = answer.items.length === 0 || answer.items.every((item) => !item.ok);
  started = performance.now();
  const changed = await on.watch.drain();
  spent.journal += performance.now() - started;
  if (allRejected) {
    counts.rejected += payloads.length;
    if (changed.length > 0) problems.push(`rejected call changed ${changed.join(", ")}: ${shown()}`);
  } else {
    counts.ok += answer.items.filter((item) => item.ok).length;
    if (changed.length > 0) counts.writes += 1;
  }
  return changed.length > 0;
}

const rawJson = (value: unknown) => ({ json: value });
const plainJson = (value: unknown) =>
  rawJson(JSON.parse(JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? String(inner) : inner))));

/**
 * The superjson form of each huge or deep replacement, made once ("refused" where superjson throws, as on a
 * `constructor` key). Walking a 20,000-item array or 2,000 levels again on every value that holds one
 * took most of the fuzz's own time; the forms are the same, so the payloads are too.
 */
const heavyForms = new Map<unknown, { json: unknown } | "refused">();
for (const value of [...huge, ...nested]) {
  try {
    const form = superjson.serialize(value);
    if (form.meta === undefined) heavyForms.set(value, { json: form.json });
  } catch {
    heavyForms.set(value, "refused");
  }
}
const isContainer = (value: unknown): value is Record<string, unknown> =>
  !!value &&
  typeof value === "object" &&
  (Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value)));
/** Where the heavy replacements sit inside `value`, through plain objects and arrays only. */
function heavyIn(value: unknown, path: string[] = [], found: [string[], unknown][] = []) {
  if (heavyForms.has(value)) found.push([path, value]);
  else if (isContainer(value)) for (const [key, inner] of Object.entries(value)) heavyIn(inner, [...path, key], found);
  return found;
}
function setAt(value: unknown, path: string[], next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head] = setAt(copy[head], rest, next);
  return copy;
}

/** What a superjson client sends; what superjson itself refuses to send (a `constructor` key) goes as plain JSON. */
function payloadOf(value: unknown): unknown {
  if (value === undefined) return {};
  const heavy = heavyIn(value);
  if (heavy.some(([, inner]) => heavyForms.get(inner) === "refused")) return plainJson(value);
  // The rest of the value through superjson, each heavy part's ready form put back where it was (it adds no meta).
  const light = heavy.reduce<unknown>((at, [path]) => setAt(at, path, null), value);
  try {
    const form = superjson.serialize(light);
    let json = form.json as unknown;
    for (const [path, inner] of heavy) json = setAt(json, path, (heavyForms.get(inner) as { json: unknown }).json);
    return form.meta === undefined ? { json } : { json, meta: form.meta };
  } catch {
    return plainJson(value);
  }
}

describe(`fuzz: ${procedures.length} procedures × ${FUZZ_ROLES.length} roles, seed ${SEED}`, () => {
  it("enumerates every procedure of the app router, each with the schema it validates", () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${procedures.length} procedures`);
    expect(procedures.length).toBeGreaterThan(50);
    // A builder's input (clubId) and the router's (changes) both count.
    const update = procedures.find((procedure) => procedure.path === "clubs.update")?.schema;
    expect(update?.allOf?.flatMap((part) => Object.keys(part.properties ?? {}))).toEqual([
      "clubId",
      "clubId",
      "changes",
    ]);
  });

  it("sends each value as superjson would, its huge parts' forms made once", () => {
    const values = [
      { when: new Date(0), items: huge[1], name: "a" },
      [new Set([1]), { deeper: { text: huge[0] } }],
      { fifty: nested[1], big: BigInt(2) ** BigInt(70) },
      huge[2],
    ];
    for (const value of values) expect(payloadOf(value)).toEqual(superjson.serialize(value));
    // What superjson refuses (a `constructor` key) still goes as plain JSON; 2,000 levels it walks (since 2.2.7).
    expect(payloadOf({ at: nested[3] })).toEqual(plainJson({ at: nested[3] }));
    expect(() => superjson.serialize({ at: nested[3] })).toThrow();
    expect(payloadOf({ at: nested[0] })).toEqual(superjson.serialize({ at: nested[0] }));
  });

  it("would notice a state change: every table is watched, a real change counts and a same-value update does not", async () => {
    expect(watch.tables).toEqual(
      expect.arrayContaining(["public.users", "public.point_ledger", "graphile_worker._private_jobs"]),
    );
    const [watched] = await server.sql<{ tables: number }[]>`
      select count(distinct tgrelid)::int as tables from pg_trigger where tgname = 'fuzz_watch_rows'`;
    expect(watched?.tables).toBe(watch.tables.length);
    await settle();
    const scene = await scenes.scene("public");
    expect(await watch.drain()).toEqual(
      expect.arrayContaining(["public.clubs", "public.point_ledger", "public.users"]),
    );
    const owner = scene.people.owner.id;
    await server.sql`update users set bio = bio where id = ${owner}`;
    await server.sql
      .begin(async (tx) => {
        await tx`update users set bio = 'rolled back' where id = ${owner}`;
        await tx`select 1 / 0`;
      })
      .catch(() => {});
    expect(await watch.drain()).toEqual([]);
    await server.sql`update users set bio = 'changed' where id = ${owner}`;
    expect(await watch.drain()).toEqual(["public.users"]);
  });

  it("answers every call with a typed error or a result, and a rejected call changes nothing", async () => {
    problems.length = 0;
    const fuzzStart = performance.now();
    const cpuStart = process.cpuUsage();
    const slow: [string, number][] = [];
    // A call may spend its scene (delete the owner, leave the club, end a session): the procedures of a shard share
    // one scene and its sessions until one of them has written anything, then the next gets a fresh one. A scene
    // nothing wrote to is, to the database, the scene it was when made (the journal says so).
    const fuzzShard = async (on: Shard, mine: typeof procedures) => {
      let shared: { scene: Scene; tokens: Map<Role, string | null>; ids: KnownIds } | null = null;
      const sceneFor = async () => {
        if (shared) return shared;
        const scene = await on.scenes.scene("public");
        const tokens = new Map<Role, string | null>();
        for (const role of FUZZ_ROLES) tokens.set(role, (await on.scenes.clientAs(scene, role)).client.accessToken);
        shared = { scene, tokens, ids: knownIds(scene) };
        counts.scenes += 1;
        // Forgets the set-up's writes: what a call writes from here on is its own (each probe drains after itself).
        await settle(on);
        return shared;
      };
      for (const procedure of mine) {
        const startedAt = performance.now();
        const { tokens, ids } = await sceneFor();
        spent.scenes += performance.now() - startedAt;
        let wrote = false;
        for (const role of FUZZ_ROLES) {
          const token = tokens.get(role) ?? null;
          const inputsFrom = performance.now();
          const label = `${procedure.path} as ${role}`;
          const seed = seedOf(procedure.path, role);
          const valid = procedure.schema ? fc.sample(validValue(procedure.schema, ids), { seed, numRuns: VALID }) : [];
          const hostile = fc.sample(hostileValue(procedure.schema, ids), { seed: seed + 1, numRuns: HOSTILE });
          // The owner reaches furthest into every procedure: they get each field broken in turn too.
          const byField = role === "owner" ? fieldByFieldValues(procedure.schema, ids, seed + 3) : [];
          const [trick] = fc.sample(fc.nat(metaTricks.length - 1), { seed: seed + 2, numRuns: 1 });
          const [value] = valid.length > 0 ? valid : [undefined];
          const sends: [string, unknown][] = [
            ...[...valid, ...hostile, ...byField].map((one): [string, unknown] => [label, payloadOf(one)]),
            [
              `${label} (meta trick)`,
              { json: (payloadOf(value) as { json?: unknown }).json ?? null, meta: metaTricks[trick ?? 0] },
            ],
            // Wrong types straight in the JSON, without superjson's help.
            [`${label} (raw)`, rawJson([[{ a: "\u0000" }]])],
          ];
          spent.inputs += performance.now() - inputsFrom;
          for (const [shown, payload] of sends) {
            if (await probe(shown, procedure.type, [procedure.path], [payload], token, on)) wrote = true;
          }
        }
        if (wrote) shared = null;
        slow.push([procedure.path, Math.round(performance.now() - startedAt)]);
      }
    };
    await Promise.all(
      shards.map((on, index) =>
        fuzzShard(
          on,
          procedures.filter((_procedure, at) => at % shards.length === index),
        ),
      ),
    );
    slow.sort((a, b) => b[1] - a[1]);
    console.log(
      `slowest: ${slow
        .slice(0, 8)
        .map(([path, ms]) => `${path} ${ms} ms`)
        .join(", ")}`,
    );
    console.log(
      `fuzz seed ${SEED}: ${counts.calls} calls (${counts.ok} answered, ${counts.rejected} rejected) over ` +
        `${procedures.length} procedures on ${shards.length} servers in ${Math.round(performance.now() - fuzzStart)} ms, ` +
        `${problems.length} problems`,
    );
    const ms = (value: number) => `${Math.round(value)} ms`;
    const cpu = process.cpuUsage(cpuStart);
    // This process runs the servers and the fuzz; its CPU time moves less with the neighbours' load than the clock.
    console.log(
      `fuzz time (summed over the servers): calls ${ms(spent.calls)}, write journal ${ms(spent.journal)}, ` +
        `${counts.scenes} scenes ${ms(spent.scenes)}, inputs ${ms(spent.inputs)}; ` +
        `CPU of this process ${ms((cpu.user + cpu.system) / 1000)}`,
    );
    expect(problems).toEqual([]);
  }, 300_000);

  it("refuses a tampered or foreign cursor on every list with BAD_REQUEST on `cursor`", async () => {
    const scene = await scenes.scene("public");
    const ids = knownIds(scene);
    const { client } = await scenes.clientAs(scene, "owner");
    // Site administration's lists are a site admin's: anyone else is refused before the pager.
    const { client: admin } = await scenes.clientAs(scene, "siteAdmin");
    const lists = procedures.filter((procedure) => JSON.stringify(procedure.schema ?? {}).includes('"cursor"'));
    // The caller's own objects, for the lists about one of them: their pagers are reached, not refused before.
    const { owner, member } = scene.people;
    const own: Record<string, string> = {
      shelfId: await shelfOf(scene, owner),
      copyId: await copyOf(scene, owner),
      threadId: await threadBy(scene, owner),
      importId: (await importOf(scene, owner)).importId,
      webhookId: await webhookOf(scene),
      // A club-mate (whose copies club-mates see) who shares their reading statuses with everyone.
      userId: member.id,
    };
    await scene.db
      .insert(readerSettings)
      .values({ userId: member.id, statusVisibility: "public" })
      .onConflictDoUpdate({ target: readerSettings.userId, set: { statusVisibility: "public" } });
    const fieldsOf = (schema: JsonSchema | null): string[] => [
      ...Object.keys(schema?.properties ?? {}),
      ...(schema?.allOf ?? []).flatMap(fieldsOf),
    ];
    const withOwn = (procedure: (typeof lists)[number], value: object) => ({
      ...value,
      ...Object.fromEntries(fieldsOf(procedure.schema).flatMap((field) => (own[field] ? [[field, own[field]]] : []))),
    });
    const bad = [
      Buffer.from(JSON.stringify(["no.such.list", null, crypto.randomUUID()])).toString("base64url"),
      Buffer.from(JSON.stringify(["bets.mine", "2026-01-01T00:00:00.000Z", "not-an-id"])).toString("base64url"),
      "bm90IGpzb24",
    ];
    const refused: string[] = [];
    for (const procedure of lists) {
      const [base] = fc.sample(validValue(procedure.schema ?? {}, ids, "", true), {
        seed: seedOf("cursor", procedure.path),
        numRuns: 1,
      });
      for (const cursor of bad) {
        const answer = await call(
          procedure.type,
          [procedure.path],
          [payloadOf({ ...withOwn(procedure, base as object), cursor })],
          procedure.path.startsWith("admin.") ? admin.accessToken : client.accessToken,
        );
        const item = answer.items[0];
        expect(item?.ok, `${procedure.path} accepted cursor ${cursor}`).toBe(false);
        expect(TYPED.has(item?.code ?? ""), `${procedure.path}: ${item?.code}`).toBe(true);
        if (item?.code === "BAD_REQUEST" && item.message?.startsWith("This page cursor is invalid"))
          refused.push(procedure.path);
      }
    }
    const named = [...new Set(refused)];
    console.log(
      `cursor checks: ${named.length} of ${lists.length} lists answered "cursor is invalid" (${named.join(", ")})`,
    );
    // Every list reads the cursor and names it: none is refused before its pager.
    expect(lists.map((procedure) => procedure.path).filter((path) => !named.includes(path))).toEqual([]);
  });

  it("answers mixed batches item by item, each typed", async () => {
    problems.length = 0;
    const scene = await scenes.scene("public");
    const ids = knownIds(scene);
    const { client } = await scenes.clientAs(scene, "member");
    await settle();
    for (const type of ["query", "mutation"] as const) {
      const ofType = procedures.filter((procedure) => procedure.type === type);
      const [picks] = fc.sample(fc.shuffledSubarray(ofType, { minLength: 8, maxLength: 12 }), {
        seed: seedOf("batch", type),
        numRuns: 1,
      });
      const chosen = picks ?? [];
      const payloads = chosen.map((procedure, i) => {
        const arbitrary =
          i % 2 || !procedure.schema ? hostileValue(procedure.schema, ids) : validValue(procedure.schema, ids);
        const [value] = fc.sample(arbitrary, { seed: seedOf("batch", procedure.path), numRuns: 1 });
        return payloadOf(value);
      });
      await probe(
        `${type} batch`,
        type,
        chosen.map((procedure) => procedure.path),
        payloads,
        client.accessToken,
      );
      // A query called in a mutation's batch (and the reverse) is refused item by item.
      const other = procedures.find((procedure) => procedure.type !== type);
      if (other) await probe(`mixed ${type}`, type, [chosen[0]?.path ?? "", other.path], [{}, {}], client.accessToken);
    }
    console.log(`fuzz seed ${SEED}: ${counts.batches} batches, ${problems.length} problems`);
    expect(problems).toEqual([]);
  });
});
