import { startTestServer, startWebhookReceiver } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { eventually, shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";

// Webhooks to loopback are for tests only (docs/webhooks.md): the receiver listens on 127.0.0.1.
// The job workers run too: they deliver the webhook.
const server = await startTestServer({
  jobs: true,
  env: { WEB_DIST_DIR: webDist, WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true" },
});
const receiver = await startWebhookReceiver();
const browser = await launchBrowser();

/** A plain REST call with a personal access token, as a script in any language would make it (docs/api.md). */
const myClubs = (token: string) =>
  fetch(new URL("/api/v1/clubs?mine=true", server.url), { headers: { Authorization: `Bearer ${token}` } });

describe("API access from the web app", () => {
  it("a member makes a token, calls the REST API with it, revokes it; a club admin registers a webhook", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const member = await signUp(context, "tess");
    const errors: string[] = [];
    member.on("pageerror", (error) => errors.push(error.message));

    // Tess finds her tokens from her settings and makes one for a reading bot.
    await member.goto("/settings/profile");
    await member.getByRole("link", { name: "API tokens" }).click();
    await shows(member.getByRole("heading", { name: "API tokens" }));
    await shows(member.getByText("No token yet."));
    await member.getByRole("button", { name: "Make token" }).click();
    await shows(member.getByText("Name the token"));
    await member.getByLabel("Name").fill("Reading bot");
    await member.getByLabel("Report my reading progress").check();
    await member.getByRole("button", { name: "Make token" }).click();
    const secret = member.getByLabel("Your new token");
    await shows(secret);
    const token = await secret.inputValue();
    expect(token).toMatch(/^bky_/);
    await member.getByRole("button", { name: "Copy token" }).click();
    await shows(member.getByText("Copied. Keep it secret, like a password."));
    expect(await member.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await shows(member.getByText("read, progress:write", { exact: false }));
    await checkPage(member, "api-tokens");

    // The token works with plain REST, and the list notes its use.
    const before = await myClubs(token);
    expect(before.status).toBe(200);
    await member.reload();
    await shows(member.getByText("last used", { exact: false }));
    // Shown once: after a reload the token itself is nowhere on the page.
    await expect.poll(() => member.getByLabel("Your new token").count()).toBe(0);

    // Revoking asks first and stops the token at once.
    await member.getByRole("button", { name: "Revoke Reading bot" }).click();
    await member.getByRole("button", { name: "Revoke", exact: true }).click();
    await shows(member.getByText("Revoked", { exact: false }));
    expect((await myClubs(token)).status).toBe(401);

    // As the owner of a club, Tess registers a webhook to the club's bot.
    await member.goto("/clubs/new");
    await member.getByLabel("Name", { exact: true }).fill("Hook Readers");
    await member.getByLabel("We meet online").check();
    await member.getByRole("button", { name: "Create club" }).click();
    await shows(member.getByRole("heading", { name: "Hook Readers" }));
    await member.getByRole("link", { name: "Edit club" }).click();
    await member.getByRole("link", { name: "Webhooks" }).click();
    await shows(member.getByRole("heading", { name: "Webhooks", exact: true }));
    await shows(member.getByText("No webhook yet."));
    await member.getByLabel("Address").fill(receiver.url);
    await member.getByLabel("Description (optional)").fill("Our bot");
    await member.getByLabel("Format").selectOption("discord");
    await member.getByRole("button", { name: "Register webhook" }).click();
    const signing = member.getByLabel("Its signing secret");
    await shows(signing);
    expect(await signing.inputValue()).toMatch(/^whsec_/);
    const hooks = member.getByRole("list", { name: "The club's webhooks" });
    await shows(hooks.getByText(receiver.url));
    await shows(hooks.getByText("Enabled · Discord message", { exact: false }));
    await member.getByText("Delivery log").click();
    await shows(member.getByText("Nothing sent yet."));
    await checkPage(member, "club-webhook-registered");
    const webhooksPath = new URL(member.url()).pathname;

    // A new thread in the club reaches the receiver, signed, and the delivery log says so.
    await member.goto(webhooksPath.replace(/webhooks$/, "discussion"));
    await member.getByLabel("Title").fill("Who brings the snacks?");
    await member.getByLabel("Post (Markdown)").fill("I can bring **biscuits**.");
    await member.getByRole("button", { name: "Post thread" }).click();
    await shows(member.getByRole("link", { name: "Who brings the snacks?" }));
    await expect.poll(() => receiver.received.length, eventually).toBe(1);
    expect(receiver.received[0]?.headers["webhook-signature"]).toMatch(/^v1,/);
    await member.goto(webhooksPath);
    const deliveryLog = async () => {
      await member.reload();
      await member.getByText("Delivery log").click();
      const log = member.getByRole("list", { name: "Delivery log" });
      await log.or(member.getByText("Nothing sent yet.")).waitFor();
      return (await log.count()) > 0 ? ((await log.textContent()) ?? "") : "";
    };
    await expect.poll(deliveryLog, eventually).toContain("delivered · 1 attempt · last answer 200");
    await shows(member.getByText("thread.created", { exact: false }).last());
    await checkPage(member, "club-webhook-delivered");

    // Paused, then deleted after a confirmation.
    const manage = member.getByRole("group", { name: `Manage ${receiver.url}` });
    await manage.getByRole("button", { name: "Disable" }).click();
    await shows(hooks.getByText("Disabled since", { exact: false }));
    await manage.getByRole("button", { name: "Enable" }).click();
    await shows(hooks.getByText("Enabled · Discord message", { exact: false }));
    await manage.getByRole("button", { name: "Delete" }).click();
    await manage.getByRole("button", { name: "Delete" }).click();
    await shows(member.getByText("No webhook yet."));

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
