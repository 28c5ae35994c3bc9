export * from "./actions.js";
export * from "./rules.js";
export * from "./schemas.js";
