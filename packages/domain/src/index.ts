export * from "./accounts/index.js";
export * from "./clubs/index.js";
