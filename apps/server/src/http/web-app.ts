import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import escapeHtml from "escape-html";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { PageMeta } from "../services/page-meta.js";

export interface WebAppOptions {
  /** The preview of the page at a path (title, description, image), for shared links. */
  describe: (pathname: string) => Promise<PageMeta>;
  /** The site's public address: Open Graph URLs are absolute. */
  publicUrl: string;
}

/** The `<title>`, description and Open Graph tags of a page, escaped for HTML. */
function headTags(meta: PageMeta, url: string): string {
  const tags = [
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:site_name" content="Booky" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    meta.image ? `<meta property="og:image" content="${escapeHtml(meta.image)}" />` : null,
    `<meta name="twitter:card" content="${meta.image ? "summary_large_image" : "summary"}" />`,
  ];
  return tags.filter(Boolean).join("\n    ");
}

/** index.html with the page's own head: the built file's `<title>` and description are replaced. */
function pageHtml(template: string, meta: PageMeta, url: string): string {
  return template
    .replace(/\s*<meta name="description"[^>]*>/, "")
    .replace(/<title>[^<]*<\/title>/, headTags(meta, url));
}

/**
 * Serves the built single-page app; unknown GET paths that want HTML get
 * index.html so deep links survive a reload, with that page's title,
 * description and Open Graph tags so shared links preview well. API paths
 * keep real 404s.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string, options: WebAppOptions): Promise<boolean> {
  const indexFile = path.join(distDir, "index.html");
  if (!existsSync(indexFile)) return false;
  const template = readFileSync(indexFile, "utf8");
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false, maxAge: "1h" });
  const sendPage = async (pathname: string, reply: FastifyReply) => {
    const meta = await options.describe(pathname);
    const url = new URL(pathname, options.publicUrl).href;
    return reply
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(pageHtml(template, meta, url));
  };
  app.get("/", (_request, reply) => sendPage("/", reply));
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && request.headers.accept?.includes("text/html");
    if (wantsPage && !request.url.startsWith("/trpc")) {
      return sendPage(new URL(request.url, "http://booky.invalid").pathname, reply);
    }
    return reply.code(404).send({ error: "Not Found", path: request.url });
  });
  return true;
}
