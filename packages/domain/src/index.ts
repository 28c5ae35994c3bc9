export * from "./accounts/index.js";
export * from "./bets/index.js";
export * from "./books/index.js";
export * from "./clubs/index.js";
export * from "./friends/rules.js";
export * from "./meetings/index.js";
export * from "./progress/rules.js";
export * from "./shared/index.js";
