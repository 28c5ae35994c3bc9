export * from "./mentions.js";
export * from "./schemas.js";
export * from "./spoilers.js";
