export * from "./kinds.js";
