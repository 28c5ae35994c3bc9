import { catalogBook, startTestServer } from "@booky/server/testing";
import { addMonths, setDate } from "date-fns";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, webDist } from "./browser.js";
import { barValue, eventually, shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();
await catalogBook(server, { title: "Madame Bovary", authors: ["Gustave Flaubert"], pageCount: 320 });

/** The 14th of next month at 19:00 local time, as a datetime-local value and as a Date. */
function nextMonthEvening() {
  const day = setDate(addMonths(new Date(), 1), 14);
  day.setHours(19, 0, 0, 0);
  const pad = (value: number) => String(value).padStart(2, "0");
  const local = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T19:00`;
  return { local, date: day };
}

describe("reading with a friend", () => {
  it("two readers become friends, share a private club and a meeting, and watch each other's bars move", async () => {
    const hostContext = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const guestContext = await browser.newContext({ baseURL: server.url, viewport: PHONE });
    await hostContext.grantPermissions(["clipboard-read", "clipboard-write"]);
    const host = await signUp(hostContext, "emma");
    const guest = await signUp(guestContext, "leon");
    const errors: string[] = [];
    for (const page of [host, guest]) page.on("pageerror", (error) => errors.push(error.message));

    // Friends first: Emma asks, Léon accepts on his friends page.
    await host.getByRole("link", { name: "Friends", exact: true }).click();
    await shows(host.getByText("No friends yet."));
    await host.getByLabel("Their username").fill("nobody_here");
    await host.getByRole("button", { name: "Send friend request" }).click();
    await shows(host.getByText("No member is called @nobody_here"));
    await host.getByLabel("Their username").fill("leon");
    await host.getByRole("button", { name: "Send friend request" }).click();
    await shows(host.getByText("Friend request sent to @leon."));
    await shows(host.getByRole("group", { name: "Friend request to Leon" }));

    await guest.getByRole("link", { name: "Friends", exact: true }).click();
    await guest
      .getByRole("group", { name: "Friend request from Emma" })
      .getByRole("button", { name: "Accept" })
      .click();
    await shows(guest.getByRole("link", { name: "Emma" }));
    await shows(guest.getByText("No one is waiting for your answer."));
    await checkPage(guest, "friends-page");

    // Emma starts a private club and invites Léon, who accepts from his home page.
    await host.getByRole("link", { name: "Clubs", exact: true }).click();
    await host.getByRole("link", { name: "Start a club" }).click();
    await host.getByLabel("Name", { exact: true }).fill("Yonville Readers");
    await host.getByLabel("Description").fill("Provincial novels, read slowly.");
    await host.getByLabel("Where you meet").fill("The Lion d'Or inn");
    await host.getByLabel("By request or invitation (private)").check();
    await host.getByRole("button", { name: "Create club" }).click();
    await shows(host.getByRole("heading", { name: "Yonville Readers" }));
    await host.getByLabel("Username").fill("leon");
    await host.getByRole("button", { name: "Send invitation" }).click();
    await shows(host.getByText("Invitation sent to @leon."));

    await guest.getByRole("link", { name: "Home" }).click();
    const invitation = guest.getByRole("group", { name: "Invitation to Yonville Readers" });
    await shows(invitation);
    await checkPage(guest, "home-invitation");
    await invitation.getByRole("button", { name: "Accept" }).click();
    await invitation.waitFor({ state: "detached" });
    await guest.getByRole("link", { name: "Yonville Readers" }).click();
    await shows(guest.getByRole("heading", { name: "Yonville Readers" }));
    await shows(guest.getByRole("button", { name: "Leave club" }));

    // Emma schedules the meeting; both answer "Going".
    const { local, date } = nextMonthEvening();
    await host.getByLabel("Book", { exact: true }).fill("bovary");
    await host.getByRole("button", { name: "Choose Madame Bovary" }).click();
    await host.getByLabel("Starts at").fill(local);
    await host.getByLabel("Place").fill("The Lion d'Or inn");
    await host.getByRole("button", { name: "Schedule meeting" }).click();
    await shows(host.getByRole("heading", { name: "Madame Bovary" }));
    const meetingPath = new URL(host.url()).pathname;
    await host.getByRole("button", { name: "Going", exact: true }).click();
    await shows(host.getByLabel(/Page reached/));

    await guest.reload();
    await guest.getByRole("link", { name: "Madame Bovary" }).click();
    await guest.getByRole("button", { name: "Going", exact: true }).click();
    await shows(guest.getByLabel(/Page reached/));
    expect(new URL(guest.url()).pathname).toBe(meetingPath);

    // Both pages stay open: each report shows on the other page by refresh, without reload.
    await host.getByLabel(/Page reached/).fill("100");
    await host.getByRole("button", { name: "Update" }).click();
    await expect.poll(() => barValue(guest, "Emma"), eventually).toBe("31");
    await guest.getByLabel(/Page reached/).fill("160");
    await guest.getByRole("button", { name: "Update" }).click();
    await expect.poll(() => barValue(host, "Leon"), eventually).toBe("50");
    await guest.getByLabel(/Page reached/).fill("240");
    await guest.getByRole("button", { name: "Update" }).click();
    await expect.poll(() => barValue(host, "Leon"), eventually).toBe("75");

    // Going back needs an explicit correction; the server's refusal sits under the field.
    await host.getByLabel(/Page reached/).fill("80");
    await host.getByRole("button", { name: "Update" }).click();
    await shows(host.getByText("You were already on page 100; mark it as a correction to go back"));
    await host.getByLabel(/This is a correction/).check();
    await host.getByRole("button", { name: "Update" }).click();
    await shows(host.getByText("Last saved: page 80 (25%)."));
    await expect.poll(() => barValue(guest, "Emma"), eventually).toBe("25");

    // A second tab still showing the old version loses the compare-and-set, sees why, and retries on top.
    const secondTab = await hostContext.newPage();
    await secondTab.goto(meetingPath);
    await shows(secondTab.getByText("Last saved: page 80 (25%)."));
    await host.getByLabel(/Page reached/).fill("120");
    await host.getByRole("button", { name: "Update" }).click();
    await shows(host.getByText("Last saved: page 120 (37%)."));
    await secondTab.getByLabel(/Page reached/).fill("130");
    await secondTab.getByRole("button", { name: "Update" }).click();
    await shows(secondTab.getByText(/Your progress changed elsewhere.*page 120/));
    await secondTab.getByRole("button", { name: "Save page 130 anyway" }).click();
    await shows(secondTab.getByText("Last saved: page 130 (40%)."));
    await secondTab.close();

    // The first tab still shows the version from before that save: it is told too, and confirms.
    await host.getByRole("button", { name: "I finished the book" }).click();
    await shows(host.getByText(/Your progress changed elsewhere.*page 130/));
    await host.getByRole("button", { name: "Mark the book finished anyway" }).click();
    await shows(host.getByText("You have read the whole book."));
    await expect.poll(() => barValue(guest, "Emma"), eventually).toBe("100");
    await shows(guest.getByText("Finished", { exact: true }));
    await shows(host.getByRole("img", { name: "Pages read over time by 2 attendees" }));
    await shows(guest.getByRole("img", { name: "Pages read over time by 2 attendees" }));
    await host.getByText("Show the updates as a table").click();
    // Emma: 100, 80 (correction), 120, 130, 320; Léon: 160, 240; and the header row.
    await expect.poll(() => host.getByRole("row").count(), eventually).toBe(1 + 7);
    await shows(host.getByRole("cell", { name: "80 (correction)" }));
    await checkPage(host, "meeting-race");
    await checkPage(guest, "meeting-race-guest");

    // Léon's friends page shows what Emma read in their club.
    await guest.getByRole("link", { name: "Friends", exact: true }).click();
    await shows(guest.getByText(/Emma\s+finished\s+Madame Bovary/).first());

    // Emma's calendar: next month shows the meeting, today is marked, and the private feed is real iCalendar.
    await host.getByRole("link", { name: "Calendar", exact: true }).click();
    await expect.poll(() => host.locator('td[aria-current="date"]').count(), eventually).toBe(1);
    await host.getByRole("button", { name: /Next month/ }).click();
    const meetingLink = host.getByRole("link", { name: /Madame Bovary/ });
    await shows(meetingLink);
    expect(await meetingLink.getAttribute("href")).toBe(meetingPath);
    await host.getByRole("button", { name: "Get my calendar link" }).click();
    const feedInput = host.getByLabel("Your calendar feed link");
    await shows(feedInput);
    const feedUrl = new URL(await feedInput.inputValue());
    expect(feedUrl.pathname).toMatch(/^\/calendar\/.+\.ics$/);
    await host.getByRole("button", { name: "Copy link" }).click();
    await shows(host.getByText(/^Copied\./));
    expect(await host.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl.toString());
    await checkPage(host, "calendar");

    const response = await fetch(new URL(feedUrl.pathname, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary)).toEqual(["Yonville Readers: Madame Bovary"]);
    expect(events[0]?.startDate.toJSDate().getTime()).toBe(date.getTime());

    // Turning the link off makes the feed disappear.
    await host.getByRole("button", { name: "Turn off my calendar link" }).click();
    await host.getByRole("button", { name: "Turn off", exact: true }).click();
    await shows(host.getByText("Your calendar link no longer works."));
    expect((await fetch(new URL(feedUrl.pathname, server.url))).status).toBe(404);

    expect(errors).toEqual([]);
    await hostContext.close();
    await guestContext.close();
  }, 120_000);
});
