export * from "./schemas.js";
export * from "./tally.js";
