// What the server's declarations name but a client never sees: put in place of
// apps/server's context module in the client's type bundle (rollup.types.config.mjs).
// A procedure's context (database, mailer, request…) and its meta are the server's own.
export type Context = object;
export type ProcedureMeta = object;
