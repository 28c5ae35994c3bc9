export * from "./pagination.js";
export * from "./pending.js";
