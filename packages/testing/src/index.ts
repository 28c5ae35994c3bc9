/**
 * Booky's generic test tooling, independent of the server (which devDepends
 * on this package): see docs/testing.md. The Booky server on top of it,
 * `startTestServer`, is `@booky/server/testing` (apps/server/test/testing.ts).
 */
export { chromiumLaunchOptions } from "./chromium.js";
export { createTestDatabase, fileDatabase, prepareTemplateDatabase, type TestDatabase } from "./database.js";
export { type MemberDetails, newMember } from "./members.js";
export { type ScriptedAnswer, type SeenRequest, scriptedServer } from "./scripted-server.js";
export { resetLinkIn, startSmtpInbox } from "./smtp-inbox.js";
export { type ClientOptions, createTestClient, rejectionOf, type TestClient } from "./trpc-client.js";
