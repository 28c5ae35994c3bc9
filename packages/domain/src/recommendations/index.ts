export * from "./neighbours.js";
export * from "./schemas.js";
export * from "./signals.js";
