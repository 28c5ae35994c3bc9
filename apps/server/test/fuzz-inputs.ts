import fc from "fast-check";
import { type ZodType, z } from "zod";

/**
 * Inputs for the schema-driven fuzz test (fuzz.test.ts), read from each
 * procedure's zod input schema through zod 4's own JSON Schema export and
 * generated with fast-check, so a new procedure is fuzzed as soon as it is
 * mounted. Valid-looking values use the scene's real ids where a field names
 * one; hostile values are a valid one with one part broken.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
  "x-date"?: boolean;
}

/** A procedure's inputs (builders add `clubId` / `meetingId`, the router the rest) as one JSON Schema. */
export function inputSchemaOf(inputs: readonly unknown[]): JsonSchema | null {
  if (inputs.length === 0) return null;
  const schemas = inputs.map((input) =>
    z.toJSONSchema(input as ZodType, {
      io: "input",
      unrepresentable: "any",
      override(context) {
        if (context.zodSchema._zod.def.type === "date") context.jsonSchema["x-date"] = true;
      },
    }),
  ) as JsonSchema[];
  if (schemas.length === 1) return schemas[0] ?? null;
  return { allOf: schemas };
}

/** The real ids of the scene under test, by the field names that carry them. */
export interface KnownIds {
  clubId: string;
  meetingId: string;
  bookId: string;
  userIds: string[];
  /** A real cursor of some list (probably not the one being called). */
  cursors: string[];
}

const idFields: Record<string, (ids: KnownIds) => string[]> = {
  clubId: (ids) => [ids.clubId],
  meetingId: (ids) => [ids.meetingId],
  bookId: (ids) => [ids.bookId],
  userId: (ids) => ids.userIds,
  horseId: (ids) => ids.userIds,
  toUserId: (ids) => ids.userIds,
};

const soon = () => fc.date({ min: new Date(Date.now() + 86_400_000), max: new Date(Date.now() + 200 * 86_400_000) });

/**
 * Arbitraries are pure (the same seed draws the same values from any instance), so each is built once per schema,
 * scene ids, field and mode: the fuzz asks for the same procedure's values up to seven times per scene, and building
 * some (a regular expression's, a URL's) costs far more than drawing from them.
 */
const built = new WeakMap<JsonSchema, WeakMap<KnownIds, Map<string, fc.Arbitrary<unknown>>>>();
const sharedArbitraries = new Map<string, fc.Arbitrary<string>>();

/** The value under `key`, made by `make` the first time. */
function once<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}
const shared = (key: string, make: () => fc.Arbitrary<string>) => once(sharedArbitraries, key, make);

/** Valid-looking values of `schema` (refinements aside: those are the server's to judge). */
export function validValue(schema: JsonSchema, ids: KnownIds, field = "", full = false): fc.Arbitrary<unknown> {
  const byIds = once(built, schema, () => new WeakMap<KnownIds, Map<string, fc.Arbitrary<unknown>>>());
  const byField = once(byIds, ids, () => new Map<string, fc.Arbitrary<unknown>>());
  return once(byField, `${full}:${field}`, () => buildValid(schema, ids, field, full));
}

function buildValid(schema: JsonSchema, ids: KnownIds, field: string, full: boolean): fc.Arbitrary<unknown> {
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => validValue(part, ids, field, full));
    return fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter((v) => typeof v === "object")));
  }
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validValue(choice, ids, field, full)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ("const" in schema) return fc.constant(schema.const);
  if (schema["x-date"]) return soon();
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = Math.max(schema.minimum ?? -1000, -1_000_000);
      const max = Math.min(schema.maximum ?? 1000, 1_000_000);
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max: Math.max(min, max) }));
    }
    case "array": {
      const items = schema.items ? validValue(schema.items, ids, field, full) : fc.anything();
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    }
    case "object": {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, validValue(value, ids, key, full)]),
      );
      return fc.record(properties, { requiredKeys: full ? Object.keys(properties) : (schema.required ?? []) });
    }
    case "string":
      return stringValue(schema, ids, field, full);
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

function stringValue(schema: JsonSchema, ids: KnownIds, field: string, full: boolean): fc.Arbitrary<string> {
  const known = idFields[field]?.(ids);
  if (schema.format === "uuid" && known && full) return fc.constantFrom(...known);
  if (schema.format === "uuid") return known ? fc.oneof(fc.constantFrom(...known), fc.uuid()) : fc.uuid();
  if (field === "cursor" && ids.cursors.length > 0) return fc.constantFrom(...ids.cursors);
  if (schema.format === "email") return shared("email", () => fc.emailAddress().filter((email) => email.length < 100));
  if (schema.format === "uri") return shared("uri", () => fc.webUrl());
  const { pattern } = schema;
  if (pattern)
    return shared(`pattern:${pattern}`, () => fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= 300));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return fc.string({ minLength, maxLength });
}

