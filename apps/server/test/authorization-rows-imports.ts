import type { Scene, SceneUser } from "./authorization-fixture.js";
import { type Case, outcomes, personal, signedIn } from "./authorization-rows.js";
import { importOf } from "./scene-objects.js";

const SIGNED_IN = ["outsider", "member", "clubAdmin", "owner", "siteAdmin"] as const;
const me = (scene: Scene, actor: SceneUser | null) => actor ?? scene.people.outsider;

/** Imports and exports: the caller's own, or NOT_FOUND. */
export function importsRows(): Record<string, Case | Case[]> {
  const notFoundForAll = outcomes({ NOT_FOUND: [...SIGNED_IN] });
  const mine = { prepare: (s: Scene, actor: SceneUser | null) => importOf(s, me(s, actor)) };
  const someoneElses = { label: "someone else's import", prepare: (s: Scene) => importOf(s, s.people.stranger) };
  return {
    "imports.get": [
      personal(signedIn, mine, (t, _, p) => t.imports.get.query({ importId: p.importId })),
      personal(notFoundForAll, someoneElses, (t, _, p) => t.imports.get.query({ importId: p.importId })),
    ],
    "imports.list": personal(signedIn, (t) => t.imports.list.query({})),
    "imports.failures": [
      personal(signedIn, mine, (t, _, p) => t.imports.failures.query({ importId: p.importId })),
      personal(notFoundForAll, someoneElses, (t, _, p) => t.imports.failures.query({ importId: p.importId })),
    ],
    "imports.failuresCsv": [
      personal(signedIn, mine, (t, _, p) => t.imports.failuresCsv.query({ importId: p.importId })),
      personal(notFoundForAll, someoneElses, (t, _, p) => t.imports.failuresCsv.query({ importId: p.importId })),
    ],
    "imports.retryRow": [
      personal(signedIn, mine, (t, s, p) => t.imports.retryRow.mutate({ rowId: p.rowId, bookId: s.book.id })),
      personal(notFoundForAll, someoneElses, (t, s, p) =>
        t.imports.retryRow.mutate({ rowId: p.rowId, bookId: s.book.id }),
      ),
    ],
    "imports.exportGoodreads": personal(signedIn, (t) => t.imports.exportGoodreads.query()),
    "imports.exportJson": personal(signedIn, (t) => t.imports.exportJson.query()),
  };
}
