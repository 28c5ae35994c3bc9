/**
 * `@booky/server/testing`: the Booky server under test, for other packages'
 * tests (the web's browser journeys). Generic tooling (test databases, tRPC
 * clients, the SMTP inbox) is `@booky/testing`; this adds what needs the
 * server's own code: `startTestServer` and its Booky-specific helpers.
 */

export { DEMO_PASSWORD, demoUsers } from "@booky/db";
export { seedDemoCommunity } from "../src/demo/community.js";
export { enqueueJob } from "../src/services/jobs.js";
export { catalogBook, seededCatalog } from "./catalog.js";
export { bookClub } from "./discussions-support.js";
export * from "./fake-google-books.js";
export { fastGoogleEnv, serverWithFakeGoogle } from "./google-books-support.js";
export * from "./harness.js";
export { secondServerProcess } from "./live-support.js";
export { moderatedClub, siteAdminClient } from "./moderation-support.js";
export { copyOf, readers, shareClub } from "./shelves-support.js";
export { startWebhookReceiver } from "./webhook-receiver.js";
