export * from "./constants.js";
export * from "./lending.js";
export * from "./rules.js";
export * from "./schemas.js";
