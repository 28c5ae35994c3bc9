export * from "./kinds.js";
export * from "./sentences.js";
