import { initTRPC, TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

/**
 * Booky's patch of `@trpc/server` (patches/, docs/testing.md): a zod schema validates a procedure's input and
 * output on zod's synchronous walk, where zod 4 runs its compiled fast path for objects, and goes to `parseAsync`
 * only when the schema meets async work. The answers and the errors are the ones `parseAsync` gives.
 */
const t = initTRPC.create();

const bookInput = z.object({ title: z.string().min(1), pages: z.int().positive() });
const bookOutput = z.object({ title: z.string(), pages: z.int(), readAt: z.date().nullable() });

const router = t.router({
  add: t.procedure
    .input(bookInput)
    .output(bookOutput)
    .query(({ input }) => ({ ...input, readAt: null })),
  // A refinement that awaits: zod cannot run it on its synchronous walk.
  checked: t.procedure
    .input(z.object({ title: z.string() }).refine(async (book) => book.title !== "forbidden", "not this one"))
    .output(z.object({ title: z.string() }).transform(async (book) => ({ title: book.title.toUpperCase() })))
    .query(({ input }) => input),
});
const caller = t.createCallerFactory(router)({});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error as TRPCError,
  );

describe("zod validation through tRPC", () => {
  it("parses a synchronous schema without its async path", async () => {
    const inputAsync = vi.spyOn(bookInput, "parseAsync");
    const outputAsync = vi.spyOn(bookOutput, "parseAsync");
    const inputSync = vi.spyOn(bookInput, "parse");

    expect(await caller.add({ title: "Dune", pages: 412 })).toEqual({ title: "Dune", pages: 412, readAt: null });
    expect(inputSync).toHaveBeenCalledTimes(1);
    expect(inputAsync).not.toHaveBeenCalled();
    expect(outputAsync).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it("rejects bad input with the issues parseAsync would give", async () => {
    const bad = { title: "", pages: -3 };
    const error = await failure(caller.add(bad));
    expect(error).toBeInstanceOf(TRPCError);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(z.ZodError);
    const expected = await bookInput.parseAsync(bad).catch((cause: z.ZodError) => cause.issues);
    expect((error.cause as z.ZodError).issues).toEqual(expected);
    expect((error.cause as z.ZodError).issues.map((issue) => issue.path)).toEqual([["title"], ["pages"]]);
  });

  it("falls back to parseAsync for a schema with async work, in and out", async () => {
    expect(await caller.checked({ title: "dune" })).toEqual({ title: "DUNE" });

    const error = await failure(caller.checked({ title: "forbidden" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as z.ZodError).issues[0]?.message).toBe("not this one");
  });
});
