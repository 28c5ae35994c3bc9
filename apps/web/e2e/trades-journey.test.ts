import { copyOf, readers, shareClub, startTestServer } from "@booky/server/testing";
import { startSmtpInbox } from "@booky/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { logIn, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const inbox = await startSmtpInbox();
const server = await startTestServer({ jobs: true, env: { WEB_DIST_DIR: webDist, SMTP_URL: inbox.url } });
const browser = await launchBrowser();
type Reader = Awaited<ReturnType<typeof readers>>[number];

/** A browser of its own for a member made through the API, logged in. */
const logInAs = async (who: Reader) => logIn(await browser.newContext({ baseURL: server.url, viewport: DESKTOP }), who);

const ownerOf = async (reader: Reader) =>
  (await reader.client.trpc.copies.mine.query({ limit: 50 })).items.map((copy) => copy.book.title).sort();

describe("trading and lending between members", () => {
  it("two for one, countered, accepted: the copies change owner and both get the e-mail", async () => {
    const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
    await shareClub(ana, ben);
    for (const title of ["Ana One", "Ana Two"]) await copyOf(server, ana, { title });
    for (const title of ["Ben One", "Ben Two"]) await copyOf(server, ben, { title });
    const anaPage = await logInAs(ana);
    const benPage = await logInAs(ben);

    // Ana offers her two books for one of Ben's.
    await anaPage.goto(`/trades/new/${ben.user.id}`);
    await anaPage.getByLabel("Ana One (Very good)").check();
    await anaPage.getByLabel("Ana Two (Very good)").check();
    await anaPage.getByLabel("Ben One (Very good)").check();
    await anaPage.getByLabel("Message").fill("Both of mine for your first one?");
    await checkPage(anaPage, "trade-builder");
    await anaPage.getByRole("button", { name: "Send proposal" }).click();
    await shows(anaPage.getByRole("heading", { name: "Trades" }));

    // Ben counters: his other book too, for her two.
    await benPage.goto("/trades");
    const proposal = benPage.getByRole("listitem", { name: `Trade with ${ana.details.displayName}` });
    await shows(proposal.getByText("Both of mine for your first one?"));
    await checkPage(benPage, "trade-inbox-incoming");
    await proposal.getByRole("link", { name: "Counter" }).click();
    await shows(benPage.getByRole("heading", { name: "Counter the proposal" }));
    await benPage.getByLabel("Ben One (Very good)").check();
    await benPage.getByLabel("Ben Two (Very good)").check();
    await benPage.getByLabel("Ana One (Very good)").check();
    await benPage.getByLabel("Ana Two (Very good)").check();
    await benPage.getByRole("button", { name: "Send counter-proposal" }).click();
    await shows(benPage.getByRole("heading", { name: "Trades" }));

    // Ana accepts the counter; the job moves the copies.
    await anaPage.goto("/trades");
    const counter = anaPage.getByRole("list", { name: "Proposals to you" }).getByRole("listitem");
    await counter.getByRole("button", { name: "Accept" }).click();
    const done = anaPage.getByRole("list", { name: "History" }).getByText("fulfilled");
    await shows(done);
    await checkPage(anaPage, "trade-fulfilled");
    expect(await ownerOf(ana)).toEqual(["Ben One", "Ben Two"]);
    expect(await ownerOf(ben)).toEqual(["Ana One", "Ana Two"]);
    for (const reader of [ana, ben]) {
      const subjects = () => inbox.to(reader.details.email).map((mail) => mail.subject ?? "");
      await expect
        .poll(() => subjects().some((subject) => /^Trade with @.+ done$/.test(subject)), { timeout: 15_000 })
        .toBe(true);
    }
    await benPage.goto("/trades");
    await shows(benPage.getByRole("list", { name: "History" }).getByText("fulfilled"));
  }, 180_000);

  it("a loan from the loans page, handed over and returned, both sides confirming", async () => {
    const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
    await shareClub(ana, ben);
    await copyOf(server, ana, { title: "Lent Novel", availability: "open_to_lend" });
    const anaPage = await logInAs(ana);
    const benPage = await logInAs(ben);

    await anaPage.getByRole("link", { name: "Loans", exact: true }).click();
    await anaPage.getByLabel("Lend to (username)").fill(ben.details.username);
    await anaPage.getByRole("button", { name: "Lend" }).click();
    const lent = anaPage.getByRole("list", { name: "Lent out" }).getByRole("listitem");
    await shows(lent.getByText(`Lent Novel · lent to ${ben.details.displayName}`));
    await checkPage(anaPage, "loans-lent");
    await lent.getByRole("button", { name: "I handed it over" }).click();

    await benPage.goto("/loans");
    const borrowed = benPage.getByRole("list", { name: "Borrowed" }).getByRole("listitem");
    await borrowed.getByRole("button", { name: "I received it" }).click();
    await shows(borrowed.getByTestId("loan-status").getByText("lent out"));
    await borrowed.getByRole("button", { name: "I gave it back" }).click();

    await anaPage.reload();
    await shows(lent.getByTestId("loan-status").getByText("lent out"));
    await lent.getByRole("button", { name: "Mark returned: I got it back" }).click();
    const past = anaPage.getByRole("list", { name: "Past loans of my copies" }).getByRole("listitem");
    await shows(past.getByTestId("loan-status").getByText("returned"));
    await checkPage(anaPage, "loans-returned");
  }, 120_000);
});