/** Strings a hostile client sends: control characters, oversize, odd Unicode, SQL, tampered cursors. */
function hostileStrings(schema: JsonSchema): string[] {
  const max = schema.maxLength ?? 200;
  return [
    "\u0000",
    "a\u0000b",
    "name\u0007\u001b[31m",
    "\u007f\u0085",
    "",
    " ".repeat(5),
    "x".repeat(max + 1),
    "y".repeat(Math.max(0, (schema.minLength ?? 1) - 1)),
    "\ud800",
    "😀".repeat(max),
    "'; drop table users; --",
    "%00",
    "+275760-09-13T00:00:00.000Z",
    "-000001-01-01T00:00:00Z",
    Buffer.from(JSON.stringify(["bets.mine", "x", "not-a-uuid"])).toString("base64url"),
    Buffer.from(JSON.stringify(["clubs.list", "\u0000", "00000000-0000-0000-0000-000000000000"])).toString("base64url"),
    Buffer.from(JSON.stringify(["friends.list", 1e308, "1"])).toString("base64url"),
    Buffer.from("[[[[[[[[[[").toString("base64url"),
    "!!!not base64!!!",
  ];
}

const wrongTypes: unknown[] = [
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53 + 2,
  true,
  [],
  {},
  "0",
  new Date(Number.NaN),
  new Date("+100000-01-01T00:00:00Z"),
  new Date("0001-01-01T00:00:00Z"),
  BigInt("123456789012345678901234567890"),
  new Map([["a", 1]]),
  new Set([1]),
  undefined,
];

function deep(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Every path to a value inside `value` (the root included). */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix];
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) paths.push(...pathsOf(inner, [...prefix, key]));
  }
  return paths;
}

function replaceAt(value: unknown, path: string[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head] = replaceAt(copy[head], rest, next);
  return copy;
}

function schemaAt(schema: JsonSchema | null, path: string[]): JsonSchema {
  let current: JsonSchema | undefined = schema ?? {};
  for (const key of path) {
    const options: JsonSchema[] = [
      ...(current?.allOf ?? []),
      ...(current?.anyOf ?? []),
      ...(current?.oneOf ?? []),
      ...(current ? [current] : []),
    ];
    current = options.map((option) => option.properties?.[key] ?? option.items).find(Boolean);
    if (!current) return {};
  }
  return current ?? {};
}

/**
 * The huge and deep replacements, made once: each is the same object wherever it lands, so its superjson form is
 * made once too (payloadOf in fuzz.test.ts), not walked again inside every value it breaks.
 */
export const huge: readonly unknown[] = [
  "z".repeat(200_000),
  Array.from({ length: 20_000 }, (_, i) => i),
  { ...Array(2000).fill("k") },
];
export const nested: readonly unknown[] = [
  deep(2000),
  deep(50),
  JSON.parse('{"__proto__": {"isAdmin": true}}'),
  { constructor: { prototype: { x: 1 } } },
];

/** A valid-looking value with one part broken: wrong type, hostile string, boundary number, huge or deep. */
export function hostileValue(schema: JsonSchema | null, ids: KnownIds): fc.Arbitrary<unknown> {
  const base = schema ? validValue(schema, ids) : fc.constant(undefined);
  return fc.tuple(base, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 5 })).map(([value, pathPick, pick, kind]) => {
    const paths = pathsOf(value);
    const path = paths[pathPick % paths.length] ?? [];
    const at = schemaAt(schema, path);
    const strings = hostileStrings(at);
    const replacements: (readonly unknown[])[] = [
      strings,
      wrongTypes,
      [(at.minimum ?? 0) - 1, (at.maximum ?? 0) + 1, -0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
      huge,
      nested,
      [crypto.randomUUID(), "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
    ];
    const pool = replacements[kind] ?? strings;
    return replaceAt(value, path, pool[pick % pool.length]);
  });
}

/** superjson `meta` that lies about the JSON it describes, or tries to reach prototypes. */
export const metaTricks: unknown[] = [
  { values: ["Date"] },
  { values: ["bigint"] },
  { values: ["set"] },
  { values: ["map"] },
  { values: ["undefined"] },
  { values: ["regexp"] },
  { values: [["class", "Nope"]] },
  { values: [["custom", "nope"]] },
  JSON.parse('{"values": {"__proto__": ["Date"]}}'),
  { values: { "constructor.prototype": ["set"] } },
  { values: { "__proto__.polluted": ["Date"] } },
  { referentialEqualities: { "": ["a", "a.b"] } },
  { referentialEqualities: { "__proto__.x": ["constructor"] } },
  { values: "not an object" },
  "not an object",
  { v: 99 },
];

/**
 * One field broken at a time, the rest valid and every optional field given:
 * NUL in each text, and each timestamp a year outside PostgreSQL's taste.
 * Random breakage alone would rarely hit the one text field of a big input.
 */
export function fieldByFieldValues(schema: JsonSchema | null, ids: KnownIds, seed: number): unknown[] {
  if (!schema) return [];
  const broken: unknown[] = [];
  for (const value of fc.sample(validValue(schema, ids, "", true), { seed, numRuns: 2 }))
    for (const path of pathsOf(value).filter((path) => path.length > 0)) {
      const at = schemaAt(schema, path);
      const leaf = path.reduce<unknown>((inner, key) => (inner as Record<string, unknown>)?.[key], value);
      if (typeof leaf === "string") broken.push(replaceAt(value, path, `${leaf.slice(0, 3)}\u0000${leaf.slice(3)}`));
      if (leaf instanceof Date || at["x-date"]) {
        broken.push(replaceAt(value, path, new Date("+010000-01-01T00:00:00Z")));
        broken.push(replaceAt(value, path, new Date("-000001-01-01T00:00:00Z")));
      }
    }
  return broken;
}
