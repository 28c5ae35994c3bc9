export * from "./clubs.js";
export * from "./neighbours.js";
export * from "./people.js";
export * from "./schemas.js";
export * from "./signals.js";
