import { describe, expect, it } from "vitest";
import { startTestServer } from "./harness.js";

const server = await startTestServer();

describe("the API reference page", () => {
  it("is a page of Booky's own whose scripts and styles Booky serves, under the strict CSP", async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    // No inline script, nothing from another origin.
    expect(html).not.toMatch(/<script>/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(assets).toEqual([
      "/api/docs/assets/favicon-32x32.png",
      "/api/docs/assets/swagger-ui.css",
      "/api/docs/booky.css",
      "/api/docs/assets/swagger-ui-bundle.js",
      "/api/docs/init.js",
    ]);
    for (const asset of assets) {
      const answer = await fetch(`${server.url}${asset}`);
      expect(answer.status, asset).toBe(200);
      expect((await answer.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    expect(await (await fetch(`${server.url}/api/docs/init.js`)).text()).toContain('url: "/api/openapi.json"');
    const stylesheet = await fetch(`${server.url}/api/docs/booky.css`);
    expect(stylesheet.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await stylesheet.text()).toContain(".swagger-ui .opblock.opblock-get .opblock-summary-method");
  });

  it("serves only the renderer's own files from its package", async () => {
    for (const other of ["index.html", "package.json", "swagger-initializer.js", "..%2F..%2Fpackage.json"]) {
      const answer = await fetch(`${server.url}/api/docs/assets/${other}`);
      expect(answer.status, other).toBe(404);
      await answer.arrayBuffer();
    }
  });
});
