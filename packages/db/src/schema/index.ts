export * from "./accounts.js";
export * from "./books.js";
export * from "./calendar.js";
export * from "./clubs.js";
export * from "./friends.js";
export * from "./meetings.js";
export * from "./progress.js";
