export * from "./milestones.js";
