import { startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, webDist } from "./browser.js";
import { shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();

describe("running a private club", () => {
  it("a reader asks to join, the owner approves, promotes her, edits the club and archives it", async () => {
    const ownerContext = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const readerContext = await browser.newContext({ baseURL: server.url, viewport: PHONE });
    const owner = await signUp(ownerContext, "oscar");
    const reader = await signUp(readerContext, "rosa");
    const errors: string[] = [];
    for (const page of [owner, reader]) page.on("pageerror", (error) => errors.push(error.message));

    await owner.goto("/clubs/new");
    await owner.getByLabel("Name", { exact: true }).fill("Night Owls");
    await owner.getByLabel("Description").fill("We read after midnight.");
    await owner.getByLabel("We meet online").check();
    await owner.getByLabel("By request or invitation (private)").check();
    await owner.getByRole("button", { name: "Create club" }).click();
    await shows(owner.getByRole("heading", { name: "Night Owls" }));
    await shows(owner.getByText("No one is waiting."));

    // Rosa finds it in the directory with the filters, and asks to join.
    await reader.getByRole("link", { name: "Clubs", exact: true }).click();
    await reader.getByLabel("Who can join").selectOption("private");
    await reader.getByLabel("Meets").selectOption("online");
    await reader.getByRole("searchbox", { name: "Search" }).fill("owls");
    await reader.getByRole("link", { name: "Night Owls" }).click();
    await shows(reader.getByText("This club is private"));
    await reader.getByRole("button", { name: "Ask to join" }).click();
    await shows(reader.getByText("Request sent. An admin of the club will decide."));

    // Oscar approves the request; Rosa is a member.
    await owner.reload();
    await owner.getByRole("group", { name: "Request from Rosa" }).getByRole("button", { name: "Approve" }).click();
    await shows(owner.getByRole("link", { name: "Rosa" }));
    await shows(owner.getByText("No one is waiting."));
    await shows(owner.getByRole("heading", { name: "Members (2)" }));

    // He makes her an admin; she now sees the admin tools.
    await owner.getByRole("group", { name: "Manage Rosa" }).getByRole("button", { name: "Make admin" }).click();
    await shows(owner.getByRole("group", { name: "Manage Rosa" }).getByRole("button", { name: "Make member" }));
    await reader.reload();
    await shows(reader.getByRole("heading", { name: "Members (2)" }));
    await shows(reader.getByRole("link", { name: "Edit club" }));
    await shows(reader.getByRole("button", { name: "Leave club" }));
    await checkPage(owner, "club-admin-page");

    // Oscar edits the club: the form checks the same rules as the server before sending.
    await owner.getByRole("link", { name: "Edit club" }).click();
    await shows(owner.getByRole("heading", { name: "Edit club" }));
    await owner.getByLabel("Name", { exact: true }).fill("Night Owls Society");
    await owner.getByLabel("Member limit").fill("1");
    await owner.getByRole("button", { name: "Save changes" }).click();
    await shows(owner.getByText("At least 2 members"));
    await owner.getByLabel("Member limit").fill("12");
    await owner.getByLabel("We meet online").uncheck();
    await owner.getByRole("button", { name: "Save changes" }).click();
    await shows(owner.getByText("Give a location, or mark the club as online"));
    await owner.getByLabel("Where you meet").fill("The all-night café");
    await checkPage(owner, "club-edit");
    await owner.getByRole("button", { name: "Save changes" }).click();
    await shows(owner.getByRole("heading", { name: "Night Owls Society" }));
    await shows(owner.getByText("The all-night café · 2 of 12 members", { exact: false }));

    // Archiving asks first, then hides the club from the directory.
    await owner.getByRole("link", { name: "Edit club" }).click();
    await owner.getByRole("button", { name: "Archive club" }).click();
    await owner.getByRole("button", { name: "Yes, archive it" }).click();
    await shows(owner.getByText(/^Archived on/));
    await reader.goto("/clubs");
    await reader.getByRole("searchbox", { name: "Search" }).fill("owls");
    await shows(reader.getByText("No club matches."));

    // Oscar hands the club to Rosa and stays on as an admin, free to leave.
    await owner.getByRole("link", { name: "Night Owls Society" }).click();
    await owner.getByRole("group", { name: "Manage Rosa" }).getByRole("button", { name: "Make owner" }).click();
    await owner.getByRole("button", { name: "Transfer ownership" }).click();
    await shows(owner.getByText("Admin (you)"));
    await shows(owner.getByRole("button", { name: "Leave club" }));
    await owner.getByRole("button", { name: "Leave club" }).click();
    await owner.getByRole("button", { name: "Leave", exact: true }).click();
    await shows(owner.getByText("This club is private"));
    await reader.goto("/");
    await reader.getByRole("link", { name: "Night Owls Society" }).click();
    await shows(reader.getByRole("heading", { name: "Members (1)" }));
    await shows(reader.getByText("Owner (you)"));

    expect(errors).toEqual([]);
    await ownerContext.close();
    await readerContext.close();
  });
});
