export * from "./accounts.js";
export * from "./clubs.js";
