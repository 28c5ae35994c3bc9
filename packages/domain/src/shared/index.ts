export * from "./pagination.js";
export * from "./pending.js";
export * from "./time-zone.js";
