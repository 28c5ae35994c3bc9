export * from "./isbn.js";
export * from "./schemas.js";
export * from "./search.js";
