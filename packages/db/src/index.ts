export * from "./client.js";
export * from "./database-url.js";
export * from "./embedded.js";
export * from "./migrate.js";
export * from "./paths.js";
export * as schema from "./schema/index.js";
export * from "./schema/index.js";
export * from "./seed/demo.js";
