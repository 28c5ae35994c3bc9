export * from "./neighbours.js";
export * from "./schemas.js";
