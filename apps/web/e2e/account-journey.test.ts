import { startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { launchBrowser, webDist } from "./browser.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist, COOKIE_SECURE: "true" } });
const browser = await launchBrowser();

describe("a new member's first visit", () => {
  it("signs up, logs out, logs back in and edits the profile", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto("/");
    await page.getByRole("link", { name: "Start reading together" }).click();
    await expect.poll(() => page.url()).toContain("/sign-up");

    // The form validates with the server's own rules before sending anything.
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => page.getByText("Enter a valid e-mail address").isVisible()).toBe(true);

    await page.getByLabel("E-mail").fill("marguerite@example.com");
    await page.getByLabel("Username").fill("marguerite");
    await page.getByLabel("Display name").fill("Marguerite Duras");
    await page.getByLabel("Password").fill("password1");
    await page.getByRole("button", { name: "Sign up" }).click();
    // A breached password is refused by the server, and the message sits under the field.
    await expect.poll(() => page.getByText("lists of breached passwords").isVisible()).toBe(true);
    await checkPage(page, "sign-up-errors");

    await page.getByLabel("Password").fill("the lover of north china");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Welcome back, Marguerite Duras" }).isVisible())
      .toBe(true);

    // The access token lives in memory only: a reload restores it from the HttpOnly cookie.
    await page.reload();
    await expect
      .poll(() => page.getByRole("heading", { name: "Welcome back, Marguerite Duras" }).isVisible())
      .toBe(true);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "booky_refresh")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
    });

    await page.getByRole("button", { name: "Log out" }).click();
    await expect.poll(() => page.url()).toContain("/log-in");

    // A members-only page sends you to log in, then back where you were.
    await page.goto("/settings/profile");
    await expect.poll(() => page.url()).toContain("/log-in?next=%2Fsettings%2Fprofile");
    await page.getByLabel("E-mail").fill("marguerite@example.com");
    await page.getByLabel("Password").fill("wrong password here");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.getByText("E-mail or password is incorrect").isVisible()).toBe(true);
    await checkPage(page, "log-in-error");
    await page.getByLabel("Password").fill("the lover of north china");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Your settings" }).isVisible()).toBe(true);

    await page.getByLabel("Display name").fill("M. Duras");
    await page.getByLabel("Bio").fill("Writes at night; reads at dawn.");
    await page.getByLabel("Avatar URL").fill("not a url");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByText("Avatar must be an http(s) URL").isVisible()).toBe(true);
    await page.getByLabel("Avatar URL").fill("");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByText("Profile saved.").isVisible()).toBe(true);
    await checkPage(page, "settings");

    await page.getByRole("link", { name: "See your public profile" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "M. Duras" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Writes at night; reads at dawn.").isVisible()).toBe(true);
    await checkPage(page, "member-profile");

    await page.goto("/no-such-page");
    await expect.poll(() => page.getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
    await checkPage(page, "not-found");

    expect(errors).toEqual([]);
    await context.close();
  });
});
