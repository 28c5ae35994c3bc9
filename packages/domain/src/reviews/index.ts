export * from "./lexrank.js";
export * from "./ratings.js";
export * from "./schemas.js";
export * from "./summary.js";
export * from "./text.js";
