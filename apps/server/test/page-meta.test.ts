import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemoCommunity } from "../src/demo/community.js";
import { signedUpClient, startTestServer } from "./harness.js";

// A built web app's index.html, as Vite writes it.
const dist = await mkdtemp(path.join(tmpdir(), "booky-dist-"));
afterAll(() => rm(dist, { recursive: true, force: true }));
await writeFile(
  path.join(dist, "index.html"),
  `<!doctype html><html lang="en"><head><meta charset="UTF-8" />
    <meta name="description" content="Booky: book clubs that actually finish the book." />
    <title>Booky</title></head><body><div id="root"></div></body></html>`,
);
const server = await startTestServer({ env: { WEB_DIST_DIR: dist } });
await seedDemoCommunity(server.db, { publicUrl: "http://booky.test" });

async function head(pathname: string) {
  const response = await fetch(`${server.url}${pathname}`, { headers: { accept: "text/html" } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const meta = (key: string) =>
    html.match(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`))?.[1] ?? null;
  return {
    html,
    title: html.match(/<title>([^<]*)<\/title>/)?.[1] ?? null,
    description: meta("description"),
    ogTitle: meta("og:title"),
    ogUrl: meta("og:url"),
  };
}

describe("server-sent previews of public pages", () => {
  it("a public club's page carries its title, description and Open Graph tags", async () => {
    const page = await head("/clubs/thursday-classics-circle");
    expect(page.title).toBe("Thursday Classics Circle · Booky");
    expect(page.ogTitle).toBe(page.title);
    expect(page.description).toMatch(/^The books everyone pretends to have read.*Reading Brave New World next\.$/);
    expect(page.ogUrl).toBe("http://booky.test/clubs/thursday-classics-circle");
    expect(page.html.match(/<title>/g)).toHaveLength(1);
    expect(page.html.match(/name="description"/g)).toHaveLength(1);
  });

  it("a private club previews with its name and description only", async () => {
    const page = await head("/clubs/quiet-margins");
    expect(page.title).toBe("Quiet Margins · Booky");
    expect(page.description).toBe(
      "A small, private poetry circle. Members bring one poem each time, and we read a collection together.",
    );
    expect(page.html).not.toContain("og:image");
  });

  it("member profiles and the directory have their own; unknown pages the site's", async () => {
    expect((await head("/u/elena")).title).toBe("Elena Marchetti (@elena) · Booky");
    expect((await head("/clubs")).title).toBe("Book clubs · Booky");
    expect((await head("/clubs/no-such-club")).title).toBe("Booky");
    expect((await head("/books/not-a-uuid")).title).toBe("Booky");
  });

  it("escapes what members wrote", async () => {
    const { client } = await signedUpClient(server);
    await client.trpc.clubs.create.mutate({
      name: `Quotes "&" <script>alert(1)</script>`,
      description: `"><img src=x onerror=alert(1)>`,
      category: "poetry",
      isOnline: true,
    });
    const { items } = await server.client().trpc.public.clubs.query({ search: "Quotes", limit: 5 });
    const page = await head(`/clubs/${items[0]?.slug}`);
    expect(page.html).not.toContain("<script>alert");
    expect(page.html).not.toContain("<img src=x");
    expect(page.title).toBe("Quotes &quot;&amp;&quot; &lt;script&gt;alert(1)&lt;/script&gt; · Booky");
  });
});
