export * from "./pagination.js";
export * from "./pending.js";
export * from "./inputs.js";
