export * from "./roles.js";
export * from "./schemas.js";
export * from "./slug.js";
