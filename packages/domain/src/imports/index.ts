export * from "./constants.js";
export * from "./normalize.js";
