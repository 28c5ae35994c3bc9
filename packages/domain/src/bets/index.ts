export * from "./betting.js";
export * from "./payout.js";
export * from "./points.js";
export * from "./schemas.js";
export * from "./scores.js";
