export * from "./date-polls.js";
export * from "./milestones.js";
