export * from "./credentials.js";
export * from "./password-hashing.js";
export * from "./schemas.js";
