export * from "./reminders.js";
export * from "./schemas.js";
export * from "./status.js";
