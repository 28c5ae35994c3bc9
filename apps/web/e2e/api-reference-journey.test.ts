import { signedUpClient, startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, keepScreenshot, launchBrowser, webDist } from "./browser.js";
import { watchConsole } from "./console-watch.js";
import { eventually, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();

describe("the API reference page", () => {
  it("opens from the footer, renders every operation of the document under the strict CSP and tries one out", async () => {
    const reader = await signedUpClient(server, { username: "refreader" });
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { summary: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

    const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP, locale: "en-US" });
    const page = await context.newPage();
    // A CSP refusal is logged as a console error ("Refused to load…"): it would land here.
    const problems = watchConsole(page);

    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "API reference" }).click();
    await expect.poll(() => new URL(page.url()).pathname, eventually).toBe("/api/docs");
    await shows(page.getByRole("heading", { name: /Booky API/ }));
    const progress = page.locator(".opblock").filter({ hasText: "/meetings/{meetingId}/progress" });
    await shows(progress.filter({ hasText: "Report the page reached" }));
    await expect.poll(() => page.locator(".opblock").count(), eventually).toBe(operations.length);
    await checkPage(page, "api-reference-index");

    // Served by Booky itself under its own policy: scripts from 'self' only, no CDN.
    const answer = await fetch(`${server.url}/api/docs`);
    expect(answer.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await answer.text()).not.toContain("<script>");
    const external = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((url) => new URL(url).origin !== location.origin),
    );
    expect(external).toEqual([]);

    // Try it out: the page calls the REST API (same origin, connect-src 'self') and shows the answer.
    const profile = page.locator(".opblock").filter({ hasText: "/users/{username}" });
    await profile.locator(".opblock-summary-control").click();
    await profile.getByRole("button", { name: "Try it out" }).click();
    await profile.getByPlaceholder("username").fill(reader.user.username);
    await profile.getByRole("button", { name: "Execute" }).click();
    await shows(profile.locator(".live-responses-table .response-col_status").filter({ hasText: "200" }));
    await shows(profile.locator(".live-responses-table").getByText(`"username": "${reader.user.username}"`));
    await keepScreenshot(page, "api-reference");
    await checkPage(page, "api-reference-try-it-out");

    expect(problems).toEqual([]);
  });
});
